/*
 * The system call fuzzer's supervisor: runs four user-mode fuzzing threads
 * (fuzzer.c) in two memory domains at once, respawns each one after every
 * fault or abort, and at the end has check.c prove that nothing outside the
 * fuzzers' reach changed and that the kernel still works.
 *
 * Threads: main and one reaper per fuzzer are cooperative supervisor threads,
 * so a respawn never interleaves with main's scheduling games. A reaper joins
 * its fuzzer with a time limit: a fuzzer that made no call for WATCHDOG_MS
 * (blocked for good, suspended, starved) is aborted. Main wakes every few
 * ticks, checks that no fuzzer runs more urgently than it may, reorders the
 * ready fuzzers (so that a fuzzer preempted in the middle of a system call
 * lets another one run the same kernel paths) and now and then kills one,
 * wherever it is. A pressure thread, more urgent than the fuzzers, waits for
 * their mutexes now and then, lending its priority to the owner.
 *
 * Fault reports are muted while fuzzing. User faults are expected and counted
 * by k_sys_fatal_error_handler(); any other fatal error unmutes, reports and
 * halts (exit status 16 + reason).
 */
#include <zephyr/kernel.h>
#include "supervisor.h"

/* FUZZ_CALLS and FUZZ_SEED come from CMake. */
#define BUDGET             (FUZZ_CALLS / NUM_FUZZERS) /* calls of each fuzzer */
#define WATCHDOG_MS        20
#define STALL_MS           5000 /* no call at all for this long: the kernel lost the fuzzers */
#define KILL_ONE_IN        8    /* of main's wake-ups abort a fuzzer */
#define PRESSURE_PRIO      K_PRIO_PREEMPT(2)
/* Over WATCHDOG_MS a fuzzer makes far fewer calls (each takes over 1000 instructions). */
#define MAX_CALLS_PER_LOOK (WATCHDOG_MS * 1000U)

struct k_thread fuzzer_threads[NUM_FUZZERS];
K_THREAD_STACK_ARRAY_DEFINE(fuzzer_stacks, NUM_FUZZERS, FUZZ_STACK_SIZE);
struct k_thread reapers[NUM_FUZZERS];
K_KERNEL_STACK_ARRAY_DEFINE(reaper_stacks, NUM_FUZZERS, REAPER_STACK_SIZE);

struct fuzz_totals totals;

static struct domain *domain_of(unsigned int fuzzer)
{
	return &dom[fuzzer / FUZZERS_PER_DOMAIN];
}

static struct fuzz_state *state_of(unsigned int fuzzer)
{
	return &domain_of(fuzzer)->stats->fuzzer[fuzzer % FUZZERS_PER_DOMAIN];
}

static uint32_t total_calls(void)
{
	uint32_t n = 0;

	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		n += state_of(i)->calls;
	}
	return n;
}

/* The calls under way: what a kernel fault or a stall report needs to be reproduced. */
static void report_inflight(void)
{
	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		const struct fuzz_state *st = state_of(i);

		if (!st->in_call) {
			continue;
		}
		printk("fuzz:   fuzzer %u in call ID %u (its call #%u, %u argument registers): "
		       "0x%08lx 0x%08lx 0x%08lx 0x%08lx 0x%08lx 0x%08lx\n",
		       i, (unsigned int)st->id, (unsigned int)st->calls, (unsigned int)st->arity,
		       (unsigned long)st->args[0], (unsigned long)st->args[1],
		       (unsigned long)st->args[2], (unsigned long)st->args[3],
		       (unsigned long)st->args[4], (unsigned long)st->args[5]);
	}
}

static int fuzzer_index(const struct k_thread *t)
{
	for (int i = 0; i < NUM_FUZZERS; i++) {
		if (t == &fuzzer_threads[i]) {
			return i;
		}
	}
	return -1;
}

#if defined(CONFIG_ARM)
/* Thread mode (EXC_RETURN bit 3) and unprivileged (CONTROL.nPRIV) when it faulted. */
static bool fault_in_user_mode(const struct arch_esf *esf)
{
	return (esf->exc_return & 0x8U) != 0U && (esf->control & 1U) != 0U;
}

