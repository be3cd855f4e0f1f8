/*
 * The CMSDK GPIO driver's register accesses, on a port whose registers are
 * RAM (boards/mps2_an385.overlay): each call must write the right mask to
 * the right register, and the combined interrupt must hand the requested
 * pins to the interested callbacks.
 *
 * RAM is not the block: a set or clear register keeps the last mask written
 * instead of changing the state it stands for, and DATA does not follow
 * DATAOUT. So the tests read each register as "the last thing the driver
 * wrote there", and set DATA and INTSTATUS themselves to play the pins. The
 * handler's INTCLEAR writes back the very requests it read, which RAM cannot
 * tell from no write at all.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/gpio.h>
#include <zephyr/ztest.h>

#if defined(CONFIG_GPIO_CMSDK_AHB) && DT_NODE_EXISTS(DT_NODELABEL(gpio_ram))

#define NODE DT_NODELABEL(gpio_ram)
#define PORT DEVICE_DT_GET(NODE)

#define DATA       0x00
#define DATAOUT    0x04
#define OUTENSET   0x10
#define OUTENCLR   0x14
#define ALTFUNCCLR 0x1c
#define INTENSET   0x20
#define INTENCLR   0x24
#define INTTYPESET 0x28
#define INTTYPECLR 0x2c
#define INTPOLSET  0x30
#define INTPOLCLR  0x34
#define INTSTATUS  0x38
#define BLOCK_SIZE 0x3c

#define REG(off) (*(volatile uint32_t *)(DT_REG_ADDR(NODE) + (off)))

/* NVIC interrupt set-pending registers: the test raises the port's line. */
#define NVIC_ISPR(n) (*(volatile uint32_t *)(0xe000e200U + 4U * (n)))

static void raise_interrupt(uint32_t pins)
{
	unsigned int irq = DT_IRQN(NODE);

	REG(INTSTATUS) = pins;
	NVIC_ISPR(irq / 32U) = BIT(irq % 32U);
	k_busy_wait(10); /* taken at once: interrupts are enabled here */
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	memset((void *)DT_REG_ADDR(NODE), 0, BLOCK_SIZE);
}

ZTEST_SUITE(gpio_cmsdk_ram, NULL, NULL, before, NULL, NULL);

ZTEST(gpio_cmsdk_ram, test_output) {
	zassert_ok(gpio_pin_configure(PORT, 5, GPIO_OUTPUT_HIGH));
	zassert_equal(REG(DATAOUT), BIT(5), "the level first");
	zassert_equal(REG(OUTENSET), BIT(5));
	zassert_equal(REG(ALTFUNCCLR), BIT(5), "a GPIO, not an alternate function");

	REG(DATAOUT) = 0xffff;
	zassert_ok(gpio_pin_configure(PORT, 5, GPIO_OUTPUT_LOW));
	zassert_equal(REG(DATAOUT), 0xffff & ~BIT(5));

	REG(DATAOUT) = 0x1234;
	zassert_ok(gpio_pin_configure(PORT, 6, GPIO_OUTPUT));
	zassert_equal(REG(DATAOUT), 0x1234, "no initial level: DATAOUT left alone");
	zassert_equal(REG(OUTENSET), BIT(6));
}

ZTEST(gpio_cmsdk_ram, test_input_and_disconnected) {
	zassert_ok(gpio_pin_configure(PORT, 9, GPIO_INPUT));
	zassert_equal(REG(OUTENCLR), BIT(9));
	zassert_equal(REG(OUTENSET), 0);
	REG(OUTENCLR) = 0;
	zassert_ok(gpio_pin_configure(PORT, 10, GPIO_DISCONNECTED));
	zassert_equal(REG(OUTENCLR), BIT(10), "no output driver");
}

ZTEST(gpio_cmsdk_ram, test_active_low_output) {
	REG(DATAOUT) = 0;
	zassert_ok(gpio_pin_configure(PORT, 4, GPIO_OUTPUT_INACTIVE | GPIO_ACTIVE_LOW));
	zassert_equal(REG(DATAOUT), BIT(4), "inactive is high");
	zassert_ok(gpio_pin_configure(PORT, 4, GPIO_OUTPUT_ACTIVE | GPIO_ACTIVE_LOW));
	zassert_equal(REG(DATAOUT), 0, "active is low");
	zassert_ok(gpio_pin_set(PORT, 4, 0));
	zassert_equal(REG(DATAOUT), BIT(4));
	zassert_ok(gpio_pin_set(PORT, 4, 1));
	zassert_equal(REG(DATAOUT), 0);
	zassert_ok(gpio_pin_set_raw(PORT, 4, 1));
	zassert_equal(REG(DATAOUT), BIT(4), "raw is the line");
	zassert_ok(gpio_pin_toggle(PORT, 4));
	zassert_equal(REG(DATAOUT), 0);
}

ZTEST(gpio_cmsdk_ram, test_port_writes) {
	REG(DATAOUT) = 0x00f0;
	zassert_ok(gpio_port_set_masked_raw(PORT, 0x0ff0, 0xfa50));
	zassert_equal(REG(DATAOUT), 0x0a50);
	zassert_ok(gpio_port_set_bits_raw(PORT, 0x0001));
	zassert_equal(REG(DATAOUT), 0x0a51);
	zassert_ok(gpio_port_clear_bits_raw(PORT, 0x0050));
	zassert_equal(REG(DATAOUT), 0x0a01);
	zassert_ok(gpio_port_toggle_bits(PORT, 0x0003));
	zassert_equal(REG(DATAOUT), 0x0a02);
	zassert_ok(gpio_port_set_bits_raw(PORT, 0xffff0000));
	zassert_ok(gpio_port_toggle_bits(PORT, 0x00030000));
	zassert_equal(REG(DATAOUT), 0x0a02, "bits beyond the port never reach it");
}

