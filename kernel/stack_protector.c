/*
 * Stack canaries (CONFIG_STACK_CANARIES): the compiler's -fstack-protector
 * checks compare a guard word saved in the frame with __stack_chk_guard and
 * call __stack_chk_fail() on a mismatch.
 *
 * The guard lives with the read-only data so that user threads, whose code is
 * instrumented too, can read it but no thread can change it. It is set at boot
 * from the timer, before any instrumented function
 * returns. (It must not itself take a local's address: it would be
 * instrumented and see the guard change under its own frame.)
 */
#include <breeze/kernel.h>
#include <kernel_internal.h>
#include <arch_interface.h>

#ifdef CONFIG_STACK_CANARIES

uintptr_t __stack_chk_guard __attribute__((section(".rodata.stack_chk_guard")));

void z_stack_chk_guard_init(void)
{
	uintptr_t seed = (uintptr_t)sys_clock_cycle_get_64() ^ 0x9e3779b9U;

	/* A zero byte first stops string overflows from reproducing the guard. */
	__stack_chk_guard = (seed * 2654435761U) & ~(uintptr_t)0xff;
	if (__stack_chk_guard == 0U) {
		__stack_chk_guard = 0x5a5a5a00U;
	}
}

FUNC_NORETURN void __stack_chk_fail(void)
{
	ARCH_EXCEPT(K_ERR_STACK_CHK_FAIL);
}

#else

void z_stack_chk_guard_init(void)
{
}

#endif
