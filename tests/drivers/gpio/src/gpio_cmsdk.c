/*
 * The CMSDK GPIO ports of mps2_an385 through the GPIO API: what QEMU can
 * show of them. QEMU maps the four blocks as unimplemented devices (reads
 * are zero, writes are ignored), so these tests check the API's contract:
 * the ports exist and are ready, valid configurations are accepted,
 * contradictory ones are -EINVAL and those the block cannot do -ENOTSUP,
 * pins beyond the port are refused, levels read back consistently, and the
 * callback list behaves. What the pins then do (levels driven, inputs seen,
 * interrupts raised) QEMU cannot show: gpio_cmsdk_ram.c checks the driver's
 * register accesses on a port made of RAM instead.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/gpio.h>
#include <zephyr/ztest.h>

#ifdef CONFIG_GPIO_CMSDK_AHB

#define PORT DEVICE_DT_GET(DT_NODELABEL(gpio0))

ZTEST_SUITE(gpio_cmsdk, NULL, NULL, NULL, NULL, NULL);

ZTEST(gpio_cmsdk, test_four_ports) {
	static const struct {
		const struct device *dev;
		const char *name;
	} ports[] = {
		{ DEVICE_DT_GET(DT_NODELABEL(gpio0)), "gpio@40010000" },
		{ DEVICE_DT_GET(DT_NODELABEL(gpio1)), "gpio@40011000" },
		{ DEVICE_DT_GET(DT_NODELABEL(gpio2)), "gpio@40012000" },
		{ DEVICE_DT_GET(DT_NODELABEL(gpio3)), "gpio@40013000" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(ports); i++) {
		zassert_true(device_is_ready(ports[i].dev));
		zassert_str_equal(ports[i].dev->name, ports[i].name);
		zassert_equal_ptr(device_get_binding(ports[i].name), ports[i].dev);
		zassert_ok(gpio_pin_configure(ports[i].dev, 15, GPIO_INPUT), "16 pins");
		zassert_equal(gpio_pin_configure(ports[i].dev, 16, GPIO_INPUT), -EINVAL);
	}
}

ZTEST(gpio_cmsdk, test_configurations_accepted) {
	static const gpio_flags_t ok[] = {
		GPIO_INPUT,
		GPIO_OUTPUT,
		GPIO_OUTPUT_LOW,
		GPIO_OUTPUT_HIGH,
		GPIO_OUTPUT_ACTIVE | GPIO_ACTIVE_LOW,
		GPIO_OUTPUT_INACTIVE,
		GPIO_INPUT | GPIO_OUTPUT_HIGH,
		GPIO_INPUT | GPIO_ACTIVE_LOW,
		GPIO_DISCONNECTED,
	};

	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		zassert_ok(gpio_pin_configure(PORT, 4, ok[i]), "flags 0x%x", ok[i]);
	}
}

ZTEST(gpio_cmsdk, test_configurations_refused) {
	static const gpio_flags_t contradictory[] = {
		GPIO_OUTPUT | GPIO_OUTPUT_INIT_LOW | GPIO_OUTPUT_INIT_HIGH,
		GPIO_INPUT | GPIO_OUTPUT_INIT_HIGH, /* an initial level without an output */
		GPIO_INPUT | GPIO_PULL_UP | GPIO_PULL_DOWN,
		GPIO_INPUT | GPIO_INT_EDGE_RISING,  /* interrupts have their own call */
		GPIO_OUTPUT | GPIO_LINE_OPEN_DRAIN, /* not single-ended */
		GPIO_INPUT | GPIO_OPEN_DRAIN,
	};
	static const gpio_flags_t impossible[] = {
		GPIO_INPUT | GPIO_PULL_UP,     GPIO_INPUT | GPIO_PULL_DOWN,
		GPIO_OUTPUT | GPIO_OPEN_DRAIN, GPIO_OUTPUT | GPIO_OPEN_SOURCE,
		GPIO_INPUT | BIT(8), /* a flag of some other SoC */
	};

	for (size_t i = 0; i < ARRAY_SIZE(contradictory); i++) {
		zassert_equal(gpio_pin_configure(PORT, 4, contradictory[i]), -EINVAL, "flags 0x%x",
			      contradictory[i]);
	}
	for (size_t i = 0; i < ARRAY_SIZE(impossible); i++) {
		zassert_equal(gpio_pin_configure(PORT, 4, impossible[i]), -ENOTSUP, "flags 0x%x",
			      impossible[i]);
	}
	zassert_equal(gpio_pin_configure(PORT, 255, GPIO_INPUT), -EINVAL);
}

