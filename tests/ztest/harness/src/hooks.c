/*
 * Suite hooks and fixtures: setup runs once and its return value is the
 * fixture every hook and ZTEST_F body receives; before and after wrap each
 * test, before in the test's own thread; teardown runs once at the end; tests
 * run in the order of their names, not of their definitions. Each call is
 * logged as one character and the log is checked by later tests.
 */
#include <zephyr/ztest.h>

struct hooks_fixture {
	unsigned int magic;
};

static struct hooks_fixture the_fixture;
static char log_buf[32];
static size_t log_len;
static k_tid_t before_thread;

static void log_event(char c)
{
	if (log_len < sizeof(log_buf) - 1U) {
		log_buf[log_len++] = c;
	}
}

/* A hook that got another pointer than the fixture logs 'X'. */
static void log_hook(char c, void *fixture)
{
	log_event(fixture == &the_fixture ? c : 'X');
}

static void *hooks_setup(void)
{
	the_fixture.magic = 0xb4ee2e;
	log_event('S');
	return &the_fixture;
}

static void hooks_before(void *fixture)
{
	before_thread = k_current_get();
	log_hook('b', fixture);
}

static void hooks_after(void *fixture)
{
	log_hook('a', fixture);
}

static void hooks_teardown(void *fixture)
{
	log_hook('T', fixture);
}

ZTEST_SUITE(hooks, NULL, hooks_setup, hooks_before, hooks_after, hooks_teardown);

/* Defined before test_1 on purpose: it must still run second. */
ZTEST_F(hooks, test_2_second) {
	zassert_equal_ptr(fixture, &the_fixture);
	log_event('2');
}

ZTEST_F(hooks, test_1_first) {
	zassert_equal(fixture->magic, 0xb4ee2e, "fixture holds %x", fixture->magic);
	log_event('1');
}

ZTEST(hooks, test_3_order_so_far) {
	log_buf[log_len] = '\0';
	zassert_str_equal(log_buf, "Sb1ab2ab", "log is \"%s\"", log_buf);
	zassert_equal_ptr(before_thread, k_current_get(), "before ran in another thread");
}

ZTEST(hooks, test_4_thread) {
	zassert_equal(k_thread_priority_get(k_current_get()), CONFIG_ZTEST_THREAD_PRIORITY);
	zassert_str_equal(k_thread_name_get(k_current_get()), "test_4_thread",
			  "the test thread is named after the test");
}

ZTEST_SUITE(hooks_teardown_check, NULL, NULL, NULL, NULL, NULL);

ZTEST(hooks_teardown_check, test_teardown_ran_once_last) {
	log_buf[log_len] = '\0';
	zassert_str_equal(log_buf, "Sb1ab2ababaT", "log is \"%s\"", log_buf);
}
