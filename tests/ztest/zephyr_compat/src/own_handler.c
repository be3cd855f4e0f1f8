/*
 * A test that defines its own k_sys_fatal_error_handler(), as many of Zephyr's
 * do: it links, and it is the one called.
 */
#include <zephyr/ztest.h>

static volatile unsigned int faults;
static volatile unsigned int last_reason;

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	faults++;
	last_reason = reason;
	/* Returning ends only the faulting thread. */
}

static void oops(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_oops();
}

static struct k_thread oops_thread;
static K_THREAD_STACK_DEFINE(oops_stack, 1024);

ZTEST_SUITE(compat_handler, NULL, NULL, NULL, NULL, NULL);

ZTEST(compat_handler, test_own_handler_called) {
	k_thread_create(&oops_thread, oops_stack, K_THREAD_STACK_SIZEOF(oops_stack), oops, NULL,
			NULL, NULL, 0, 0, K_NO_WAIT);
	zassert_equal(k_thread_join(&oops_thread, K_FOREVER), 0);
	zassert_equal(faults, 1);
	zassert_equal(last_reason, K_ERR_KERNEL_OOPS);
}
