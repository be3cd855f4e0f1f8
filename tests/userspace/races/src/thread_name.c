/*
 * Kernel stack bytes in a thread name.
 *
 * Window: k_thread_name_copy() measures the thread's name, then copies that
 * many bytes into a buffer on the caller's kernel stack; the verifier then
 * measured the copy with strlen() and copied that to user memory. The
 * intruder renames the thread in between: the copy holds the first bytes of
 * the new, longer name and no terminator, and strlen() ran on into whatever
 * the kernel stack held after it. What the victim reads must consist of name
 * bytes only: those of "a" and of the long name of this attempt (a copy torn
 * by the rename may mix them), whose letter changes from attempt to attempt
 * so that stale stack bytes cannot pass for it. Before the race the victim
 * reads a decoy's name, all '#', which leaves such bytes on its kernel stack.
 */
#include <string.h>
#include "race.h"

#define BUF_LEN 64

K_THREAD_STACK_DEFINE(named_stack, 512);
static struct k_thread named;
K_THREAD_STACK_DEFINE(decoy_stack, 512);
static struct k_thread decoy;

RACE_DATA static char long_name[CONFIG_THREAD_MAX_NAME_LEN];
RACE_DATA static char read_back[BUF_LEN];
RACE_DATA static volatile int copy_ret;

static void read_decoy(void)
{
	k_thread_name_copy(&decoy, read_back, sizeof(read_back));
}

static void victim(void)
{
	copy_ret = k_thread_name_copy(&named, read_back, sizeof(read_back));
}

static void intruder(void)
{
	k_thread_name_set(&named, long_name);
}

static void prepare(unsigned int attempt, k_tid_t v, k_tid_t i)
{
	memset(long_name, 'A' + (int)(attempt % 26U), sizeof(long_name) - 1U);
	long_name[sizeof(long_name) - 1U] = '\0';
	memset(read_back, 0, sizeof(read_back));
	copy_ret = 1;
	RACE_UNSTARTED(&named, named_stack, K_LOWEST_APPLICATION_THREAD_PRIO);
	k_thread_name_set(&named, "a");
	k_thread_access_grant(v, &named, &decoy);
	k_thread_access_grant(i, &named);
}

static bool judge(unsigned int attempt)
{
	ARG_UNUSED(attempt);
	size_t len = strnlen(read_back, sizeof(read_back));
	bool ok = copy_ret == 0 && len < sizeof(long_name);

	/* A copy torn by the rename may mix the two names, nothing else. */
	for (size_t i = 0; i < len; i++) {
		ok = ok && (read_back[i] == 'a' || read_back[i] == long_name[0]);
	}
	k_thread_abort(&named);
	return ok;
}

static const struct race name_read_race = {
	.name = "thread name read",
	.attempts = 600,
	.lead_cycles = 6,
	.step = 1,
	.prepare = prepare,
	.victim_warm_up = read_decoy,
	.victim = victim,
	.intruder = intruder,
	.judge = judge,
};

static void *setup(void)
{
	RACE_UNSTARTED(&decoy, decoy_stack, K_LOWEST_APPLICATION_THREAD_PRIO);
	k_thread_name_set(&decoy, "###############");
	return NULL;
}

ZTEST_SUITE(race_thread_name, NULL, setup, NULL, NULL, NULL);

ZTEST(race_thread_name, test_name_read_holds_name_bytes_only) {
	race_check(&name_read_race, 10);
}
