/* The step record of steps.h. */
#include "steps.h"

RESULT volatile int steps[STEPS_MAX];
RESULT volatile unsigned int steps_n;

void note(int what)
{
	if (steps_n < STEPS_MAX) {
		steps[steps_n] = what;
	}
	steps_n++;
}

void steps_reset(void)
{
	steps_n = 0;
	for (unsigned int i = 0; i < STEPS_MAX; i++) {
		steps[i] = 0;
	}
}

void steps_check_sequence(unsigned int n)
{
	zassert_equal(steps_n, n, "%u steps noted, %u expected", steps_n, n);
	for (unsigned int i = 0; i < n; i++) {
		zassert_equal(steps[i], (int)i + 1, "step %u was %d", i, steps[i]);
	}
}
