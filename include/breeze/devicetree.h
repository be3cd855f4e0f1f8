/*
 * Zephyr's devicetree macro API over the generated header.
 *
 * scripts/gen_devicetree.py writes devicetree_generated.h from the board's
 * compiled tree: one macro per fact, named after the node's path in tokens
 * (/soc/serial@10000000 is DT_N_S_soc_S_serial_10000000). A node identifier
 * is that token; every macro here pastes a suffix onto one, so all of them
 * are evaluated by the preprocessor, cost nothing at run time and fail to
 * compile (an undefined token) when the fact is not in the tree.
 *
 * Names of nodes, properties and compatibles are written as C tokens:
 * lower case, with anything but letters, digits and '_' as '_'
 * ("clock-frequency" is clock_frequency, "ns16550a" is ns16550a,
 * "google,goldfish-rtc" is google_goldfish_rtc).
 *
 * Pure macros, so that the linker script can use them as well.
 */
#ifndef BREEZE_DEVICETREE_H
#define BREEZE_DEVICETREE_H

#include <devicetree_generated.h>

/*
 * Token pasting after expansion of the arguments, so that DT_DRV_COMPAT or a
 * DT_NODELABEL() may be one of them.
 */
#define DT_CAT(a, b)                   Z_DT_CAT2(a, b)
#define DT_CAT3(a, b, c)               Z_DT_CAT3(a, b, c)
#define DT_CAT4(a, b, c, d)            Z_DT_CAT4(a, b, c, d)
#define DT_CAT5(a, b, c, d, e)         Z_DT_CAT5(a, b, c, d, e)
#define DT_CAT6(a, b, c, d, e, f)      Z_DT_CAT6(a, b, c, d, e, f)
#define DT_CAT7(a, b, c, d, e, f, g)   Z_DT_CAT7(a, b, c, d, e, f, g)
#define Z_DT_CAT2(a, b)                a##b
#define Z_DT_CAT3(a, b, c)             a##b##c
#define Z_DT_CAT4(a, b, c, d)          a##b##c##d
#define Z_DT_CAT5(a, b, c, d, e)       a##b##c##d##e
#define Z_DT_CAT6(a, b, c, d, e, f)    a##b##c##d##e##f
#define Z_DT_CAT7(a, b, c, d, e, f, g) a##b##c##d##e##f##g
#define DT_DEBRACKET_INTERNAL(...)     __VA_ARGS__

/* 1 if @macro is defined to 1, else 0 (how every "has" question is answered). */
#define Z_DT_IS_1(macro)               Z_DT_IS_1_A(macro)
#define Z_DT_IS_1_A(macro)             Z_DT_IS_1_B(Z_DT_PROBE_##macro)
#define Z_DT_PROBE_1                   ~, 1
#define Z_DT_IS_1_B(probe)             Z_DT_IS_1_C(probe, 0, ~)
#define Z_DT_IS_1_C(ignored, val, ...) val

/* @a (in parentheses) when @flag is 1, @b when it is 0. */
#define Z_DT_IF(flag, a, b)   Z_DT_IF_A(flag, a, b)
#define Z_DT_IF_A(flag, a, b) Z_DT_IF_##flag(a, b)
#define Z_DT_IF_1(a, b)       DT_DEBRACKET_INTERNAL a
#define Z_DT_IF_0(a, b)       DT_DEBRACKET_INTERNAL b

/* Node identifiers */

#define DT_ROOT               DT_N
#define DT_NODELABEL(label)   DT_CAT(DT_N_NODELABEL_, label)
#define DT_ALIAS(alias)       DT_CAT(DT_N_ALIAS_, alias)
#define DT_CHOSEN(prop)       DT_CAT(DT_CHOSEN_, prop)
#define DT_HAS_CHOSEN(prop)   Z_DT_IS_1(DT_CAT3(DT_CHOSEN_, prop, _EXISTS))
#define DT_INST(inst, compat) DT_CAT4(DT_N_INST_, inst, _, compat)
#define DT_PARENT(node_id)    DT_CAT(node_id, _PARENT)
#define DT_GPARENT(node_id)   DT_PARENT(DT_PARENT(node_id))

