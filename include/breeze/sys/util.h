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
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
#define IS_POWER_OF_TWO(x) (((x) != 0U) && (((x) & ((x)-1U)) == 0U))
#define KB(x)              ((x) << 10)

/*
 * IS_ENABLED(CONFIG_FOO) is 1 when CONFIG_FOO is defined to 1, else 0; usable
 * in plain C conditions so both branches are compiled and type-checked.
 */
#define IS_ENABLED(config_macro)             Z_IS_ENABLED1(config_macro)
#define Z_IS_ENABLED1(config_macro)          Z_IS_ENABLED2(_XXXX##config_macro)
#define _XXXX1                               _YYYY,
#define Z_IS_ENABLED2(one_or_two_args)       Z_IS_ENABLED3(one_or_two_args 1, 0)
#define Z_IS_ENABLED3(ignore_this, val, ...) val

#endif /* BREEZE_SYS_UTIL_H */
