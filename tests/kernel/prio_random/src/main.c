/*
 * Randomised property test of the priority model.
 *
 * Six worker threads at random, distinct base priorities lock and unlock
 * random mutexes (of four) in random order, recursively or not, with
 * K_NO_WAIT, K_FOREVER or a timeout; between their steps, random priority
 * changes and aborts hit any of them, waiting or not, and time passes so that
 * timeouts expire. After every step the kernel is compared with the reference
 * model (model.c), which applies the definition: every worker's effective and
 * base priority, every mutex's owner and count, what every worker waits for,
 * and the events the workers reported, in order: which thread ran next after
 * a hand-over, a timeout or an abort. Chains grow past
 * CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH (3 here) and into cycles: the model
 * predicts each -EDEADLK.
 *
 * The driver (the test thread, cooperative, above all) prepares one step and
 * blocks; the workers then run in the kernel's order until all are blocked,
 * when a probe thread at the lowest application priority runs and wakes the
 * driver. Distinct base priorities make the effective priorities of the
 * threads competing for the CPU, or for one mutex, distinct too (two equal
 * ones would be lent by one thread to two chains, and a waiting thread has
 * one), so the order is the model's to predict, with no FIFO tie to break.
 * Timeouts are kept at least 1.5 ticks apart and time advances in whole
 * sleeps of the driver that end 0.3 tick away from any of them: which waits
 * expired is never a matter of a few instructions.
 *
 * make test runs PROP_STEPS steps from seed PROP_SEED (the defaults below). A
 * longer run, another seed:
 *
 *   cmake -G Ninja -B build/prop -S tests/kernel/prio_random -DBOARD=qemu_riscv32 \
 *         -DPROP_STEPS=200000 -DPROP_SEED=7
 *   ninja -C build/prop run
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include "model.h"

#ifndef PROP_STEPS
#define PROP_STEPS 15000
#endif
#ifndef PROP_SEED
#define PROP_SEED 1
#endif

#define DRIVER_PRIO   K_PRIO_COOP(1)
#define PROBE_PRIO    K_LOWEST_APPLICATION_THREAD_PRIO
#define WORKER_LEVELS (PROBE_PRIO - 1) /* worker base priorities 1 .. PROBE_PRIO - 1 */
#define CYC_PER_TICK  (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)
#define MARGIN        (CYC_PER_TICK * 3 / 10)
#define STACK_SIZE    1024

static struct k_mutex mutexes[N_MUTEXES];

enum op { OP_LOCK, OP_UNLOCK };

struct worker {
	struct k_thread thread;
	struct k_sem cmd;
	volatile enum op op;
	volatile int mutex;
	volatile k_ticks_t ticks; /* the lock's timeout */
	volatile uint64_t armed;  /* the cycle counter just before the lock */
};

static struct worker workers[N_WORKERS];
K_THREAD_STACK_ARRAY_DEFINE(worker_stacks, N_WORKERS, STACK_SIZE);

static struct k_thread probe;
K_THREAD_STACK_DEFINE(probe_stack, STACK_SIZE);
static struct k_sem probe_go, quiet;

static struct events seen;
static struct model model;
static uint32_t rng = PROP_SEED;

static struct {
	unsigned int steps, ev[2], ret_0, busy, deadlk, again, ownerdead, einval, eperm;
	unsigned int handover_preempts, longest_chain;
} stats;

/* xorshift32: a fixed sequence per seed. */
static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng % n;
}

static void report(int w, enum event_kind kind, int m, int ret)
{
	unsigned int key = irq_lock();

	if (seen.n < MAX_EVENTS) {
		seen.e[seen.n] = (struct event){
			.worker = (int8_t)w, .kind = (int8_t)kind, .mutex = (int8_t)m, .ret = ret
		};
	}
	seen.n++;
	irq_unlock(key);
}

static void worker_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct worker *me = p1;
	int w = (int)(me - workers);

	for (;;) {
		k_sem_take(&me->cmd, K_FOREVER);
		int m = me->mutex;

		if (me->op == OP_LOCK) {
			me->armed = k_cycle_get_64();
			report(w, EV_LOCK, m,
			       k_mutex_lock(&mutexes[m], Z_TIMEOUT_TICKS(me->ticks)));
		} else {
			report(w, EV_UNLOCK, m, k_mutex_unlock(&mutexes[m]));
		}
	}
}

