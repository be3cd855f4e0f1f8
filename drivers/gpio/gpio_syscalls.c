/*
 * The GPIO class's system calls. The z_impl_ side checks what Zephyr only
 * asserts (the pin exists, the flags make sense), turns logical levels into
 * raw ones with the port's active-low mask, then calls the driver. The
 * verifiers accept only a ready GPIO device the caller holds, and copy the
 * one value that goes back to user memory.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/gpio.h>
#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>
#endif

/* Guards every port's active-low mask (written by gpio_pin_configure() only). */
static struct k_spinlock invert_lock;

static const struct gpio_driver_api *gpio_api_of(const struct device *port)
{
	return port->api;
}

static gpio_port_pins_t pins_of(const struct device *port)
{
	return ((const struct gpio_driver_config *)port->config)->port_pin_mask;
}

static bool pin_valid(const struct device *port, gpio_pin_t pin)
{
	return pin < 32U && (pins_of(port) & BIT(pin)) != 0U;
}

static bool inverted(const struct device *port, gpio_pin_t pin)
{
	const struct gpio_driver_data *data = port->data;

	return (data->invert & BIT(pin)) != 0U;
}

/* Flags no pin can have at once: Zephyr's assertions, as errors. */
static bool flags_consistent(gpio_flags_t flags)
{
	const gpio_flags_t init = GPIO_OUTPUT_INIT_LOW | GPIO_OUTPUT_INIT_HIGH;

	if ((flags & GPIO_INT_MASK) != 0U) {
		return false;
	}
	if ((flags & (GPIO_PULL_UP | GPIO_PULL_DOWN)) == (GPIO_PULL_UP | GPIO_PULL_DOWN)) {
		return false;
	}
	if ((flags & init) == init || ((flags & init) != 0U && (flags & GPIO_OUTPUT) == 0U)) {
		return false;
	}
	/* Open drain and open source are ways to drive a line. */
	if ((flags & GPIO_LINE_OPEN_DRAIN) != 0U && (flags & GPIO_SINGLE_ENDED) == 0U) {
		return false;
	}
	return (flags & GPIO_SINGLE_ENDED) == 0U || (flags & GPIO_DIR_MASK) != GPIO_INPUT;
}

int z_impl_gpio_pin_configure(const struct device *port, gpio_pin_t pin, gpio_flags_t flags)
{
	if (!pin_valid(port, pin) || !flags_consistent(flags)) {
		return -EINVAL;
	}
	const gpio_flags_t init = GPIO_OUTPUT_INIT_LOW | GPIO_OUTPUT_INIT_HIGH;
	bool active_low = (flags & GPIO_ACTIVE_LOW) != 0U;

	/* The driver sets raw levels: an active-low pin's logical init is the other one. */
	if ((flags & GPIO_OUTPUT_INIT_LOGICAL) != 0U && active_low) {
		flags ^= init;
	}
	flags &= ~(GPIO_OUTPUT_INIT_LOGICAL | GPIO_ACTIVE_LOW);

	int ret = gpio_api_of(port)->pin_configure(port, pin, flags);

	if (ret == 0) {
		struct gpio_driver_data *data = port->data;
		k_spinlock_key_t key = k_spin_lock(&invert_lock);

		data->invert = active_low ? (data->invert | BIT(pin)) : (data->invert & ~BIT(pin));
		k_spin_unlock(&invert_lock, key);
	}
	return ret;
}

int z_impl_gpio_port_get_raw(const struct device *port, gpio_port_value_t *value)
{
	int ret = gpio_api_of(port)->port_get_raw(port, value);

	if (ret == 0) {
		*value &= pins_of(port);
	}
	return ret;
}

int z_impl_gpio_port_set_masked_raw(const struct device *port, gpio_port_pins_t mask,
				    gpio_port_value_t value)
{
	return gpio_api_of(port)->port_set_masked_raw(port, mask & pins_of(port), value);
}

int z_impl_gpio_port_set_bits_raw(const struct device *port, gpio_port_pins_t pins)
{
	return gpio_api_of(port)->port_set_bits_raw(port, pins & pins_of(port));
}

int z_impl_gpio_port_clear_bits_raw(const struct device *port, gpio_port_pins_t pins)
{
	return gpio_api_of(port)->port_clear_bits_raw(port, pins & pins_of(port));
}

int z_impl_gpio_port_toggle_bits(const struct device *port, gpio_port_pins_t pins)
{
	return gpio_api_of(port)->port_toggle_bits(port, pins & pins_of(port));
}

/* One valid interrupt configuration, enabling or disabling. */
static bool int_flags_valid(gpio_flags_t flags)
{
	const gpio_flags_t onoff = GPIO_INT_ENABLE | GPIO_INT_DISABLE;
	const gpio_flags_t levels = GPIO_INT_LOW_0 | GPIO_INT_HIGH_1;

	if ((flags & ~(GPIO_INT_MASK | GPIO_INT_WAKEUP)) != 0U || (flags & onoff) == onoff ||
	    (flags & onoff) == 0U) {
		return false;
	}
	if ((flags & GPIO_INT_DISABLE) != 0U) {
		return true;
	}
	/* A level interrupt has one level; an edge one any non-empty set of them. */
	return (flags & levels) != 0U &&
	       ((flags & GPIO_INT_EDGE) != 0U || (flags & levels) != levels);
}

