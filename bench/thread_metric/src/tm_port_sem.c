/*
 * The porting layer's semaphore: a binary semaphore (initial count 1, limit
 * 1), taken without waiting, on the kernel's k_sem (a system call per take
 * and per give from a user thread).
 *
 * tm_port_sys_sem.c, the same four functions on a futex-backed sys_sem,
 * replaces it in the variant thread_metric_sys_sem (CMakeLists.txt picks the
 * file).
 */
#include "tm_api.h"

static struct k_sem semaphore;

int tm_semaphore_create(int semaphore_id)
{
	if (semaphore_id != 0) {
		return TM_ERROR;
	}
	return k_sem_init(&semaphore, 1, 1) == 0 ? TM_SUCCESS : TM_ERROR;
}

int tm_semaphore_get(int semaphore_id)
{
	ARG_UNUSED(semaphore_id);
	return k_sem_take(&semaphore, K_NO_WAIT) == 0 ? TM_SUCCESS : TM_ERROR;
}

/* k_sem_give() returns nothing: at the limit it leaves the count as it is. */
int tm_semaphore_put(int semaphore_id)
{
	ARG_UNUSED(semaphore_id);
	k_sem_give(&semaphore);
	return TM_SUCCESS;
}

int tm_thread_grant_semaphore(int thread_id, int semaphore_id)
{
	struct k_thread *t = tm_port_thread(thread_id);

	if (t == NULL || semaphore_id != 0) {
		return TM_ERROR;
	}
	k_object_access_grant(&semaphore, t);
	return TM_SUCCESS;
}
