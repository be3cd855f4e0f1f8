/*
 * A function overruns its local array: the stack-protector check before its
 * return finds the guard word changed (K_ERR_STACK_CHK_FAIL, exit status 18).
 */
#include <breeze/kernel.h>
#include "scenario.h"

#define BUF_LEN 16

/* volatile: the compiler can neither see nor drop the out-of-bounds writes. */
static volatile size_t write_len = BUF_LEN + 16;

static __attribute__((noinline)) void overrun_local_buffer(void)
{
	char buf[BUF_LEN];
	volatile char *p = buf;

	for (size_t i = 0; i < write_len; i++) {
		p[i] = (char)0xa5;
	}
}

void run_scenario(void)
{
	overrun_local_buffer();
}
