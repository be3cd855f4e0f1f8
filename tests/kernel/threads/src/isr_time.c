/*
 * Interrupt context and time keeping: k_is_in_isr() in a thread and inside a
 * real interrupt handler (the hart's software interrupt), thread calls made
 * from that handler (resume, suspend of the interrupted thread, wakeup) taking
 * effect at interrupt exit, k_busy_wait() lengths, and the uptime and cycle
 * counters agreeing with each other (the timer's cycles, 10 kHz ticks, ms)
 * and never going backwards.
 */
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include "local_soft_irq.h"
#include "workers.h"

#define CYC_PER_SEC  CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC
#define CYC_PER_TICK (CYC_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)
#define CYC_PER_MS   (CYC_PER_SEC / 1000)
#define CYC_PER_US   (CYC_PER_SEC / 1000000)

BUILD_ASSERT(CYC_PER_SEC % 1000000 == 0, "these tests assume whole cycles per microsecond");
BUILD_ASSERT(CONFIG_SYS_CLOCK_TICKS_PER_SEC == 10000, "these tests assume 10000 ticks/s");

/* The hart's own software interrupt (local_soft_irq.h). */
static volatile int isr_runs;
static volatile bool isr_saw_isr;
static const void *volatile isr_arg;
static int isr_cookie;

/* What the handler does on top of recording that it ran, set by each test. */
static void (*volatile isr_action)(void);

static void soft_isr(const void *arg)
{
	local_soft_irq_clear();
	isr_arg = arg;
	isr_saw_isr = k_is_in_isr();
	isr_runs++;
	if (isr_action != NULL) {
		isr_action();
	}
}

IRQ_CONNECT(LOCAL_SOFT_IRQ, 0, soft_isr, &isr_cookie, 0);

/* Raise the software interrupt and wait (bounded) for its handler. */
static void raise_and_wait(void)
{
	int before = isr_runs;

	local_soft_irq_raise();
	for (int i = 0; i < 1000 && isr_runs == before; i++) {
	}
}

static void reset(void *fixture)
{
	ARG_UNUSED(fixture);
	isr_runs = 0;
	isr_action = NULL;
}

ZTEST(threads_isr_time, test_is_in_isr) {
	zassert_false(k_is_in_isr(), "a thread claims to be in an ISR");

	irq_enable(LOCAL_SOFT_IRQ);
	raise_and_wait();
	irq_disable(LOCAL_SOFT_IRQ);

	zassert_equal(isr_runs, 1, "the software interrupt handler ran %d times", isr_runs);
	zassert_true(isr_saw_isr, "k_is_in_isr() is false inside an interrupt handler");
	zassert_equal_ptr(isr_arg, &isr_cookie, "IRQ_CONNECT's parameter did not reach the ISR");
	zassert_false(k_is_in_isr(), "still 'in ISR' after the handler returned");

	/* Masked line: a raise stays pending and the handler does not run. */
	local_soft_irq_raise();
	k_busy_wait(10);
	zassert_equal(isr_runs, 1, "a disabled IRQ line was taken");
	local_soft_irq_clear();
}

/* Thread calls from the handler, acting on workers[0]. */
static char trace[8];
static volatile int trace_len;
static volatile int32_t sleep_left;

static void note(char c)
{
	trace[trace_len++] = c;
	trace[trace_len] = '\0';
}

static void suspend_then_note(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	note('a');
	k_thread_suspend(k_current_get());
	note('A');
}

static void resume_worker(void)
{
	k_thread_resume(&workers[0]);
}

