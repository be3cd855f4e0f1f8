/*
 * Time and scheduling calls from user mode: k_sleep/k_msleep/k_usleep (exact
 * to the tick, measured with k_uptime_ticks), k_wakeup and the time left,
 * k_yield, k_uptime_get/k_uptime_ticks, and the calls that need no trap:
 * k_cycle_get_32 (rdtime), k_current_get and k_is_user_context (a load from
 * the thread's TLS).
 */
#include "user_util.h"

#define N_RESULTS 16
#define LOOPS     100

/* The timer's rate; under -icount one instruction takes a nanosecond. */
#define CYC_PER_TICK (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)
#define CYC_PER_MS   (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / 1000)
#define CYC_PER_US   (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / 1000000)
#if defined(CONFIG_SMP) && CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US > 0
#define LATE_CYCLES (CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US * CYC_PER_US)
#else
#define LATE_CYCLES 0
#endif
#define INSN_PER_CYC (1000000000 / CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC)

/*
 * Whether user mode reads the cycle counter through a system call: on
 * Cortex-M the timer (SysTick) is privileged; RISC-V reads the time CSR.
 */
#if defined(CONFIG_ARM)
#define CYCLES_TRAP 1
#else
#define CYCLES_TRAP 0
#endif

RESULT static volatile int r[N_RESULTS];
RESULT static volatile int64_t t64[N_RESULTS];
RESULT static volatile uintptr_t who;
RESULT static char order[8];
RESULT static volatile unsigned int order_len;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < N_RESULTS; i++) {
		r[i] = NOT_REACHED;
		t64[i] = -1;
	}
	who = 0;
	order_len = 0;
	memset(order, 0, sizeof(order));
}

ZTEST_SUITE(sys_time_sched, NULL, NULL, before, NULL, NULL);

static void sleeps(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	t64[0] = k_uptime_ticks();
	r[0] = k_msleep(10);
	t64[1] = k_uptime_ticks();
	r[1] = k_sleep(K_TICKS(7));
	t64[2] = k_uptime_ticks();
	r[2] = k_usleep(500);
	t64[3] = k_uptime_ticks();
	r[3] = k_sleep(K_MSEC(3));
	t64[4] = k_uptime_ticks();
	r[4] = k_sleep(K_NO_WAIT);
	r[5] = k_msleep(0);
	t64[5] = k_uptime_ticks();
}

ZTEST(sys_time_sched, test_sleep_durations) {
	run_to_end(user_create(0, sleeps, NULL, NULL, NULL, USER_PRIO, 0));
	for (int i = 0; i <= 5; i++) {
		zassert_equal(r[i], 0, "r[%d] = %d", i, r[i]);
	}
	zassert_between_inclusive(t64[1] - t64[0], 100, 101);
	zassert_between_inclusive(t64[2] - t64[1], 7, 8);
	zassert_between_inclusive(t64[3] - t64[2], 5, 6);
	zassert_between_inclusive(t64[4] - t64[3], 30, 31);
	zassert_between_inclusive(t64[5] - t64[4], 0, 1);
}

static void long_sleeps(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	t64[0] = k_uptime_ticks();
	r[0] = k_msleep(1000);
	t64[1] = k_uptime_ticks();
	r[1] = k_usleep(100000);
	t64[2] = k_uptime_ticks();
}

