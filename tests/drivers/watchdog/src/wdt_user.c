/*
 * The watchdog system calls from user mode. With a timeout installed by
 * supervisor code, a user thread granted the watchdog starts, feeds and
 * disables it with the answers supervisor code gets. A thread that was not
 * granted it or names a device of another class is killed with an oops
 * before the driver runs. Installing a timeout is supervisor-only: it is no
 * system call, and in user mode it faults on the device, which is kernel
 * memory.
 */
#include <string.h>
#include <zephyr/drivers/watchdog.h>
#include "user_util.h"
#include "dut.h"

#define OTHER_CLASS DEVICE_DT_GET(DT_CHOSEN(zephyr_console))

/* Long enough never to expire during a test (its first expiry is at half). */
static const struct wdt_timeout_cfg long_timeout = {
	.window = { .max = 5000 },
	.flags = WDT_FLAG_RESET_SOC,
};

RESULT static int ret[7];

static void granted_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	ret[0] = wdt_setup(DUT, WDT_OPT_PAUSE_IN_SLEEP);
	ret[1] = wdt_setup(DUT, 0);
	ret[2] = wdt_setup(DUT, 0);
	ret[3] = wdt_feed(DUT, 0);
	ret[4] = wdt_feed(DUT, 1);
	ret[5] = wdt_disable(DUT);
	ret[6] = wdt_disable(DUT);
}

static void stop(void *fixture)
{
	ARG_UNUSED(fixture);
	(void)wdt_disable(DUT);
}

ZTEST(wdt_user, test_granted_watchdog) {
	k_tid_t t = user_create(0, granted_user, NULL, NULL, NULL, USER_PRIO, 0);

	memset(ret, 0x55, sizeof(ret));
	zassert_ok(wdt_install_timeout(DUT, &long_timeout));
	k_object_access_grant(DUT, t);
	run_to_end(t);
	zassert_equal(ret[0], -ENOTSUP);
	zassert_equal(ret[1], 0);
	zassert_equal(ret[2], -EBUSY, "running already");
	zassert_equal(ret[3], 0);
	zassert_equal(ret[4], -EINVAL, "no channel 1");
	zassert_equal(ret[5], 0);
	zassert_equal(ret[6], -EFAULT, "not running");
}

enum attack {
	NOT_GRANTED,
	WRONG_CLASS,
	INSTALL_TIMEOUT,
};

RESULT static volatile int survived;

static void attacker(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	switch ((enum attack)ARG_INT(p1)) {
	case NOT_GRANTED:
		(void)wdt_disable(DUT);
		break;
	case WRONG_CLASS:
		(void)wdt_feed(OTHER_CLASS, 0);
		break;
	case INSTALL_TIMEOUT:
		(void)wdt_install_timeout(DUT, &long_timeout);
		break;
	}
	survived++;
}

static void run_attack(enum attack a, unsigned int reason)
{
	k_tid_t t = user_create(0, attacker, INT_ARG(a), NULL, NULL, USER_PRIO, 0);

	/* Everything the call needs but the one thing that is wrong. */
	if (a == WRONG_CLASS) {
		k_object_access_grant(OTHER_CLASS, t);
	} else if (a != NOT_GRANTED) {
		k_object_access_grant(DUT, t);
	}
	survived = 0;
	run_expect_fault(t, reason);
	zassert_equal(survived, 0, "attack %d: the thread went on", a);
}

ZTEST(wdt_user, test_refused) {
	zassert_ok(wdt_install_timeout(DUT, &long_timeout));
	zassert_ok(wdt_setup(DUT, 0));
	run_attack(NOT_GRANTED, K_ERR_KERNEL_OOPS);
	zassert_equal(wdt_setup(DUT, 0), -EBUSY, "still running: not disabled by the attack");
	run_attack(WRONG_CLASS, K_ERR_KERNEL_OOPS);
}

ZTEST(wdt_user, test_install_supervisor_only) {
	run_attack(INSTALL_TIMEOUT, K_ERR_CPU_EXCEPTION);
	zassert_ok(wdt_install_timeout(DUT, &long_timeout), "nothing was installed");
	zassert_ok(wdt_setup(DUT, 0));
}

ZTEST_SUITE(wdt_user, NULL, NULL, stop, stop, NULL);