static void probe_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (;;) {
		k_sem_take(&probe_go, K_FOREVER);
		k_sem_give(&quiet);
	}
}

/* Let the workers run until every one of them is blocked. */
static void settle(void)
{
	k_sem_give(&probe_go);
	k_sem_take(&quiet, K_FOREVER);
}

static void start_worker(int w, int base)
{
	zassert_equal(k_sem_init(&workers[w].cmd, 0, 1), 0);
	k_thread_create(&workers[w].thread, worker_stacks[w], STACK_SIZE, worker_entry, &workers[w],
			NULL, NULL, base, 0, K_NO_WAIT);
}

/* A random worker priority no worker has. */
static int free_level(void)
{
	for (;;) {
		int p = 1 + (int)rnd(WORKER_LEVELS);
		bool used = false;

		for (int w = 0; w < N_WORKERS; w++) {
			used = used || model.base[w] == p;
		}
		if (!used) {
			return p;
		}
	}
}

/*
 * A random worker that waits for no mutex (it waits for its next command),
 * holding one if @holding and any does; NONE if none waits for a command.
 */
static int idle_worker(bool holding)
{
	int idle[N_WORKERS], n = 0;

	for (int w = 0; w < N_WORKERS; w++) {
		bool holds = false;

		for (int m = 0; m < N_MUTEXES; m++) {
			holds = holds || model.owner[m] == w;
		}
		if (model.waits[w] == NONE && (!holding || holds)) {
			idle[n++] = w;
		}
	}
	if (n == 0 && holding) {
		return idle_worker(false);
	}
	return n == 0 ? NONE : idle[rnd(n)];
}

static uint64_t earliest_deadline(void)
{
	uint64_t d = UINT64_MAX;

	for (int w = 0; w < N_WORKERS; w++) {
		d = MIN(d, model.deadline[w]);
	}
	return d;
}

/* The earliest deadline after @t. */
static uint64_t earliest_after(uint64_t t)
{
	uint64_t d = UINT64_MAX;

	for (int w = 0; w < N_WORKERS; w++) {
		if (model.deadline[w] > t) {
			d = MIN(d, model.deadline[w]);
		}
	}
	return d;
}

/* Whether a deadline lies within @gap cycles of @t. */
static bool deadline_near(uint64_t t, uint64_t gap)
{
	for (int w = 0; w < N_WORKERS; w++) {
		uint64_t d = model.deadline[w];

		if (d != UINT64_MAX && d + gap > t && d < t + gap) {
			return true;
		}
	}
	return false;
}

static void command(int w, enum op op, int m, k_ticks_t ticks)
{
	workers[w].op = op;
	workers[w].mutex = m;
	workers[w].ticks = ticks;
	k_sem_give(&workers[w].cmd);
	settle();
}

static void step_lock(int w, struct events *ev)
{
	int m = (int)rnd(N_MUTEXES);
	uint32_t kind = rnd(100);
	k_ticks_t ticks = kind < 15 ? 0 : K_TICKS_FOREVER;

	if (kind >= 60) {
		/* A timeout well apart from the others (see above), or none. */
		uint64_t now = k_cycle_get_64();

		for (int tries = 0; tries < 4 && ticks == K_TICKS_FOREVER; tries++) {
			k_ticks_t t = 2 + (k_ticks_t)rnd(30);

			if (!deadline_near(now + (uint64_t)t * CYC_PER_TICK,
					   3 * CYC_PER_TICK / 2)) {
				ticks = t;
			}
		}
	}
	model_lock(&model, w, m, ticks == 0, UINT64_MAX, ev);
	command(w, OP_LOCK, m, ticks);
	if (model.waits[w] == m && ticks != K_TICKS_FOREVER) {
		model.deadline[w] = workers[w].armed + (uint64_t)ticks * CYC_PER_TICK;
	}
}

static void step_unlock(int w, struct events *ev)
{
	int held[N_MUTEXES], n = 0;

	for (int m = 0; m < N_MUTEXES; m++) {
		if (model.owner[m] == w) {
			held[n++] = m;
		}
	}
	/* Mostly a mutex it holds; sometimes any (-EPERM, -EINVAL, or one it holds). */
	int m = n > 0 && rnd(100) < 85 ? held[rnd(n)] : (int)rnd(N_MUTEXES);

	model_unlock(&model, w, m, ev);
	command(w, OP_UNLOCK, m, 0);
}

