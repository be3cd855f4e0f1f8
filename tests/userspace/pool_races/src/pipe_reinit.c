/*
 * A user write into a pipe that a supervisor sets up again, over a smaller
 * ring, meanwhile.
 *
 * Window: the write copies the user's bytes in 64-byte pieces and moves each
 * into the ring under the scheduler lock. Whatever the pipe looks like when
 * a piece arrives, the kernel must store it within the ring the pipe has
 * then: the guard bytes right after the small ring stay untouched.
 */
#include <string.h>
#include "race.h"

#define BIG   128
#define SMALL 8
#define GUARD 0xc3

static struct k_pipe pipe;
static uint8_t big_ring[BIG];
static struct {
	uint8_t ring[SMALL];
	uint8_t guard[32];
} small;

RACE_DATA static uint8_t data[100];

static void victim(void)
{
	(void)k_pipe_write(&pipe, data, sizeof(data), K_NO_WAIT);
}

/* Supervisor. */
static void intruder(void)
{
	k_pipe_init(&pipe, small.ring, SMALL);
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	ARG_UNUSED(attempt);
	ARG_UNUSED(i);
	memset(data, 0x11, sizeof(data));
	memset(small.guard, GUARD, sizeof(small.guard));
	k_pipe_init(&pipe, big_ring, BIG);
	k_thread_access_grant(v, &pipe);
}

static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	for (unsigned int k = 0; k < sizeof(small.guard); k++) {
		if (small.guard[k] != GUARD) {
			return false;
		}
	}
	return pipe.used <= pipe.size && (pipe.size == 0U || pipe.read < pipe.size);
}

static const struct race pipe_race = {
	.name = "pipe re-init",
	.attempts = 300,
	.lead_cycles = 5,
	.step = 3,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
	.supervisor_intruder = true,
};

ZTEST_SUITE(race_pipe_reinit, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_pipe_reinit, test_write_stays_within_the_ring) {
	race_check(&pipe_race, 10);
}
