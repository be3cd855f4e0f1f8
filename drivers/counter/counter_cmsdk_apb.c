/*
 * Arm CMSDK APB timer as a counter, one device per enabled "arm,cmsdk-timer"
 * node: registers, clock and interrupt line come from the tree.
 *
 * The timer is a 32-bit down counter: VALUE counts down to 0, raises its
 * interrupt there and reloads RELOAD on the next tick (writing RELOAD also
 * loads VALUE). So the counter counts down from its top value (RELOAD) to 0,
 * top + 1 ticks a period, and its one event is VALUE reaching 0.
 *
 * One alarm channel and the wrap callback share that event: the counter's
 * value is VALUE + zero (modulo top + 1), where zero is the value at which
 * VALUE reaches 0, and arming an alarm moves zero to the alarm's value by
 * rewriting VALUE. With a wrap callback too, zero is the alarm while the
 * alarm comes first and 0 otherwise. Rewriting VALUE happens with the timer
 * stopped, so that no event can slip between reading and writing it; the
 * counter loses the few cycles it stands (setting an alarm, cancelling one
 * before the wrap, and firing one while a wrap callback is set). Nothing is
 * rewritten while no callback is waiting.
 *
 * An event the hardware raised while the driver was changing the setup, and
 * an alarm due at once, are noted and handed to the interrupt handler by
 * pending its line, so that callbacks always run there.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/counter.h>
#include <cortex_m.h>

#define DT_DRV_COMPAT arm_cmsdk_timer

struct cmsdk_timer_regs {
	volatile uint32_t ctrl;
	volatile uint32_t value;
	volatile uint32_t reload;
	volatile uint32_t intstatus; /* INTCLEAR when written */
};

#define CTRL_EN     BIT(0)
#define CTRL_IRQ_EN BIT(3)
#define INT_REQUEST BIT(0)

struct cmsdk_counter_config {
	struct counter_config_info info; /* first, for the class */
	struct cmsdk_timer_regs *regs;
	unsigned int irq;
	void (*irq_config)(void);
};

struct cmsdk_counter_data {
	struct k_spinlock lock;
	uint32_t top;
	uint32_t zero; /* the counter's value when VALUE is 0 */
	counter_top_callback_t top_cb;
	void *top_user_data;
	bool armed;
	bool waits_wrap; /* the alarm comes after the wrap, which the top callback needs first */
	uint32_t alarm_at;
	counter_alarm_callback_t alarm_cb;
	void *alarm_user_data;
	bool alarm_due; /* events for the handler */
	bool wrap_due;
};

static struct cmsdk_timer_regs *timer_regs_of(const struct device *dev)
{
	return ((const struct cmsdk_counter_config *)dev->config)->regs;
}

/* (a + b) and (a - b) modulo top + 1, for a and b at most top. */
static uint32_t mod_add(uint32_t a, uint32_t b, uint32_t top)
{
	return b > top - a ? b - (top - a) - 1U : a + b;
}

static uint32_t mod_sub(uint32_t a, uint32_t b, uint32_t top)
{
	return a >= b ? a - b : a + (top - b) + 1U;
}

static uint32_t current(const struct device *dev)
{
	struct cmsdk_counter_data *data = dev->data;

	return mod_add(timer_regs_of(dev)->value, data->zero, data->top);
}

/* Stop counting; returns CTRL as it was. */
static uint32_t freeze(struct cmsdk_timer_regs *r)
{
	uint32_t ctrl = r->ctrl;

	r->ctrl = ctrl & ~CTRL_EN;
	return ctrl;
}

/* The counter is at zero: what waits for that is due. */
static void events_at_zero(struct cmsdk_counter_data *data)
{
	if (data->armed && !data->waits_wrap && data->alarm_at == data->zero) {
		data->alarm_due = true;
	}
	if (data->zero == 0U && data->top_cb != NULL) {
		data->wrap_due = true;
	}
}

/* An interrupt request not taken yet is an event at zero: note what it means. */
static void take_request(const struct device *dev)
{
	struct cmsdk_counter_data *data = dev->data;
	struct cmsdk_timer_regs *r = timer_regs_of(dev);

	if ((r->intstatus & INT_REQUEST) == 0U) {
		return;
	}
	r->intstatus = INT_REQUEST;
	events_at_zero(data);
}

/* Where zero must be for the next event a callback waits for (false: none). */
static bool next_event(const struct cmsdk_counter_data *data, uint32_t *at)
{
	if (data->armed && !data->waits_wrap) {
		*at = data->alarm_at;
		return true;
	}
	*at = 0U;
	return data->top_cb != NULL;
}

