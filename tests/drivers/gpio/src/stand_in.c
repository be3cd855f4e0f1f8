/*
 * A GPIO port of the test's own: 16 pins whose inputs read what the outputs
 * drive, kept in RAM. On boards without a CMSDK port it is the device the
 * user-mode tests call the class's system calls on. One thread uses it at a
 * time, so it takes no lock.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/gpio.h>

struct stand_in_config {
	struct gpio_driver_config common;
};

struct stand_in_data {
	struct gpio_driver_data common;
	gpio_port_value_t out;
	sys_slist_t callbacks;
};

static int stand_in_pin_configure(const struct device *port, gpio_pin_t pin, gpio_flags_t flags)
{
	struct stand_in_data *data = port->data;

	if ((flags & GPIO_OUTPUT_INIT_HIGH) != 0U) {
		data->out |= BIT(pin);
	} else if ((flags & GPIO_OUTPUT_INIT_LOW) != 0U) {
		data->out &= ~BIT(pin);
	}
	return 0;
}

static int stand_in_port_get_raw(const struct device *port, gpio_port_value_t *value)
{
	const struct stand_in_data *data = port->data;

	*value = data->out;
	return 0;
}

static int stand_in_port_set_masked_raw(const struct device *port, gpio_port_pins_t mask,
					gpio_port_value_t value)
{
	struct stand_in_data *data = port->data;

	data->out = (data->out & ~mask) | (value & mask);
	return 0;
}

static int stand_in_port_set_bits_raw(const struct device *port, gpio_port_pins_t pins)
{
	return stand_in_port_set_masked_raw(port, pins, pins);
}

static int stand_in_port_clear_bits_raw(const struct device *port, gpio_port_pins_t pins)
{
	return stand_in_port_set_masked_raw(port, pins, 0);
}

static int stand_in_port_toggle_bits(const struct device *port, gpio_port_pins_t pins)
{
	struct stand_in_data *data = port->data;

	data->out ^= pins;
	return 0;
}

static int stand_in_pin_interrupt_configure(const struct device *port, gpio_pin_t pin,
					    enum gpio_int_mode mode, enum gpio_int_trig trig)
{
	ARG_UNUSED(port);
	ARG_UNUSED(pin);
	ARG_UNUSED(mode);
	ARG_UNUSED(trig);
	return 0;
}

static int stand_in_manage_callback(const struct device *port, struct gpio_callback *cb, bool set)
{
	struct stand_in_data *data = port->data;

	return gpio_manage_callback(&data->callbacks, cb, set);
}

static const struct gpio_driver_api stand_in_api = {
	.pin_configure = stand_in_pin_configure,
	.port_get_raw = stand_in_port_get_raw,
	.port_set_masked_raw = stand_in_port_set_masked_raw,
	.port_set_bits_raw = stand_in_port_set_bits_raw,
	.port_clear_bits_raw = stand_in_port_clear_bits_raw,
	.port_toggle_bits = stand_in_port_toggle_bits,
	.pin_interrupt_configure = stand_in_pin_interrupt_configure,
	.manage_callback = stand_in_manage_callback,
};

static struct stand_in_data stand_in_data;
static const struct stand_in_config stand_in_config = {
	.common = { .port_pin_mask = BIT_MASK(16) },
};

static int stand_in_init(const struct device *port)
{
	struct stand_in_data *data = port->data;

	sys_slist_init(&data->callbacks);
	return 0;
}

DEVICE_DEFINE(gpio_stand_in, "gpio_stand_in", stand_in_init, NULL, &stand_in_data, &stand_in_config,
	      POST_KERNEL, 0, &stand_in_api);
