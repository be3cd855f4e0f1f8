/*
 * The CMSDK APB watchdog of mps2_an385 through the watchdog API, on the
 * watchdog QEMU models: refused timeouts and options, the life cycle
 * (install, setup, feed, disable), a fed watchdog that never expires, and
 * unfed ones whose expiry is seen in the raw status (RIS) at the time the
 * timeout gives.
 *
 * The watchdog's interrupt is the NMI, which the arch port does not hand to
 * drivers yet, and a second expiry would reset the machine. So the tests of
 * expiry put the watchdog in integration test mode (ITCR), where its NMI and
 * reset outputs follow ITOP (held at 0) instead of the count, poll RIS, and
 * call the driver's NMI handler themselves, as the arch port will. Not shown
 * here: the NMI itself, and the reset of an unfed watchdog.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/watchdog.h>
#include <breeze/drivers/wdt_cmsdk_apb.h>
#include <zephyr/ztest.h>

#ifdef CONFIG_WDT_CMSDK_APB

#define NODE     DT_NODELABEL(wdog0)
#define WDT      DEVICE_DT_GET(NODE)
#define REG(off) (*(volatile uint32_t *)(DT_REG_ADDR(NODE) + (off)))

/* Integration test mode on or off: the outputs follow ITOP (0), not the count. */
static void outputs_quiet(bool quiet)
{
	REG(WDT_CMSDK_APB_LOCK) = WDT_CMSDK_APB_UNLOCK_KEY;
	REG(WDT_CMSDK_APB_ITOP) = 0;
	REG(WDT_CMSDK_APB_ITCR) = quiet ? 1U : 0U;
	REG(WDT_CMSDK_APB_LOCK) = 0;
}

static bool expired(void)
{
	return (REG(WDT_CMSDK_APB_RIS) & 1U) != 0U;
}

/* Microseconds until the count expires (polled), or -1 after @limit_ms. */
static int64_t us_to_expiry(uint32_t limit_ms)
{
	uint32_t start = k_cycle_get_32();

	for (uint32_t i = 0; i < limit_ms * 10U; i++) {
		if (expired()) {
			return k_cyc_to_us_floor64(k_cycle_get_32() - start);
		}
		k_busy_wait(100);
	}
	return -1;
}

static struct {
	unsigned int calls;
	const struct device *dev;
	int channel;
	bool feed;
} cb_log;

static void callback(const struct device *dev, int channel_id)
{
	cb_log.calls++;
	cb_log.dev = dev;
	cb_log.channel = channel_id;
	if (cb_log.feed) {
		zassert_ok(wdt_feed(dev, channel_id));
	}
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	memset(&cb_log, 0, sizeof(cb_log));
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	(void)wdt_disable(WDT);
	outputs_quiet(false);
}

ZTEST_SUITE(wdt_cmsdk, NULL, NULL, before, after, NULL);

ZTEST(wdt_cmsdk, test_device) {
	zassert_true(device_is_ready(WDT));
	zassert_str_equal(WDT->name, "watchdog@40008000");
}

ZTEST(wdt_cmsdk, test_refused_timeouts) {
	struct wdt_timeout_cfg cfg = { .window = { .max = 100 }, .flags = WDT_FLAG_RESET_SOC };

	cfg.window.min = 10;
	zassert_equal(wdt_install_timeout(WDT, &cfg), -EINVAL, "no windowed mode");
	cfg.window.min = 0;
	cfg.window.max = 0;
	zassert_equal(wdt_install_timeout(WDT, &cfg), -EINVAL);
	cfg.window.max = 200000; /* 2^32 ticks at 25 MHz is under 172 s */
	zassert_equal(wdt_install_timeout(WDT, &cfg), -EINVAL);
	cfg.window.max = 100;
	cfg.flags = WDT_FLAG_RESET_CPU_CORE;
	zassert_equal(wdt_install_timeout(WDT, &cfg), -ENOTSUP, "it resets the whole system");
	cfg.flags = BIT(7);
	zassert_equal(wdt_install_timeout(WDT, &cfg), -ENOTSUP);
	zassert_equal(wdt_setup(WDT, 0), -EINVAL, "no timeout installed");
	zassert_equal(wdt_feed(WDT, 0), -EINVAL, "no timeout installed");
	zassert_equal(wdt_disable(WDT), -EFAULT, "not running");
}

ZTEST(wdt_cmsdk, test_life_cycle) {
	const struct wdt_timeout_cfg cfg = { .window = { .max = 1000 },
					     .flags = WDT_FLAG_RESET_SOC };

	zassert_equal(wdt_install_timeout(WDT, &cfg), 0, "channel 0");
	zassert_equal(wdt_install_timeout(WDT, &cfg), -ENOMEM, "one timeout");
	zassert_equal(wdt_setup(WDT, WDT_OPT_PAUSE_IN_SLEEP), -ENOTSUP, "it counts through WFI");
	zassert_ok(wdt_setup(WDT, WDT_OPT_PAUSE_HALTED_BY_DBG));
	zassert_equal(wdt_setup(WDT, 0), -EBUSY);
	zassert_equal(wdt_install_timeout(WDT, &cfg), -EBUSY);
	zassert_ok(wdt_feed(WDT, 0));
	zassert_equal(wdt_feed(WDT, 1), -EINVAL);
	zassert_equal(wdt_feed(WDT, -1), -EINVAL);
	zassert_ok(wdt_disable(WDT));
	zassert_equal(wdt_disable(WDT), -EFAULT);
	zassert_equal(wdt_feed(WDT, 0), -EINVAL, "disabling uninstalls");
	zassert_equal(wdt_install_timeout(WDT, &cfg), 0, "and frees the channel");
	zassert_ok(wdt_setup(WDT, 0));
	zassert_ok(wdt_disable(WDT), "the only way to uninstall");
}

