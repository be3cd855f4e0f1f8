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

#ifdef CONFIG_USERSPACE
void rs_mem_partition_set(struct k_mem_partition *p, uintptr_t start, size_t size, bool read_only)
{
	p->start = start;
	p->size = size;
	p->attr = read_only ? K_MEM_PARTITION_P_RO_U_RO : K_MEM_PARTITION_P_RW_U_RW;
}
#endif
