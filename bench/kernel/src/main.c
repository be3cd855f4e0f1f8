/*
 * Kernel hot-path benchmarks: every figure is guest instructions per
 * operation under QEMU -icount (see bench/common/bench.h).
 */
#include "common.h"

static struct k_thread user_thread;
K_THREAD_STACK_DEFINE(user_stack, 2048);

void run_user(k_thread_entry_t entry, struct k_mem_domain *domain)
{
	k_thread_create(&user_thread, user_stack, K_THREAD_STACK_SIZEOF(user_stack), entry, NULL,
			NULL, NULL, 1, K_USER | K_INHERIT_PERMS, K_FOREVER);
	if (domain != NULL) {
		k_mem_domain_add_thread(domain, &user_thread);
	}
	k_thread_start(&user_thread);
	k_thread_join(&user_thread, K_FOREVER);
}

int main(void)
{
	bench_switch();
	bench_sync();
	bench_misc();
	bench_futex();
	printk("BENCH done\n");
	sys_exit(0);
}