static void print_esf(const struct arch_esf *esf)
{
	printk("fuzz:   exception %u, cfsr 0x%08x, pc 0x%08x, lr 0x%08x, sp 0x%08x\n",
	       (unsigned int)esf->vector, (unsigned int)esf->cfsr, (unsigned int)esf->pc,
	       (unsigned int)esf->lr, (unsigned int)esf->sp);
}
#else
/* The trap came from user mode: mstatus.MPP says so. */
static bool fault_in_user_mode(const struct arch_esf *esf)
{
	return (esf->mstatus & MSTATUS_MPP) == MSTATUS_MPP_U;
}

static void print_esf(const struct arch_esf *esf)
{
	printk("fuzz:   mcause %lu, mtval 0x%08lx, mepc 0x%08lx, ra 0x%08lx, sp 0x%08lx\n",
	       esf->mcause, esf->mtval, esf->mepc, esf->ra, esf->sp);
}
#endif

/* User faults are the point of the exercise; any other fatal error ends the run, loudly. */
void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	struct k_thread *t = k_current_get();

	if (!k_is_in_isr() && esf != NULL && fault_in_user_mode(esf)) {
		int i = fuzzer_index(t);

		totals.faults++;
		totals.by_reason[MIN(reason, (unsigned int)K_ERR_KERNEL_PANIC + 1U)]++;
		if (i >= 0) {
			totals.fault_pending[i] = true;
		} else {
			totals.child_faults++;
		}
		return;
	}
	/* The kernel's own report went to the muted console: give the essentials again. */
	(void)printk_mute(false);
	printk("\nfuzz: KERNEL FAULT: fatal error %u %s, thread %p '%s'\n", reason,
	       k_is_in_isr() ? "in an interrupt" : "in supervisor mode", (void *)t,
	       k_thread_name_get(t));
	if (esf != NULL) {
		print_esf(esf);
	}
	report_inflight();
	printk("FUZZ RESULT: FAIL (kernel fault; seed 0x%08x, %u calls made)\n",
	       (unsigned int)FUZZ_SEED, (unsigned int)total_calls());
	k_fatal_halt(reason);
}

/* (Re)create fuzzer @i in its domain with every grant of that domain, and start it. */
static void fuzzer_spawn(unsigned int i)
{
	struct domain *d = domain_of(i);
	struct k_thread *t = &fuzzer_threads[i];
	char name[] = "fuzzer-a0";

	name[7] = (char)('a' + i / FUZZERS_PER_DOMAIN);
	name[8] = (char)('0' + i % FUZZERS_PER_DOMAIN);
	state_of(i)->budget = BUDGET;
	k_thread_create(t, fuzzer_stacks[i], K_THREAD_STACK_SIZEOF(fuzzer_stacks[i]), fuzzer_entry,
			&d->ro_area->cfg, state_of(i), NULL, FUZZ_PRIO, K_USER, K_FOREVER);
	k_thread_name_set(t, name);
	if (k_mem_domain_add_thread(&d->domain, t) != 0) {
		k_panic();
	}
	for (unsigned int g = 0; g < d->num_grants; g++) {
		k_object_access_grant_typed(d->grants[g], t, K_OBJ_ANY);
	}
	services_pool_assign(t);
	k_thread_start(t);
}

/* After fuzzer @i ended, having made @calls calls: why. */
static void account_end(unsigned int i, bool watchdog, uint32_t calls)
{
	struct fuzz_state *st = state_of(i);

	if (totals.fault_pending[i]) {
		totals.fault_pending[i] = false;
		totals.fuzzer_faults++;
		if (st->in_call) {
			totals.faults_by_id[MIN(st->id, (uint32_t)K_SYSCALL_LIMIT)]++;
		} else {
			totals.faults_between_calls++;
		}
	} else if (watchdog) {
		totals.watchdog_aborts++;
	} else if (calls < BUDGET) {
		totals.other_ends++;
	}
	st->in_call = false;
}

/*
 * A fuzzer's records are its own memory, which its calls may overwrite (see
 * fuzzer.c), so its reaper keeps the budget and the last plausible count: a
 * count that went down, or up by more than a fuzzer can call between two of
 * its reaper's looks, is put back to the last one.
 */
static uint32_t calls_checked(unsigned int i, uint32_t seen)
{
	struct fuzz_state *st = state_of(i);
	uint32_t now = st->calls;

	if (now < seen || now - seen > MAX_CALLS_PER_LOOK) {
		totals.records_repaired++;
		st->calls = now = seen;
	}
	return now;
}