ZTEST(threads_isr_time, test_resume_from_isr_preempts) {
	trace_len = 0;
	spawn(0, suspend_then_note, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	zassert_str_equal(trace, "a");

	isr_action = resume_worker;
	irq_enable(LOCAL_SOFT_IRQ);
	raise_and_wait();
	/* Nothing in between: the interrupt exit switched to the resumed thread. */
	note('t');
	irq_disable(LOCAL_SOFT_IRQ);
	zassert_equal(isr_runs, 1);
	zassert_str_equal(trace, "aAt", "got '%s'", trace);
}

static void suspend_interrupted(void)
{
	k_thread_suspend(k_current_get());
}

/* Preemptible, more urgent than the test thread: raise the IRQ, note after it. */
static void raise_then_note(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	note('w');
	raise_and_wait();
	note('W');
}

ZTEST(threads_isr_time, test_suspend_interrupted_thread_from_isr) {
	trace_len = 0;
	isr_action = suspend_interrupted;
	irq_enable(LOCAL_SOFT_IRQ);
	k_tid_t tid = spawn(0, raise_then_note, NULL, NULL, NULL, 0, K_NO_WAIT);

	irq_disable(LOCAL_SOFT_IRQ);
	zassert_equal(isr_runs, 1);
	zassert_str_equal(trace, "w", "the interrupted thread went on after its suspension");
	k_msleep(1);
	zassert_str_equal(trace, "w");

	k_thread_resume(tid);
	zassert_str_equal(trace, "wW");
	zassert_equal(k_thread_join(tid, K_NO_WAIT), 0);
}

static void sleep_100ms(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	sleep_left = k_msleep(100);
	note('s');
}

static void wake_worker(void)
{
	k_wakeup(&workers[0]);
}

ZTEST(threads_isr_time, test_wakeup_from_isr) {
	trace_len = 0;
	sleep_left = -1;
	spawn(0, sleep_100ms, NULL, NULL, NULL, K_PRIO_COOP(1), K_NO_WAIT);
	k_msleep(40);

	isr_action = wake_worker;
	irq_enable(LOCAL_SOFT_IRQ);
	raise_and_wait();
	note('t');
	irq_disable(LOCAL_SOFT_IRQ);
	zassert_str_equal(trace, "st", "got '%s'", trace);
	zassert_equal(sleep_left, 60);
}

static void check_busy_wait(uint32_t usec)
{
	uint64_t c0 = k_cycle_get_64();

	k_busy_wait(usec);

	uint64_t d = k_cycle_get_64() - c0;

	zassert_true(d >= (uint64_t)usec * CYC_PER_US, "k_busy_wait(%u) lasted %llu cycles",
		     (unsigned int)usec, d);
	zassert_true(d < (uint64_t)usec * CYC_PER_US + CYC_PER_TICK,
		     "k_busy_wait(%u) lasted %llu cycles", (unsigned int)usec, d);
}

ZTEST(threads_isr_time, test_busy_wait_length) {
	check_busy_wait(0);
	check_busy_wait(1);
	check_busy_wait(37);
	check_busy_wait(1000);
	check_busy_wait(2500);

	int64_t t0 = k_uptime_ticks();

	k_busy_wait(3000);
	zassert_between_inclusive(k_uptime_ticks() - t0, 30, 31);
}

static volatile int peer_runs;

static void peer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	peer_runs++;
}

ZTEST(threads_isr_time, test_busy_wait_keeps_cpu) {
	peer_runs = 0;
	spawn(0, peer, NULL, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY, K_NO_WAIT);
	k_busy_wait(2000);
	zassert_equal(peer_runs, 0, "k_busy_wait() gave the CPU to a peer");
	zassert_equal(k_thread_join(&workers[0], K_MSEC(1)), 0);
	zassert_equal(peer_runs, 1);
}

ZTEST(threads_isr_time, test_clocks_agree) {
	for (int i = 0; i < 50; i++) {
		uint64_t c0 = k_cycle_get_64();
		int64_t ticks = k_uptime_ticks();
		int64_t ms = k_uptime_get();
		uint32_t ms32 = k_uptime_get_32();
		uint32_t cyc32 = k_cycle_get_32();
		uint64_t c1 = k_cycle_get_64();

		/* Short uptime: 32-bit cycles have not wrapped yet. */
		zassert_true(c1 < UINT32_MAX);
		zassert_between_inclusive(ticks, (int64_t)(c0 / CYC_PER_TICK),
					  (int64_t)(c1 / CYC_PER_TICK));
		zassert_between_inclusive(ms, (int64_t)(c0 / CYC_PER_MS),
					  (int64_t)(c1 / CYC_PER_MS));
		zassert_between_inclusive(ms32, c0 / CYC_PER_MS, c1 / CYC_PER_MS);
		zassert_between_inclusive(cyc32, (uint32_t)c0, (uint32_t)c1);
		k_busy_wait(97);
	}
}

ZTEST(threads_isr_time, test_clocks_monotonic) {
	uint32_t cyc = k_cycle_get_32();
	int64_t ticks = k_uptime_ticks();
	int64_t ms = k_uptime_get();

	for (int i = 0; i < 2000; i++) {
		uint32_t cyc_now = k_cycle_get_32();
		int64_t ticks_now = k_uptime_ticks();
		int64_t ms_now = k_uptime_get();

		zassert_true(cyc_now >= cyc, "cycles went back: %u -> %u", (unsigned int)cyc,
			     (unsigned int)cyc_now);
		zassert_true(ticks_now >= ticks);
		zassert_true(ms_now >= ms);
		cyc = cyc_now;
		ticks = ticks_now;
		ms = ms_now;
		if (i % 500 == 0) {
			k_msleep(1);
		}
	}
}

ZTEST(threads_isr_time, test_clocks_over_a_sleep) {
	uint32_t c0 = k_cycle_get_32();
	int64_t t0 = k_uptime_ticks();
	int64_t ref = k_uptime_get();
	int64_t ms0 = ref;

	k_msleep(10);

	uint32_t dc = k_cycle_get_32() - c0;
	int64_t dt = k_uptime_ticks() - t0;
	int64_t dms = k_uptime_delta(&ref);

	zassert_true(dc >= 10 * CYC_PER_MS && dc < 10 * CYC_PER_MS + CYC_PER_TICK,
		     "10 ms lasted %u cycles", (unsigned int)dc);
	zassert_between_inclusive(dt, 100, 101);
	zassert_between_inclusive(dms, 10, 11);
	zassert_equal(ref - ms0, dms, "k_uptime_delta() did not move the reference");
	zassert_true(ref <= k_uptime_get());
}

ZTEST_SUITE(threads_isr_time, NULL, NULL, reset, reap_workers_after, NULL);
