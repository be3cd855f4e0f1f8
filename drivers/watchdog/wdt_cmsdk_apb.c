/*
 * Arm CMSDK APB watchdog, one device per enabled "arm,cmsdk-watchdog" node:
 * registers and clock come from the tree.
 *
 * The watchdog counts LOAD down at its clock while INTEN is set. At 0 it
 * raises its interrupt and reloads; at 0 again with the interrupt still
 * raised it resets the system if RESEN is set. Clearing the interrupt
 * (INTCLR) reloads the count: that is the feed. A LOCK register guards the
 * others against stray writes; the driver unlocks it around its own.
 *
 * One timeout, channel 0, without a window. With a callback, the callback
 * runs when the timeout expires and the reset (WDT_FLAG_RESET_SOC) comes one
 * timeout later unless it feeds; without one, the count is halved so that
 * the reset comes when the timeout expires. With WDT_FLAG_RESET_NONE an
 * expired timeout starts again after its callback.
 *
 * The interrupt is wired to the core's NMI on MPS2. wdt_cmsdk_apb_nmi() is
 * the handler; the arch port calls it on an NMI (CONFIG_RUNTIME_NMI). It
 * takes no lock, since an NMI may arrive while a lock is held: the state it
 * reads is set before the watchdog runs, and a feed is a single write that
 * may interleave with another feed harmlessly.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/watchdog.h>
#include <breeze/drivers/wdt_cmsdk_apb.h>
#ifdef CONFIG_RUNTIME_NMI
#include <breeze/arch/arm/nmi.h>
#endif

#define DT_DRV_COMPAT arm_cmsdk_watchdog

struct cmsdk_wdog_regs {
	volatile uint32_t load;
	volatile uint32_t value;
	volatile uint32_t ctrl;
	volatile uint32_t intclr;
	volatile uint32_t ris;
	volatile uint32_t mis;
	uint32_t reserved[762];
	volatile uint32_t lock;
};

BUILD_ASSERT(offsetof(struct cmsdk_wdog_regs, lock) == WDT_CMSDK_APB_LOCK,
	     "CMSDK watchdog register map");

#define CTRL_INTEN BIT(0)
#define CTRL_RESEN BIT(1)
#define INT_RAISED BIT(0)

struct cmsdk_wdog_config {
	struct cmsdk_wdog_regs *regs;
	uint32_t ticks_per_ms;
};

struct cmsdk_wdog_data {
	struct k_spinlock lock;
	bool installed;
	bool running;
	uint8_t flags;
	uint32_t load;
	wdt_callback_t callback;
};

static struct cmsdk_wdog_regs *wdog_regs_of(const struct device *dev)
{
	return ((const struct cmsdk_wdog_config *)dev->config)->regs;
}

/* One write to the watchdog, with LOCK opened around it. */
static void wdog_write(struct cmsdk_wdog_regs *r, volatile uint32_t *reg, uint32_t value)
{
	r->lock = WDT_CMSDK_APB_UNLOCK_KEY;
	*reg = value;
	r->lock = 0U;
}

static bool resets(uint8_t flags)
{
	return (flags & WDT_FLAG_RESET_MASK) != WDT_FLAG_RESET_NONE;
}

static int cmsdk_wdog_install_timeout(const struct device *dev, const struct wdt_timeout_cfg *cfg)
{
	const struct cmsdk_wdog_config *config = dev->config;
	struct cmsdk_wdog_data *data = dev->data;
	uint8_t reset = cfg->flags & WDT_FLAG_RESET_MASK;

	/* The whole system resets: not the core alone. */
	if ((cfg->flags & ~WDT_FLAG_RESET_MASK) != 0U ||
	    (reset != WDT_FLAG_RESET_NONE && reset != WDT_FLAG_RESET_SOC)) {
		return -ENOTSUP;
	}
	if (cfg->window.min != 0U || cfg->window.max == 0U ||
	    cfg->window.max > UINT32_MAX / config->ticks_per_ms) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&data->lock);
	int ret = data->running ? -EBUSY : data->installed ? -ENOMEM : 0;

	if (ret == 0) {
		uint32_t ticks = cfg->window.max * config->ticks_per_ms;

		/* Without a callback the reset must come at the timeout: the second expiry. */
		data->load =
		    (cfg->callback == NULL && reset != WDT_FLAG_RESET_NONE) ? ticks / 2U : ticks;
		data->flags = cfg->flags;
		data->callback = cfg->callback;
		data->installed = true;
	}
	k_spin_unlock(&data->lock, key);
	return ret;
}