/* A corruption found while fuzzing: said even with the console muted. */
static void corruption(const char *what, unsigned int which, int value)
{
	bool muted = printk_mute(false);

	printk("fuzz: CORRUPTION: %s %u: %d\n", what, which, value);
	report_inflight();
	(void)printk_mute(muted);
	totals.corruptions++;
}

/* Live words on this reaper's stack, which the fuzzers aim at. */
static void reaper_guard_check(const volatile uint32_t *guard, unsigned int n, uint32_t salt)
{
	for (unsigned int g = 0; g < n; g++) {
		if (guard[g] != fuzz_pattern(salt, g)) {
			corruption("reaper stack word", g, (int)guard[g]);
		}
	}
}

/* One per fuzzer: respawn it whenever it ends, abort it when it stops making calls. */
static void reaper_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	unsigned int i = (unsigned int)(uintptr_t)p1;
	struct fuzz_state *st = state_of(i);
	struct k_thread *t = &fuzzer_threads[i];
	volatile uint32_t guard[16];
	bool aborted = false;

	for (unsigned int g = 0; g < ARRAY_SIZE(guard); g++) {
		guard[g] = fuzz_pattern(0x6a4dU + i, g);
	}
	fuzzer_spawn(i);
	for (uint32_t seen = st->calls;;) {
		bool ended = k_thread_join(t, K_MSEC(WATCHDOG_MS)) == 0;
		uint32_t now = calls_checked(i, seen);

		if (!ended) {
			/* No call for WATCHDOG_MS; or past its budget, its own copy overwritten. */
			if (now == seen || now >= BUDGET) {
				k_thread_abort(t);
				aborted = now == seen;
			}
			seen = now;
			continue;
		}
		seen = now;
		account_end(i, aborted, now);
		aborted = false;
		if (now >= BUDGET) {
			break;
		}
		totals.respawns++;
		fuzzer_spawn(i);
	}
	reaper_guard_check(guard, ARRAY_SIZE(guard), 0x6a4dU + i);
}

static uint32_t prng = FUZZ_SEED;

static uint32_t sup_rand(void)
{
	prng ^= prng << 13;
	prng ^= prng >> 17;
	prng ^= prng << 5;
	return prng;
}

static struct k_thread pressure;
static K_KERNEL_STACK_DEFINE(pressure_stack, 1024);
static struct k_mutex *volatile pressing; /* what the pressure thread waits for, if anything */
/* Odd while the pressure thread waits: with SMP it runs beside the checks (check_priorities). */
static atomic_t pressing_seq;
static volatile bool pressure_stop;

/*
 * More urgent than the fuzzers: now and then waits a moment for a mutex they
 * use, which lends its priority to the owner. The loan must end with the wait
 * (an effective priority is recomputed, never restored from a saved value).
 */
static void pressure_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct k_mutex *mutexes[] = { &shared_mutex,    dom[0].mutex_static, &dom[0].mutex_rt,
				      dom[0].mutex_dyn, dom[1].mutex_static, &dom[1].mutex_rt,
				      dom[1].mutex_dyn };
	uint32_t r = (uint32_t)FUZZ_SEED | 1U;

	while (!pressure_stop) {
		r ^= r << 13;
		r ^= r >> 17;
		r ^= r << 5;
		k_sleep(K_TICKS(1 + r % 8U));

		struct k_mutex *m = mutexes[(r >> 8) % ARRAY_SIZE(mutexes)];

		atomic_inc(&pressing_seq);
		pressing = m;
		int ret = k_mutex_lock(m, K_TICKS(1 + (r >> 16) % 32U));

		pressing = NULL;
		atomic_inc(&pressing_seq);
		if (ret == 0) {
			(void)k_mutex_unlock(m);
		}
	}
}

/*
 * @t looked boosted beyond a direct loan: the loan may come down a chain (the
 * pressure thread waits for a mutex whose owner waits for one @t holds). Such
 * a loan ends with the wait; a stale one outlives it. Look again while the
 * pressure thread waits for nothing (it sleeps a few ticks between waits).
 */
static bool boost_outlives_waits(const struct k_thread *t)
{
	for (int tries = 0; tries < 16; tries++) {
		atomic_val_t seq = atomic_get(&pressing_seq);

		if ((seq & 1) == 0) {
			int prio = k_thread_priority_get((k_tid_t)t);

			if (atomic_get(&pressing_seq) == seq) {
				return prio < FUZZ_PRIO;
			}
		} else {
			k_sleep(K_TICKS(1));
		}
	}
	return false; /* never caught between two waits: no verdict */
}

