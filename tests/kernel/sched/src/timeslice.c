/*
 * Time slicing: equal-priority busy threads take turns every slice, measured
 * on the timer; slicing can be switched off or resized at run time; threads
 * more urgent than the slicing priority, and cooperative threads, are never
 * sliced. Built with CONFIG_TIMESLICING=n (the no_timeslicing variant), the
 * same busy threads must never take turns, whatever k_sched_time_slice_set()
 * is asked.
 *
 * Each busy thread spins until a common deadline and records a "turn" (its
 * letter and the time) whenever it finds that another thread ran since it
 * last looked.
 */
#include "test_util.h"

#define BUSY_PRIO (CONFIG_ZTEST_THREAD_PRIORITY + 1)
#define MAX_TURNS 16

/* Busy work that outlasts the default slice. */
#define LONG_BUSY_MS 30

static char turn_who[MAX_TURNS + 1];
static uint32_t turn_at[MAX_TURNS];
static unsigned int turns;
static char last_runner;
static uint32_t window_start;
static uint32_t window_len;

static void busy_until_deadline(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	char me = ARG_LETTER(p1);

	for (;;) {
		/* Interrupts off so that a turn is recorded with the time it began. */
		unsigned int key = irq_lock();
		uint32_t now = k_cycle_get_32();

		if (now - window_start >= window_len) {
			irq_unlock(key);
			return;
		}
		if (last_runner != me && turns < MAX_TURNS) {
			turn_who[turns] = me;
			turn_at[turns] = now - window_start;
			turns++;
			last_runner = me;
		}
		irq_unlock(key);
		/*
		 * Reading the timer is slow under QEMU -icount; sampling it every
		 * microsecond or so keeps the run short and is precise enough. The
		 * count stays in a register: QEMU slows every access to a page that
		 * holds a PMP boundary, as the stack's page may (see README).
		 */
		for (int i = 0; i < 300; i++) {
			__asm__ volatile("");
		}
	}
}

/* Start busy threads @letters at @prio for @ms, all ready at once; wait for them. */
static void run_busy_threads(const char *letters, int prio, uint32_t ms)
{
	turns = 0;
	memset(turn_who, 0, sizeof(turn_who));
	last_runner = 0;
	window_len = MS_TO_CYC(ms);

	k_sched_lock();
	for (const char *c = letters; *c != '\0'; c++) {
		spawn(busy_until_deadline, LETTER_ARG(*c), NULL, prio);
	}
	window_start = k_cycle_get_32();
	k_sched_unlock();
	join_all();
}

static volatile uint32_t yield_at;
static volatile uint32_t peer_ran_at;

static void busy_then_yield(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_busy_wait(LONG_BUSY_MS * 1000);
	event('a');
	yield_at = k_cycle_get_32();
	k_yield();
	event('c');
}

static void note_peer_ran(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	peer_ran_at = k_cycle_get_32();
	event('B');
}

/* Without slicing a busy thread keeps the CPU until it yields; then its peer runs at once. */
static void check_busy_until_yield(void)
{
	spawn(busy_then_yield, NULL, NULL, BUSY_PRIO);
	spawn(note_peer_ran, NULL, NULL, BUSY_PRIO);
	join_all();
	zassert_events("aBc");
	zassert_true(peer_ran_at - yield_at < MS_TO_CYC(1) / 20U);
}

#ifdef CONFIG_TIMESLICING

#define SLICE_CYC MS_TO_CYC(CONFIG_TIMESLICE_SIZE)

BUILD_ASSERT(CONFIG_TIMESLICE_SIZE > 0 && CONFIG_TIMESLICE_SIZE < LONG_BUSY_MS,
	     "these tests assume a slice shorter than LONG_BUSY_MS");

/*
 * A switch costs a few hundred instructions, i.e. a few timer cycles. With
 * SMP the slice of a CPU but 0 ends by hart 0's timer interrupt and an IPI,
 * and under -icount the harts run in turns: the IPI waits for the others'
 * turns, some thousands of instructions with four harts.
 */
#define TURN_SLACK_CYC (MS_TO_CYC(1) / 20U * (IS_ENABLED(CONFIG_SMP) ? 10U : 1U))
/*
 * A turn's start is noted by the thread once it runs, some instructions after
 * the switch that started its slice, and not the same number for every turn
 * (the switch from a yield and from the slice's end differ): the next turn may
 * look that much shorter, a few timer cycles; with SMP the note can come late
 * by the IPI's delay above.
 */
#define TURN_EARLY_CYC (IS_ENABLED(CONFIG_SMP) ? TURN_SLACK_CYC : MS_TO_CYC(1) / 200U)