/* DT_PATH(soc, serial_10000000): a node by its path from the root, up to five levels. */
#define DT_PATH(...)                       Z_DT_PATH_N(__VA_ARGS__, 5, 4, 3, 2, 1, ~)(__VA_ARGS__)
#define Z_DT_PATH_N(a, b, c, d, e, n, ...) DT_CAT(Z_DT_PATH_, n)
#define Z_DT_PATH_1(a)                     DT_CAT(DT_N_S_, a)
#define Z_DT_PATH_2(a, b)                  DT_CAT4(DT_N_S_, a, _S_, b)
#define Z_DT_PATH_3(a, b, c)               DT_CAT6(DT_N_S_, a, _S_, b, _S_, c)
#define Z_DT_PATH_4(a, b, c, d)            DT_CAT(Z_DT_PATH_3(a, b, c), DT_CAT(_S_, d))
#define Z_DT_PATH_5(a, b, c, d, e)         DT_CAT(Z_DT_PATH_4(a, b, c, d), DT_CAT(_S_, e))

/* Node facts */

#define DT_NODE_EXISTS(node_id)             Z_DT_IS_1(DT_CAT(node_id, _EXISTS))
#define DT_NODE_PATH(node_id)               DT_CAT(node_id, _PATH)
#define DT_NODE_FULL_NAME(node_id)          DT_CAT(node_id, _FULL_NAME)
#define DT_DEP_ORD(node_id)                 DT_CAT(node_id, _ORD)
#define DT_SAME_NODE(a, b)                  (DT_DEP_ORD(a) == DT_DEP_ORD(b))
#define DT_NODE_HAS_STATUS(node_id, status) Z_DT_IS_1(DT_CAT3(node_id, _STATUS_, status))
#define DT_NODE_HAS_STATUS_OKAY(node_id)    DT_NODE_HAS_STATUS(node_id, okay)
#define DT_NODE_HAS_COMPAT(node_id, compat) Z_DT_IS_1(DT_CAT3(node_id, _COMPAT_MATCHES_, compat))
#define DT_CHILD_NUM(node_id)               DT_CAT(node_id, _CHILD_NUM)

/* Children: @fn(child_id) for each */
#define DT_FOREACH_CHILD(node_id, fn)             DT_CAT(node_id, _FOREACH_CHILD)(fn)
#define DT_FOREACH_CHILD_SEP(node_id, fn, sep)    DT_CAT(node_id, _FOREACH_CHILD_SEP)(fn, sep)
#define DT_FOREACH_CHILD_STATUS_OKAY(node_id, fn) DT_CAT(node_id, _FOREACH_CHILD_STATUS_OKAY)(fn)

/* Properties */

#define DT_PROP(node_id, prop)          DT_CAT3(node_id, _P_, prop)
#define DT_NODE_HAS_PROP(node_id, prop) Z_DT_IS_1(DT_CAT4(node_id, _P_, prop, _EXISTS))
#define DT_PROP_OR(node_id, prop, default_value) \
	Z_DT_IF(DT_NODE_HAS_PROP(node_id, prop), (DT_PROP(node_id, prop)), (default_value))
#define DT_PROP_LEN(node_id, prop) DT_CAT4(node_id, _P_, prop, _LEN)
#define DT_PROP_LEN_OR(node_id, prop, default_value) \
	Z_DT_IF(DT_NODE_HAS_PROP(node_id, prop), (DT_PROP_LEN(node_id, prop)), (default_value))
#define DT_PROP_BY_IDX(node_id, prop, idx) DT_CAT5(node_id, _P_, prop, _IDX_, idx)
#define DT_PROP_HAS_IDX(node_id, prop, idx) \
	Z_DT_IS_1(DT_CAT6(node_id, _P_, prop, _IDX_, idx, _EXISTS))