/* No fuzzer runs more urgently than it was created, but for the pressure thread's loan. */
static void check_priorities(void)
{
	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		struct k_thread *t = &fuzzer_threads[i];
		atomic_val_t seq;
		int prio;
		bool lent;

		/*
		 * A consistent look: priority, mutex and owner read within one
		 * wait of the pressure thread, or while it waits for nothing.
		 * On another CPU it may start or end a wait meanwhile; then look
		 * again (on one CPU it never does: main is more urgent).
		 */
		do {
			seq = atomic_get(&pressing_seq);
			prio = k_thread_priority_get(t);

			struct k_mutex *m = pressing;

			lent = (seq & 1) != 0 && m != NULL && m->owner == t;
		} while (atomic_get(&pressing_seq) != seq);
		if (prio < FUZZ_PRIO && !lent && boost_outlives_waits(t)) {
			corruption("priority of fuzzer", i, prio);
			/* Once is enough: back where it belongs. */
			k_thread_priority_set(&fuzzer_threads[i], FUZZ_PRIO);
		}
	}
}

/* Queue the ready fuzzers in a random order (main is cooperative: nothing runs meanwhile). */
static void shuffle_fuzzers(void)
{
	unsigned int order[NUM_FUZZERS];

	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		order[i] = i;
	}
	for (unsigned int i = NUM_FUZZERS - 1U; i > 0U; i--) {
		unsigned int j = sup_rand() % (i + 1U);
		unsigned int x = order[i];

		order[i] = order[j];
		order[j] = x;
	}
	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		k_thread_suspend(&fuzzer_threads[order[i]]);
	}
	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		k_thread_resume(&fuzzer_threads[order[i]]);
	}
}

static bool reapers_done(void)
{
	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		if (k_thread_join(&reapers[i], K_NO_WAIT) != 0) {
			return false;
		}
	}
	return true;
}

static void start_fuzzers(void)
{
	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		struct fuzz_state *st = state_of(i);

		st->rng = ((uint32_t)FUZZ_SEED ^ (0x9e3779b9U * (i + 1U))) | 1U;
		st->stack_lo = (uintptr_t)K_THREAD_STACK_BUFFER(fuzzer_stacks[i]);
		st->stack_hi = st->stack_lo + K_THREAD_STACK_SIZEOF(fuzzer_stacks[i]);
		printk("fuzz: fuzzer %u: domain %c, generator seed 0x%08x, %u calls\n", i,
		       'a' + i / FUZZERS_PER_DOMAIN, (unsigned int)st->rng, (unsigned int)BUDGET);
	}
	printk("fuzz: console muted while fuzzing\n");
	(void)printk_mute(true);
	for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
		k_thread_create(&reapers[i], reaper_stacks[i],
				K_KERNEL_STACK_SIZEOF(reaper_stacks[i]), reaper_entry,
				(void *)(uintptr_t)i, NULL, NULL, SUPERVISOR_PRIO, 0, K_NO_WAIT);
		k_thread_name_set(&reapers[i], "reaper");
	}
}

/* Fuzz until every fuzzer has made its calls; false if the calls stopped altogether. */
static bool fuzz(void)
{
	uint32_t last = 0;
	uint32_t next_report = FUZZ_CALLS / 8U;
	int64_t last_progress = k_uptime_get();

	start_fuzzers();
	k_thread_create(&pressure, pressure_stack, K_KERNEL_STACK_SIZEOF(pressure_stack),
			pressure_entry, NULL, NULL, NULL, PRESSURE_PRIO, 0, K_NO_WAIT);
	k_thread_name_set(&pressure, "pressure");
	while (!reapers_done()) {
		k_sleep(K_TICKS(1 + sup_rand() % 16U));
		check_priorities();
		shuffle_fuzzers();
		if (sup_rand() % KILL_ONE_IN == 0U) {
			/* Wherever it is, in a system call too: the kernel must clean up. */
			k_thread_abort(&fuzzer_threads[sup_rand() % NUM_FUZZERS]);
			totals.kills++;
		}

		uint32_t calls = total_calls();

		if (calls != last) {
			last = calls;
			last_progress = k_uptime_get();
		} else if (k_uptime_get() - last_progress > STALL_MS) {
			(void)printk_mute(false);
			printk("fuzz: STALL: no call for %d ms\n", STALL_MS);
			report_inflight();
			return false;
		}
		if (IS_ENABLED(FUZZ_KERNEL_FAULT) && calls >= FUZZ_CALLS / 2U) {
			k_oops();
		}
		if (calls >= next_report) {
			(void)printk_mute(false);
			printk("fuzz: %u calls, %u faults, %u respawns\n", (unsigned int)calls,
			       (unsigned int)totals.faults, (unsigned int)totals.respawns);
			(void)printk_mute(true);
			next_report += FUZZ_CALLS / 8U;
		}
	}
	pressure_stop = true;
	(void)k_thread_join(&pressure, K_FOREVER);
	(void)printk_mute(false);
	printk("fuzz: console unmuted\n");
	return true;
}