int z_impl_gpio_pin_interrupt_configure(const struct device *port, gpio_pin_t pin,
					gpio_flags_t flags)
{
	const struct gpio_driver_api *api = gpio_api_of(port);

	if (!pin_valid(port, pin) || !int_flags_valid(flags)) {
		return -EINVAL;
	}
	if (api->pin_interrupt_configure == NULL) {
		return -ENOSYS;
	}
	if ((flags & GPIO_INT_LEVELS_LOGICAL) != 0U && inverted(port, pin)) {
		flags ^= GPIO_INT_LOW_0 | GPIO_INT_HIGH_1;
	}
	enum gpio_int_mode mode =
	    (enum gpio_int_mode)(flags & (GPIO_INT_DISABLE | GPIO_INT_ENABLE | GPIO_INT_EDGE));
	enum gpio_int_trig trig =
	    (enum gpio_int_trig)(flags & (GPIO_INT_LOW_0 | GPIO_INT_HIGH_1 | GPIO_INT_WAKEUP));

	return api->pin_interrupt_configure(port, pin, mode, trig);
}

int z_impl_gpio_pin_get_raw(const struct device *port, gpio_pin_t pin)
{
	gpio_port_value_t value;

	if (!pin_valid(port, pin)) {
		return -EINVAL;
	}
	int ret = gpio_api_of(port)->port_get_raw(port, &value);

	return ret != 0 ? ret : (int)((value >> pin) & 1U);
}

int z_impl_gpio_pin_get(const struct device *port, gpio_pin_t pin)
{
	int ret = z_impl_gpio_pin_get_raw(port, pin);

	return ret < 0 ? ret : ret ^ (int)inverted(port, pin);
}

int z_impl_gpio_pin_set_raw(const struct device *port, gpio_pin_t pin, int value)
{
	if (!pin_valid(port, pin)) {
		return -EINVAL;
	}
	return value != 0 ? gpio_api_of(port)->port_set_bits_raw(port, BIT(pin))
			  : gpio_api_of(port)->port_clear_bits_raw(port, BIT(pin));
}

int z_impl_gpio_pin_set(const struct device *port, gpio_pin_t pin, int value)
{
	if (!pin_valid(port, pin)) {
		return -EINVAL;
	}
	return z_impl_gpio_pin_set_raw(port, pin, (value != 0) != inverted(port, pin));
}

int z_impl_gpio_pin_toggle(const struct device *port, gpio_pin_t pin)
{
	if (!pin_valid(port, pin)) {
		return -EINVAL;
	}
	return gpio_api_of(port)->port_toggle_bits(port, BIT(pin));
}

#ifdef CONFIG_USERSPACE

#define GPIO_CHECK(port) K_OOPS(K_SYSCALL_OBJ(port, K_OBJ_DRIVER_GPIO))

int z_vrfy_gpio_pin_configure(const struct device *port, gpio_pin_t pin, gpio_flags_t flags)
{
	GPIO_CHECK(port);
	return z_impl_gpio_pin_configure(port, pin, flags);
}

int z_vrfy_gpio_port_get_raw(const struct device *port, gpio_port_value_t *value)
{
	gpio_port_value_t copy = 0;

	GPIO_CHECK(port);
	K_OOPS(K_SYSCALL_MEMORY_WRITE(value, sizeof(*value)));
	int ret = z_impl_gpio_port_get_raw(port, &copy);

	K_OOPS(k_usermode_to_copy(value, &copy, sizeof(copy)));
	return ret;
}

int z_vrfy_gpio_port_set_masked_raw(const struct device *port, gpio_port_pins_t mask,
				    gpio_port_value_t value)
{
	GPIO_CHECK(port);
	return z_impl_gpio_port_set_masked_raw(port, mask, value);
}

int z_vrfy_gpio_port_set_bits_raw(const struct device *port, gpio_port_pins_t pins)
{
	GPIO_CHECK(port);
	return z_impl_gpio_port_set_bits_raw(port, pins);
}

int z_vrfy_gpio_port_clear_bits_raw(const struct device *port, gpio_port_pins_t pins)
{
	GPIO_CHECK(port);
	return z_impl_gpio_port_clear_bits_raw(port, pins);
}

int z_vrfy_gpio_port_toggle_bits(const struct device *port, gpio_port_pins_t pins)
{
	GPIO_CHECK(port);
	return z_impl_gpio_port_toggle_bits(port, pins);
}

int z_vrfy_gpio_pin_interrupt_configure(const struct device *port, gpio_pin_t pin,
					gpio_flags_t flags)
{
	GPIO_CHECK(port);
	return z_impl_gpio_pin_interrupt_configure(port, pin, flags);
}

int z_vrfy_gpio_pin_get_raw(const struct device *port, gpio_pin_t pin)
{
	GPIO_CHECK(port);
	return z_impl_gpio_pin_get_raw(port, pin);
}

int z_vrfy_gpio_pin_get(const struct device *port, gpio_pin_t pin)
{
	GPIO_CHECK(port);
	return z_impl_gpio_pin_get(port, pin);
}

int z_vrfy_gpio_pin_set_raw(const struct device *port, gpio_pin_t pin, int value)
{
	GPIO_CHECK(port);
	return z_impl_gpio_pin_set_raw(port, pin, value);
}

int z_vrfy_gpio_pin_set(const struct device *port, gpio_pin_t pin, int value)
{
	GPIO_CHECK(port);
	return z_impl_gpio_pin_set(port, pin, value);
}

int z_vrfy_gpio_pin_toggle(const struct device *port, gpio_pin_t pin)
{
	GPIO_CHECK(port);
	return z_impl_gpio_pin_toggle(port, pin);
}

#endif /* CONFIG_USERSPACE */
