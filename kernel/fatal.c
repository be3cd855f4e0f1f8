/*
 * Fatal errors: one report, then the policy of k_sys_fatal_error_handler().
 *
 * The report is printed before the handler runs so that an overriding handler
 * (a test expecting the fault, say) cannot lose it. Breeze's own policy is in
 * fatal_policy.c. If the handler returns,
 * the faulting thread is aborted and the rest of the system runs on; faults in
 * interrupt context always halt, as there is no thread to blame.
 */
#include <ksched.h>
#include <arch_interface.h>
#include <kernel_internal.h>
#include <breeze/tracing.h>

static const char *reason_str(unsigned int reason)
{
	switch (reason) {
	case K_ERR_CPU_EXCEPTION:
		return "CPU exception";
	case K_ERR_SPURIOUS_IRQ:
		return "unhandled interrupt";
	case K_ERR_STACK_CHK_FAIL:
		return "stack check failed";
	case K_ERR_KERNEL_OOPS:
		return "kernel oops";
	case K_ERR_KERNEL_PANIC:
		return "kernel panic";
	default:
		return "unknown error";
	}
}

FUNC_NORETURN void k_fatal_halt(unsigned int reason)
{
	(void)arch_irq_lock();
	printk("*** System halted (exit status %u)\n", 16U + reason);
	sys_port_trace_sys_exit((int)(16U + reason));
	z_board_exit((int)(16U + reason));
}

bool z_fatal_is_user_fault(const struct arch_esf *esf)
{
#ifdef CONFIG_USERSPACE
	return !k_is_in_isr() && arch_esf_is_user(esf);
#else
	ARG_UNUSED(esf);
	return false;
#endif
}

#ifdef CONFIG_SMP
/*
 * One report at a time: two CPUs whose threads fault together would print
 * their lines interleaved. The CPU reporting is noted, so that one that
 * faults again in its own report goes on rather than waiting for itself.
 */
static atomic_t reporting_cpu = ATOMIC_INIT(-1);

static bool report_begin(void)
{
	atomic_val_t me = (atomic_val_t)CPU_INDEX(_current_cpu);

	if (atomic_get(&reporting_cpu) == me) {
		return false;
	}
	while (!atomic_cas(&reporting_cpu, -1, me)) {
	}
	return true;
}

static void report_end(bool began)
{
	if (began) {
		atomic_set(&reporting_cpu, -1);
	}
}
#else
static inline bool report_begin(void)
{
	return false;
}

static inline void report_end(bool began)
{
	ARG_UNUSED(began);
}
#endif

void z_fatal_error(unsigned int reason, const struct arch_esf *esf)
{
	(void)arch_irq_lock();
	struct k_thread *t = _current;
	bool in_isr = k_is_in_isr();
	bool began = report_begin();

	printk("*** FATAL ERROR %u: %s\n", reason, reason_str(reason));
	if (esf != NULL) {
		arch_fatal_report(esf);
	}
	if (in_isr) {
		printk("***   in interrupt context (thread '%s' (%p) was interrupted)\n",
		       IS_ENABLED(CONFIG_THREAD_NAME) ? k_thread_name_get(t) : "", (void *)t);
	} else {
		printk("***   thread '%s' (%p), priority %d, %s mode\n",
		       IS_ENABLED(CONFIG_THREAD_NAME) ? k_thread_name_get(t) : "", (void *)t,
		       t->base.prio, (t->base.user_options & K_USER) ? "user" : "supervisor");
#ifdef CONFIG_USERSPACE
		if ((t->base.user_options & K_USER) != 0U) {
			printk("***   memory domain %p%s\n", (void *)t->userspace.domain,
			       t->userspace.domain == &k_mem_domain_default ? " (default)" : "");
		}
#endif
	}
	report_end(began);

	sys_port_trace_fatal(reason, t, z_fatal_is_user_fault(esf));
	k_sys_fatal_error_handler(reason, esf);

	if (in_isr) {
		k_fatal_halt(reason);
	}
	if (z_fatal_is_user_fault(esf)) {
		printk("***   only this thread is aborted\n");
	}
	z_impl_k_thread_abort(t);
}

FUNC_NORETURN void z_assert_fail(const char *cond, const char *file, int line)
{
	ARG_UNUSED(cond);
	ARG_UNUSED(file);
	ARG_UNUSED(line);
	k_panic();
}
