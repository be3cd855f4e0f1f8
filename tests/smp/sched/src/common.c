/*
 * Spinner threads of the SMP scheduling tests (common.h).
 */
#include "common.h"

struct spinner spinners[SPINNERS];
K_THREAD_STACK_ARRAY_DEFINE(spinner_stacks, SPINNERS, STACK_SIZE);
static unsigned int started;

/*
 * Work without memory accesses between two counts: QEMU checks each access
 * of a page the PMP does not cover whole on a slow path, and a tight loop of
 * them would make the test crawl.
 */
static void delay(void)
{
	for (int i = 0; i < 500; i++) {
		__asm__ volatile("nop");
	}
}

static void spin(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct spinner *s = p1;

	while (!s->stop) {
		s->cpu = cpu_now();
		s->count++;
		delay();
	}
}

k_tid_t spinner_start(unsigned int i, int prio, int cpu)
{
	struct spinner *s = &spinners[i];

	s->count = 0;
	s->cpu = -1;
	s->stop = false;
	k_thread_create(&s->thread, spinner_stacks[i], STACK_SIZE, spin, s, NULL, NULL, prio, 0,
			K_FOREVER);
	if (cpu >= 0) {
		zassert_ok(k_thread_cpu_pin(&s->thread, cpu));
	} else {
		zassert_ok(k_thread_cpu_mask_disable(&s->thread, 0));
	}
	started = MAX(started, i + 1U);
	k_thread_start(&s->thread);
	return &s->thread;
}

void let_run(int ms)
{
	k_msleep(ms);
}

bool spinner_runs(unsigned int i)
{
	uint32_t before = spinners[i].count;

	for (int n = 0; n < 2000; n++) {
		k_sleep(K_TICKS(1));
		if (spinners[i].count != before) {
			return true;
		}
	}
	return false;
}

static struct k_thread observer;
K_THREAD_STACK_DEFINE(observer_stack, 2048);

static void observer_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	((void (*)(void))p1)();
}

void observe(void (*body)(void))
{
	k_thread_create(&observer, observer_stack, K_THREAD_STACK_SIZEOF(observer_stack),
			observer_entry, (void *)body, NULL, NULL, K_PRIO_COOP(2), 0, K_FOREVER);
	zassert_ok(k_thread_cpu_pin(&observer, 0));
	k_thread_start(&observer);
	zassert_ok(k_thread_join(&observer, K_FOREVER));
}

void spinners_stop(void)
{
	for (unsigned int i = 0; i < started; i++) {
		spinners[i].stop = true;
	}
	for (unsigned int i = 0; i < started; i++) {
		(void)k_thread_join(&spinners[i].thread, K_MSEC(1000));
		k_thread_abort(&spinners[i].thread);
	}
	started = 0;
}
