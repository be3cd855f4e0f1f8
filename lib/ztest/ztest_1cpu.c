/*
 * Suites whose tests must run alone on one CPU name these as their before()
 * and after() hooks (Zephyr's z_test_1cpu_start()/_stop() do the same).
 *
 * With several CPUs, every CPU but the test's own is taken by a holder: a
 * cooperative thread at the most urgent priority, which no thread preempts,
 * waiting in wfi for the test to end, so that it costs no time and its CPU
 * still takes interrupts. The test thread waits for each holder to run
 * before it starts the next one: it is not running itself meanwhile, so a
 * holder may take any CPU, and the test thread then runs on one the holders
 * left. The end aborts the holders, each stopped on its CPU before
 * k_thread_abort() returns. On one CPU a test is alone already.
 */
#include <breeze/ztest.h>

#if CONFIG_MP_MAX_NUM_CPUS > 1
#define HOLDERS (CONFIG_MP_MAX_NUM_CPUS - 1)

static struct k_thread holders[HOLDERS];
K_KERNEL_STACK_ARRAY_DEFINE(holder_stacks, HOLDERS, 512);
static struct k_sem holding;
static unsigned int held; /* holders started */

static void hold(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sem_give(&holding);
	for (;;) {
		k_cpu_idle(); /* cooperative: only the abort takes this CPU back */
	}
}

void z_test_1cpu_start(void)
{
	k_sem_init(&holding, 0, HOLDERS);
	for (held = 0; held < arch_num_cpus() - 1U; held++) {
		k_thread_create(&holders[held], holder_stacks[held],
				K_KERNEL_STACK_SIZEOF(holder_stacks[held]), hold, NULL, NULL, NULL,
				K_HIGHEST_THREAD_PRIO, 0, K_NO_WAIT);
		k_thread_name_set(&holders[held], "ztest_1cpu_hold");
		k_sem_take(&holding, K_FOREVER);
	}
}

void z_test_1cpu_stop(void)
{
	for (unsigned int i = 0; i < held; i++) {
		k_thread_abort(&holders[i]);
	}
	held = 0;
}
#else
void z_test_1cpu_start(void)
{
}

void z_test_1cpu_stop(void)
{
}
#endif

void ztest_simple_1cpu_before(void *data)
{
	ARG_UNUSED(data);
	z_test_1cpu_start();
}

void ztest_simple_1cpu_after(void *data)
{
	ARG_UNUSED(data);
	z_test_1cpu_stop();
}