#define DT_FOREACH_PROP_ELEM(node_id, prop, fn) DT_CAT4(node_id, _P_, prop, _FOREACH_PROP_ELEM)(fn)
#define DT_STRING_TOKEN(node_id, prop)          DT_CAT4(node_id, _P_, prop, _STRING_TOKEN)
#define DT_STRING_UPPER_TOKEN(node_id, prop)    DT_CAT4(node_id, _P_, prop, _STRING_UPPER_TOKEN)
#define DT_PHANDLE_BY_IDX(node_id, prop, idx)   DT_PROP_BY_IDX(node_id, prop, idx)
#define DT_PHANDLE(node_id, prop)               DT_PHANDLE_BY_IDX(node_id, prop, 0)

/* Registers */

#define DT_NUM_REGS(node_id)               DT_CAT(node_id, _REG_NUM)
#define DT_REG_HAS_IDX(node_id, idx)       Z_DT_IS_1(DT_CAT4(node_id, _REG_IDX_, idx, _EXISTS))
#define DT_REG_HAS_NAME(node_id, name)     Z_DT_IS_1(DT_CAT4(node_id, _REG_NAME_, name, _EXISTS))
#define DT_REG_ADDR_BY_IDX(node_id, idx)   DT_CAT4(node_id, _REG_IDX_, idx, _VAL_ADDRESS)
#define DT_REG_SIZE_BY_IDX(node_id, idx)   DT_CAT4(node_id, _REG_IDX_, idx, _VAL_SIZE)
#define DT_REG_ADDR(node_id)               DT_REG_ADDR_BY_IDX(node_id, 0)
#define DT_REG_SIZE(node_id)               DT_REG_SIZE_BY_IDX(node_id, 0)
#define DT_REG_ADDR_BY_NAME(node_id, name) DT_CAT4(node_id, _REG_NAME_, name, _VAL_ADDRESS)
#define DT_REG_SIZE_BY_NAME(node_id, name) DT_CAT4(node_id, _REG_NAME_, name, _VAL_SIZE)

/*
 * Interrupts. DT_IRQ() is a cell as the tree writes it (the PLIC source
 * number, say); DT_IRQN() is the number IRQ_CONNECT() and irq_enable() take,
 * which for a PLIC source is RISCV_IRQ_PLIC(source) (the controller's
 * binding gives the offset: irq-base).
 */
#define DT_NUM_IRQS(node_id)              DT_CAT(node_id, _IRQ_NUM)
#define DT_IRQ_HAS_IDX(node_id, idx)      Z_DT_IS_1(DT_CAT4(node_id, _IRQ_IDX_, idx, _EXISTS))
#define DT_IRQ_BY_IDX(node_id, idx, cell) DT_CAT5(node_id, _IRQ_IDX_, idx, _VAL_, cell)
#define DT_IRQ(node_id, cell)             DT_IRQ_BY_IDX(node_id, 0, cell)
#define DT_IRQ_HAS_CELL_AT_IDX(node_id, idx, cell) \
	Z_DT_IS_1(DT_CAT6(node_id, _IRQ_IDX_, idx, _VAL_, cell, _EXISTS))
#define DT_IRQN_BY_IDX(node_id, idx)     DT_CAT4(node_id, _IRQ_IDX_, idx, _IRQN)
#define DT_IRQN(node_id)                 DT_IRQN_BY_IDX(node_id, 0)
#define DT_IRQ_INTC_BY_IDX(node_id, idx) DT_CAT4(node_id, _IRQ_IDX_, idx, _CONTROLLER)
#define DT_IRQ_INTC(node_id)             DT_IRQ_INTC_BY_IDX(node_id, 0)

/* Compatibles and their enabled instances */

#define DT_HAS_COMPAT_STATUS_OKAY(compat) Z_DT_IS_1(DT_CAT(DT_COMPAT_HAS_OKAY_, compat))
#define DT_NUM_INST_STATUS_OKAY(compat) \
	Z_DT_IF(DT_HAS_COMPAT_STATUS_OKAY(compat), (DT_CAT3(DT_N_INST_, compat, _NUM_OKAY)), (0))
#define DT_FOREACH_STATUS_OKAY(compat, fn) \
	Z_DT_IF(DT_HAS_COMPAT_STATUS_OKAY(compat), (DT_CAT(DT_FOREACH_OKAY_, compat)(fn)), ())
