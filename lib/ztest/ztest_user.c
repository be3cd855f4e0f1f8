/*
 * ztest in user mode (CONFIG_USERSPACE): the ztest partition and the
 * supervisor thread that ends tests on behalf of user threads.
 *
 * A failed zassert must end the test's thread and the failing thread with
 * nothing running in between. A user thread can do neither alone: it cannot
 * lock the scheduler, and it may hold no grant for the test's thread (a
 * K_USER helper created without K_INHERIT_PERMS, say). So it names itself in
 * the partition and wakes the ender, the most urgent thread of the system,
 * which preempts it at once and aborts both in supervisor mode.
 */
#include <breeze/ztest.h>
#include "ztest_internal.h"

#define ENDER_STACK_SIZE 1024

K_APPMEM_PARTITION_DEFINE(ztest_mem_partition);

/*
 * The latest user thread asking to be ended. Two user threads failing at the
 * same moment can overwrite each other's request: the one not served ends
 * itself (see z_ztest_user_end_test()).
 */
static Z_ZTEST_STATE atomic_t end_requester;
static K_SEM_DEFINE(end_request, 0, K_SEM_MAX_LIMIT);

static struct k_thread ender_thread;
static K_KERNEL_STACK_DEFINE(ender_stack, ENDER_STACK_SIZE);

/*
 * Cooperative and most urgent: while it runs nothing else does, so ending two
 * threads needs no scheduler lock. It trusts the requester named in user
 * memory; a test harness may (a test could only make it abort a thread).
 */
static void ender_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (;;) {
		(void)k_sem_take(&end_request, K_FOREVER);
		struct k_thread *requester = (struct k_thread *)atomic_clear(&end_requester);

		if (requester != NULL) {
			z_ztest_end_threads(requester);
		}
	}
}

FUNC_NORETURN void z_ztest_user_end_test(void)
{
	(void)atomic_set(&end_requester, (atomic_val_t)(uintptr_t)k_current_get());
	k_sem_give(&end_request);
	/* Only reached if another request took our slot: end at least ourselves. */
	k_thread_abort(k_current_get());
	CODE_UNREACHABLE;
}

void z_ztest_user_init(void)
{
	int ret = k_mem_domain_add_partition(&k_mem_domain_default, &ztest_mem_partition);

	if (ret != 0) {
		printk("ztest: cannot add ztest_mem_partition to the default domain (%d)\n", ret);
		k_panic();
	}
	k_object_access_all_grant(&end_request);
	k_thread_create(&ender_thread, ender_stack, K_KERNEL_STACK_SIZEOF(ender_stack), ender_entry,
			NULL, NULL, NULL, K_HIGHEST_THREAD_PRIO, 0, K_NO_WAIT);
	k_thread_name_set(&ender_thread, "ztest_ender");
}
