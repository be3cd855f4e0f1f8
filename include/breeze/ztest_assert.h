/*
 * ztest checks, in three strengths with the same arguments:
 *   zassert_*  failure fails the test and ends it: the test's thread and the
 *              calling thread (a helper the test created, say) are aborted;
 *   zassume_*  failure skips the test and ends it the same way;
 *   zexpect_*  failure fails the test, and the caller carries on.
 * Every check takes an optional printf-style message after its operands:
 * zassert_true(ok) and zassert_true(ok, "ret %d", ret) are both fine.
 * A failure prints file:line, the function, what was checked and the message.
 */
#ifndef BREEZE_ZTEST_ASSERT_H
#define BREEZE_ZTEST_ASSERT_H

#include <stdbool.h>
#include <string.h>
#include <breeze/toolchain.h>

enum z_ztest_check_kind {
	Z_ZTEST_ASSERT,
	Z_ZTEST_ASSUME,
	Z_ZTEST_EXPECT,
};

/* Report a failed check (first line), its message, then act on it. */
void z_ztest_check_failed(enum z_ztest_check_kind kind, const char *file, int line,
			  const char *func, const char *what);
void z_ztest_check_message(const char *fmt, ...) __printf_like(1, 2);
void z_ztest_check_done(enum z_ztest_check_kind kind);

#define Z_ZTEST_CHECK(kind, cond, what, ...)                                            \
	do {                                                                            \
		if (!(cond)) {                                                          \
			z_ztest_check_failed(kind, __FILE__, __LINE__, __func__, what); \
			__VA_OPT__(z_ztest_check_message(__VA_ARGS__);)                 \
			z_ztest_check_done(kind);                                       \
		}                                                                       \
	} while (0)

/* |a - b| <= d, each operand evaluated once, without unsigned wrap-around. */
#define Z_ZTEST_WITHIN(a, b, d)                                   \
	({                                                        \
		__typeof__((a) - (b)) z_a_ = (a), z_b_ = (b);     \
		(z_a_ > z_b_ ? z_a_ - z_b_ : z_b_ - z_a_) <= (d); \
	})

/*
 * lo <= v <= hi, v evaluated once. A bound of 0 with an unsigned v is a
 * natural thing to write, so the "always true" warning is silenced here.
 */
#define Z_ZTEST_BETWEEN(v, lo, hi)                                                                \
	({                                                                                        \
		_Pragma("GCC diagnostic push")                                                    \
		    _Pragma("GCC diagnostic ignored \"-Wtype-limits\"") __typeof__(v) z_v_ = (v); \
		bool z_in_ = z_v_ >= (lo) && z_v_ <= (hi);                                        \
		_Pragma("GCC diagnostic pop") z_in_;                                              \
	})

/*
 * The checks, written once for the three kinds. The operands come twice: as
 * expressions and as the text the caller wrote, stringized by the user-facing
 * macro itself so that macros in the operands (K_FOREVER, -EINVAL) print as
 * written rather than expanded.
 */
#define Z_ZTEST_TRUE(k, c, sc, ...)     Z_ZTEST_CHECK(k, c, sc " is false", __VA_ARGS__)
#define Z_ZTEST_FALSE(k, c, sc, ...)    Z_ZTEST_CHECK(k, !(c), sc " is true", __VA_ARGS__)
#define Z_ZTEST_OK(k, c, sc, ...)       Z_ZTEST_CHECK(k, !(c), sc " is non-zero", __VA_ARGS__)
#define Z_ZTEST_NOT_OK(k, c, sc, ...)   Z_ZTEST_CHECK(k, (c), sc " is zero", __VA_ARGS__)
#define Z_ZTEST_IS_NULL(k, p, sp, ...)  Z_ZTEST_CHECK(k, (p) == NULL, sp " is not NULL", __VA_ARGS__)
#define Z_ZTEST_NOT_NULL(k, p, sp, ...) Z_ZTEST_CHECK(k, (p) != NULL, sp " is NULL", __VA_ARGS__)
#define Z_ZTEST_EQUAL(k, a, b, sa, sb, ...) \
	Z_ZTEST_CHECK(k, (a) == (b), sa " not equal to " sb, __VA_ARGS__)
#define Z_ZTEST_NOT_EQUAL(k, a, b, sa, sb, ...) \
	Z_ZTEST_CHECK(k, (a) != (b), sa " equal to " sb, __VA_ARGS__)
#define Z_ZTEST_EQUAL_PTR(k, a, b, sa, sb, ...)                                          \
	Z_ZTEST_CHECK(k, (const void *)(a) == (const void *)(b), sa " not equal to " sb, \
		      __VA_ARGS__)