static void step_prio(struct events *ev)
{
	ARG_UNUSED(ev);
	int w = (int)rnd(N_WORKERS);
	int p = free_level();

	model_prio_set(&model, w, p);
	k_thread_priority_set(&workers[w].thread, p);
	settle();
}

static void step_abort(struct events *ev)
{
	int w = (int)rnd(N_WORKERS);
	int base = free_level();

	k_thread_abort(&workers[w].thread);
	model_abort(&model, w, base, ev);
	start_worker(w, base);
	settle();
}

static void step_advance(struct events *ev)
{
	uint64_t now = k_cycle_get_64();
	uint64_t target = earliest_deadline();
	uint64_t ticks = 1 + rnd(3);

	if (target != UINT64_MAX) {
		ticks = (target + MARGIN - now + CYC_PER_TICK - 1) / CYC_PER_TICK;
	}
	/* Clear of every deadline, and of the next steps' (see main loop). */
	while (deadline_near(now + ticks * CYC_PER_TICK, MARGIN) ||
	       (earliest_after(now + ticks * CYC_PER_TICK) <
		now + ticks * CYC_PER_TICK + 4 * CYC_PER_TICK)) {
		ticks++;
	}
	k_sleep(K_TICKS(ticks));
	settle();
	model_advance(&model, now + ticks * CYC_PER_TICK, ev);
}

static void print_events(const char *name, const struct events *ev)
{
	printk("  %s (%u):", name, ev->n);
	for (unsigned int i = 0; i < MIN(ev->n, (unsigned int)MAX_EVENTS); i++) {
		const struct event *e = &ev->e[i];

		printk(" w%d %s m%d = %d;", e->worker, e->kind == EV_LOCK ? "lock" : "unlock",
		       e->mutex, e->ret);
	}
	printk("\n");
}

static void print_state(void)
{
	for (int w = 0; w < N_WORKERS; w++) {
		struct k_thread *t = &workers[w].thread;

		printk("  w%d: base %d (model %d), effective %d (model %d), waits %d\n", w,
		       t->base.base_prio, model.base[w], t->base.prio, model_eff(&model, w),
		       model.waits[w]);
	}
	for (int m = 0; m < N_MUTEXES; m++) {
		printk("  m%d: owner %d, count %u (model %d, %d)\n", m,
		       mutexes[m].owner == NULL
			   ? NONE
			   : (int)(CONTAINER_OF(mutexes[m].owner, struct worker, thread) - workers),
		       (unsigned int)mutexes[m].lock_count, model.owner[m], model.count[m]);
	}
}

static bool events_equal(const struct events *a, const struct events *b)
{
	if (a->n != b->n || a->n > MAX_EVENTS) {
		return false;
	}
	for (unsigned int i = 0; i < a->n; i++) {
		const struct event *x = &a->e[i], *y = &b->e[i];

		if (x->worker != y->worker || x->kind != y->kind || x->mutex != y->mutex ||
		    x->ret != y->ret) {
			return false;
		}
	}
	return true;
}

/* The mutex @t waits for (its wait queue is that mutex's), or NONE. */
static int waited_mutex(const struct k_thread *t)
{
	for (int m = 0; m < N_MUTEXES; m++) {
		if (t->base.pended_on == &mutexes[m].wait_q) {
			return m;
		}
	}
	return NONE;
}

/* The kernel agrees with the model: priorities, mutexes, waits and the events' order. */
static bool state_matches(void)
{
	for (int w = 0; w < N_WORKERS; w++) {
		struct k_thread *t = &workers[w].thread;

		if (k_thread_priority_get(t) != model_eff(&model, w) ||
		    t->base.base_prio != model.base[w] || waited_mutex(t) != model.waits[w]) {
			return false;
		}
	}
	for (int m = 0; m < N_MUTEXES; m++) {
		struct k_thread *owner =
		    model.owner[m] == NONE ? NULL : &workers[model.owner[m]].thread;

		if (mutexes[m].owner != owner ||
		    mutexes[m].lock_count != (uint32_t)model.count[m]) {
			return false;
		}
	}
	return true;
}

