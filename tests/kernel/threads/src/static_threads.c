/*
 * K_THREAD_DEFINE: static threads exist at boot with their parameters and
 * name; a delay of 0 starts them at boot, a delay in milliseconds starts them
 * exactly that long after the boot code scheduled them, and SYS_FOREVER_MS
 * leaves them waiting for k_thread_start().
 *
 * The last APPLICATION init function records the tick just before the kernel
 * starts the static threads, the reference for the delayed one.
 */
#include <string.h>
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>

#define DELAY_MS 30

static int64_t init_tick;
static volatile int boot_runs;
static void *boot_params[3];
static k_tid_t boot_self;
static volatile int delayed_runs;
static int64_t delayed_tick;
static volatile int never_runs;

static int record_init_tick(void)
{
	init_tick = k_uptime_ticks();
	return 0;
}
SYS_INIT(record_init_tick, APPLICATION, 999);

static void boot_entry(void *p1, void *p2, void *p3)
{
	boot_runs++;
	boot_params[0] = p1;
	boot_params[1] = p2;
	boot_params[2] = p3;
	boot_self = k_current_get();
}

static void delayed_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	delayed_tick = k_uptime_ticks();
	delayed_runs++;
}

static void never_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	never_runs++;
}

K_THREAD_DEFINE(static_boot, 1024, boot_entry, 0xa1, 0xb2, 0xc3, K_PRIO_COOP(2), 0, 0);
K_THREAD_DEFINE(static_delayed, 1024, delayed_entry, NULL, NULL, NULL, K_PRIO_COOP(2), 0, DELAY_MS);
K_THREAD_DEFINE(static_never, 1024, never_entry, NULL, NULL, NULL, K_PRIO_COOP(2), 0,
		SYS_FOREVER_MS);

ZTEST(threads_static, test_started_at_boot) {
	/* It ran (and ended) before the first test case, with its parameters. */
	zassert_equal(boot_runs, 1);
	zassert_equal_ptr(boot_params[0], (void *)0xa1);
	zassert_equal_ptr(boot_params[1], (void *)0xb2);
	zassert_equal_ptr(boot_params[2], (void *)0xc3);
	zassert_equal_ptr(boot_self, static_boot, "the defined tid is not the thread");
	zassert_equal(k_thread_join(static_boot, K_NO_WAIT), 0);
	zassert_equal(k_thread_priority_get(static_boot), K_PRIO_COOP(2));
}

ZTEST(threads_static, test_named_after_symbol) {
	zassert_equal(strcmp(k_thread_name_get(static_boot), "static_boot"), 0);
	zassert_equal(strcmp(k_thread_name_get(static_delayed), "static_delayed"), 0);
	zassert_equal(strcmp(k_thread_name_get(static_never), "static_never"), 0);
}

ZTEST(threads_static, test_delay_in_ms) {
	zassert_equal(k_thread_join(static_delayed, K_MSEC(2 * DELAY_MS)), 0);
	zassert_equal(delayed_runs, 1);
	/* 30 ms = 300 ticks after the boot code scheduled it, never before. */
	zassert_between_inclusive(delayed_tick - init_tick, DELAY_MS * 10, DELAY_MS * 10 + 1,
				  "started %lld ticks after the init level",
				  delayed_tick - init_tick);
}

ZTEST(threads_static, test_forever_needs_start) {
	k_msleep(2 * DELAY_MS);
	zassert_equal(never_runs, 0, "a SYS_FOREVER_MS thread started by itself");
	zassert_equal(k_thread_join(static_never, K_NO_WAIT), -EBUSY);

	k_thread_start(static_never);
	zassert_equal(never_runs, 1,
		      "cooperative and more urgent: it runs inside k_thread_start()");
	zassert_equal(k_thread_join(static_never, K_NO_WAIT), 0);
}

ZTEST_SUITE(threads_static, NULL, NULL, NULL, NULL, NULL);