ZTEST(gpio_cmsdk_ram, test_reads) {
	gpio_port_value_t value;

	REG(DATA) = 0xffffa5a5; /* the block has 16 pins: the rest reads as noise here */
	zassert_ok(gpio_port_get_raw(PORT, &value));
	zassert_equal(value, 0xa5a5);
	zassert_equal(gpio_pin_get_raw(PORT, 0), 1);
	zassert_equal(gpio_pin_get_raw(PORT, 1), 0);
	zassert_ok(gpio_pin_configure(PORT, 0, GPIO_INPUT | GPIO_ACTIVE_LOW));
	zassert_equal(gpio_pin_get(PORT, 0), 0, "high is inactive");
	zassert_equal(gpio_pin_get(PORT, 1), 0, "pin 1 stays active-high");
}

ZTEST(gpio_cmsdk_ram, test_interrupt_setup) {
	zassert_ok(gpio_pin_interrupt_configure(PORT, 7, GPIO_INT_EDGE_RISING));
	zassert_equal(REG(INTENCLR), BIT(7), "off while it changes");
	zassert_equal(REG(INTTYPESET), BIT(7), "edge");
	zassert_equal(REG(INTPOLSET), BIT(7), "rising");
	zassert_equal(REG(INTSTATUS), BIT(7), "a stale request dropped");
	zassert_equal(REG(INTENSET), BIT(7));

	zassert_ok(gpio_pin_interrupt_configure(PORT, 8, GPIO_INT_LEVEL_LOW));
	zassert_equal(REG(INTTYPECLR), BIT(8), "level");
	zassert_equal(REG(INTPOLCLR), BIT(8), "low");

	/* A logical level on an active-low pin is the opposite line level. */
	zassert_ok(gpio_pin_configure(PORT, 11, GPIO_INPUT | GPIO_ACTIVE_LOW));
	zassert_ok(gpio_pin_interrupt_configure(PORT, 11, GPIO_INT_LEVEL_ACTIVE));
	zassert_equal(REG(INTPOLCLR), BIT(11), "active is low");
	zassert_ok(gpio_pin_interrupt_configure(PORT, 11, GPIO_INT_EDGE_TO_INACTIVE));
	zassert_equal(REG(INTPOLSET), BIT(11), "to inactive is rising");

	REG(INTENCLR) = 0;
	REG(INTENSET) = 0;
	zassert_ok(gpio_pin_interrupt_configure(PORT, 7, GPIO_INT_DISABLE));
	zassert_equal(REG(INTENCLR), BIT(7));
	zassert_equal(REG(INTENSET), 0);
}

struct cb_log {
	struct gpio_callback cb;
	unsigned int calls;
	gpio_port_pins_t pins;
	const struct device *port;
	bool remove_self;
};

static struct cb_log log_a;
static struct cb_log log_b;

static void handler(const struct device *port, struct gpio_callback *cb, gpio_port_pins_t pins)
{
	struct cb_log *log = CONTAINER_OF(cb, struct cb_log, cb);

	log->calls++;
	log->pins = pins;
	log->port = port;
	if (log->remove_self) {
		zassert_ok(gpio_remove_callback(port, cb));
	}
}

ZTEST(gpio_cmsdk_ram, test_interrupt_callbacks) {
	memset(&log_a, 0, sizeof(log_a));
	memset(&log_b, 0, sizeof(log_b));
	gpio_init_callback(&log_a.cb, handler, BIT(2) | BIT(3));
	gpio_init_callback(&log_b.cb, handler, BIT(3) | BIT(9));
	zassert_ok(gpio_add_callback(PORT, &log_a.cb));
	zassert_ok(gpio_add_callback(PORT, &log_b.cb));

	raise_interrupt(BIT(3) | BIT(9));
	zassert_equal(log_a.calls, 1);
	zassert_equal(log_a.pins, BIT(3), "only its own pins");
	zassert_equal_ptr(log_a.port, PORT);
	zassert_equal(log_b.calls, 1);
	zassert_equal(log_b.pins, BIT(3) | BIT(9));

	raise_interrupt(BIT(12));
	zassert_equal(log_a.calls + log_b.calls, 2, "nobody listens to pin 12");

	log_a.remove_self = true;
	raise_interrupt(BIT(2));
	raise_interrupt(BIT(2));
	zassert_equal(log_a.calls, 2, "it removed itself in its first call");
	zassert_equal(gpio_remove_callback(PORT, &log_a.cb), -EINVAL);
	zassert_ok(gpio_remove_callback(PORT, &log_b.cb));
	raise_interrupt(BIT(3));
	zassert_equal(log_b.calls, 1);
}

#else

ZTEST_SUITE(gpio_cmsdk_ram, NULL, NULL, NULL, NULL, NULL);

ZTEST(gpio_cmsdk_ram, test_board_has_no_ram_port) {
	ztest_test_skip();
}

#endif
