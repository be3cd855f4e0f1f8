/*
 * Constants of the kernel's configuration that Rust needs at compile time
 * (array lengths, alignments), where bindgen cannot evaluate the macros. This
 * file is only compiled to assembly: each RUST_CONST leaves a marker line with
 * the evaluated value, which scripts/gen_rust_consts.py turns into Rust.
 */
#include <breeze/kernel.h>

#define RUST_CONST(name, value) __asm__ volatile("#RUST_CONST " #name " %0" ::"i"(value))

void rust_consts(void);

void rust_consts(void)
{
#ifdef CONFIG_USERSPACE
	RUST_CONST(THREAD_STACK_RESERVED, Z_USER_STACK_RESERVED);
	RUST_CONST(USER_STACKS, 1);
	/* What the reserved part holds before its rounding (thread_stack.h). */
	RUST_CONST(THREAD_STACK_PRIV_END, Z_USER_STACK_PRIV_BASE + CONFIG_PRIVILEGED_STACK_SIZE);
#ifdef CONFIG_MPU_REQUIRES_POWER_OF_TWO_ALIGNMENT
	RUST_CONST(THREAD_STACK_POW2, 1);
#else
	RUST_CONST(THREAD_STACK_POW2, 0);
#endif
#else
	RUST_CONST(THREAD_STACK_PRIV_END, 0);
	RUST_CONST(THREAD_STACK_POW2, 0);
	RUST_CONST(THREAD_STACK_RESERVED, Z_STACK_GUARD_SIZE);
	RUST_CONST(USER_STACKS, 0);
#endif
	RUST_CONST(THREAD_STACK_ALIGN, Z_THREAD_STACK_OBJ_ALIGN);
	RUST_CONST(K_USER, K_USER);
	RUST_CONST(K_INHERIT_PERMS, K_INHERIT_PERMS);
	RUST_CONST(K_ESSENTIAL, K_ESSENTIAL);
}
