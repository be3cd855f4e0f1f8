/*
 * The macro API on the nodes app.overlay adds: every property type of the
 * test binding (tests/devicetree/api/dts/bindings), registers by name,
 * several interrupts, instances with a disabled one, children.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/devicetree.h>
#include <zephyr/ztest.h>

#define A   DT_NODELABEL(widget_a)
#define B   DT_NODELABEL(widget_b)
#define OFF DT_NODELABEL(widget_off)

/* Where the overlay connects the widget: the board's interrupt controller and devices. */
#if defined(CONFIG_ARM)
#define WIDGET_INTC       DT_NODELABEL(nvic)
#define WIDGET_IRQN(line) (line)
#define SECOND_PEER       DT_NODELABEL(uart1)
#else
#define WIDGET_INTC       DT_NODELABEL(plic)
#define WIDGET_IRQN(line) RISCV_IRQ_PLIC(line)
#define SECOND_PEER       DT_NODELABEL(rtc)
#endif

BUILD_ASSERT(DT_SAME_NODE(DT_ALIAS(first_widget), A));
BUILD_ASSERT(DT_NUM_REGS(A) == 2);
BUILD_ASSERT(DT_REG_ADDR_BY_IDX(A, 1) == 0x40001000);
BUILD_ASSERT(DT_REG_SIZE_BY_IDX(A, 1) == 0x20);
BUILD_ASSERT(DT_REG_ADDR_BY_NAME(A, fifo) == 0x40001000);
BUILD_ASSERT(DT_REG_SIZE_BY_NAME(A, control) == 0x100);
BUILD_ASSERT(DT_REG_HAS_NAME(A, fifo) && !DT_REG_HAS_NAME(A, dma));
BUILD_ASSERT(DT_REG_HAS_IDX(A, 1) && !DT_REG_HAS_IDX(A, 2));
BUILD_ASSERT(DT_NUM_IRQS(A) == 2 && DT_NUM_IRQS(B) == 0);
BUILD_ASSERT(DT_IRQ_BY_IDX(A, 1, irq) == 21);
BUILD_ASSERT(DT_IRQN_BY_IDX(A, 1) == WIDGET_IRQN(21));
BUILD_ASSERT(DT_SAME_NODE(DT_IRQ_INTC(A), WIDGET_INTC));

BUILD_ASSERT(DT_PROP(A, an_int) == 42);
BUILD_ASSERT(DT_PROP_LEN(A, an_array) == 3 && DT_PROP_BY_IDX(A, an_array, 2) == 3);
BUILD_ASSERT(DT_PROP_HAS_IDX(A, an_array, 2) && !DT_PROP_HAS_IDX(A, an_array, 3));
BUILD_ASSERT(DT_PROP_LEN(A, some_bytes) == 4 && DT_PROP_BY_IDX(A, some_bytes, 0) == 0xde);
BUILD_ASSERT(DT_PROP(A, is_set) == 1 && DT_PROP(A, is_unset) == 0);
BUILD_ASSERT(DT_NODE_HAS_PROP(A, is_set) && !DT_NODE_HAS_PROP(A, is_unset));
BUILD_ASSERT(DT_SAME_NODE(DT_PHANDLE(A, peer), DT_NODELABEL(uart0)));
BUILD_ASSERT(DT_PROP_LEN(A, peers) == 2);
BUILD_ASSERT(DT_SAME_NODE(DT_PHANDLE_BY_IDX(A, peers, 1), SECOND_PEER));
BUILD_ASSERT(DT_PROP(A, with_default) == 7 && DT_PROP(B, with_default) == 8);
BUILD_ASSERT(!DT_NODE_HAS_PROP(A, missing) && DT_PROP_OR(A, missing, -1) == -1);
BUILD_ASSERT(DT_PROP_OR(B, an_int, 0) == 43);

BUILD_ASSERT(DT_NODE_HAS_STATUS(OFF, disabled) && !DT_NODE_HAS_STATUS(OFF, okay));
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(breeze_test_widget) == 2);
BUILD_ASSERT(DT_SAME_NODE(DT_INST(1, breeze_test_widget), B));

#define DT_DRV_COMPAT   breeze_test_widget
#define INST_INT(inst)  DT_INST_PROP(inst, an_int),
#define CHILD_ORD(node) DT_DEP_ORD(node),

ZTEST_SUITE(overlay_tree, NULL, NULL, NULL, NULL, NULL);

ZTEST(overlay_tree, test_strings) {
	static const char *const strings[] = DT_PROP(A, strings);

	zassert_str_equal(DT_PROP(A, a_string), "fast");
	zassert_equal(ARRAY_SIZE(strings), 2);
	zassert_str_equal(strings[1], "two");
	zassert_str_equal(DT_PROP_BY_IDX(A, strings, 0), "one");
}

ZTEST(overlay_tree, test_arrays) {
	static const int array[] = DT_PROP(A, an_array);
	static const uint8_t bytes[] = DT_PROP(A, some_bytes);

	zassert_equal(array[0] + array[1] + array[2], 6);
	zassert_equal(bytes[3], 0xef);
}

ZTEST(overlay_tree, test_instances_in_tree_order) {
	static const int ints[] = { DT_INST_FOREACH_STATUS_OKAY(INST_INT) };

	zassert_equal(ARRAY_SIZE(ints), 2);
	zassert_equal(ints[0], 42);
	zassert_equal(ints[1], 43);
	zassert_equal(DT_INST_REG_ADDR(1), 0x40002000);
	zassert_str_equal(DT_INST_NODE_FULL_NAME(0), "widget@40000000");
}

ZTEST(overlay_tree, test_children_all_and_enabled) {
	static const int all[] = { DT_FOREACH_CHILD(DT_PATH(widgets), CHILD_ORD) };
	static const int okay[] = { DT_FOREACH_CHILD_STATUS_OKAY(DT_PATH(widgets), CHILD_ORD) };

	zassert_equal(ARRAY_SIZE(all), 3);
	zassert_equal(ARRAY_SIZE(okay), 2);
	zassert_equal(all[2], DT_DEP_ORD(OFF));
	zassert_equal(okay[1], DT_DEP_ORD(B));
}