/*
 * Bring the hardware in line with the callbacks waiting: zero moved (the
 * counter frozen meanwhile) if it is elsewhere, the interrupt enabled if any
 * waits. @ctrl is CTRL from before any freeze: counting resumes as it was.
 * Due events go to the handler.
 */
static void settle(const struct device *dev, uint32_t ctrl)
{
	const struct cmsdk_counter_config *cfg = dev->config;
	struct cmsdk_counter_data *data = dev->data;
	struct cmsdk_timer_regs *r = cfg->regs;
	uint32_t at;
	bool waiting = next_event(data, &at);

	if (waiting && at != data->zero) {
		r->ctrl = ctrl & ~CTRL_EN;
		take_request(dev);
		uint32_t now = current(dev);

		data->zero = at;
		if (now != at) {
			r->value = mod_sub(now, at, data->top);
		} else {
			/* At the event already: it is due, and VALUE skips the 0 it would raise. */
			events_at_zero(data);
			r->value = data->top;
		}
	}
	r->ctrl = (ctrl & CTRL_EN) | (waiting ? CTRL_IRQ_EN : 0U);
	if (data->alarm_due || data->wrap_due) {
		NVIC_ISPR(cfg->irq / 32U) = 1U << (cfg->irq % 32U);
	}
}

static int cmsdk_counter_start(const struct device *dev)
{
	struct cmsdk_counter_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	timer_regs_of(dev)->ctrl |= CTRL_EN;
	k_spin_unlock(&data->lock, key);
	return 0;
}

static int cmsdk_counter_stop(const struct device *dev)
{
	struct cmsdk_counter_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	timer_regs_of(dev)->ctrl &= ~CTRL_EN;
	k_spin_unlock(&data->lock, key);
	return 0;
}

static int cmsdk_counter_get_value(const struct device *dev, uint32_t *ticks)
{
	struct cmsdk_counter_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	*ticks = current(dev);
	k_spin_unlock(&data->lock, key);
	return 0;
}

static int cmsdk_counter_set_alarm(const struct device *dev, uint8_t chan_id,
				   const struct counter_alarm_cfg *alarm_cfg)
{
	struct cmsdk_counter_data *data = dev->data;
	struct cmsdk_timer_regs *r = timer_regs_of(dev);
	bool absolute = (alarm_cfg->flags & COUNTER_ALARM_CFG_ABSOLUTE) != 0U;
	int ret = 0;

	ARG_UNUSED(chan_id);
	if (alarm_cfg->callback == NULL) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	if (alarm_cfg->ticks > data->top || data->armed) {
		k_spin_unlock(&data->lock, key);
		return data->armed ? -EBUSY : -EINVAL;
	}
	uint32_t ctrl = freeze(r);

	take_request(dev); /* before arming: an old request is not this alarm */
	uint32_t now = current(dev);
	uint32_t at = absolute ? alarm_cfg->ticks : mod_sub(now, alarm_cfg->ticks, data->top);

	data->armed = true;
	data->alarm_at = at;
	data->alarm_cb = alarm_cfg->callback;
	data->alarm_user_data = alarm_cfg->user_data;
	data->waits_wrap = data->top_cb != NULL && at != 0U && at > now;
	if (at == now) {
		/* A delay of 0 is due now; an absolute value the counter is at, late. */
		if (absolute) {
			ret = -ETIME;
			data->armed = (alarm_cfg->flags & COUNTER_ALARM_CFG_EXPIRE_WHEN_LATE) != 0U;
		}
		data->alarm_due = data->armed;
		data->waits_wrap = true; /* no zero to move: it fires from the handler */
	}
	settle(dev, ctrl);
	k_spin_unlock(&data->lock, key);
	return ret;
}

static int cmsdk_counter_cancel_alarm(const struct device *dev, uint8_t chan_id)
{
	struct cmsdk_counter_data *data = dev->data;

	ARG_UNUSED(chan_id);
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	data->armed = false;
	data->alarm_due = false;
	settle(dev, timer_regs_of(dev)->ctrl);
	k_spin_unlock(&data->lock, key);
	return 0;
}

