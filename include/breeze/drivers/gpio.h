/*
 * GPIO driver class, Zephyr's API (a subset): pins configured as inputs or
 * outputs, a port read and written at once in raw levels, single pins read
 * and written in raw or logical levels (GPIO_ACTIVE_LOW honoured), and pin
 * interrupts delivered to callbacks.
 *
 * A port has up to 32 pins, gpio_pin_t numbers a pin within it. Every call
 * that names one pin checks that the port has it (-EINVAL otherwise); the
 * port calls ignore mask bits beyond the port's pins, as Zephyr's drivers do.
 * Flags that contradict each other are -EINVAL, flags the hardware cannot do
 * -ENOTSUP: Zephyr asserts on the former, which a system call cannot do.
 *
 * The configuration, port and pin calls are system calls. In Zephyr the pin
 * calls are inline helpers over the port calls; here they are system calls
 * too, because the pin check and the active-low mask live in the driver's
 * data, which a user thread cannot read. Callbacks run in the port's
 * interrupt handler, so adding one is supervisor-only.
 */
#ifndef BREEZE_DRIVERS_GPIO_H
#define BREEZE_DRIVERS_GPIO_H

#include <stdbool.h>
#include <stdint.h>
#include <breeze/kernel.h>
#include <breeze/device.h>
#include <breeze/sys/slist.h>

typedef uint8_t gpio_pin_t;         /* a pin of a port: 0 to 31 */
typedef uint32_t gpio_flags_t;      /* GPIO_* configuration flags */
typedef uint32_t gpio_port_pins_t;  /* one bit per pin */
typedef uint32_t gpio_port_value_t; /* one level per pin */

/* How a pin's logical level maps to its line (Zephyr's values). */
#define GPIO_ACTIVE_LOW  (1U << 0)
#define GPIO_ACTIVE_HIGH (0U << 0)

/* Output drive. */
#define GPIO_SINGLE_ENDED     (1U << 1)
#define GPIO_PUSH_PULL        (0U << 1)
#define GPIO_LINE_OPEN_DRAIN  (1U << 2)
#define GPIO_LINE_OPEN_SOURCE (0U << 2)
#define GPIO_OPEN_DRAIN       (GPIO_SINGLE_ENDED | GPIO_LINE_OPEN_DRAIN)
#define GPIO_OPEN_SOURCE      (GPIO_SINGLE_ENDED | GPIO_LINE_OPEN_SOURCE)

/* Bias. */
#define GPIO_PULL_UP   (1U << 4)
#define GPIO_PULL_DOWN (1U << 5)

/* The interrupt may wake the system from sleep. */
#define GPIO_INT_WAKEUP (1U << 6)

/* Direction and the initial level of an output. */
#define GPIO_INPUT               (1U << 16)
#define GPIO_OUTPUT              (1U << 17)
#define GPIO_DISCONNECTED        0U
#define GPIO_OUTPUT_INIT_LOW     (1U << 18)
#define GPIO_OUTPUT_INIT_HIGH    (1U << 19)
#define GPIO_OUTPUT_INIT_LOGICAL (1U << 20)
#define GPIO_OUTPUT_LOW          (GPIO_OUTPUT | GPIO_OUTPUT_INIT_LOW)
#define GPIO_OUTPUT_HIGH         (GPIO_OUTPUT | GPIO_OUTPUT_INIT_HIGH)
#define GPIO_OUTPUT_INACTIVE     (GPIO_OUTPUT | GPIO_OUTPUT_INIT_LOW | GPIO_OUTPUT_INIT_LOGICAL)
#define GPIO_OUTPUT_ACTIVE       (GPIO_OUTPUT | GPIO_OUTPUT_INIT_HIGH | GPIO_OUTPUT_INIT_LOGICAL)
#define GPIO_DIR_MASK            (GPIO_INPUT | GPIO_OUTPUT)

