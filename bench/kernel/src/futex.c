/*
 * sys_sem and sys_mutex over futex words, uncontended, from supervisor and
 * user mode: compare with sem.give_take.* and mutex.lock_unlock.* (k_sem and
 * k_mutex, a system call each in user mode). The user thread runs in a
 * domain of its own holding the words' partition, so that the other rows'
 * domains stay as they were.
 */
#include <stdio.h>
#include <breeze/sys/mutex.h>
#include <breeze/sys/sem.h>
#include <breeze/app_memory/app_memdomain.h>
#include "common.h"

K_APPMEM_PARTITION_DEFINE(futex_part);
K_APP_DMEM(futex_part) SYS_SEM_DEFINE(bench_sys_sem, 0, 1);
K_APP_DMEM(futex_part) SYS_MUTEX_DEFINE(bench_sys_mutex);
static struct k_mem_domain futex_domain;

static void uncontended(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	const char *mode = p1 != NULL ? "supervisor" : "user";
	char name[48];

	snprintf(name, sizeof(name), "sys_sem.give_take.%s", mode);
	BENCH_LOOP(name, ITERS, 0, {
		(void)sys_sem_give(&bench_sys_sem);
		(void)sys_sem_take(&bench_sys_sem, K_NO_WAIT);
	});
	snprintf(name, sizeof(name), "sys_mutex.lock_unlock.%s", mode);
	BENCH_LOOP(name, ITERS, 0, {
		(void)sys_mutex_lock(&bench_sys_mutex, K_FOREVER);
		(void)sys_mutex_unlock(&bench_sys_mutex);
	});
}

void bench_futex(void)
{
	struct k_mem_partition *parts[] = { &futex_part };

	uncontended((void *)1, NULL, NULL);
	(void)k_mem_domain_init(&futex_domain, ARRAY_SIZE(parts), parts);
	run_user(uncontended, &futex_domain);
}
