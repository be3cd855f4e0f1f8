/*
 * Footprint probe: a thread and a semaphore, so that the minimal kernel is
 * linked in; and the sizes of the kernel's types as symbols, which
 * scripts/footprint.py reads with nm.
 */
#include <breeze/kernel.h>

#define SIZEOF(type, name) const char z_sizeof_##name[sizeof(type)] __used

SIZEOF(struct k_thread, k_thread);
SIZEOF(struct k_sem, k_sem);
SIZEOF(struct k_mutex, k_mutex);
#ifdef CONFIG_USERSPACE
SIZEOF(struct k_mem_domain, k_mem_domain);
SIZEOF(struct k_mem_partition, k_mem_partition);
#endif

K_SEM_DEFINE(done, 0, 1);

static void worker(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sem_give(&done);
}

K_THREAD_DEFINE(worker_thread, 512, worker, NULL, NULL, NULL, 1, 0, 0);

int main(void)
{
	k_sem_take(&done, K_FOREVER);
	sys_exit(0);
}
