/*
 * Arm CMSDK AHB GPIO, one port device per enabled "arm,cmsdk-gpio" node:
 * registers, pin count and the combined interrupt come from the tree.
 *
 * A pin is an input always (DATA reads the pin) and drives its DATAOUT bit
 * when its output is enabled; there is no pull resistor and no open drain.
 * Its interrupt is a level or an edge of one polarity, both edges are not
 * possible. Enables, alternate functions and interrupt settings have a set
 * and a clear register each, so changing one pin needs no read-modify-write;
 * DATAOUT is one register, changed under the port's lock. A pin that is
 * configured becomes a GPIO (its alternate function is cleared); the others
 * keep what the board set up.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/gpio.h>

#define DT_DRV_COMPAT arm_cmsdk_gpio

struct cmsdk_gpio_regs {
	volatile uint32_t data; /* pin levels */
	volatile uint32_t dataout;
	uint32_t reserved[2];
	volatile uint32_t outenset;
	volatile uint32_t outenclr;
	volatile uint32_t altfuncset;
	volatile uint32_t altfuncclr;
	volatile uint32_t intenset;
	volatile uint32_t intenclr;
	volatile uint32_t inttypeset; /* 1: edge, 0: level */
	volatile uint32_t inttypeclr;
	volatile uint32_t intpolset; /* 1: high level or rising edge */
	volatile uint32_t intpolclr;
	volatile uint32_t intstatus; /* INTCLEAR when written, one bit per pin */
};

BUILD_ASSERT(offsetof(struct cmsdk_gpio_regs, intstatus) == 0x38, "CMSDK GPIO register map");

struct cmsdk_gpio_config {
	struct gpio_driver_config common; /* first, for the class */
	struct cmsdk_gpio_regs *regs;
	void (*irq_config)(void);
};

struct cmsdk_gpio_data {
	struct gpio_driver_data common; /* first, for the class */
	struct k_spinlock lock;
	sys_slist_t callbacks;
};

/* What the block can do besides the direction and the initial level. */
#define SUPPORTED_FLAGS \
	(GPIO_DIR_MASK | GPIO_OUTPUT_INIT_LOW | GPIO_OUTPUT_INIT_HIGH | GPIO_INT_WAKEUP)

static struct cmsdk_gpio_regs *gpio_regs_of(const struct device *port)
{
	return ((const struct cmsdk_gpio_config *)port->config)->regs;
}

static int cmsdk_gpio_pin_configure(const struct device *port, gpio_pin_t pin, gpio_flags_t flags)
{
	struct cmsdk_gpio_data *data = port->data;
	struct cmsdk_gpio_regs *r = gpio_regs_of(port);
	uint32_t bit = BIT(pin);

	if ((flags & ~SUPPORTED_FLAGS) != 0U) {
		return -ENOTSUP;
	}
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	if ((flags & GPIO_OUTPUT) != 0U) {
		/* The level first, so that the pin starts driving the right one. */
		if ((flags & GPIO_OUTPUT_INIT_HIGH) != 0U) {
			r->dataout |= bit;
		} else if ((flags & GPIO_OUTPUT_INIT_LOW) != 0U) {
			r->dataout &= ~bit;
		}
		r->outenset = bit;
	} else {
		r->outenclr = bit;
	}
	r->altfuncclr = bit;
	k_spin_unlock(&data->lock, key);
	return 0;
}

static int cmsdk_gpio_port_get_raw(const struct device *port, gpio_port_value_t *value)
{
	*value = gpio_regs_of(port)->data;
	return 0;
}

/* DATAOUT = (DATAOUT & ~clear) ^ flip, in one hold of the port's lock. */
static void dataout_update(const struct device *port, uint32_t clear, uint32_t flip)
{
	struct cmsdk_gpio_data *data = port->data;
	struct cmsdk_gpio_regs *r = gpio_regs_of(port);
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	r->dataout = (r->dataout & ~clear) ^ flip;
	k_spin_unlock(&data->lock, key);
}

static int cmsdk_gpio_port_set_masked_raw(const struct device *port, gpio_port_pins_t mask,
					  gpio_port_value_t value)
{
	dataout_update(port, mask, value & mask);
	return 0;
}

static int cmsdk_gpio_port_set_bits_raw(const struct device *port, gpio_port_pins_t pins)
{
	dataout_update(port, pins, pins);
	return 0;
}

static int cmsdk_gpio_port_clear_bits_raw(const struct device *port, gpio_port_pins_t pins)
{
	dataout_update(port, pins, 0);
	return 0;
}

static int cmsdk_gpio_port_toggle_bits(const struct device *port, gpio_port_pins_t pins)
{
	dataout_update(port, 0, pins);
	return 0;
}