static void print_per_id(void)
{
	printk("fuzz: calls made/faulted per ID (%u: IDs out of range)", K_SYSCALL_LIMIT);
	for (unsigned int id = 0; id < NUM_IDS; id++) {
		uint32_t made = 0;

		for (unsigned int i = 0; i < NUM_FUZZERS; i++) {
			made += state_of(i)->per_id[id];
		}
		printk("%s%2u %u/%u", id % 8U == 0U ? "\nfuzz: " : ", ", id, (unsigned int)made,
		       (unsigned int)totals.faults_by_id[id]);
	}
	printk("\n");
}

static void print_summary(uint32_t corruptions)
{
	uint32_t child_calls = 0;

	for (unsigned int d = 0; d < NUM_DOMAINS; d++) {
		child_calls += (uint32_t)atomic_get(&dom[d].stats->child_calls);
	}
	print_per_id();
	printk(
	    "fuzz: faults: %u of fuzzers (%u between calls; call counts repaired: %u), %u of their "
	    "children (%u calls); by reason: cpu %u, stack %u, oops %u, other %u; children "
	    "aborted at the end: %u, strays ended: %u\n",
	    (unsigned int)totals.fuzzer_faults, (unsigned int)totals.faults_between_calls,
	    (unsigned int)totals.records_repaired, (unsigned int)totals.child_faults,
	    (unsigned int)child_calls, (unsigned int)totals.by_reason[K_ERR_CPU_EXCEPTION],
	    (unsigned int)totals.by_reason[K_ERR_STACK_CHK_FAIL],
	    (unsigned int)totals.by_reason[K_ERR_KERNEL_OOPS],
	    (unsigned int)(totals.by_reason[K_ERR_SPURIOUS_IRQ] +
			   totals.by_reason[K_ERR_KERNEL_PANIC] +
			   totals.by_reason[K_ERR_KERNEL_PANIC + 1]),
	    (unsigned int)totals.children_aborted, (unsigned int)totals.strays);
	/* A kernel fault never gets here: the handler halts the run. */
	printk("FUZZ SUMMARY: seed 0x%08x, %u calls, %u faults, %u respawns, %u watchdog aborts, "
	       "%u kills, %u other ends, %u corruptions, 0 kernel faults, %u ms virtual\n",
	       (unsigned int)FUZZ_SEED, (unsigned int)total_calls(), (unsigned int)totals.faults,
	       (unsigned int)totals.respawns, (unsigned int)totals.watchdog_aborts,
	       (unsigned int)totals.kills, (unsigned int)totals.other_ends,
	       (unsigned int)corruptions, (unsigned int)k_uptime_get_32());
}

int main(void)
{
	k_thread_priority_set(k_current_get(), SUPERVISOR_PRIO);
	printk("fuzz: seed 0x%08x, %u calls by %u fuzzers in %u domains; %u system call IDs\n",
	       (unsigned int)FUZZ_SEED, (unsigned int)FUZZ_CALLS, NUM_FUZZERS, NUM_DOMAINS,
	       (unsigned int)K_SYSCALL_LIMIT);
	setup();

	if (!fuzz()) {
		print_summary(totals.corruptions);
		printk("FUZZ RESULT: FAIL (stalled)\n");
		sys_exit(1);
	}
	uint32_t corruptions = totals.corruptions + check_all();
	bool works = check_kernel_works();

	print_summary(corruptions);
	if (corruptions == 0U && works) {
		printk("FUZZ RESULT: PASS\nPROJECT EXECUTION SUCCESSFUL\n");
		sys_exit(0);
	}
	printk("FUZZ RESULT: FAIL%s%s\n", corruptions != 0U ? " (corruptions)" : "",
	       works ? "" : " (the kernel no longer works)");
	sys_exit(1);
}
