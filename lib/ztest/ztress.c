/*
 * ztress (<breeze/ztress.h>): handlers called over and over from several
 * contexts of different urgency, so that the less urgent ones are preempted
 * in the middle of their calls.
 *
 * A preemption is counted when another context's call started while a
 * thread context was inside its own: every call takes a ticket from one
 * counter at its start, and a call that ends to find the counter moved by
 * more than its own ticket was interrupted. Only more urgent contexts (or
 * the timer's interrupt) can run inside a call, so that is a preemption.
 */
#include <string.h>
#include <breeze/ztress.h>

#define MAX_THREADS CONFIG_ZTRESS_MAX_THREADS

struct context {
	struct ztress_context_data data;
	int rank; /* what the handler gets as prio */
	bool ended;
	uint32_t execs;
	uint32_t preempts;
};

/* Slot 0 is the timer context; the thread contexts follow, most urgent first. */
static struct context contexts[1 + MAX_THREADS];
static struct k_thread threads[MAX_THREADS];
static K_THREAD_STACK_ARRAY_DEFINE(stacks, MAX_THREADS,
				   CONFIG_ZTRESS_STACK_SIZE + CONFIG_TEST_EXTRA_STACK_SIZE);
static struct k_timer timer;
static K_SEM_DEFINE(finished, 0, 1);
static k_timeout_t test_timeout = K_FOREVER;
static atomic_t tickets;
static volatile bool ending;
static size_t thread_count;
static bool has_timer;

/* A cheap random number (xorshift32): the delays need no quality. */
static uint32_t rand_below(uint32_t bound)
{
	static uint32_t state;

	if (state == 0U) {
		state = k_cycle_get_32() | 1U;
	}
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return bound == 0U ? 0U : state % bound;
}

static bool counts_met(const struct context *c)
{
	return (c->data.exec_cnt == 0U || c->execs >= c->data.exec_cnt) &&
	       (c->data.preempt_cnt == 0U || c->preempts >= c->data.preempt_cnt);
}

/* The test is complete once every context with a count met it (and one had a count). */
static void check_complete(void)
{
	bool any_count = false;

	for (size_t i = has_timer ? 0U : 1U; i <= thread_count; i++) {
		const struct context *c = &contexts[i];

		any_count = any_count || c->data.exec_cnt != 0U || c->data.preempt_cnt != 0U;
		if (!c->ended && !counts_met(c)) {
			return;
		}
	}
	if (any_count) {
		ztress_abort();
	}
}

/* One call of @c's handler: false when the context should stop. */
static bool call(struct context *c, bool last)
{
	atomic_val_t ticket = atomic_inc(&tickets);
	bool go_on = c->data.handler(c->data.user_data, c->execs, last, c->rank);

	c->execs++;
	if (atomic_get(&tickets) != ticket + 1) {
		c->preempts++;
	}
	return go_on && !last;
}

static uint32_t delay_ticks(const struct context *c)
{
	k_ticks_t t = c->data.t.ticks;

	return t > 0 ? rand_below((uint32_t)t + 1U) : 0U;
}

static void timer_expired(struct k_timer *t)
{
	ARG_UNUSED(t);
	struct context *c = &contexts[0];

	if (ending || !call(c, false)) {
		c->ended = true;
		return;
	}
	check_complete();
	k_timer_start(&timer, K_TICKS(delay_ticks(c) + 1U), K_NO_WAIT);
}

static void thread_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct context *c = p1;
	bool least_urgent = c == &contexts[thread_count];

	while (!ending) {
		if (!call(c, false)) {
			c->ended = true;
			check_complete();
			return;
		}
		check_complete();
		if (least_urgent) {
			k_busy_wait(rand_below(20U)); /* stay busy: the others preempt it */
		} else {
			k_sleep(K_TICKS(delay_ticks(c)));
		}
	}
	(void)call(c, true);
}

int ztress_execute(struct ztress_context_data *timer_data, struct ztress_context_data *thread_data,
		   size_t cnt)
{
	if (cnt == 0U || cnt > MAX_THREADS || thread_data == NULL ||
	    (timer_data != NULL && timer_data->handler == NULL)) {
		return -EINVAL;
	}
	for (size_t i = 0; i < cnt; i++) {
		if (thread_data[i].handler == NULL) {
			return -EINVAL;
		}
	}
	memset(contexts, 0, sizeof(contexts));
	has_timer = timer_data != NULL;
	thread_count = cnt;
	ending = false;
	atomic_set(&tickets, 0);
	k_sem_reset(&finished);

	/* Below the caller, so that it runs as soon as the test ends. */
	int prio = MAX(k_thread_priority_get(k_current_get()), K_PRIO_PREEMPT(0)) + 1;

	for (size_t i = 0; i < cnt; i++) {
		struct context *c = &contexts[1 + i];

		c->data = thread_data[i];
		c->rank = (int)i;
		k_thread_create(&threads[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]),
				thread_entry, c, NULL, NULL,
				MIN(prio + (int)i, K_LOWEST_APPLICATION_THREAD_PRIO), 0, K_NO_WAIT);
		k_thread_name_set(&threads[i], "ztress");
	}
	if (has_timer) {
		contexts[0].data = *timer_data;
		contexts[0].rank = -1;
		k_timer_init(&timer, timer_expired, NULL);
		k_timer_start(&timer, K_TICKS(delay_ticks(&contexts[0]) + 1U), K_NO_WAIT);
	}

	(void)k_sem_take(&finished, test_timeout);
	ending = true;
	if (has_timer) {
		k_timer_stop(&timer);
	}
	for (size_t i = 0; i < cnt; i++) {
		k_wakeup(&threads[i]); /* out of a backoff sleep */
		(void)k_thread_join(&threads[i], K_FOREVER);
	}
	ztress_report();
	return 0;
}

void ztress_abort(void)
{
	ending = true;
	k_sem_give(&finished);
}

void ztress_set_timeout(k_timeout_t t)
{
	test_timeout = t;
}

void ztress_report(void)
{
	for (size_t i = has_timer ? 0U : 1U; i <= thread_count; i++) {
		const struct context *c = &contexts[i];

		printk("ztress %s %d: %u executions, %u preemptions, delay up to %d ticks\n",
		       i == 0U ? "timer" : "thread", c->rank, (unsigned int)c->execs,
		       (unsigned int)c->preempts, (int)c->data.t.ticks);
	}
}

/* Context @id of the last test: the timer first if there was one, then the threads. */
static const struct context *context_of(uint32_t id)
{
	size_t slot = has_timer ? id : id + 1U;

	return slot <= thread_count ? &contexts[slot] : NULL;
}

int ztress_exec_count(uint32_t id)
{
	const struct context *c = context_of(id);

	return c == NULL ? -EINVAL : (int)c->execs;
}

int ztress_preempt_count(uint32_t id)
{
	const struct context *c = context_of(id);

	return c == NULL ? -EINVAL : (int)c->preempts;
}

uint32_t ztress_optimized_ticks(uint32_t id)
{
	const struct context *c = context_of(id);

	return c == NULL ? 0U : (uint32_t)MAX(c->data.t.ticks, (k_ticks_t)0);
}