static int cmsdk_gpio_pin_interrupt_configure(const struct device *port, gpio_pin_t pin,
					      enum gpio_int_mode mode, enum gpio_int_trig trig)
{
	struct cmsdk_gpio_data *data = port->data;
	struct cmsdk_gpio_regs *r = gpio_regs_of(port);
	uint32_t bit = BIT(pin);

	if (mode == GPIO_INT_MODE_DISABLED) {
		r->intenclr = bit;
		return 0;
	}
	if (trig != GPIO_INT_TRIG_LOW && trig != GPIO_INT_TRIG_HIGH) {
		return -ENOTSUP; /* both edges, or waking up */
	}
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	/* Off while it changes, and a request of the old setting dropped. */
	r->intenclr = bit;
	if (mode == GPIO_INT_MODE_EDGE) {
		r->inttypeset = bit;
	} else {
		r->inttypeclr = bit;
	}
	if (trig == GPIO_INT_TRIG_HIGH) {
		r->intpolset = bit;
	} else {
		r->intpolclr = bit;
	}
	r->intstatus = bit;
	r->intenset = bit;
	k_spin_unlock(&data->lock, key);
	return 0;
}

static int cmsdk_gpio_manage_callback(const struct device *port, struct gpio_callback *cb, bool set)
{
	struct cmsdk_gpio_data *data = port->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);
	int ret = gpio_manage_callback(&data->callbacks, cb, set);

	k_spin_unlock(&data->lock, key);
	return ret;
}

/*
 * The combined interrupt: the requests are taken, then the callbacks run
 * (without the lock: they may call the port). A level that persists raises
 * its request again at once, as levels do.
 */
static void cmsdk_gpio_isr(const void *arg)
{
	const struct device *port = arg;
	struct cmsdk_gpio_data *data = port->data;
	struct cmsdk_gpio_regs *r = gpio_regs_of(port);
	uint32_t pending = r->intstatus;

	r->intstatus = pending;
	gpio_fire_callbacks(&data->callbacks, port, pending);
}

static const struct gpio_driver_api cmsdk_gpio_api = {
	.pin_configure = cmsdk_gpio_pin_configure,
	.port_get_raw = cmsdk_gpio_port_get_raw,
	.port_set_masked_raw = cmsdk_gpio_port_set_masked_raw,
	.port_set_bits_raw = cmsdk_gpio_port_set_bits_raw,
	.port_clear_bits_raw = cmsdk_gpio_port_clear_bits_raw,
	.port_toggle_bits = cmsdk_gpio_port_toggle_bits,
	.pin_interrupt_configure = cmsdk_gpio_pin_interrupt_configure,
	.manage_callback = cmsdk_gpio_manage_callback,
};

static int cmsdk_gpio_init(const struct device *port)
{
	const struct cmsdk_gpio_config *cfg = port->config;
	struct cmsdk_gpio_data *data = port->data;
	struct cmsdk_gpio_regs *r = cfg->regs;

	sys_slist_init(&data->callbacks);
	r->intenclr = cfg->common.port_pin_mask;
	r->intstatus = cfg->common.port_pin_mask;
	cfg->irq_config();
	return 0;
}

#define CMSDK_GPIO_DEFINE(inst)                                                                  \
	BUILD_ASSERT(DT_INST_PROP(inst, ngpios) <= 16, "a CMSDK GPIO port has 16 pins");         \
	static void cmsdk_gpio_irq_config_##inst(void)                                           \
	{                                                                                        \
		IRQ_CONNECT(DT_INST_IRQN(inst), 0, cmsdk_gpio_isr, DEVICE_DT_INST_GET(inst), 0); \
		irq_enable(DT_INST_IRQN(inst));                                                  \
	}                                                                                        \
	static struct cmsdk_gpio_data cmsdk_gpio_data_##inst;                                    \
	static const struct cmsdk_gpio_config cmsdk_gpio_config_##inst = {                       \
		.common = { .port_pin_mask = BIT_MASK(DT_INST_PROP(inst, ngpios)) },             \
		.regs = (struct cmsdk_gpio_regs *)DT_INST_REG_ADDR(inst),                        \
		.irq_config = cmsdk_gpio_irq_config_##inst,                                      \
	};                                                                                       \
	DEVICE_DT_INST_DEFINE(inst, cmsdk_gpio_init, NULL, &cmsdk_gpio_data_##inst,              \
			      &cmsdk_gpio_config_##inst, PRE_KERNEL_1, 40, &cmsdk_gpio_api);

DT_INST_FOREACH_STATUS_OKAY(CMSDK_GPIO_DEFINE)