/* Interrupt flags of gpio_pin_interrupt_configure(). */
#define GPIO_INT_DISABLE        (1U << 21)
#define GPIO_INT_ENABLE         (1U << 22)
#define GPIO_INT_LEVELS_LOGICAL (1U << 23)
#define GPIO_INT_EDGE           (1U << 24)
#define GPIO_INT_LOW_0          (1U << 25)
#define GPIO_INT_HIGH_1         (1U << 26)
#define GPIO_INT_MASK                                                                   \
	(GPIO_INT_DISABLE | GPIO_INT_ENABLE | GPIO_INT_LEVELS_LOGICAL | GPIO_INT_EDGE | \
	 GPIO_INT_LOW_0 | GPIO_INT_HIGH_1)

#define GPIO_INT_EDGE_RISING  (GPIO_INT_ENABLE | GPIO_INT_EDGE | GPIO_INT_HIGH_1)
#define GPIO_INT_EDGE_FALLING (GPIO_INT_ENABLE | GPIO_INT_EDGE | GPIO_INT_LOW_0)
#define GPIO_INT_EDGE_BOTH    (GPIO_INT_ENABLE | GPIO_INT_EDGE | GPIO_INT_LOW_0 | GPIO_INT_HIGH_1)
#define GPIO_INT_LEVEL_LOW    (GPIO_INT_ENABLE | GPIO_INT_LOW_0)
#define GPIO_INT_LEVEL_HIGH   (GPIO_INT_ENABLE | GPIO_INT_HIGH_1)
#define GPIO_INT_EDGE_TO_INACTIVE \
	(GPIO_INT_ENABLE | GPIO_INT_LEVELS_LOGICAL | GPIO_INT_EDGE | GPIO_INT_LOW_0)
#define GPIO_INT_EDGE_TO_ACTIVE \
	(GPIO_INT_ENABLE | GPIO_INT_LEVELS_LOGICAL | GPIO_INT_EDGE | GPIO_INT_HIGH_1)
#define GPIO_INT_LEVEL_INACTIVE (GPIO_INT_ENABLE | GPIO_INT_LEVELS_LOGICAL | GPIO_INT_LOW_0)
#define GPIO_INT_LEVEL_ACTIVE   (GPIO_INT_ENABLE | GPIO_INT_LEVELS_LOGICAL | GPIO_INT_HIGH_1)

/* What a driver's pin_interrupt_configure receives: raw levels only. */
enum gpio_int_mode {
	GPIO_INT_MODE_DISABLED = GPIO_INT_DISABLE,
	GPIO_INT_MODE_LEVEL = GPIO_INT_ENABLE,
	GPIO_INT_MODE_EDGE = GPIO_INT_ENABLE | GPIO_INT_EDGE,
};

enum gpio_int_trig {
	GPIO_INT_TRIG_LOW = GPIO_INT_LOW_0,
	GPIO_INT_TRIG_HIGH = GPIO_INT_HIGH_1,
	GPIO_INT_TRIG_BOTH = GPIO_INT_LOW_0 | GPIO_INT_HIGH_1,
	GPIO_INT_TRIG_WAKE = GPIO_INT_WAKEUP,
};

struct gpio_callback;

/* Called in the port's interrupt handler with the pins of @cb that fired. */
typedef void (*gpio_callback_handler_t)(const struct device *port, struct gpio_callback *cb,
					gpio_port_pins_t pins);

struct gpio_callback {
	sys_snode_t node;
	gpio_callback_handler_t handler;
	gpio_port_pins_t pin_mask;
};

/* First member of every GPIO driver's config: the pins the port has. */
struct gpio_driver_config {
	gpio_port_pins_t port_pin_mask;
};

/* First member of every GPIO driver's data: the pins configured active-low. */
struct gpio_driver_data {
	gpio_port_pins_t invert;
};

/*
 * A driver sees checked arguments only: a pin the port has, consistent flags
 * with the active-low ones already turned into raw levels, masks within the
 * port.
 */