#define Z_ZTEST_WITHIN_(k, a, b, d, sa, sb, sd, ...) \
	Z_ZTEST_CHECK(k, Z_ZTEST_WITHIN(a, b, d), sa " not within " sb " +/- " sd, __VA_ARGS__)
#define Z_ZTEST_BETWEEN_(k, v, lo, hi, sv, slo, shi, ...)                                \
	Z_ZTEST_CHECK(k, Z_ZTEST_BETWEEN(v, lo, hi), sv " not between " slo " and " shi, \
		      __VA_ARGS__)
#define Z_ZTEST_MEM_EQUAL(k, buf, exp, size, sbuf, sexp, ssize, ...) \
	Z_ZTEST_CHECK(k, memcmp(buf, exp, size) == 0,                \
		      "contents of " sbuf " differ from " sexp " (" ssize " bytes)", __VA_ARGS__)
#define Z_ZTEST_STR_EQUAL(k, s1, s2, ss1, ss2, ...) \
	Z_ZTEST_CHECK(k, strcmp(s1, s2) == 0, "string " ss1 " not equal to " ss2, __VA_ARGS__)
#define Z_ZTEST_UNREACHABLE(k, ...) Z_ZTEST_CHECK(k, false, "reached unreachable code", __VA_ARGS__)

