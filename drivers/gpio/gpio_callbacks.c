/*
 * The list of callbacks a GPIO port keeps, for its driver: adding, removing
 * and calling them from the interrupt handler. The driver serialises changes
 * to the list against its handler (its lock masks interrupts).
 */
#include <breeze/kernel.h>
#include <breeze/drivers/gpio.h>

int gpio_manage_callback(sys_slist_t *callbacks, struct gpio_callback *cb, bool set)
{
	/* Taken out first, so that adding a callback again does not link it twice. */
	bool found = sys_slist_find_and_remove(callbacks, &cb->node);

	if (!set) {
		return found ? 0 : -EINVAL;
	}
	sys_slist_prepend(callbacks, &cb->node);
	return 0;
}

void gpio_fire_callbacks(sys_slist_t *callbacks, const struct device *port, gpio_port_pins_t pins)
{
	struct gpio_callback *cb;
	struct gpio_callback *next;

	/* A handler may remove its own callback. */
	SYS_SLIST_FOR_EACH_CONTAINER_SAFE(callbacks, cb, next, node)
	{
		gpio_port_pins_t mine = cb->pin_mask & pins;

		if (mine != 0U) {
			cb->handler(port, cb, mine);
		}
	}
}
