/*
 * The C side of a Rust application (CONFIG_RUST): main() hands over to the
 * application's rust_main(), and the few inline kernel calls the Rust crate
 * needs get real functions here.
 */
#include <breeze/kernel.h>
#include <breeze/syscall.h>
#include "rust_shim.h"

int main(void)
{
	rust_main();
	return 0;
}

bool rs_k_is_user_context(void)
{
	return k_is_user_context();
}

FUNC_NORETURN void rs_panic(void)
{
	k_oops();
	CODE_UNREACHABLE;
}

size_t rs_thread_stack_len(size_t size)
{
#ifdef CONFIG_USERSPACE
	return Z_THREAD_STACK_LEN(size);
#else
	return K_KERNEL_STACK_LEN(size);
#endif
}

size_t rs_thread_stack_align(void)
{
	return Z_THREAD_STACK_OBJ_ALIGN;
}
