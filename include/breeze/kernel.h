/*
 * Breeze kernel API: everything an application needs, in one include.
 */
#ifndef BREEZE_KERNEL_H
#define BREEZE_KERNEL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <breeze/toolchain.h>
#include <breeze/sys/util.h>
#include <breeze/sys/atomic.h>
#include <breeze/sys/dlist.h>
#include <breeze/sys/printk.h>
#include <breeze/sys/__assert.h>
#include <breeze/sys/exit.h>
#include <breeze/arch/cpu.h>
#include <breeze/spinlock.h>
#include <breeze/irq.h>
#include <breeze/fatal.h>
#include <breeze/init.h>
#include <breeze/kernel/time.h>
#include <breeze/kernel/thread.h>
#include <breeze/kernel/sem.h>
#include <breeze/kernel/mutex.h>
#include <breeze/kernel/stack.h>
#include <breeze/kernel/queue.h>
#include <breeze/kernel/event.h>
#include <breeze/kernel/timer.h>
#include <breeze/kernel/timepoint.h>
#include <breeze/kernel/poll.h>
#include <breeze/kernel/condvar.h>
#ifdef CONFIG_FUTEX
#include <breeze/kernel/futex.h>
#endif
#ifdef CONFIG_MSGQ
#include <breeze/kernel/msgq.h>
#endif
#ifdef CONFIG_MEM_SLAB
#include <breeze/kernel/mem_slab.h>
#endif
#include <breeze/kernel/kobject.h>
#include <breeze/kernel/user.h>
#include <breeze/kernel/work.h>
#include <breeze/kernel/thread_info.h>
#ifdef CONFIG_USERSPACE
#include <breeze/app_memory/mem_domain.h>
#endif
#include <breeze/kernel/heap.h>
#include <breeze/kernel/pipe.h>
#include <breeze/sys/slist.h>
#include <breeze/kernel/queue_slist.h>
#include <breeze/kernel/thread_state.h>
/* Devices; the driver classes' types their system calls take. */
#include <breeze/device.h>
#include <breeze/kernel/cpu_mask.h>
#include <breeze/irq_offload.h>
struct uart_config;
struct rtc_time;
struct counter_alarm_cfg;
struct counter_top_cfg;

/* The system call wrappers of everything declared __syscall above (generated). */
#include <syscalls.h>

#endif /* BREEZE_KERNEL_H */
