/*
 * The porting layer's semaphore as a user-space semaphore: a sys_sem (binary:
 * initial count 1, limit 1) in the test partition, taken without waiting.
 * An uncontended take or give is one compare-and-swap on its futex word, no
 * system call, in either mode; the kernel is entered only to wait or to wake
 * a waiter, which these tests never need. Being plain memory of the
 * partition, it needs no grant.
 */
#include <zephyr/sys/sem.h>
#include "tm_api.h"

static TM_DATA struct sys_sem semaphore;

int tm_semaphore_create(int semaphore_id)
{
	if (semaphore_id != 0) {
		return TM_ERROR;
	}
	return sys_sem_init(&semaphore, 1, 1) == 0 ? TM_SUCCESS : TM_ERROR;
}

int tm_semaphore_get(int semaphore_id)
{
	ARG_UNUSED(semaphore_id);
	return sys_sem_take(&semaphore, K_NO_WAIT) == 0 ? TM_SUCCESS : TM_ERROR;
}

/* At the limit sys_sem_give() refuses with -EAGAIN, as upstream's put of a full semaphore. */
int tm_semaphore_put(int semaphore_id)
{
	ARG_UNUSED(semaphore_id);
	return sys_sem_give(&semaphore) == 0 ? TM_SUCCESS : TM_ERROR;
}

int tm_thread_grant_semaphore(int thread_id, int semaphore_id)
{
	return tm_port_thread(thread_id) != NULL && semaphore_id == 0 ? TM_SUCCESS : TM_ERROR;
}