/*
 * Outputs live: an expiry would be an NMI, which would end the test. The
 * feeding thread sleeps between feeds. (Under QEMU's -icount sleep=off the
 * APB timers and the watchdog advance twice as far as SysTick's count while
 * the CPU sleeps: a 2 ms sleep is 4 ms to the watchdog, well within 10.)
 */
ZTEST(wdt_cmsdk, test_fed_never_expires) {
	const struct wdt_timeout_cfg cfg = {
		.window = { .max = 10 },
		.callback = callback,
		.flags = WDT_FLAG_RESET_SOC,
	};

	zassert_ok(wdt_install_timeout(WDT, &cfg));
	zassert_ok(wdt_setup(WDT, 0));
	for (int i = 0; i < 50; i++) {
		k_sleep(K_MSEC(2));
		zassert_false(expired(), "expired after %d feeds", i);
		zassert_ok(wdt_feed(WDT, 0));
	}
	zassert_ok(wdt_disable(WDT));
	zassert_equal(cb_log.calls, 0);
}

ZTEST(wdt_cmsdk, test_unfed_reaches_callback) {
	const struct wdt_timeout_cfg cfg = {
		.window = { .max = 5 },
		.callback = callback,
		.flags = WDT_FLAG_RESET_SOC,
	};

	outputs_quiet(true);
	cb_log.feed = true;
	zassert_ok(wdt_install_timeout(WDT, &cfg));
	zassert_ok(wdt_setup(WDT, 0));
	int64_t us = us_to_expiry(50);

	zassert_within(us, 5000, 200, "expired after %lld us", us);
	zassert_equal(REG(WDT_CMSDK_APB_MIS) & 1U, 1, "the NMI line would be up");
	zassert_equal(cb_log.calls, 0);

	wdt_cmsdk_apb_nmi(); /* what the arch port's NMI handler does */
	zassert_equal(cb_log.calls, 1);
	zassert_equal_ptr(cb_log.dev, WDT);
	zassert_equal(cb_log.channel, 0);
	zassert_false(expired(), "the callback fed it");
	us = us_to_expiry(50);
	zassert_within(us, 5000, 200, "a full timeout again, %lld us", us);
}

ZTEST(wdt_cmsdk, test_reset_at_the_timeout_without_callback) {
	/* The reset comes at the second expiry: the first is at half the timeout. */
	const struct wdt_timeout_cfg cfg = { .window = { .max = 10 }, .flags = WDT_FLAG_RESET_SOC };

	outputs_quiet(true);
	zassert_ok(wdt_install_timeout(WDT, &cfg));
	zassert_ok(wdt_setup(WDT, 0));
	int64_t us = us_to_expiry(50);

	zassert_within(us, 5000, 200, "first expiry after %lld us", us);
	wdt_cmsdk_apb_nmi();
	zassert_true(expired(), "left raised: the reset is to come");
}

ZTEST(wdt_cmsdk, test_callback_without_reset_repeats) {
	const struct wdt_timeout_cfg cfg = {
		.window = { .max = 2 },
		.callback = callback,
		.flags = WDT_FLAG_RESET_NONE,
	};

	outputs_quiet(true);
	zassert_ok(wdt_install_timeout(WDT, &cfg));
	zassert_ok(wdt_setup(WDT, 0));
	for (unsigned int i = 1; i <= 3; i++) {
		int64_t us = us_to_expiry(20);

		zassert_within(us, 2000, 200, "expiry %u after %lld us", i, us);
		wdt_cmsdk_apb_nmi();
		zassert_equal(cb_log.calls, i);
		zassert_false(expired(), "restarted by the driver");
	}
}

ZTEST(wdt_cmsdk, test_nmi_of_another_source) {
	const struct wdt_timeout_cfg cfg = { .window = { .max = 100 },
					     .callback = callback,
					     .flags = WDT_FLAG_RESET_SOC };

	zassert_ok(wdt_install_timeout(WDT, &cfg));
	zassert_ok(wdt_setup(WDT, 0));
	wdt_cmsdk_apb_nmi();
	zassert_equal(cb_log.calls, 0, "not expired: not the watchdog's NMI");
}

#else /* !CONFIG_WDT_CMSDK_APB */

ZTEST_SUITE(wdt_cmsdk, NULL, NULL, NULL, NULL, NULL);

ZTEST(wdt_cmsdk, test_board_has_no_cmsdk_watchdog) {
	ztest_test_skip();
}

#endif /* CONFIG_WDT_CMSDK_APB */
