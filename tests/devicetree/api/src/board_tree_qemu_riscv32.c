/*
 * The macro API against qemu_riscv32's own tree: addresses, sizes and
 * interrupts as QEMU's 'virt' machine has them, chosen nodes, labels, paths,
 * parents and instance counts. Most checks are compile-time (BUILD_ASSERT):
 * a wrong macro does not build; the strings are compared at run time.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/devicetree.h>
#include <zephyr/ztest.h>

#define UART DT_NODELABEL(uart0)

/* Addresses and interrupts of QEMU 'virt' */
BUILD_ASSERT(DT_REG_ADDR(UART) == 0x10000000);
BUILD_ASSERT(DT_REG_SIZE(UART) == 0x100);
BUILD_ASSERT(DT_IRQ(UART, irq) == 10);
BUILD_ASSERT(DT_IRQN(UART) == RISCV_IRQ_PLIC(10));
BUILD_ASSERT(DT_REG_ADDR(DT_NODELABEL(plic)) == 0x0c000000);
BUILD_ASSERT(DT_PROP(DT_NODELABEL(plic), riscv_ndev) == 96);
BUILD_ASSERT(DT_REG_ADDR(DT_NODELABEL(clint)) == 0x02000000);
BUILD_ASSERT(DT_NUM_IRQS(DT_NODELABEL(clint)) == 2);
BUILD_ASSERT(DT_IRQN_BY_IDX(DT_NODELABEL(clint), 1) == RISCV_IRQ_MTIMER);
BUILD_ASSERT(DT_IRQ_BY_IDX(DT_NODELABEL(clint), 0, irq) == 3);
BUILD_ASSERT(DT_REG_ADDR(DT_NODELABEL(rtc)) == 0x101000);
BUILD_ASSERT(DT_IRQ(DT_NODELABEL(rtc), irq) == 11);
BUILD_ASSERT(DT_REG_ADDR(DT_NODELABEL(test)) == 0x100000);

/* Chosen nodes, aliases, paths and labels name the same nodes */
BUILD_ASSERT(DT_SAME_NODE(DT_CHOSEN(zephyr_console), UART));
BUILD_ASSERT(DT_SAME_NODE(DT_ALIAS(serial0), UART));
BUILD_ASSERT(DT_SAME_NODE(DT_PATH(soc, serial_10000000), UART));
BUILD_ASSERT(DT_SAME_NODE(DT_INST(0, ns16550), UART));
BUILD_ASSERT(DT_SAME_NODE(DT_PARENT(UART), DT_PATH(soc)));
BUILD_ASSERT(DT_SAME_NODE(DT_PARENT(DT_PATH(soc)), DT_ROOT));
BUILD_ASSERT(DT_HAS_CHOSEN(zephyr_console) && DT_HAS_CHOSEN(zephyr_sram));
BUILD_ASSERT(!DT_HAS_CHOSEN(zephyr_flash));
BUILD_ASSERT(DT_REG_ADDR(DT_CHOSEN(zephyr_sram)) == 0x80000000);
BUILD_ASSERT(DT_REG_SIZE(DT_CHOSEN(zephyr_sram)) == 32 * 1024 * 1024);
BUILD_ASSERT(DT_SAME_NODE(DT_PARENT(DT_CHOSEN(zephyr_entropy)), DT_NODELABEL(virtio_mmio7)));

/* Properties, with the binding's defaults */
BUILD_ASSERT(DT_PROP(UART, clock_frequency) == 3686400);
BUILD_ASSERT(DT_PROP(UART, current_speed) == 115200);
BUILD_ASSERT(DT_NODE_HAS_PROP(UART, reg_shift));
BUILD_ASSERT(!DT_NODE_HAS_PROP(UART, no_such_property));
BUILD_ASSERT(DT_PROP_OR(UART, no_such_property, 5) == 5);
BUILD_ASSERT(DT_PROP_LEN(UART, compatible) == 1);
BUILD_ASSERT(DT_PROP_LEN(DT_NODELABEL(test), compatible) == 3);
BUILD_ASSERT(DT_SAME_NODE(DT_PHANDLE(DT_NODELABEL(poweroff), regmap), DT_NODELABEL(test)));
BUILD_ASSERT(DT_PROP(DT_NODELABEL(reboot), value) == 0x7777);

/* Status, compatibles and instance counts */
BUILD_ASSERT(DT_NODE_HAS_STATUS(UART, okay));
BUILD_ASSERT(!DT_NODE_HAS_STATUS(UART, disabled));
BUILD_ASSERT(DT_NODE_HAS_COMPAT(DT_NODELABEL(test), syscon));
BUILD_ASSERT(DT_HAS_COMPAT_STATUS_OKAY(ns16550));
BUILD_ASSERT(!DT_HAS_COMPAT_STATUS_OKAY(vendor_not_on_this_board));
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(ns16550) == 1);
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(virtio_mmio) == 1);
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(vendor_not_on_this_board) == 0);
BUILD_ASSERT(DT_NODE_EXISTS(DT_NODELABEL(rtc)));
BUILD_ASSERT(!DT_NODE_EXISTS(DT_NODELABEL(no_such_label)));

/* The DT_INST_ forms, through DT_DRV_COMPAT */
#define DT_DRV_COMPAT google_goldfish_rtc
BUILD_ASSERT(DT_INST_REG_ADDR(0) == 0x101000);
BUILD_ASSERT(DT_INST_IRQN(0) == RISCV_IRQ_PLIC(11));
BUILD_ASSERT(DT_INST_NODE_HAS_STATUS(0, okay));
#define COUNT_ONE(inst) +1
BUILD_ASSERT(0 DT_INST_FOREACH_STATUS_OKAY(COUNT_ONE) == 1);
#undef DT_DRV_COMPAT

ZTEST_SUITE(board_tree, NULL, NULL, NULL, NULL, NULL);

ZTEST(board_tree, test_names_and_paths) {
	zassert_str_equal(DT_NODE_FULL_NAME(UART), "serial@10000000");
	zassert_str_equal(DT_NODE_PATH(UART), "/soc/serial@10000000");
	zassert_str_equal(DT_NODE_PATH(DT_CHOSEN(zephyr_sram)), "/memory@80000000");
	zassert_str_equal(DT_PROP(DT_NODELABEL(cpu0), riscv_isa),
			  "rv32imafdch_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc");
	zassert_str_equal(DT_PROP_BY_IDX(DT_NODELABEL(test), compatible, 2), "syscon");
}

#define CHILD_NAME(node) DT_NODE_FULL_NAME(node),

ZTEST(board_tree, test_children) {
	static const char *const cpus[] = { DT_FOREACH_CHILD(DT_PATH(cpus), CHILD_NAME) };

	zassert_equal(ARRAY_SIZE(cpus), 1);
	zassert_str_equal(cpus[0], "cpu@0");
	zassert_equal(DT_CHILD_NUM(DT_PATH(soc)), 6);
}