ZTEST(gpio_cmsdk, test_interrupt_configurations) {
	static const gpio_flags_t ok[] = {
		GPIO_INT_EDGE_RISING, GPIO_INT_EDGE_FALLING,   GPIO_INT_LEVEL_HIGH,
		GPIO_INT_LEVEL_LOW,   GPIO_INT_EDGE_TO_ACTIVE, GPIO_INT_LEVEL_INACTIVE,
		GPIO_INT_DISABLE,
	};
	static const gpio_flags_t invalid[] = {
		0,
		GPIO_INT_ENABLE | GPIO_INT_DISABLE,
		GPIO_INT_ENABLE,                                    /* no level */
		GPIO_INT_ENABLE | GPIO_INT_LOW_0 | GPIO_INT_HIGH_1, /* a level is one level */
		GPIO_INT_EDGE_RISING | GPIO_OUTPUT,
	};

	zassert_ok(gpio_pin_configure(PORT, 6, GPIO_INPUT));
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		zassert_ok(gpio_pin_interrupt_configure(PORT, 6, ok[i]), "flags 0x%x", ok[i]);
	}
	for (size_t i = 0; i < ARRAY_SIZE(invalid); i++) {
		zassert_equal(gpio_pin_interrupt_configure(PORT, 6, invalid[i]), -EINVAL,
			      "flags 0x%x", invalid[i]);
	}
	zassert_equal(gpio_pin_interrupt_configure(PORT, 6, GPIO_INT_EDGE_BOTH), -ENOTSUP);
	zassert_equal(gpio_pin_interrupt_configure(PORT, 6, GPIO_INT_EDGE_RISING | GPIO_INT_WAKEUP),
		      -ENOTSUP);
	zassert_equal(gpio_pin_interrupt_configure(PORT, 16, GPIO_INT_EDGE_RISING), -EINVAL);
	zassert_ok(gpio_pin_interrupt_configure(PORT, 6, GPIO_INT_DISABLE));
}

ZTEST(gpio_cmsdk, test_port_and_pin_calls) {
	gpio_port_value_t value = 0xdeadbeef;

	zassert_ok(gpio_pin_configure(PORT, 2, GPIO_OUTPUT_LOW));
	zassert_ok(gpio_port_get_raw(PORT, &value));
	zassert_equal(value & ~BIT_MASK(16), 0, "no pins beyond the port's 16");
	zassert_ok(gpio_port_set_masked_raw(PORT, BIT(2), BIT(2)));
	zassert_ok(gpio_port_set_bits_raw(PORT, BIT(2)));
	zassert_ok(gpio_port_clear_bits_raw(PORT, BIT(2)));
	zassert_ok(gpio_port_toggle_bits(PORT, BIT(2)));
	zassert_ok(gpio_port_set_bits_raw(PORT, 0xffff0000), "bits beyond the port are ignored");
	zassert_ok(gpio_pin_set(PORT, 2, 1));
	zassert_ok(gpio_pin_set_raw(PORT, 2, 0));
	zassert_ok(gpio_pin_toggle(PORT, 2));
	zassert_between_inclusive(gpio_pin_get(PORT, 2), 0, 1);
	zassert_between_inclusive(gpio_pin_get_raw(PORT, 2), 0, 1);
	zassert_equal(gpio_pin_get(PORT, 16), -EINVAL);
	zassert_equal(gpio_pin_get_raw(PORT, 31), -EINVAL);
	zassert_equal(gpio_pin_set(PORT, 16, 1), -EINVAL);
	zassert_equal(gpio_pin_set_raw(PORT, 200, 1), -EINVAL);
	zassert_equal(gpio_pin_toggle(PORT, 16), -EINVAL);
}

/* Whatever the pin's level (QEMU reads it low), active-low reads the opposite. */
ZTEST(gpio_cmsdk, test_active_low_input) {
	zassert_ok(gpio_pin_configure(PORT, 3, GPIO_INPUT | GPIO_ACTIVE_LOW));
	int raw = gpio_pin_get_raw(PORT, 3);

	zassert_between_inclusive(raw, 0, 1);
	zassert_equal(gpio_pin_get(PORT, 3), !raw);
	zassert_ok(gpio_pin_configure(PORT, 3, GPIO_INPUT));
	zassert_equal(gpio_pin_get(PORT, 3), raw, "active-high again");
}

static void never(const struct device *port, struct gpio_callback *cb, gpio_port_pins_t pins)
{
	ARG_UNUSED(port);
	ARG_UNUSED(cb);
	ARG_UNUSED(pins);
	ztest_test_fail();
}

ZTEST(gpio_cmsdk, test_callback_list) {
	static struct gpio_callback cb;

	gpio_init_callback(&cb, never, BIT(2));
	zassert_equal(cb.pin_mask, BIT(2));
	zassert_equal(gpio_remove_callback(PORT, &cb), -EINVAL, "never added");
	zassert_ok(gpio_add_callback(PORT, &cb));
	zassert_ok(gpio_add_callback(PORT, &cb), "added twice, listed once");
	zassert_ok(gpio_remove_callback(PORT, &cb));
	zassert_equal(gpio_remove_callback(PORT, &cb), -EINVAL, "listed once");
}

#else /* !CONFIG_GPIO_CMSDK_AHB */

ZTEST_SUITE(gpio_cmsdk, NULL, NULL, NULL, NULL, NULL);

ZTEST(gpio_cmsdk, test_board_has_no_cmsdk_gpio) {
	ztest_test_skip();
}

#endif /* CONFIG_GPIO_CMSDK_AHB */
