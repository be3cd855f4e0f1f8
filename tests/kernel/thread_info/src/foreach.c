/*
 * k_thread_foreach(_unlocked): every live thread exactly once (idle, main,
 * the test thread, a sleeping and a suspended helper, a created but not
 * started one), ended threads no more; a thread that ends during the
 * unlocked walk's callback does not break it.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

ZTEST_SUITE(thread_foreach, NULL, NULL, NULL, NULL, NULL);

#define HELPERS 3

static K_THREAD_STACK_ARRAY_DEFINE(stacks, HELPERS, 1024);
static struct k_thread helpers[HELPERS];

static void sleeper(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sleep(K_FOREVER);
}

struct seen {
	unsigned int total;
	unsigned int of[HELPERS];
	unsigned int current;
};

static void count(const struct k_thread *t, void *user_data)
{
	struct seen *s = user_data;

	s->total++;
	for (unsigned int i = 0; i < HELPERS; i++) {
		s->of[i] += t == &helpers[i] ? 1U : 0U;
	}
	s->current += t == k_current_get() ? 1U : 0U;
}

static void start_helpers(void)
{
	for (unsigned int i = 0; i < HELPERS; i++) {
		k_thread_create(&helpers[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]), sleeper,
				NULL, NULL, NULL, CONFIG_ZTEST_THREAD_PRIORITY - 1, 0,
				i == 2 ? K_FOREVER : K_NO_WAIT);
	}
	k_thread_suspend(&helpers[1]);
}

static void end_helpers(void)
{
	for (unsigned int i = 0; i < HELPERS; i++) {
		k_thread_abort(&helpers[i]);
	}
}

ZTEST(thread_foreach, test_every_live_thread_once) {
	struct seen before = { 0 };
	struct seen during = { 0 };
	struct seen after = { 0 };

	k_thread_foreach(count, &before);
	start_helpers();
	k_thread_foreach(count, &during);
	zassert_equal(during.total, before.total + HELPERS);
	for (unsigned int i = 0; i < HELPERS; i++) {
		zassert_equal(during.of[i], 1, "helper %u seen %u times", i, during.of[i]);
	}
	zassert_equal(during.current, 1);
	/* main, idle and the test thread at least. */
	zassert_true(before.total >= 3, "%u threads", before.total);

	end_helpers();
	k_thread_foreach(count, &after);
	zassert_equal(after.total, before.total, "ended threads are gone");
	zassert_equal(after.of[0] + after.of[1] + after.of[2], 0);

	struct seen unlocked = { 0 };

	start_helpers();
	k_thread_foreach_unlocked(count, &unlocked);
	zassert_equal(unlocked.total, during.total);
	end_helpers();
}

static void end_helper_0(const struct k_thread *t, void *user_data)
{
	unsigned int *calls = user_data;

	(*calls)++;
	if (t == &helpers[0]) {
		k_thread_abort(&helpers[0]);
	}
}

ZTEST(thread_foreach, test_unlocked_walk_survives_an_end) {
	unsigned int calls = 0;

	start_helpers();
	k_thread_foreach_unlocked(end_helper_0, &calls);
	zassert_true(calls >= 1);
	zassert_equal(k_thread_join(&helpers[0], K_NO_WAIT), 0, "ended during the walk");
	end_helpers();
}
