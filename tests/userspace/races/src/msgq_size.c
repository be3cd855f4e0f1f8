/*
 * A message bigger than the kernel copied in.
 *
 * Window: z_vrfy_k_msgq_put() reads the queue's message size, copies that
 * many bytes of the user's message onto the kernel stack, and the put then
 * took the queue's message size again, under the lock. A supervisor that
 * re-initialises the queue in between with bigger messages made the put
 * store the user's bytes followed by whatever the kernel stack held: kernel
 * data in a message any reader gets. The kernel must never copy more than it
 * took in: the put either stores the whole message the user wrote, or, when
 * the size changed under it, is refused (an oops, as its check no longer
 * holds).
 */
#include <string.h>
#include "race.h"

#define SMALL 8
#define BIG   CONFIG_MSGQ_MAX_USER_MSG_SIZE
#define FILL  0x11

static struct k_msgq queue;
static char small_ring[4 * SMALL];
static char big_ring[4 * BIG];

RACE_DATA static char message[BIG];

static void victim(void)
{
	k_msgq_put(&queue, message, K_NO_WAIT);
}

/* Supervisor: the queue is re-initialised, with bigger messages. */
static void intruder(void)
{
	k_msgq_init(&queue, big_ring, BIG, 4);
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	ARG_UNUSED(attempt);
	ARG_UNUSED(i);
	memset(message, FILL, sizeof(message));
	k_msgq_init(&queue, small_ring, SMALL, 4);
	k_thread_access_grant(v, &queue);
}

static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	char got[BIG];

	if (queue.msg_size != BIG || k_msgq_get(&queue, got, K_NO_WAIT) != 0) {
		return true; /* no big message stored */
	}
	for (unsigned int i = 0; i < BIG; i++) {
		if (got[i] != FILL) {
			return false;
		}
	}
	return true;
}

static const struct race msgq_race = {
	.name = "msgq size",
	.attempts = 400,
	.lead_cycles = 5,
	.step = 1,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
	.supervisor_intruder = true,
};

ZTEST_SUITE(race_msgq_size, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_msgq_size, test_put_stores_only_what_was_copied) {
	race_check(&msgq_race, 10);
}
