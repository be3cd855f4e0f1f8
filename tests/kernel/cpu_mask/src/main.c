/*
 * CPU masks with one CPU free (one CPU, or ztest's holders on the others): a
 * mask changes only while its thread cannot run (-EINVAL otherwise, the mask
 * untouched), a CPU that does not exist is -EINVAL, and a thread whose mask
 * leaves out every CPU never runs, whatever its priority, until its mask lets
 * it in again. With PIN_ONLY a new thread is pinned to CPU 0.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

static K_THREAD_STACK_DEFINE(stack, 1024);
static struct k_thread thread;
static volatile int runs;

static void count_run(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	runs++;
}

/* Created, not started, more urgent than the test (priority 1). */
static k_tid_t create_unstarted(void)
{
	runs = 0;
	return k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), count_run, NULL, NULL,
			       NULL, K_PRIO_PREEMPT(0), 0, K_FOREVER);
}

/*
 * The test's own CPU: with SMP the others are held by ztest's 1cpu holders,
 * so a thread let in only there runs; on one CPU it is CPU 0.
 */
static int here(void)
{
	return (int)arch_proc_id();
}

static void end(k_tid_t t)
{
	k_thread_abort(t);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
}

ZTEST(cpu_mask, test_running_thread_refused) {
	k_tid_t self = k_current_get();

	zassert_equal(k_thread_cpu_mask_clear(self), -EINVAL);
	zassert_equal(k_thread_cpu_mask_enable_all(self), -EINVAL);
	zassert_equal(k_thread_cpu_mask_enable(self, 0), -EINVAL);
	zassert_equal(k_thread_cpu_mask_disable(self, 0), -EINVAL);
	zassert_equal(k_thread_cpu_pin(self, 0), -EINVAL);
	zassert_equal(self->base.cpu_mask & BIT(0), BIT(0), "the mask was changed");
}

ZTEST(cpu_mask, test_no_such_cpu) {
	k_tid_t t = create_unstarted();

	zassert_equal(k_thread_cpu_mask_enable(t, CONFIG_MP_MAX_NUM_CPUS), -EINVAL);
	zassert_equal(k_thread_cpu_mask_disable(t, -1), -EINVAL);
	zassert_equal(k_thread_cpu_pin(t, CONFIG_MP_MAX_NUM_CPUS), -EINVAL);
	k_thread_start(t); /* the mask is still the default: it runs */
	zassert_equal(runs, 1);
	end(t);
}

ZTEST(cpu_mask, test_masked_out_thread_never_runs) {
	k_tid_t t = create_unstarted();

	for (int cpu = 0; cpu < CONFIG_MP_MAX_NUM_CPUS; cpu++) {
		zassert_equal(k_thread_cpu_mask_disable(t, cpu), 0);
	}
	k_thread_start(t);
	k_msleep(10);
	zassert_equal(runs, 0, "a thread kept off every CPU ran");
#ifndef CONFIG_SMP
	/* One CPU: such a thread is not even queued (with SMP, each CPU's pick skips it). */
	zassert_equal(t->base.thread_state & _THREAD_QUEUED, 0, "queued");
#endif

	/* A priority change does not queue it either. */
	k_thread_priority_set(t, K_PRIO_PREEMPT(2));
	k_msleep(10);
	zassert_equal(runs, 0);

	/* It is runnable: its mask is fixed until it is stopped. */
	zassert_equal(k_thread_cpu_mask_enable(t, here()), -EINVAL);
	k_thread_suspend(t);
	zassert_equal(k_thread_cpu_mask_enable(t, here()), 0);
	k_thread_resume(t);
	k_msleep(10);
	zassert_equal(runs, 1, "let in again, it runs");
	end(t);
}

ZTEST(cpu_mask, test_clear_then_pin) {
	k_tid_t t = create_unstarted();

	zassert_equal(k_thread_cpu_mask_clear(t), 0);
	zassert_equal(t->base.cpu_mask, 0);
	zassert_equal(k_thread_cpu_pin(t, here()), 0);
	zassert_equal(t->base.cpu_mask, BIT(here()));
	k_thread_start(t); /* more urgent: runs before start returns */
	zassert_equal(runs, 1);
	end(t);
}

ZTEST(cpu_mask, test_enable_all_and_blocked_thread) {
	k_tid_t t = create_unstarted();

	zassert_equal(k_thread_cpu_mask_clear(t), 0);
	zassert_equal(k_thread_cpu_mask_enable_all(t), 0);
	zassert_equal(t->base.cpu_mask, BIT_MASK(CONFIG_MP_MAX_NUM_CPUS));
	k_thread_start(t);
	zassert_equal(runs, 1);
	end(t);
	/* An ended thread cannot run either: its mask may change. */
	zassert_equal(k_thread_cpu_mask_disable(t, 0), 0);
}

ZTEST(cpu_mask, test_new_thread_mask) {
	k_tid_t t = create_unstarted();

	zassert_equal(t->base.cpu_mask, IS_ENABLED(CONFIG_SCHED_CPU_MASK_PIN_ONLY)
					    ? BIT(0)
					    : BIT_MASK(CONFIG_MP_MAX_NUM_CPUS));
	end(t);
}

ZTEST_SUITE(cpu_mask, NULL, NULL, NULL, NULL, NULL);
