/*
 * An unterminated kernel string.
 *
 * Window: k_usermode_string_copy() measured the user string with strnlen(),
 * then copied length + 1 bytes, trusting the last to be the NUL it had seen.
 * The intruder, in the same domain, overwrites that NUL in between: the
 * kernel's copy ends in 'X' and whatever its buffer held before, and
 * k_thread_name_set() takes it all as the name. The name must be one of the
 * strings the user buffer held: "abc", or none when the longer form was seen
 * (a name too long is refused from user mode, as in Zephyr). The
 * longer form's filler letter changes with each attempt, so that what an
 * earlier attempt left in the kernel's buffer cannot pass for it.
 */
#include <string.h>
#include "race.h"

#define NAME_BUF_LEN 32

RACE_DATA static char name_buf[NAME_BUF_LEN];

static k_tid_t victim_tid;

static void victim(void)
{
	k_thread_name_set(NULL, name_buf);
}

static void intruder(void)
{
	name_buf[3] = 'X';
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	ARG_UNUSED(attempt);
	ARG_UNUSED(i);
	victim_tid = v;
	memset(name_buf, 'A' + (int)(attempt % 26U), sizeof(name_buf) - 1U);
	memcpy(name_buf, "abc", 4);
	name_buf[sizeof(name_buf) - 1U] = '\0';
}

static bool judge(unsigned int attempt)
{
	const char *name = k_thread_name_get(victim_tid);

	ARG_UNUSED(attempt);
	return strcmp(name, "abc") == 0 || name[0] == '\0';
}

static const struct race name_race = {
	.name = "name copy",
	.attempts = 1000,
	.lead_cycles = 10,
	.step = 1,
	.prepare = prepare,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
};

ZTEST_SUITE(race_name_copy, NULL, NULL, NULL, NULL, NULL);

ZTEST(race_name_copy, test_name_is_a_string_the_user_wrote) {
	race_check(&name_race, 10);
}