struct gpio_driver_api {
	int (*pin_configure)(const struct device *port, gpio_pin_t pin, gpio_flags_t flags);
	int (*port_get_raw)(const struct device *port, gpio_port_value_t *value);
	int (*port_set_masked_raw)(const struct device *port, gpio_port_pins_t mask,
				   gpio_port_value_t value);
	int (*port_set_bits_raw)(const struct device *port, gpio_port_pins_t pins);
	int (*port_clear_bits_raw)(const struct device *port, gpio_port_pins_t pins);
	int (*port_toggle_bits)(const struct device *port, gpio_port_pins_t pins);
	int (*pin_interrupt_configure)(const struct device *port, gpio_pin_t pin,
				       enum gpio_int_mode mode, enum gpio_int_trig trig);
	int (*manage_callback)(const struct device *port, struct gpio_callback *cb, bool set);
};

/*
 * Configure @pin: 0, -EINVAL for a pin the port lacks or contradictory flags
 * (interrupt flags included: they belong to gpio_pin_interrupt_configure()),
 * -ENOTSUP for a configuration the hardware cannot do.
 */
__syscall int gpio_pin_configure(const struct device *port, gpio_pin_t pin, gpio_flags_t flags);

/* The port's input levels, one bit per pin. */
__syscall int gpio_port_get_raw(const struct device *port, gpio_port_value_t *value);

/* Drive the pins of @mask to their levels in @value. */
__syscall int gpio_port_set_masked_raw(const struct device *port, gpio_port_pins_t mask,
				       gpio_port_value_t value);

/* Drive @pins high, low, or to the opposite of their output level. */
__syscall int gpio_port_set_bits_raw(const struct device *port, gpio_port_pins_t pins);
__syscall int gpio_port_clear_bits_raw(const struct device *port, gpio_port_pins_t pins);
__syscall int gpio_port_toggle_bits(const struct device *port, gpio_port_pins_t pins);

/*
 * Enable (GPIO_INT_EDGE_*, GPIO_INT_LEVEL_*) or disable (GPIO_INT_DISABLE)
 * @pin's interrupt: 0, -EINVAL for a pin the port lacks or flags that are not
 * one valid interrupt configuration, -ENOTSUP for one the hardware lacks.
 */
__syscall int gpio_pin_interrupt_configure(const struct device *port, gpio_pin_t pin,
					   gpio_flags_t flags);

/* One pin's input level, raw or logical: 0 or 1, or -EINVAL for a pin the port lacks. */
__syscall int gpio_pin_get_raw(const struct device *port, gpio_pin_t pin);
__syscall int gpio_pin_get(const struct device *port, gpio_pin_t pin);

/* Drive one pin to @value (non-zero: high or active), or to its opposite. */
__syscall int gpio_pin_set_raw(const struct device *port, gpio_pin_t pin, int value);
__syscall int gpio_pin_set(const struct device *port, gpio_pin_t pin, int value);
__syscall int gpio_pin_toggle(const struct device *port, gpio_pin_t pin);

/* Prepare @cb to call @handler for the pins of @pin_mask (supervisor). */
static inline void gpio_init_callback(struct gpio_callback *cb, gpio_callback_handler_t handler,
				      gpio_port_pins_t pin_mask)
{
	cb->handler = handler;
	cb->pin_mask = pin_mask;
}

/*
 * Start or stop calling @cb for interrupts of @port (supervisor). A callback
 * added twice is called once; removing one that was not added is -EINVAL.
 */
static inline int gpio_add_callback(const struct device *port, struct gpio_callback *cb)
{
	const struct gpio_driver_api *api = port->api;

	return api->manage_callback != NULL ? api->manage_callback(port, cb, true) : -ENOSYS;
}

static inline int gpio_remove_callback(const struct device *port, struct gpio_callback *cb)
{
	const struct gpio_driver_api *api = port->api;

	return api->manage_callback != NULL ? api->manage_callback(port, cb, false) : -ENOSYS;
}

/*
 * For drivers (drivers/gpio/gpio_callbacks.c): keep a port's list of
 * callbacks, and call those interested in @pins. The driver serialises
 * gpio_manage_callback() against its interrupt handler.
 */
int gpio_manage_callback(sys_slist_t *callbacks, struct gpio_callback *cb, bool set);
void gpio_fire_callbacks(sys_slist_t *callbacks, const struct device *port, gpio_port_pins_t pins);

#endif /* BREEZE_DRIVERS_GPIO_H */
