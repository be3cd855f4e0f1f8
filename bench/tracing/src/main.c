/*
 * What tracing costs (CONFIG_TRACING, lib/tracing): one event with no field,
 * with two fields, with a thread record (pointer, priority and mode, the
 * 16-byte name), each including its share of the semihosting writes of full
 * buffers; then a semaphore give + take (two events) and a null system call
 * from user mode (two events), whose untraced figures are bench/kernel's
 * sem.give_take.supervisor and syscall.null.user.
 */
#include <breeze/kernel.h>
#include <breeze/tracing.h>
#include "bench.h"

#define ITERS 1000

K_SEM_DEFINE(sem, 0, 1);

static struct k_thread user_thread;
K_THREAD_STACK_DEFINE(user_stack, 1024);

static void null_calls(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	BENCH_LOOP("syscall.null.user.traced", ITERS, 0, { (void)k_syscall_null(); });
}

int main(void)
{
	BENCH_LOOP("trace.event.no_fields", ITERS, 0, { sys_trace_event0(TRACE_IDLE); });
	BENCH_LOOP("trace.event.two_fields", ITERS, 0,
		   { sys_trace_event2(TRACE_SEM_TAKE, (uint32_t)(uintptr_t)&sem, 0); });
	BENCH_LOOP("trace.event.thread", ITERS, 0,
		   { sys_trace_thread(TRACE_THREAD_READY, k_current_get()); });
	BENCH_LOOP("sem.give_take.supervisor.traced", ITERS, 0, {
		k_sem_give(&sem);
		(void)k_sem_take(&sem, K_NO_WAIT);
	});
	k_thread_create(&user_thread, user_stack, K_THREAD_STACK_SIZEOF(user_stack), null_calls,
			NULL, NULL, NULL, -1, K_USER, K_NO_WAIT);
	(void)k_thread_join(&user_thread, K_FOREVER);
	printk("BENCH done\n");
	sys_exit(0);
}