/* Every turn after the first must have lasted one slice of @slice_cyc, give or take 50 us. */
static void check_turn_lengths(uint32_t slice_cyc)
{
	zassert_true(turn_at[0] < TURN_SLACK_CYC, "first turn began at %u",
		     (unsigned int)turn_at[0]);
	for (unsigned int i = 1; i < turns; i++) {
		uint32_t len = turn_at[i] - turn_at[i - 1];

		zassert_true(len + TURN_EARLY_CYC >= slice_cyc && len < slice_cyc + TURN_SLACK_CYC,
			     "turn %u lasted %u cycles, slice is %u", i - 1, (unsigned int)len,
			     (unsigned int)slice_cyc);
	}
}

ZTEST(sched_slice, test_two_threads_share_cpu) {
	/* Turns start at 0, 20, 40, 60, 80 ms. */
	run_busy_threads("AB", BUSY_PRIO, 4 * CONFIG_TIMESLICE_SIZE + CONFIG_TIMESLICE_SIZE / 2);
	zassert_str_equal(turn_who, "ABABA");
	check_turn_lengths(SLICE_CYC);
}

ZTEST(sched_slice, test_three_threads_share_cpu) {
	run_busy_threads("ABC", BUSY_PRIO, 6 * CONFIG_TIMESLICE_SIZE + CONFIG_TIMESLICE_SIZE / 2);
	zassert_str_equal(turn_who, "ABCABCA");
	check_turn_lengths(SLICE_CYC);
}

ZTEST(sched_slice, test_slice_size_set) {
	k_sched_time_slice_set(5, 0);
	run_busy_threads("AB", BUSY_PRIO, 4 * 5 + 2);
	zassert_str_equal(turn_who, "ABABA");
	check_turn_lengths(MS_TO_CYC(5));
}

ZTEST(sched_slice, test_slicing_off) {
	k_sched_time_slice_set(0, 0);
	run_busy_threads("AB", BUSY_PRIO, 2 * CONFIG_TIMESLICE_SIZE + CONFIG_TIMESLICE_SIZE / 2);
	/* A kept the CPU to the deadline; B found it passed and never recorded a turn. */
	zassert_str_equal(turn_who, "A");
}

ZTEST(sched_slice, test_slicing_off_until_yield) {
	k_sched_time_slice_set(0, 0);
	check_busy_until_yield();
}

ZTEST(sched_slice, test_more_urgent_than_slice_prio_not_sliced) {
	k_sched_time_slice_set(CONFIG_TIMESLICE_SIZE, BUSY_PRIO + 1);
	run_busy_threads("AB", BUSY_PRIO, 2 * CONFIG_TIMESLICE_SIZE + CONFIG_TIMESLICE_SIZE / 2);
	zassert_str_equal(turn_who, "A");
}

ZTEST(sched_slice, test_at_slice_prio_sliced) {
	k_sched_time_slice_set(CONFIG_TIMESLICE_SIZE, BUSY_PRIO + 1);
	run_busy_threads("AB", BUSY_PRIO + 1,
			 2 * CONFIG_TIMESLICE_SIZE + CONFIG_TIMESLICE_SIZE / 2);
	zassert_str_equal(turn_who, "ABA");
	check_turn_lengths(SLICE_CYC);
}

ZTEST(sched_slice, test_coop_threads_not_sliced) {
	run_busy_threads("AB", -2, 2 * CONFIG_TIMESLICE_SIZE + CONFIG_TIMESLICE_SIZE / 2);
	zassert_str_equal(turn_who, "A");
}

ZTEST(sched_slice, test_coop_not_sliced_with_negative_slice_prio) {
	/* Cooperative threads are never sliced, whatever the slicing priority. */
	k_sched_time_slice_set(CONFIG_TIMESLICE_SIZE, -5);
	run_busy_threads("AB", -2, 2 * CONFIG_TIMESLICE_SIZE + CONFIG_TIMESLICE_SIZE / 2);
	zassert_str_equal(turn_who, "A");
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
	k_sched_time_slice_set(CONFIG_TIMESLICE_SIZE, CONFIG_TIMESLICE_PRIORITY);
}

ZTEST_SUITE(sched_slice, NULL, NULL, NULL, after, NULL);

#else /* !CONFIG_TIMESLICING */

ZTEST(sched_no_slice, test_busy_threads_never_switch) {
	run_busy_threads("AB", BUSY_PRIO, 3 * LONG_BUSY_MS);
	zassert_str_equal(turn_who, "A");
}

ZTEST(sched_no_slice, test_slice_set_has_no_effect) {
	k_sched_time_slice_set(5, 0);
	run_busy_threads("ABC", BUSY_PRIO, LONG_BUSY_MS);
	zassert_str_equal(turn_who, "A");
}

ZTEST(sched_no_slice, test_busy_until_yield) {
	check_busy_until_yield();
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(sched_no_slice, NULL, NULL, NULL, after, NULL);

#endif /* CONFIG_TIMESLICING */
