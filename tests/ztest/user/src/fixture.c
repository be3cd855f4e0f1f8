/*
 * ZTEST_USER_F: the fixture setup() returns (ZTEST_DMEM memory, as it must be
 * for user bodies) reaches user bodies as `fixture`; before() updates it in
 * supervisor mode before each body; user and supervisor bodies of the suite
 * see each other's changes.
 */
#include <zephyr/ztest.h>

#define FIXTURE_MAGIC 0xf1c57e5U

struct user_fixture_fixture {
	uint32_t magic;
	unsigned int befores;
	unsigned int user_writes;
	bool before_was_supervisor;
};

static ZTEST_DMEM struct user_fixture_fixture the_fixture = { .magic = 1 };

static void *fixture_setup(void)
{
	the_fixture.magic = FIXTURE_MAGIC;
	return &the_fixture;
}

static void fixture_before(void *f)
{
	struct user_fixture_fixture *fixture = f;

	fixture->befores++;
	fixture->before_was_supervisor = !k_is_user_context();
}

ZTEST_SUITE(user_fixture, NULL, fixture_setup, fixture_before, NULL, NULL);

ZTEST_USER_F(user_fixture, test_1_user_reads_and_writes) {
	zassert_true(k_is_user_context());
	zassert_equal_ptr(fixture, &the_fixture);
	zassert_equal(fixture->magic, FIXTURE_MAGIC, "magic is %x", (unsigned int)fixture->magic);
	zassert_equal(fixture->befores, 1U);
	zassert_true(fixture->before_was_supervisor, "before() ran in user mode");
	fixture->user_writes++;
}

ZTEST_F(user_fixture, test_2_supervisor_sees_it) {
	zassert_false(k_is_user_context());
	zassert_equal(fixture->befores, 2U);
	zassert_equal(fixture->user_writes, 1U);
	fixture->user_writes += 10U;
}

ZTEST_USER_F(user_fixture, test_3_user_again) {
	zassert_true(k_is_user_context());
	zassert_equal(fixture->befores, 3U);
	zassert_equal(fixture->user_writes, 11U);
}
