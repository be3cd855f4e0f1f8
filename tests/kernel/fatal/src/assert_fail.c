/*
 * A failing __ASSERT: it prints the condition, file:line and message, then
 * raises a kernel panic (exit status 20).
 */
#include <breeze/kernel.h>
#include "scenario.h"

/* volatile: the compiler must not decide the assertion at build time. */
static volatile int answer = 41;

void run_scenario(void)
{
	int value = answer;

	__ASSERT(value == 42, "answer is %d", value);
}
