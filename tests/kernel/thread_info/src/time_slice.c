/*
 * k_thread_time_slice_set(): a cooperative thread with a slice of its own
 * gives way to its peer when the slice runs out (exactly then: -icount), its
 * callback running in interrupt context first; with the slice taken away it
 * runs to its end again.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

ZTEST_SUITE(time_slice, NULL, NULL, NULL, NULL, NULL);

#define COOP_PRIO K_PRIO_COOP(2)
#define SLICE     10 /* ticks */

/*
 * With SMP the slice ends in hart 0's timer interrupt, and hart 0 may be
 * idle in wfi (a ztest_1cpu holder). Under -icount a halted hart wakes only
 * at the machine's next timer deadline: its interrupt may come up to a
 * heartbeat (CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US) late. One CPU: exact.
 */
#if defined(CONFIG_SMP) && CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US > 0
#define LATE_TICKS                                                                             \
	((CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US * CONFIG_SYS_CLOCK_TICKS_PER_SEC + 999999) / \
	 1000000)
#else
#define LATE_TICKS 0
#endif

static K_THREAD_STACK_DEFINE(a_stack, 1024);
static K_THREAD_STACK_DEFINE(b_stack, 1024);
static struct k_thread a_thread;
static struct k_thread b_thread;

static volatile bool stop;
static volatile int64_t a_start, b_start;
static volatile unsigned int callbacks;
static volatile bool callback_in_isr;
static struct k_thread *volatile callback_thread;
static void *volatile callback_data;

static void expired(struct k_thread *thread, void *data)
{
	callbacks++;
	callback_in_isr = k_is_in_isr();
	callback_thread = thread;
	callback_data = data;
}

static void spinner(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	a_start = k_uptime_ticks();
	while (!stop) {
	}
}

static void stopper(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	b_start = k_uptime_ticks();
	stop = true;
}

/* Start A (the spinner) then B, both cooperative and more urgent than the test. */
static void run_pair(void)
{
	stop = false;
	callbacks = 0;
	k_thread_create(&a_thread, a_stack, K_THREAD_STACK_SIZEOF(a_stack), spinner, NULL, NULL,
			NULL, COOP_PRIO, 0, K_FOREVER);
	k_thread_create(&b_thread, b_stack, K_THREAD_STACK_SIZEOF(b_stack), stopper, NULL, NULL,
			NULL, COOP_PRIO, 0, K_FOREVER);
}

static void go(void)
{
	k_sched_lock();
	k_thread_start(&a_thread);
	k_thread_start(&b_thread);
	k_sched_unlock();
	zassert_equal(k_thread_join(&b_thread, K_MSEC(100)), 0);
	zassert_equal(k_thread_join(&a_thread, K_MSEC(100)), 0);
}

ZTEST(time_slice, test_own_slice_preempts_cooperative_thread) {
	static int token;

	run_pair();
	k_thread_time_slice_set(&a_thread, SLICE, expired, &token);
	go();
	zassert_true(b_start - a_start >= SLICE && b_start - a_start <= SLICE + 1 + LATE_TICKS,
		     "B ran %lld ticks after A started", b_start - a_start);
	zassert_equal(callbacks, 1);
	zassert_true(callback_in_isr);
	zassert_equal_ptr(callback_thread, &a_thread);
	zassert_equal_ptr(callback_data, &token);
}

/* Without a slice of its own, B waits for A; A gets a bounded run instead. */
static void bounded_spinner(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	a_start = k_uptime_ticks();
	k_busy_wait(3000);
	stop = true;
}

ZTEST(time_slice, test_slice_removed) {
	run_pair();
	k_thread_abort(&a_thread);
	k_thread_create(&a_thread, a_stack, K_THREAD_STACK_SIZEOF(a_stack), bounded_spinner, NULL,
			NULL, NULL, COOP_PRIO, 0, K_FOREVER);
	k_thread_time_slice_set(&a_thread, SLICE, expired, NULL);
	k_thread_time_slice_set(&a_thread, 0, NULL, NULL);
	go();
	zassert_true(b_start - a_start >= 30, "B ran only after A's 30 ticks");
	zassert_equal(callbacks, 0);
}

/* A preemptible thread with its own slice, above CONFIG_TIMESLICE_PRIORITY's reach. */
ZTEST(time_slice, test_own_slice_length) {
	run_pair();
	k_thread_priority_set(&a_thread, 0);
	k_thread_priority_set(&b_thread, 0);
	k_sched_time_slice_set(0, 0); /* no global slicing */
	k_thread_time_slice_set(&a_thread, 3, expired, NULL);
	go();
	k_sched_time_slice_set(CONFIG_TIMESLICE_SIZE, CONFIG_TIMESLICE_PRIORITY);
	zassert_true(b_start - a_start >= 3 && b_start - a_start <= 4 + LATE_TICKS,
		     "B ran %lld ticks after A started", b_start - a_start);
	zassert_equal(callbacks, 1);
}
