/*
 * Small general-purpose macros (Zephyr's sys/util.h subset).
 */
#ifndef BREEZE_SYS_UTIL_H
#define BREEZE_SYS_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <breeze/toolchain.h>

#define ARRAY_SIZE(a)                  (sizeof(a) / sizeof((a)[0]))
#define CONTAINER_OF(ptr, type, field) ((type *)(((char *)(ptr)) - offsetof(type, field)))
#define BIT(n)                         (1UL << (n))
#define BIT64(n)                       (1ULL << (n))
#define MIN(a, b)                      (((a) < (b)) ? (a) : (b))
#define MAX(a, b)                      (((a) > (b)) ? (a) : (b))
#define CLAMP(v, lo, hi)               MIN(MAX(v, lo), hi)
#define ROUND_UP(x, align)                                                              \
	((((unsigned long)(x) + ((unsigned long)(align)-1)) / (unsigned long)(align)) * \
	 (unsigned long)(align))
#define ROUND_DOWN(x, align) \
	(((unsigned long)(x) / (unsigned long)(align)) * (unsigned long)(align))
#define DIV_ROUND_UP(n, d)      (((n) + (d)-1) / (d))
#define IS_POWER_OF_TWO(x)      (((x) != 0U) && (((x) & ((x)-1U)) == 0U))
#define KB(x)                   ((x) << 10)
#define MB(x)                   (KB(x) << 10)
#define BIT_MASK(n)             (BIT(n) - 1UL)
#define IN_RANGE(val, min, max) ((val) >= (min) && (val) <= (max))
/* Rounded up or down to a multiple of the word (pointer) size. */
#define WB_UP(x)                ROUND_UP(x, sizeof(void *))
#define WB_DN(x)                ROUND_DOWN(x, sizeof(void *))

/* Integers carried in pointers (thread entry arguments), as in Zephyr. */
#define POINTER_TO_INT(x)  ((int32_t)(intptr_t)(x))
#define INT_TO_POINTER(x)  ((void *)(intptr_t)(x))
#define POINTER_TO_UINT(x) ((uint32_t)(uintptr_t)(x))
#define UINT_TO_POINTER(x) ((void *)(uintptr_t)(x))

/*
 * IS_ENABLED(CONFIG_FOO) is 1 when CONFIG_FOO is defined to 1, else 0; usable
 * in plain C conditions so both branches are compiled and type-checked.
 */
#define IS_ENABLED(config_macro)             Z_IS_ENABLED1(config_macro)
#define Z_IS_ENABLED1(config_macro)          Z_IS_ENABLED2(_XXXX##config_macro)
#define _XXXX1                               _YYYY,
#define Z_IS_ENABLED2(one_or_two_args)       Z_IS_ENABLED3(one_or_two_args 1, 0)
#define Z_IS_ENABLED3(ignore_this, val, ...) val

/*
 * FOR_EACH(F, (sep), a, b, c) is F(a) sep F(b) sep F(c), and
 * FOR_EACH_FIXED_ARG(F, (sep), fixed, a, b) is F(a, fixed) sep F(b, fixed), as in
 * Zephyr. The list is walked by deferred recursion: each Z_EVAL level
 * multiplies the rescans by four, which takes lists of over 300 elements; a
 * longer one leaves an unexpanded Z_FOR_EACH_* behind, a compile error, so
 * nothing is dropped silently.
 */
#define FOR_EACH(F, sep, ...)                  FOR_EACH_FIXED_ARG(Z_FOR_EACH_DROP_FIXED, sep, F, __VA_ARGS__)
#define FOR_EACH_FIXED_ARG(F, sep, fixed, ...) Z_EVAL(Z_FOR_EACH_STEP(F, sep, fixed, __VA_ARGS__))

#define Z_FOR_EACH_DROP_FIXED(x, F) F(x)
#define Z_FOR_EACH_STEP(F, sep, fixed, x, ...) \
	F(x, fixed)                            \
	__VA_OPT__(Z_DEBRACKET sep Z_DEFER(Z_FOR_EACH_AGAIN)()(F, sep, fixed, __VA_ARGS__))
#define Z_FOR_EACH_AGAIN() Z_FOR_EACH_STEP
#define Z_DEBRACKET(...)   __VA_ARGS__
#define Z_EMPTY()
#define Z_DEFER(id)  id Z_EMPTY()
#define Z_EVAL(...)  Z_EVAL4(Z_EVAL4(Z_EVAL4(Z_EVAL4(__VA_ARGS__))))
#define Z_EVAL4(...) Z_EVAL3(Z_EVAL3(Z_EVAL3(Z_EVAL3(__VA_ARGS__))))
#define Z_EVAL3(...) Z_EVAL2(Z_EVAL2(Z_EVAL2(Z_EVAL2(__VA_ARGS__))))
#define Z_EVAL2(...) Z_EVAL1(Z_EVAL1(Z_EVAL1(Z_EVAL1(__VA_ARGS__))))
#define Z_EVAL1(...) __VA_ARGS__

/* The lowest @n bits set, in 64 bits (Zephyr's BIT64_MASK). */
#define BIT64_MASK(n) (BIT64(n) - 1ULL)

#endif /* BREEZE_SYS_UTIL_H */