ZTEST(sys_time_sched, test_wakeup_returns_time_left) {
	k_tid_t t = user_create(0, long_sleeps, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_start(t);
	k_msleep(10);
	k_wakeup(t);
	k_msleep(4);
	k_wakeup(t);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_between_inclusive(t64[1] - t64[0], 100, 101);
	zassert_between_inclusive(r[0], 990, 991, "k_msleep returned %d", r[0]);
	zassert_between_inclusive(t64[2] - t64[1], 39, 41);
	zassert_between_inclusive(r[1], 96000 - 100, 96000 + 100, "k_usleep returned %d", r[1]);
}

static void log_yield_log(void *letter, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	char c = (char)ARG_INT(letter);

	order[order_len++] = c;
	k_yield();
	order[order_len++] = (char)(c - 'a' + 'A');
}

/*
 * The order "abAB" is that of one CPU: with several, a and b run side by
 * side. The other CPUs are held for the test's length.
 */
ZTEST(sys_time_sched, test_yield_lets_equal_priority_run) {
	z_test_1cpu_start();
	k_tid_t a = user_create(0, log_yield_log, INT_ARG('a'), NULL, NULL, TEST_PRIO + 1, 0);
	k_tid_t b = user_create(1, log_yield_log, INT_ARG('b'), NULL, NULL, TEST_PRIO + 1, 0);

	k_thread_start(a);
	k_thread_start(b);
	int joined_a = k_thread_join(a, K_FOREVER);
	int joined_b = k_thread_join(b, K_FOREVER);

	z_test_1cpu_stop();
	zassert_equal(joined_a, 0);
	zassert_equal(joined_b, 0);
	zassert_str_equal(order, "abAB");
}

static void read_uptime(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_msleep(25); /* so that the clock is past an exact millisecond count */
	t64[0] = k_uptime_ticks();
	t64[1] = k_uptime_get();
	t64[2] = k_uptime_get_32();
	t64[3] = k_cycle_get_64();
	t64[4] = k_uptime_ticks();
}

ZTEST(sys_time_sched, test_uptime_from_user_mode) {
	int64_t before_ticks = k_uptime_ticks();

	run_to_end(user_create(0, read_uptime, NULL, NULL, NULL, USER_PRIO, 0));
	int64_t after_ticks = k_uptime_ticks();

	zassert_between_inclusive(t64[0] - before_ticks, 250, 252);
	zassert_true(t64[4] <= after_ticks);
	zassert_between_inclusive(t64[1], t64[0] / 10, t64[4] / 10);
	zassert_equal(t64[2], t64[1] & 0xffffffff);
	/* The cycle counter and the tick count are the same clock. */
	zassert_between_inclusive(t64[3] / CYC_PER_TICK, t64[0], t64[4]);
}

static void cycles_across_sleep(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	uint32_t c0 = k_cycle_get_32();
	uint32_t c1 = k_cycle_get_32();

	k_msleep(1);
	uint32_t c2 = k_cycle_get_32();

	/* A read with a null system call after it, for comparison. */
	uint32_t n0 = k_cycle_get_32();

	(void)k_syscall_null();
	uint32_t n1 = k_cycle_get_32();

	r[0] = (int)(c1 - c0);
	r[1] = (int)(c2 - c1);
	r[2] = (int)(n1 - n0);
}

ZTEST(sys_time_sched, test_cycle_counter_in_user_mode) {
	run_to_end(user_create(0, cycles_across_sleep, NULL, NULL, NULL, USER_PRIO, 0));
	if (CYCLES_TRAP) {
		/* Back to back: one read's trap apart, no more than a read and a null call. */
		zassert_between_inclusive(r[0], 0, r[2], "%d cycles, %d with a null call", r[0],
					  r[2]);
	} else {
		/* Back to back: at most a cycle apart (a cycle is 100 instructions or more). */
		zassert_between_inclusive(r[0], 0, 1);
	}
	/*
	 * 1 ms; the trap in and out adds a little (5000 instructions at most).
	 * With SMP the wake-up is hart 0's timer interrupt, and under -icount
	 * an idle hart 0 may take it up to a heartbeat late.
	 */
	zassert_between_inclusive(r[1], CYC_PER_MS, CYC_PER_MS + 5 * CYC_PER_US + LATE_CYCLES,
				  "%d cycles", r[1]);
}

static void who_am_i(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	r[0] = k_is_user_context();
	who = (uintptr_t)k_current_get();
	r[1] = 1;
	/* The same thread object through a checked call: refused if we hold it no more. */
	r[2] = k_thread_priority_get(k_current_get());
	r[3] = 1;
}

ZTEST(sys_time_sched, test_current_get_and_user_context) {
	zassert_false(k_is_user_context());
	k_tid_t t = user_create(0, who_am_i, NULL, NULL, NULL, USER_PRIO, 0);

	run_to_end(t);
	zassert_equal(r[0], 1);
	zassert_equal(who, (uintptr_t)t);
	zassert_equal(r[2], USER_PRIO);
	zassert_equal(r[3], 1);

	/* A supervisor thread is not in user context, and knows itself too. */
	t = pool_create(1, who_am_i, NULL, NULL, NULL, USER_PRIO, 0);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(who, (uintptr_t)t);
}

ZTEST(sys_time_sched, test_current_get_needs_no_object_check) {
	k_tid_t t = user_create(0, who_am_i, NULL, NULL, NULL, USER_PRIO, 0);

	/* Without access to its own thread object, only checked calls on it fail. */
	k_object_access_revoke(t, t);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(r[0], 1);
	zassert_equal(who, (uintptr_t)t);
	zassert_equal(r[1], 1);
	zassert_equal(r[3], NOT_REACHED);
}

/* Cycles taken by LOOPS rounds of each call, measured in user mode. */
static void costs(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	volatile uintptr_t sink = 0;
	uint64_t t0;

	t0 = k_cycle_get_64();
	for (int i = 0; i < LOOPS; i++) {
		sink += (uintptr_t)k_current_get();
	}
	t64[0] = (int64_t)(k_cycle_get_64() - t0);
	t0 = k_cycle_get_64();
	for (int i = 0; i < LOOPS; i++) {
		sink += k_is_user_context();
	}
	t64[1] = (int64_t)(k_cycle_get_64() - t0);
	t0 = k_cycle_get_64();
	for (int i = 0; i < LOOPS; i++) {
		sink += k_cycle_get_32();
	}
	t64[2] = (int64_t)(k_cycle_get_64() - t0);
	t0 = k_cycle_get_64();
	for (int i = 0; i < LOOPS; i++) {
		sink += (uintptr_t)k_syscall_null();
	}
	t64[3] = (int64_t)(k_cycle_get_64() - t0);
	r[0] = (int)sink;
}

ZTEST(sys_time_sched, test_no_trap_for_current_cycle_and_context) {
	run_to_end(user_create(0, costs, NULL, NULL, NULL, USER_PRIO, 0));
	printk("    %d rounds, in timer cycles of %d instructions: k_current_get %d, "
	       "k_is_user_context %d, k_cycle_get_32 %d, null system call %d\n",
	       LOOPS, INSN_PER_CYC, (int)t64[0], (int)t64[1], (int)t64[2], (int)t64[3]);
	/*
	 * A trap costs at least 25 instructions; a call that trapped would cost
	 * at least a null call, these must cost clearly less (under 3/4 of one:
	 * on Cortex-M the null call's nonblocking path is about twice what
	 * k_current_get() costs).
	 */
	zassert_true(t64[3] >= LOOPS * 25 / INSN_PER_CYC, "the null system call looks free: %d",
		     (int)t64[3]);
	zassert_true(t64[0] * 4 < t64[3] * 3, "k_current_get traps");
	zassert_true(t64[1] * 4 < t64[3] * 3, "k_is_user_context traps");
	if (CYCLES_TRAP) {
		/* One system call, and not a costly one: a null call and the timer's read. */
		zassert_true(t64[2] < t64[3] + LOOPS * 64 / INSN_PER_CYC, "k_cycle_get_32 costs %d",
			     (int)t64[2]);
	} else {
		zassert_true(t64[2] * 2 < t64[3], "k_cycle_get_32 traps");
	}
}
