/*
 * __ASSERT: with CONFIG_ASSERT, a false condition prints where and why, then
 * raises a kernel panic (K_ERR_KERNEL_PANIC). Without it, nothing is compiled.
 */
#ifndef BREEZE_SYS___ASSERT_H
#define BREEZE_SYS___ASSERT_H

#include <breeze/sys/printk.h>
#include <breeze/toolchain.h>

FUNC_NORETURN void z_assert_fail(const char *cond, const char *file, int line);

#ifdef CONFIG_ASSERT
#define __ASSERT(test, fmt, ...)                                                            \
	do {                                                                                \
		if (unlikely(!(test))) {                                                    \
			printk("ASSERTION FAIL [%s] @ %s:%d\n\t" fmt "\n", #test, __FILE__, \
			       __LINE__, ##__VA_ARGS__);                                    \
			z_assert_fail(#test, __FILE__, __LINE__);                           \
		}                                                                           \
	} while (false)
#define __ASSERT_EVAL(expr1, expr2, test, fmt, ...) \
	do {                                        \
		expr2;                              \
		__ASSERT(test, fmt, ##__VA_ARGS__); \
	} while (false)
#else
#define __ASSERT(test, fmt, ...)                    ((void)0)
#define __ASSERT_EVAL(expr1, expr2, test, fmt, ...) expr1
#endif

#define __ASSERT_NO_MSG(test) __ASSERT(test, "")

#endif /* BREEZE_SYS___ASSERT_H */