static int cmsdk_wdog_setup(const struct device *dev, uint8_t options)
{
	struct cmsdk_wdog_data *data = dev->data;
	struct cmsdk_wdog_regs *r = wdog_regs_of(dev);

	/* It counts on through WFI; a debugger halt is the debugger's business. */
	if ((options & ~WDT_OPT_PAUSE_HALTED_BY_DBG) != 0U) {
		return -ENOTSUP;
	}
	k_spinlock_key_t key = k_spin_lock(&data->lock);
	int ret = !data->installed ? -EINVAL : data->running ? -EBUSY : 0;

	if (ret == 0) {
		r->lock = WDT_CMSDK_APB_UNLOCK_KEY;
		r->load = data->load;
		r->intclr = INT_RAISED;
		r->ctrl = CTRL_INTEN | (resets(data->flags) ? CTRL_RESEN : 0U);
		r->lock = 0U;
		data->running = true;
	}
	k_spin_unlock(&data->lock, key);
	return ret;
}

static int cmsdk_wdog_disable(const struct device *dev)
{
	struct cmsdk_wdog_data *data = dev->data;
	struct cmsdk_wdog_regs *r = wdog_regs_of(dev);
	k_spinlock_key_t key = k_spin_lock(&data->lock);
	int ret = data->running ? 0 : -EFAULT;

	if (ret == 0) {
		r->lock = WDT_CMSDK_APB_UNLOCK_KEY;
		r->ctrl = 0U;
		r->intclr = INT_RAISED;
		r->lock = 0U;
		data->running = false;
		data->installed = false;
		data->callback = NULL;
	}
	k_spin_unlock(&data->lock, key);
	return ret;
}

/* Lock-free: the callback of an expired timeout may feed from the NMI. */
static int cmsdk_wdog_feed(const struct device *dev, int channel_id)
{
	struct cmsdk_wdog_data *data = dev->data;
	struct cmsdk_wdog_regs *r = wdog_regs_of(dev);

	if (channel_id != 0 || !data->installed) {
		return -EINVAL;
	}
	wdog_write(r, &r->intclr, INT_RAISED);
	return 0;
}

static const struct wdt_driver_api cmsdk_wdog_api = {
	.setup = cmsdk_wdog_setup,
	.disable = cmsdk_wdog_disable,
	.install_timeout = cmsdk_wdog_install_timeout,
	.feed = cmsdk_wdog_feed,
};

#define CMSDK_WDOG_DEVICE(inst) DEVICE_DT_INST_GET(inst),

static const struct device *const cmsdk_wdogs[] = { DT_INST_FOREACH_STATUS_OKAY(
    CMSDK_WDOG_DEVICE) };

void wdt_cmsdk_apb_nmi(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cmsdk_wdogs); i++) {
		const struct device *dev = cmsdk_wdogs[i];
		struct cmsdk_wdog_data *data = dev->data;
		struct cmsdk_wdog_regs *r = wdog_regs_of(dev);

		if ((r->mis & INT_RAISED) == 0U) {
			continue;
		}
		if (data->callback != NULL) {
			data->callback(dev, 0);
		}
		/* With no reset to come, the timeout starts again. */
		if (!resets(data->flags)) {
			wdog_write(r, &r->intclr, INT_RAISED);
		}
	}
}

/* Stopped, as after reset, whatever ran before. */
static int cmsdk_wdog_init(const struct device *dev)
{
	struct cmsdk_wdog_regs *r = wdog_regs_of(dev);

	r->lock = WDT_CMSDK_APB_UNLOCK_KEY;
	r->ctrl = 0U;
	r->intclr = INT_RAISED;
	r->lock = 0U;
#ifdef CONFIG_RUNTIME_NMI
	z_arm_nmi_set_handler(wdt_cmsdk_apb_nmi);
#endif
	return 0;
}

#define CMSDK_WDOG_DEFINE(inst)                                                               \
	static struct cmsdk_wdog_data cmsdk_wdog_data_##inst;                                 \
	static const struct cmsdk_wdog_config cmsdk_wdog_config_##inst = {                    \
		.regs = (struct cmsdk_wdog_regs *)DT_INST_REG_ADDR(inst),                     \
		.ticks_per_ms = DT_INST_PROP(inst, clock_frequency) / 1000U,                  \
	};                                                                                    \
	BUILD_ASSERT(DT_INST_PROP(inst, clock_frequency) >= 1000, "a watchdog clock in kHz"); \
	DEVICE_DT_INST_DEFINE(inst, cmsdk_wdog_init, NULL, &cmsdk_wdog_data_##inst,           \
			      &cmsdk_wdog_config_##inst, PRE_KERNEL_1, 50, &cmsdk_wdog_api);

DT_INST_FOREACH_STATUS_OKAY(CMSDK_WDOG_DEFINE)