#define DT_COMPAT_GET_ANY_STATUS_OKAY(compat) DT_INST(0, compat)
/* @fn(node_id) for every node with status "okay" (Breeze: how devices are declared). */
#define DT_FOREACH_OKAY_NODE(fn)              DT_FOREACH_OKAY_NODE_INTERNAL(fn)

/*
 * The DT_INST_* forms: instance @inst of DT_DRV_COMPAT, which a driver
 * defines before using them (#define DT_DRV_COMPAT ns16550).
 */
#define DT_DRV_INST(inst)            DT_INST(inst, DT_DRV_COMPAT)
#define DT_INST_PARENT(inst)         DT_PARENT(DT_DRV_INST(inst))
#define DT_INST_NODE_FULL_NAME(inst) DT_NODE_FULL_NAME(DT_DRV_INST(inst))
#define DT_INST_DEP_ORD(inst)        DT_DEP_ORD(DT_DRV_INST(inst))
#define DT_INST_PROP(inst, prop)     DT_PROP(DT_DRV_INST(inst), prop)
#define DT_INST_PROP_OR(inst, prop, default_value) \
	DT_PROP_OR(DT_DRV_INST(inst), prop, default_value)
#define DT_INST_PROP_LEN(inst, prop)          DT_PROP_LEN(DT_DRV_INST(inst), prop)
#define DT_INST_PROP_BY_IDX(inst, prop, idx)  DT_PROP_BY_IDX(DT_DRV_INST(inst), prop, idx)
#define DT_INST_NODE_HAS_PROP(inst, prop)     DT_NODE_HAS_PROP(DT_DRV_INST(inst), prop)
#define DT_INST_PHANDLE(inst, prop)           DT_PHANDLE(DT_DRV_INST(inst), prop)
#define DT_INST_STRING_TOKEN(inst, prop)      DT_STRING_TOKEN(DT_DRV_INST(inst), prop)
#define DT_INST_NUM_REGS(inst)                DT_NUM_REGS(DT_DRV_INST(inst))
#define DT_INST_REG_ADDR(inst)                DT_REG_ADDR(DT_DRV_INST(inst))
#define DT_INST_REG_SIZE(inst)                DT_REG_SIZE(DT_DRV_INST(inst))
#define DT_INST_REG_ADDR_BY_IDX(inst, idx)    DT_REG_ADDR_BY_IDX(DT_DRV_INST(inst), idx)
#define DT_INST_REG_SIZE_BY_IDX(inst, idx)    DT_REG_SIZE_BY_IDX(DT_DRV_INST(inst), idx)
#define DT_INST_REG_ADDR_BY_NAME(inst, name)  DT_REG_ADDR_BY_NAME(DT_DRV_INST(inst), name)
#define DT_INST_REG_SIZE_BY_NAME(inst, name)  DT_REG_SIZE_BY_NAME(DT_DRV_INST(inst), name)
#define DT_INST_NUM_IRQS(inst)                DT_NUM_IRQS(DT_DRV_INST(inst))
#define DT_INST_IRQ(inst, cell)               DT_IRQ(DT_DRV_INST(inst), cell)
#define DT_INST_IRQ_BY_IDX(inst, idx, cell)   DT_IRQ_BY_IDX(DT_DRV_INST(inst), idx, cell)
#define DT_INST_IRQN(inst)                    DT_IRQN(DT_DRV_INST(inst))
#define DT_INST_IRQN_BY_IDX(inst, idx)        DT_IRQN_BY_IDX(DT_DRV_INST(inst), idx)
#define DT_INST_FOREACH_CHILD(inst, fn)       DT_FOREACH_CHILD(DT_DRV_INST(inst), fn)
#define DT_INST_NODE_HAS_STATUS(inst, status) DT_NODE_HAS_STATUS(DT_DRV_INST(inst), status)
#define DT_INST_FOREACH_STATUS_OKAY(fn)                   \
	Z_DT_IF(DT_HAS_COMPAT_STATUS_OKAY(DT_DRV_COMPAT), \
		(DT_CAT(DT_FOREACH_OKAY_INST_, DT_DRV_COMPAT)(fn)), ())
#define DT_ANY_INST_ON_BUS_STATUS_OKAY(bus) 0

#endif /* BREEZE_DEVICETREE_H */
