/*
 * Tracing hooks (CONFIG_TRACING): one macro per kernel event, called on one
 * line where the event happens. With tracing off every hook expands to
 * nothing, its arguments unevaluated, so the kernel is the same code as
 * without hooks. With tracing on each becomes a call into lib/tracing, which
 * stamps the event and appends it to this CPU's buffer (docs/tracing.md).
 *
 * The event IDs are those of the CTF metadata (lib/tracing/metadata.tsdl.in):
 * a new event needs a line in both.
 */
#ifndef BREEZE_TRACING_H
#define BREEZE_TRACING_H

#include <stdint.h>

struct k_thread;

enum trace_event_id {
	TRACE_THREAD_SWITCHED_OUT = 1,
	TRACE_THREAD_SWITCHED_IN = 2,
	TRACE_THREAD_READY = 3,
	TRACE_THREAD_PEND = 4,
	TRACE_THREAD_CREATE = 5,
	TRACE_THREAD_NAME_SET = 6,
	TRACE_THREAD_SUSPEND = 7,
	TRACE_THREAD_ABORT = 8,
	TRACE_ISR_ENTER = 9,
	TRACE_ISR_EXIT = 10,
	TRACE_IDLE = 11,
	TRACE_SYSCALL_ENTER = 12,
	TRACE_SYSCALL_EXIT = 13,
	TRACE_SEM_GIVE = 14,
	TRACE_SEM_TAKE = 15,
	TRACE_MUTEX_LOCK = 16,
	TRACE_MUTEX_UNLOCK = 17,
	TRACE_MSGQ_PUT = 18,
	TRACE_MSGQ_GET = 19,
	TRACE_FATAL = 20,
	TRACE_SYS_EXIT = 21,
};

#ifdef CONFIG_TRACING

void sys_trace_event0(uint32_t id);
void sys_trace_event1(uint32_t id, uint32_t a);
void sys_trace_event2(uint32_t id, uint32_t a, uint32_t b);
void sys_trace_thread(uint32_t id, const struct k_thread *t);
void sys_trace_thread_obj(uint32_t id, const struct k_thread *t, const void *obj);
void sys_trace_thread_switch(const struct k_thread *old, const struct k_thread *new);
void sys_trace_fatal(uint32_t reason, const struct k_thread *t, int user);
void sys_trace_sys_exit(int status);

#define Z_TRACE_PTR(p)         ((uint32_t)(uintptr_t)(p))
/* Timeouts as ticks, clamped to 32 bits: K_FOREVER reads -1, K_NO_WAIT 0. */
#define Z_TRACE_TICKS(timeout) ((uint32_t)(int32_t)(timeout).ticks)

#define sys_port_trace_thread_switch(old, new) sys_trace_thread_switch(old, new)
#define sys_port_trace_thread_ready(t)         sys_trace_thread(TRACE_THREAD_READY, t)
#define sys_port_trace_thread_pend(t, obj)     sys_trace_thread_obj(TRACE_THREAD_PEND, t, obj)
#define sys_port_trace_thread_create(t)        sys_trace_thread(TRACE_THREAD_CREATE, t)
#define sys_port_trace_thread_name_set(t)      sys_trace_thread(TRACE_THREAD_NAME_SET, t)
#define sys_port_trace_thread_suspend(t)       sys_trace_thread(TRACE_THREAD_SUSPEND, t)
#define sys_port_trace_thread_abort(t)         sys_trace_thread(TRACE_THREAD_ABORT, t)
#define sys_port_trace_isr_enter(irq)          sys_trace_event1(TRACE_ISR_ENTER, irq)
#define sys_port_trace_isr_exit(irq)           sys_trace_event1(TRACE_ISR_EXIT, irq)
#define sys_port_trace_idle()                  sys_trace_event0(TRACE_IDLE)
#define sys_port_trace_k_sem_give(sem)         sys_trace_event1(TRACE_SEM_GIVE, Z_TRACE_PTR(sem))
#define sys_port_trace_k_sem_take(sem, timeout) \
	sys_trace_event2(TRACE_SEM_TAKE, Z_TRACE_PTR(sem), Z_TRACE_TICKS(timeout))
#define sys_port_trace_k_mutex_lock(mutex, timeout) \
	sys_trace_event2(TRACE_MUTEX_LOCK, Z_TRACE_PTR(mutex), Z_TRACE_TICKS(timeout))
#define sys_port_trace_k_mutex_unlock(mutex) \
	sys_trace_event1(TRACE_MUTEX_UNLOCK, Z_TRACE_PTR(mutex))
#define sys_port_trace_k_msgq_put(msgq, timeout) \
	sys_trace_event2(TRACE_MSGQ_PUT, Z_TRACE_PTR(msgq), Z_TRACE_TICKS(timeout))
#define sys_port_trace_k_msgq_get(msgq, timeout) \
	sys_trace_event2(TRACE_MSGQ_GET, Z_TRACE_PTR(msgq), Z_TRACE_TICKS(timeout))
#define sys_port_trace_fatal(reason, t, user) sys_trace_fatal(reason, t, user)
#define sys_port_trace_sys_exit(status)       sys_trace_sys_exit(status)

#else /* !CONFIG_TRACING */

#define sys_port_trace_thread_switch(old, new)  ((void)0)
#define sys_port_trace_thread_ready(t)          ((void)0)
#define sys_port_trace_thread_pend(t, obj)      ((void)0)
#define sys_port_trace_thread_create(t)         ((void)0)
#define sys_port_trace_thread_name_set(t)       ((void)0)
#define sys_port_trace_thread_suspend(t)        ((void)0)
#define sys_port_trace_thread_abort(t)          ((void)0)
#define sys_port_trace_isr_enter(irq)           ((void)0)
#define sys_port_trace_isr_exit(irq)            ((void)0)
#define sys_port_trace_idle()                   ((void)0)
#define sys_port_trace_k_sem_give(sem)          ((void)0)
#define sys_port_trace_k_sem_take(sem, timeout) ((void)0)
#define sys_port_trace_k_mutex_lock(m, timeout) ((void)0)
#define sys_port_trace_k_mutex_unlock(m)        ((void)0)
#define sys_port_trace_k_msgq_put(q, timeout)   ((void)0)
#define sys_port_trace_k_msgq_get(q, timeout)   ((void)0)
#define sys_port_trace_fatal(reason, t, user)   ((void)0)
#define sys_port_trace_sys_exit(status)         ((void)0)

#endif /* CONFIG_TRACING */

#endif /* BREEZE_TRACING_H */
