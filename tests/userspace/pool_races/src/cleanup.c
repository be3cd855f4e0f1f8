/*
 * A user put into a queue whose ring a supervisor gives back with
 * k_msgq_cleanup() meanwhile.
 *
 * Window: the put's verifier has copied the message in and checked the
 * queue; the cleanup detaches the ring under the scheduler lock and frees it.
 * A put that comes after must find no room (-ENOMSG) and write nothing into
 * the freed ring; one that came before stored its message there, which the
 * cleanup then freed with the ring.
 */
#include <string.h>
#include "race.h"

#define MSG  8
#define FILL 0x5a

K_HEAP_DEFINE(cleanup_pool, 256);

static struct k_msgq queue;
static char *ring;

RACE_DATA static char message[MSG];
RACE_DATA static volatile int victim_ret;

static void victim(void)
{
	victim_ret = k_msgq_put(&queue, message, K_NO_WAIT);
}

/* Supervisor. */
static void intruder(void)
{
	(void)k_msgq_cleanup(&queue);
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	ARG_UNUSED(attempt);
	ARG_UNUSED(i);
	memset(message, FILL, sizeof(message));
	victim_ret = 0x7eadbeef;
	k_thread_heap_assign(k_current_get(), &cleanup_pool);
	zassert_equal(k_msgq_alloc_init(&queue, MSG, 4), 0);
	k_thread_heap_assign(k_current_get(), NULL);
	ring = queue.buffer_start;
	memset(ring, 0, 4 * MSG);
	k_thread_access_grant(v, &queue);
}

static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	bool ok = true;

	if (victim_ret == -ENOMSG) {
		/* Refused: nothing may have reached the freed ring. */
		for (unsigned int k = 0; k < 4 * MSG; k++) {
			ok = ok && ring[k] == 0;
		}
	} else {
		ok = victim_ret == 0;
	}
	(void)k_msgq_cleanup(&queue);

	struct sys_memory_stats st;

	sys_heap_runtime_stats_get(&cleanup_pool.heap, &st);
	return ok && st.allocated_bytes == 0U && sys_heap_validate(&cleanup_pool.heap);
}

static const struct race cleanup_race = {
	.name = "msgq cleanup",
	.attempts = 300,
	.lead_cycles = 5,
	.step = 2,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
	.supervisor_intruder = true,
};

ZTEST_SUITE(race_msgq_cleanup, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_msgq_cleanup, test_put_never_writes_a_freed_ring) {
	race_check(&cleanup_race, 10);
}
