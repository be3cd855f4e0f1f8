/*
 * ztress: stress a piece of code from several contexts at once, as Zephyr's
 * <zephyr/ztress.h> (CONFIG_ZTRESS). ZTRESS_EXECUTE() takes up to
 * CONFIG_ZTRESS_MAX_THREADS thread contexts, optionally led by one timer
 * context; each calls its handler over and over until every context met its
 * counts (executions, preemptions; 0 counts for nothing), the timeout of
 * ztress_set_timeout() passes, ztress_abort() is called or a handler returns
 * false (that context stops).
 *
 * The first thread context is the most urgent; all are preemptible and less
 * urgent than the caller, which waits for the end. Between two calls a
 * context sleeps a random number of ticks up to its timeout, except the least
 * urgent one, which only busy-waits a little: it is the one the others
 * preempt. A timer context runs its handler in the timer's interrupt, again
 * after a random delay up to its timeout. Unlike Zephyr's, the delays are not
 * tuned to a CPU load (ztress_optimized_ticks() returns the given timeout).
 * Supervisor mode only.
 */
#ifndef BREEZE_ZTRESS_H
#define BREEZE_ZTRESS_H

#include <breeze/kernel.h>
#include <breeze/ztest.h>

/*
 * A handler: @cnt counts its calls from 0, @last is true on the call made when
 * the test ends, @prio is the context's rank (0 the most urgent thread
 * context). Returns false to stop its context.
 */
typedef bool (*ztress_handler)(void *user_data, uint32_t cnt, bool last, int prio);

struct ztress_context_data {
	ztress_handler handler;
	void *user_data;
	uint32_t exec_cnt;    /* executions to complete (0: not a criterion) */
	uint32_t preempt_cnt; /* preemptions to complete (threads; 0: not a criterion) */
	k_timeout_t t;        /* the delay between calls is random, up to this */
};

#define ZTRESS_CONTEXT_INITIALIZER(_handler, _user_data, _exec_cnt, _preempt_cnt, _t)      \
	{                                                                                  \
		.handler = (_handler), .user_data = (_user_data), .exec_cnt = (_exec_cnt), \
		.preempt_cnt = (_preempt_cnt), .t = (_t)                                   \
	}

/* Context descriptors for ZTRESS_EXECUTE(): a kind, then the initializer's arguments. */
#define Z_ZTRESS_KIND_THREAD 0
#define Z_ZTRESS_KIND_TIMER  1
#define ZTRESS_TIMER(handler, user_data, exec_cnt, init_timeout) \
	(Z_ZTRESS_KIND_TIMER, handler, user_data, exec_cnt, 0, init_timeout)
#define ZTRESS_THREAD(handler, user_data, exec_cnt, preempt_cnt, init_timeout) \
	(Z_ZTRESS_KIND_THREAD, handler, user_data, exec_cnt, preempt_cnt, init_timeout)

#define Z_ZTRESS_KIND(kind, ...)           kind
#define Z_ZTRESS_DROP_KIND(kind, ...)      ZTRESS_CONTEXT_INITIALIZER(__VA_ARGS__)
#define Z_ZTRESS_INIT(desc)                Z_ZTRESS_DROP_KIND desc
#define Z_ZTRESS_FIRST_IS_TIMER(desc, ...) ((Z_ZTRESS_KIND desc) == Z_ZTRESS_KIND_TIMER)
#define Z_ZTRESS_IS_TIMER(desc)            ((Z_ZTRESS_KIND desc) == Z_ZTRESS_KIND_TIMER)

/*
 * Run the contexts described by ZTRESS_TIMER() (at most one, first) and
 * ZTRESS_THREAD() (most urgent first); a configuration error fails the test.
 */
#define ZTRESS_EXECUTE(...)                                                                      \
	do {                                                                                     \
		/* Every timer descriptor is the first one: so at most one. */                   \
		BUILD_ASSERT((FOR_EACH(Z_ZTRESS_IS_TIMER, (+), __VA_ARGS__)) ==                  \
				 Z_ZTRESS_FIRST_IS_TIMER(__VA_ARGS__),                           \
			     "a ZTRESS_TIMER context may only come first");                      \
		struct ztress_context_data z_ztress_ctx[] = { FOR_EACH(Z_ZTRESS_INIT, (, ),      \
								       __VA_ARGS__) };           \
		const size_t z_ztress_timer = Z_ZTRESS_FIRST_IS_TIMER(__VA_ARGS__);              \
		int z_ztress_err = ztress_execute(z_ztress_timer ? &z_ztress_ctx[0] : NULL,      \
						  &z_ztress_ctx[z_ztress_timer ? 1 : 0],         \
						  ARRAY_SIZE(z_ztress_ctx) - z_ztress_timer);    \
		zassert_equal(z_ztress_err, 0, "ztress_execute failed (err: %d)", z_ztress_err); \
	} while (0)

/*
 * Run a timer context (@timer_data, or NULL) and @cnt thread contexts: 0, or
 * -EINVAL for no thread context, more than CONFIG_ZTRESS_MAX_THREADS, or a
 * handler missing. Prints a report at the end.
 */
int ztress_execute(struct ztress_context_data *timer_data, struct ztress_context_data *thread_data,
		   size_t cnt);

/* End the running test (from any context). */
void ztress_abort(void);

/* The longest a test runs from now on (K_FOREVER at first: until its counts are met). */
void ztress_set_timeout(k_timeout_t t);

/* Print the last test's counts per context. */
void ztress_report(void);

/*
 * The last test's executions and preemptions of context @id (0 the timer
 * context if there was one, then the threads, most urgent first), and the
 * delay it used, in ticks.
 */
int ztress_exec_count(uint32_t id);
int ztress_preempt_count(uint32_t id);
uint32_t ztress_optimized_ticks(uint32_t id);

#endif /* BREEZE_ZTRESS_H */