static int cmsdk_counter_set_top_value(const struct device *dev, const struct counter_top_cfg *cfg)
{
	struct cmsdk_counter_data *data = dev->data;
	struct cmsdk_timer_regs *r = timer_regs_of(dev);
	int ret = 0;

	/* A RELOAD of 0 would stop the count (and interrupt at every tick). */
	if (cfg->ticks == 0U) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	if (data->armed) {
		k_spin_unlock(&data->lock, key);
		return -EBUSY;
	}
	uint32_t ctrl = freeze(r);

	take_request(dev); /* a wrap of the old setup still counts */
	uint32_t now = current(dev);
	bool keep = (cfg->flags & COUNTER_TOP_CFG_DONT_RESET) != 0U;

	/* Beyond the new top the count cannot go on: it restarts, late or not. */
	if (keep && now > cfg->ticks) {
		keep = false;
		ret = -ETIME;
	}
	data->top = cfg->ticks;
	data->top_cb = cfg->callback;
	data->top_user_data = cfg->user_data;
	data->zero = 0U;
	r->reload = cfg->ticks; /* VALUE too: the count restarts at the top */
	if (keep) {
		r->value = now;
	}
	settle(dev, ctrl);
	k_spin_unlock(&data->lock, key);
	return ret;
}

static uint32_t cmsdk_counter_get_top_value(const struct device *dev)
{
	struct cmsdk_counter_data *data = dev->data;

	return data->top;
}

/*
 * The events noted, and VALUE's zero if the hardware raised it; then the
 * callbacks, outside the lock (they may set the next alarm).
 */
static void cmsdk_counter_isr(const void *arg)
{
	const struct device *dev = arg;
	struct cmsdk_counter_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	take_request(dev);
	bool wrap = data->wrap_due;

	if (wrap && data->armed && data->waits_wrap) {
		/* The alarm's period has begun; the counter may be past it already. */
		data->waits_wrap = false;
		data->alarm_due = data->alarm_due || data->alarm_at >= current(dev);
	}
	bool alarm = data->alarm_due && data->armed;
	counter_alarm_callback_t alarm_cb = data->alarm_cb;
	void *alarm_user_data = data->alarm_user_data;
	uint32_t alarm_at = data->alarm_at;
	counter_top_callback_t top_cb = data->top_cb;
	void *top_user_data = data->top_user_data;

	data->wrap_due = false;
	data->alarm_due = false;
	if (alarm) {
		data->armed = false;
	}
	settle(dev, timer_regs_of(dev)->ctrl);
	k_spin_unlock(&data->lock, key);

	if (wrap && top_cb != NULL) {
		top_cb(dev, top_user_data);
	}
	if (alarm) {
		alarm_cb(dev, 0, alarm_at, alarm_user_data);
	}
}

static const struct counter_driver_api cmsdk_counter_api = {
	.start = cmsdk_counter_start,
	.stop = cmsdk_counter_stop,
	.get_value = cmsdk_counter_get_value,
	.set_alarm = cmsdk_counter_set_alarm,
	.cancel_alarm = cmsdk_counter_cancel_alarm,
	.set_top_value = cmsdk_counter_set_top_value,
	.get_top_value = cmsdk_counter_get_top_value,
};

/* Stopped, at the full 32-bit range, as counters start. */
static int cmsdk_counter_init(const struct device *dev)
{
	const struct cmsdk_counter_config *cfg = dev->config;
	struct cmsdk_counter_data *data = dev->data;

	cfg->regs->ctrl = 0U;
	cfg->regs->reload = cfg->info.max_top_value;
	cfg->regs->intstatus = INT_REQUEST;
	data->top = cfg->info.max_top_value;
	cfg->irq_config();
	return 0;
}

#define CMSDK_COUNTER_DEFINE(inst)                                                              \
	static void cmsdk_counter_irq_config_##inst(void)                                       \
	{                                                                                       \
		IRQ_CONNECT(DT_INST_IRQN(inst), 0, cmsdk_counter_isr, DEVICE_DT_INST_GET(inst), \
			    0);                                                                 \
		irq_enable(DT_INST_IRQN(inst));                                                 \
	}                                                                                       \
	static struct cmsdk_counter_data cmsdk_counter_data_##inst;                             \
	static const struct cmsdk_counter_config cmsdk_counter_config_##inst = {             \
		.info = {                                                                    \
			.max_top_value = UINT32_MAX,                                         \
			.freq = DT_INST_PROP(inst, clock_frequency),                         \
			.flags = 0,                                                          \
			.channels = 1,                                                       \
		},                                                                           \
		.regs = (struct cmsdk_timer_regs *)DT_INST_REG_ADDR(inst),                   \
		.irq = DT_INST_IRQN(inst),                                                   \
		.irq_config = cmsdk_counter_irq_config_##inst,                               \
	};  \
	DEVICE_DT_INST_DEFINE(inst, cmsdk_counter_init, NULL, &cmsdk_counter_data_##inst,       \
			      &cmsdk_counter_config_##inst, POST_KERNEL, 50, &cmsdk_counter_api);

DT_INST_FOREACH_STATUS_OKAY(CMSDK_COUNTER_DEFINE)
