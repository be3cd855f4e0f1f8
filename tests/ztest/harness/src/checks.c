/*
 * Every check in its passing form, with and without a message, in the three
 * strengths; and each operand evaluated exactly once.
 */
#include <zephyr/ztest.h>

ZTEST_SUITE(checks, NULL, NULL, NULL, NULL, NULL);

static int value = 7;
static const char text[] = "breeze";

ZTEST(checks, test_assert_forms) {
	unsigned int u = 5;
	uint8_t bytes[3] = { 1, 2, 3 };
	static const uint8_t same[3] = { 1, 2, 3 };

	zassert_true(value == 7);
	zassert_true(value == 7, "value %d", value);
	zassert_false(value == 8);
	zassert_false(value == 8, "value %d", value);
	zassert_ok(0);
	zassert_ok(value - 7, "%s", "with a message");
	zassert_not_ok(-EINVAL);
	zassert_not_ok(value, "value %d", value);
	zassert_is_null(NULL);
	zassert_is_null((void *)0, "null");
	zassert_not_null(text);
	zassert_not_null(&value, "pointer");
	zassert_equal(value, 7);
	zassert_equal(value, 7, "value %d", value);
	zassert_not_equal(value, 8);
	zassert_not_equal(value, 8, "value %d", value);
	zassert_equal_ptr(&text[0], text);
	zassert_equal_ptr(&value, &value, "same pointer");
	zassert_within(value, 9, 2);
	zassert_within(9, value, 2, "either side");
	zassert_within(u, 4U, 1U);
	zassert_between_inclusive(u, 0, 5);
	zassert_between_inclusive(value, 7, 10, "lower bound included");
	zassert_mem_equal(bytes, same, sizeof(same));
	zassert_mem_equal(bytes, same, 2, "first %d bytes", 2);
	zassert_str_equal(text, "breeze");
	zassert_str_equal(text, "breeze", "text %s", text);
	if (value != 7) {
		zassert_unreachable();
		zassert_unreachable("value %d", value);
	}
}

ZTEST(checks, test_assume_forms) {
	unsigned int u = 5;

	zassume_true(value == 7);
	zassume_true(value == 7, "value %d", value);
	zassume_false(value == 8);
	zassume_ok(0, "zero");
	zassume_not_ok(-EINVAL);
	zassume_is_null(NULL);
	zassume_not_null(text, "text");
	zassume_equal(value, 7);
	zassume_not_equal(value, 8, "value %d", value);
	zassume_equal_ptr(text, &text[0]);
	zassume_within(value, 6, 1);
	zassume_between_inclusive(u, 0U, 5U);
	zassume_mem_equal(text, "bree", 4);
	zassume_str_equal(text, "breeze", "text %s", text);
	if (value != 7) {
		zassume_unreachable();
	}
}

ZTEST(checks, test_expect_forms) {
	unsigned int u = 5;

	zexpect_true(value == 7);
	zexpect_true(value == 7, "value %d", value);
	zexpect_false(value == 8);
	zexpect_ok(0, "zero");
	zexpect_not_ok(-EINVAL);
	zexpect_is_null(NULL);
	zexpect_not_null(text, "text");
	zexpect_equal(value, 7);
	zexpect_not_equal(value, 8, "value %d", value);
	zexpect_equal_ptr(text, &text[0]);
	zexpect_within(value, 8, 1);
	zexpect_between_inclusive(u, 5, 9);
	zexpect_mem_equal(text, "breeze", sizeof(text));
	zexpect_str_equal(text, "breeze", "text %s", text);
	if (value != 7) {
		zexpect_unreachable("value %d", value);
	}
}

static int calls;

static int count_call(int ret)
{
	calls++;
	return ret;
}

ZTEST(checks, test_operands_evaluated_once) {
	calls = 0;
	zassert_true(count_call(1));
	zassert_ok(count_call(0), "message operands %d", 1);
	zassert_equal(count_call(3), 3);
	zassert_within(count_call(10), count_call(11), 1);
	zassert_between_inclusive(count_call(4), 4, 4);
	zexpect_equal(count_call(2), 2);
	zassume_not_ok(count_call(-1));
	zassert_equal(calls, 8, "operands evaluated %d times, expected 8", calls);
}
