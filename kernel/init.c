/*
 * Boot: from the port's z_cstart() call to main() running in a thread.
 *
 * PRE_KERNEL init functions run on the boot stack with interrupts masked.
 * Then the idle and main threads are created and the boot context switches to
 * main, never to return. The main thread runs the POST_KERNEL and APPLICATION
 * init functions, starts the K_THREAD_DEFINE threads and calls main().
 */
#include <ksched.h>
#include <sched_smp.h>
#include <kthread.h>
#include <arch_interface.h>
#include <kernel_internal.h>
#include <breeze/version.h>
#include <breeze/device.h>
#include <breeze/tracing.h>
#ifdef CONFIG_USERSPACE
#include <kobject_internal.h>
#endif

struct z_kernel _kernel;

struct k_thread z_main_thread; /* named in kernel_internal.h: Zephyr's suites use it */
static struct k_thread z_idle_thread;
K_KERNEL_STACK_DEFINE(z_main_stack, CONFIG_MAIN_STACK_SIZE);
K_KERNEL_STACK_DEFINE(z_idle_stack, CONFIG_IDLE_STACK_SIZE);

extern int main(void);

static void run_init_level(enum init_level level)
{
	STRUCT_SECTION_FOREACH(init_entry, entry) {
		if (entry->level == level && entry->dev != NULL) {
			z_device_init(entry->dev); /* a failure leaves the device not ready */
		} else if (entry->level == level) {
			int ret = entry->init_fn();

			__ASSERT(ret == 0, "init function %p failed: %d", (void *)entry->init_fn,
				 ret);
			ARG_UNUSED(ret);
		}
	}
}

static void init_static_threads(void)
{
	STRUCT_SECTION_FOREACH(_static_thread_data, d) {
		/*
		 * What k_thread_create() with K_FOREVER does, and checks: set up,
		 * not started. Called directly, an image whose code creates no
		 * thread does without k_thread_create() (and its 64-bit delay).
		 */
		__ASSERT(d->init_prio >= K_HIGHEST_APPLICATION_THREAD_PRIO &&
			     d->init_prio <= K_LOWEST_APPLICATION_THREAD_PRIO,
			 "K_THREAD_DEFINE: invalid priority %d", d->init_prio);
		__ASSERT(d->init_stack_size >= 256U,
			 "K_THREAD_DEFINE: stack of %u bytes is too small",
			 (unsigned int)d->init_stack_size);
		z_setup_new_thread(d->init_thread, d->init_stack, d->init_stack_size, d->init_entry,
				   d->init_p1, d->init_p2, d->init_p3, d->init_prio,
				   d->init_options);
#ifdef CONFIG_THREAD_NAME /* without names the call does nothing: no call, no name strings */
		z_impl_k_thread_name_set(d->init_thread, d->init_name);
#endif
	}
#ifdef CONFIG_USERSPACE
	z_object_static_grants_apply();
#endif
	/* Start them only once all exist, so that they can refer to each other. */
	STRUCT_SECTION_FOREACH(_static_thread_data, d) {
		if (d->init_delay_ms != SYS_FOREVER_MS) {
			z_thread_schedule_start(d->init_thread, K_MSEC(d->init_delay_ms));
		}
	}
}

static void main_thread_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	run_init_level(INIT_LEVEL_POST_KERNEL);
	printk("*** Booting Breeze " BREEZE_VERSION_STRING " ***\n");
	run_init_level(INIT_LEVEL_APPLICATION);
	init_static_threads();
	(void)main();
}

void z_idle_thread_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	for (;;) {
		sys_port_trace_idle();
		arch_cpu_idle();
	}
}

FUNC_NORETURN void z_cstart(void)
{
	/* The boot context gets a throw-away thread record to switch away from. */
	struct k_thread boot_thread = { .base.thread_state = _THREAD_DEAD };

	_current_cpu->current = &boot_thread;
	arch_kernel_init();
	z_stack_chk_guard_init();
	arch_irq_table_init();
#ifdef CONFIG_USERSPACE
	z_app_smem_init();
	z_object_boot_init();
#endif
	run_init_level(INIT_LEVEL_PRE_KERNEL_1);
	run_init_level(INIT_LEVEL_PRE_KERNEL_2);
	z_sched_init();

	z_setup_new_thread(&z_idle_thread, z_idle_stack, K_KERNEL_STACK_SIZEOF(z_idle_stack),
			   z_idle_thread_entry, NULL, NULL, NULL, K_IDLE_PRIO, K_ESSENTIAL);
#ifdef CONFIG_THREAD_NAME
	z_impl_k_thread_name_set(&z_idle_thread, "idle");
#endif
	_current_cpu->idle_thread = &z_idle_thread;
	z_setup_new_thread(&z_main_thread, z_main_stack, K_KERNEL_STACK_SIZEOF(z_main_stack),
			   main_thread_entry, NULL, NULL, NULL, CONFIG_MAIN_THREAD_PRIORITY, 0);
#ifdef CONFIG_THREAD_NAME
	z_impl_k_thread_name_set(&z_main_thread, "main");
#endif
	z_smp_init(); /* the other CPUs start in their idle threads */

	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	z_idle_thread.base.thread_state = 0;
	z_ready_thread_locked(&z_idle_thread);
	z_main_thread.base.thread_state = 0;
	z_ready_thread_locked(&z_main_thread);
	(void)z_swap(key);
	CODE_UNREACHABLE;
}