static void count(const struct events *ev)
{
	for (unsigned int i = 0; i < MIN(ev->n, (unsigned int)MAX_EVENTS); i++) {
		int ret = ev->e[i].ret;

		stats.ev[ev->e[i].kind]++;
		stats.ret_0 += ret == 0;
		stats.busy += ret == -EBUSY;
		stats.deadlk += ret == -EDEADLK;
		stats.again += ret == -EAGAIN;
		stats.ownerdead += ret == -EOWNERDEAD;
		stats.einval += ret == -EINVAL;
		stats.eperm += ret == -EPERM;
	}
	if (ev->n == 2 && ev->e[0].kind == EV_LOCK && ev->e[1].kind == EV_UNLOCK) {
		stats.handover_preempts++;
	}
	stats.longest_chain = MAX(stats.longest_chain, (unsigned int)model_longest_chain(&model));
}

static const char *const step_names[] = { "lock", "unlock", "priority", "abort", "advance" };

ZTEST(prio_random, test_priorities_follow_the_model) {
	int base[N_WORKERS];

	k_thread_priority_set(k_current_get(), DRIVER_PRIO);
	for (int m = 0; m < N_MUTEXES; m++) {
		zassert_equal(k_mutex_init(&mutexes[m]), 0);
	}
	zassert_equal(k_sem_init(&probe_go, 0, 1), 0);
	zassert_equal(k_sem_init(&quiet, 0, 1), 0);
	k_thread_create(&probe, probe_stack, STACK_SIZE, probe_entry, NULL, NULL, NULL, PROBE_PRIO,
			0, K_NO_WAIT);
	for (int w = 0; w < N_WORKERS; w++) {
		model.base[w] = NONE;
	}
	for (int w = 0; w < N_WORKERS; w++) {
		base[w] = free_level();
		model.base[w] = base[w];
	}
	model_init(&model, base);
	for (int w = 0; w < N_WORKERS; w++) {
		start_worker(w, base[w]);
	}
	settle();

	for (unsigned int step = 0; step < PROP_STEPS; step++) {
		struct events expected = { 0 };
		uint64_t now = k_cycle_get_64();
		uint32_t r = rnd(100);
		int w = idle_worker(r >= 55);
		int kind;

		zassert_true(earliest_deadline() > now + MARGIN, "step %u: a timeout came due",
			     step);
		seen.n = 0;
		if (earliest_deadline() < now + 3 * CYC_PER_TICK || r < 12) {
			kind = 4;
			step_advance(&expected);
		} else if (r < 55 && w != NONE) {
			kind = 0;
			step_lock(w, &expected);
		} else if (r < 80 && w != NONE) {
			kind = 1;
			step_unlock(w, &expected);
		} else if (r < 94) {
			kind = 2;
			step_prio(&expected);
		} else {
			kind = 3;
			step_abort(&expected);
		}
		if (!events_equal(&seen, &expected) || !state_matches()) {
			printk("step %u (%s), seed %u: the kernel and the model disagree\n", step,
			       step_names[kind], (unsigned int)PROP_SEED);
			print_events("expected", &expected);
			print_events("seen", &seen);
			print_state();
			zassert_unreachable("step %u: see above", step);
		}
		count(&expected);
		stats.steps++;
	}

	printk("%u steps (seed %u): %u locks, %u unlocks; results: %u ok, %u -EBUSY, "
	       "%u -EAGAIN, %u -EDEADLK, %u -EOWNERDEAD, %u -EINVAL, %u -EPERM; %u hand-overs "
	       "to a more urgent thread; longest chain %u\n",
	       stats.steps, (unsigned int)PROP_SEED, stats.ev[EV_LOCK], stats.ev[EV_UNLOCK],
	       stats.ret_0, stats.busy, stats.again, stats.deadlk, stats.ownerdead, stats.einval,
	       stats.eperm, stats.handover_preempts, stats.longest_chain);
	/* The run reached every case it is meant to check. */
	zassert_true(stats.again > 0 && stats.deadlk > 0 && stats.ownerdead > 0);
	zassert_true(stats.handover_preempts > 0);
	zassert_equal(stats.longest_chain, CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH);

	for (int w = 0; w < N_WORKERS; w++) {
		k_thread_abort(&workers[w].thread);
	}
	k_thread_abort(&probe);
}

ZTEST_SUITE(prio_random, NULL, NULL, NULL, NULL, NULL);
