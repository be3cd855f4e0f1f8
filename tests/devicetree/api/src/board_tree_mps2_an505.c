/*
 * The macro API against mps2_an505's own tree: addresses, sizes and
 * interrupts as QEMU's mps2-an505 machine has them, by their secure aliases
 * (CMSDK UARTs with a receive and a transmit line each, on the NVIC), chosen nodes, labels,
 * paths, parents and instance counts. Most checks are compile-time
 * (BUILD_ASSERT): a wrong macro does not build; the strings are compared at
 * run time.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/devicetree.h>
#include <zephyr/ztest.h>

#define UART DT_NODELABEL(uart0)

/* Addresses and interrupts of QEMU 'mps2-an505': NVIC lines are IRQ numbers as they are. */
BUILD_ASSERT(DT_REG_ADDR(UART) == 0x50200000);
BUILD_ASSERT(DT_REG_SIZE(UART) == 0x1000);
BUILD_ASSERT(DT_NUM_IRQS(UART) == 2);
BUILD_ASSERT(DT_IRQ(UART, irq) == 32 && DT_IRQ(UART, priority) == 1);
BUILD_ASSERT(DT_IRQ_BY_IDX(UART, 1, irq) == 33);
BUILD_ASSERT(DT_IRQN_BY_IDX(UART, 1) == 33);
BUILD_ASSERT(DT_IRQN_BY_IDX(DT_NODELABEL(uart2), 1) == 37);
BUILD_ASSERT(DT_SAME_NODE(DT_IRQ_INTC(UART), DT_NODELABEL(nvic)));
BUILD_ASSERT(DT_REG_ADDR(DT_NODELABEL(nvic)) == 0xe000e100);
BUILD_ASSERT(DT_REG_ADDR(DT_NODELABEL(systick)) == 0xe000e010);
BUILD_ASSERT(DT_REG_ADDR(DT_NODELABEL(mpu)) == 0xe000ed90);
BUILD_ASSERT(DT_PROP(DT_NODELABEL(mpu), arm_num_mpu_regions) == 16);
BUILD_ASSERT(DT_REG_ADDR(DT_NODELABEL(timer1)) == 0x50001000);
BUILD_ASSERT(DT_IRQN(DT_NODELABEL(timer1)) == 4);

/* Chosen nodes, aliases, paths and labels name the same nodes */
BUILD_ASSERT(DT_SAME_NODE(DT_CHOSEN(zephyr_console), UART));
BUILD_ASSERT(DT_SAME_NODE(DT_ALIAS(serial0), UART));
BUILD_ASSERT(DT_SAME_NODE(DT_PATH(soc, serial_50200000), UART));
BUILD_ASSERT(DT_SAME_NODE(DT_INST(0, arm_cmsdk_uart), UART));
BUILD_ASSERT(DT_SAME_NODE(DT_PARENT(UART), DT_PATH(soc)));
BUILD_ASSERT(DT_SAME_NODE(DT_PARENT(DT_PATH(soc)), DT_ROOT));
BUILD_ASSERT(DT_HAS_CHOSEN(zephyr_console) && DT_HAS_CHOSEN(zephyr_sram));
BUILD_ASSERT(DT_HAS_CHOSEN(zephyr_flash) && !DT_HAS_CHOSEN(zephyr_entropy));
BUILD_ASSERT(DT_REG_ADDR(DT_CHOSEN(zephyr_sram)) == 0x38000000);
BUILD_ASSERT(DT_REG_SIZE(DT_CHOSEN(zephyr_sram)) == 4 * 1024 * 1024);
BUILD_ASSERT(DT_REG_ADDR(DT_CHOSEN(zephyr_flash)) == 0x10000000);
BUILD_ASSERT(DT_SAME_NODE(DT_CHOSEN(zephyr_flash), DT_NODELABEL(code0)));

/* Properties, with the binding's defaults */
BUILD_ASSERT(DT_PROP(UART, clock_frequency) == 20000000);
BUILD_ASSERT(DT_PROP(UART, current_speed) == 115200);
BUILD_ASSERT(DT_PROP(DT_NODELABEL(cpu0), clock_frequency) == 20000000);
BUILD_ASSERT(DT_NODE_HAS_PROP(UART, interrupt_names));
BUILD_ASSERT(!DT_NODE_HAS_PROP(UART, no_such_property));
BUILD_ASSERT(DT_PROP_OR(UART, no_such_property, 5) == 5);
BUILD_ASSERT(DT_PROP_LEN(UART, compatible) == 1);
BUILD_ASSERT(DT_PROP_LEN(UART, interrupt_names) == 2);
BUILD_ASSERT(DT_PROP_LEN(UART, interrupts) == 4);

/* Status, compatibles and instance counts */
BUILD_ASSERT(DT_NODE_HAS_STATUS(UART, okay));
BUILD_ASSERT(!DT_NODE_HAS_STATUS(UART, disabled));
BUILD_ASSERT(DT_NODE_HAS_COMPAT(DT_NODELABEL(cpu0), arm_cortex_m33));
BUILD_ASSERT(DT_HAS_COMPAT_STATUS_OKAY(arm_cmsdk_uart));
BUILD_ASSERT(!DT_HAS_COMPAT_STATUS_OKAY(vendor_not_on_this_board));
BUILD_ASSERT(!DT_HAS_COMPAT_STATUS_OKAY(ns16550));
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(arm_cmsdk_uart) == 3);
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(arm_cmsdk_timer) == 2);
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(vendor_not_on_this_board) == 0);
BUILD_ASSERT(DT_NODE_EXISTS(DT_NODELABEL(timer0)));
BUILD_ASSERT(!DT_NODE_EXISTS(DT_NODELABEL(no_such_label)));

/* The DT_INST_ forms, through DT_DRV_COMPAT */
#define DT_DRV_COMPAT arm_cmsdk_timer
BUILD_ASSERT(DT_INST_REG_ADDR(0) == 0x50000000);
BUILD_ASSERT(DT_INST_IRQN(0) == 3);
BUILD_ASSERT(DT_INST_NODE_HAS_STATUS(1, okay));
#define COUNT_ONE(inst) +1
BUILD_ASSERT(0 DT_INST_FOREACH_STATUS_OKAY(COUNT_ONE) == 2);
#undef DT_DRV_COMPAT

ZTEST_SUITE(board_tree, NULL, NULL, NULL, NULL, NULL);

ZTEST(board_tree, test_names_and_paths) {
	zassert_str_equal(DT_NODE_FULL_NAME(UART), "serial@50200000");
	zassert_str_equal(DT_NODE_PATH(UART), "/soc/serial@50200000");
	zassert_str_equal(DT_NODE_PATH(DT_CHOSEN(zephyr_sram)), "/memory@38000000");
	zassert_str_equal(DT_PROP_BY_IDX(DT_NODELABEL(cpu0), compatible, 0), "arm,cortex-m33");
	zassert_str_equal(DT_PROP_BY_IDX(UART, interrupt_names, 1), "tx");
}

#define CHILD_NAME(node) DT_NODE_FULL_NAME(node),

ZTEST(board_tree, test_children) {
	static const char *const cpus[] = { DT_FOREACH_CHILD(DT_PATH(cpus), CHILD_NAME) };

	zassert_equal(ARRAY_SIZE(cpus), 1);
	zassert_str_equal(cpus[0], "cpu@0");
	/* The NVIC, SysTick, the MPU, two timers, three UARTs. */
	zassert_equal(DT_CHILD_NUM(DT_PATH(soc)), 8);
}