#define zassert_true(cond, ...)      Z_ZTEST_TRUE(Z_ZTEST_ASSERT, cond, #cond, __VA_ARGS__)
#define zassert_false(cond, ...)     Z_ZTEST_FALSE(Z_ZTEST_ASSERT, cond, #cond, __VA_ARGS__)
#define zassert_ok(cond, ...)        Z_ZTEST_OK(Z_ZTEST_ASSERT, cond, #cond, __VA_ARGS__)
#define zassert_not_ok(cond, ...)    Z_ZTEST_NOT_OK(Z_ZTEST_ASSERT, cond, #cond, __VA_ARGS__)
#define zassert_is_null(ptr, ...)    Z_ZTEST_IS_NULL(Z_ZTEST_ASSERT, ptr, #ptr, __VA_ARGS__)
#define zassert_not_null(ptr, ...)   Z_ZTEST_NOT_NULL(Z_ZTEST_ASSERT, ptr, #ptr, __VA_ARGS__)
#define zassert_equal(a, b, ...)     Z_ZTEST_EQUAL(Z_ZTEST_ASSERT, a, b, #a, #b, __VA_ARGS__)
#define zassert_not_equal(a, b, ...) Z_ZTEST_NOT_EQUAL(Z_ZTEST_ASSERT, a, b, #a, #b, __VA_ARGS__)
#define zassert_equal_ptr(a, b, ...) Z_ZTEST_EQUAL_PTR(Z_ZTEST_ASSERT, a, b, #a, #b, __VA_ARGS__)
#define zassert_within(a, b, d, ...) \
	Z_ZTEST_WITHIN_(Z_ZTEST_ASSERT, a, b, d, #a, #b, #d, __VA_ARGS__)
#define zassert_between_inclusive(v, lo, hi, ...) \
	Z_ZTEST_BETWEEN_(Z_ZTEST_ASSERT, v, lo, hi, #v, #lo, #hi, __VA_ARGS__)
#define zassert_mem_equal(buf, exp, size, ...) \
	Z_ZTEST_MEM_EQUAL(Z_ZTEST_ASSERT, buf, exp, size, #buf, #exp, #size, __VA_ARGS__)
#define zassert_str_equal(s1, s2, ...) \
	Z_ZTEST_STR_EQUAL(Z_ZTEST_ASSERT, s1, s2, #s1, #s2, __VA_ARGS__)
#define zassert_unreachable(...) Z_ZTEST_UNREACHABLE(Z_ZTEST_ASSERT, __VA_ARGS__)

#define zassume_true(cond, ...)      Z_ZTEST_TRUE(Z_ZTEST_ASSUME, cond, #cond, __VA_ARGS__)
#define zassume_false(cond, ...)     Z_ZTEST_FALSE(Z_ZTEST_ASSUME, cond, #cond, __VA_ARGS__)
#define zassume_ok(cond, ...)        Z_ZTEST_OK(Z_ZTEST_ASSUME, cond, #cond, __VA_ARGS__)
#define zassume_not_ok(cond, ...)    Z_ZTEST_NOT_OK(Z_ZTEST_ASSUME, cond, #cond, __VA_ARGS__)
#define zassume_is_null(ptr, ...)    Z_ZTEST_IS_NULL(Z_ZTEST_ASSUME, ptr, #ptr, __VA_ARGS__)
#define zassume_not_null(ptr, ...)   Z_ZTEST_NOT_NULL(Z_ZTEST_ASSUME, ptr, #ptr, __VA_ARGS__)
#define zassume_equal(a, b, ...)     Z_ZTEST_EQUAL(Z_ZTEST_ASSUME, a, b, #a, #b, __VA_ARGS__)
#define zassume_not_equal(a, b, ...) Z_ZTEST_NOT_EQUAL(Z_ZTEST_ASSUME, a, b, #a, #b, __VA_ARGS__)
#define zassume_equal_ptr(a, b, ...) Z_ZTEST_EQUAL_PTR(Z_ZTEST_ASSUME, a, b, #a, #b, __VA_ARGS__)
#define zassume_within(a, b, d, ...) \
	Z_ZTEST_WITHIN_(Z_ZTEST_ASSUME, a, b, d, #a, #b, #d, __VA_ARGS__)
#define zassume_between_inclusive(v, lo, hi, ...) \
	Z_ZTEST_BETWEEN_(Z_ZTEST_ASSUME, v, lo, hi, #v, #lo, #hi, __VA_ARGS__)
#define zassume_mem_equal(buf, exp, size, ...) \
	Z_ZTEST_MEM_EQUAL(Z_ZTEST_ASSUME, buf, exp, size, #buf, #exp, #size, __VA_ARGS__)
#define zassume_str_equal(s1, s2, ...) \
	Z_ZTEST_STR_EQUAL(Z_ZTEST_ASSUME, s1, s2, #s1, #s2, __VA_ARGS__)
#define zassume_unreachable(...) Z_ZTEST_UNREACHABLE(Z_ZTEST_ASSUME, __VA_ARGS__)

#define zexpect_true(cond, ...)      Z_ZTEST_TRUE(Z_ZTEST_EXPECT, cond, #cond, __VA_ARGS__)
#define zexpect_false(cond, ...)     Z_ZTEST_FALSE(Z_ZTEST_EXPECT, cond, #cond, __VA_ARGS__)
#define zexpect_ok(cond, ...)        Z_ZTEST_OK(Z_ZTEST_EXPECT, cond, #cond, __VA_ARGS__)
#define zexpect_not_ok(cond, ...)    Z_ZTEST_NOT_OK(Z_ZTEST_EXPECT, cond, #cond, __VA_ARGS__)
#define zexpect_is_null(ptr, ...)    Z_ZTEST_IS_NULL(Z_ZTEST_EXPECT, ptr, #ptr, __VA_ARGS__)
#define zexpect_not_null(ptr, ...)   Z_ZTEST_NOT_NULL(Z_ZTEST_EXPECT, ptr, #ptr, __VA_ARGS__)
#define zexpect_equal(a, b, ...)     Z_ZTEST_EQUAL(Z_ZTEST_EXPECT, a, b, #a, #b, __VA_ARGS__)
#define zexpect_not_equal(a, b, ...) Z_ZTEST_NOT_EQUAL(Z_ZTEST_EXPECT, a, b, #a, #b, __VA_ARGS__)
#define zexpect_equal_ptr(a, b, ...) Z_ZTEST_EQUAL_PTR(Z_ZTEST_EXPECT, a, b, #a, #b, __VA_ARGS__)
#define zexpect_within(a, b, d, ...) \
	Z_ZTEST_WITHIN_(Z_ZTEST_EXPECT, a, b, d, #a, #b, #d, __VA_ARGS__)
#define zexpect_between_inclusive(v, lo, hi, ...) \
	Z_ZTEST_BETWEEN_(Z_ZTEST_EXPECT, v, lo, hi, #v, #lo, #hi, __VA_ARGS__)
#define zexpect_mem_equal(buf, exp, size, ...) \
	Z_ZTEST_MEM_EQUAL(Z_ZTEST_EXPECT, buf, exp, size, #buf, #exp, #size, __VA_ARGS__)
#define zexpect_str_equal(s1, s2, ...) \
	Z_ZTEST_STR_EQUAL(Z_ZTEST_EXPECT, s1, s2, #s1, #s2, __VA_ARGS__)
#define zexpect_unreachable(...) Z_ZTEST_UNREACHABLE(Z_ZTEST_EXPECT, __VA_ARGS__)

#endif /* BREEZE_ZTEST_ASSERT_H */
