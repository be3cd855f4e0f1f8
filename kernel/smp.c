/*
 * Several CPUs (CONFIG_SMP): starting them, and what they ask of each other.
 *
 * Boot: CPU 0 runs z_cstart() alone. Before its first switch it gives every
 * other CPU the machine has (up to CONFIG_MP_MAX_NUM_CPUS) an idle thread and
 * starts it (arch_smp_cpu_start()); each sets itself up, joins the scheduler
 * and checks in. CPU 0 waits for all of them, so main() starts with
 * arch_num_cpus() final.
 *
 * Inter-processor interrupts carry requests as bits in the target's
 * ipi_pending word (Z_IPI_*): set with an atomic OR, then the interrupt. The
 * target clears the word with an atomic exchange before acting, so a request
 * made while it acts is not lost: it gets another interrupt. A sender that
 * must know the request was served (a domain change) waits for its bit to be
 * cleared, serving its own requests meanwhile, so that two CPUs waiting for
 * each other both progress.
 */
#include <ksched.h>
#include <kthread.h>
#include <sched_smp.h>
#include <arch_interface.h>
#include <kernel_internal.h>

unsigned int z_smp_num_cpus = 1;

static struct k_thread idle_threads[CONFIG_MP_MAX_NUM_CPUS - 1];
K_KERNEL_STACK_ARRAY_DEFINE(idle_stacks, CONFIG_MP_MAX_NUM_CPUS - 1, CONFIG_IDLE_STACK_SIZE);

static atomic_t checked_in;

/*
 * The contended case of a spinlock, interrupts masked. Critical sections are
 * short, so the lock usually comes within a few hundred reads: spin that
 * long first. After that, yield the hart: under QEMU's -icount the harts take
 * turns on one host thread, and a hart keeps its turn until it halts or a
 * budget runs out, so spinning for a lock held by a hart that is not running
 * would burn that whole turn; on hardware (or QEMU's parallel mode) a holder
 * that was interrupted is not helped by spinning either. wfi ends the turn
 * (arch_spin_relax()); so that it never waits for real, this CPU's own IPI
 * is raised first: pending, not taken. Once the lock is ours, the IPI is
 * withdrawn, and raised again only if another CPU asked for something
 * meanwhile (it sets its bits before it raises the IPI: no request is lost).
 */
#define SPIN_BEFORE_RELAX 512

static void ipi_withdraw(unsigned int self)
{
	arch_sched_ipi_clear(self);
	if (atomic_get(&_kernel.cpus[self].ipi_pending) != 0) {
		arch_sched_ipi_send(self);
	}
}

void z_spin_wait(struct k_spinlock *l, atomic_val_t ticket)
{
	for (int i = 0; i < SPIN_BEFORE_RELAX; i++) {
		if (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) == ticket) {
			return;
		}
	}
	unsigned int self = arch_proc_id();

	arch_sched_ipi_send(self);
	while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != ticket) {
		arch_spin_relax();
	}
	ipi_withdraw(self);
}

void z_smp_ipi_send(struct _cpu *cpu, uint32_t what)
{
	(void)atomic_or(&cpu->ipi_pending, (atomic_val_t)what);
	arch_sched_ipi_send(cpu->id);
}

void z_smp_ipi_serve(void)
{
	unsigned int key = arch_irq_lock();
	struct _cpu *cpu = _current_cpu;
	uint32_t what = (uint32_t)atomic_clear(&cpu->ipi_pending);

#ifdef CONFIG_USERSPACE
	if ((what & Z_IPI_DOMAIN) != 0U) {
		k_spinlock_key_t k = k_spin_lock(&_sched_spinlock);
		struct k_thread *cur = cpu->current;

		/* The image is read under the lock that its changes take too. */
		if ((cur->base.user_options & K_USER) != 0U && cur->userspace.domain != NULL) {
			arch_mem_domain_thread_load(cur);
		}
		k_spin_unlock(&_sched_spinlock, k);
	}
#endif
	/* Z_IPI_RESCHED needs nothing here: the interrupt exit reschedules. */
	ARG_UNUSED(what);
	arch_irq_unlock(key);
}

void z_smp_thread_start_unlock(void)
{
	k_spin_release(&_sched_spinlock);
}

/*
 * One round of waiting for another CPU, with the caller's interrupt state:
 * requests to this CPU are served meanwhile (as interrupts, if the caller
 * could take them: a CPU waiting for this one's thread to stop may be
 * waiting just as this one is, and one of the two threads must stop).
 */
static void wait_round(void)
{
	unsigned int key = arch_irq_lock();

	z_smp_ipi_serve();
	arch_sched_ipi_send(arch_proc_id()); /* see z_spin_wait() */
	arch_spin_relax();
	arch_irq_unlock(key); /* the IPI is taken here if the caller allows it */
	if (key == 0U) {
		ipi_withdraw(arch_proc_id());
	}
}

k_spinlock_key_t z_smp_stop_remote(struct k_thread *t, k_spinlock_key_t key)
{
	int cpu = t->base.cpu;

	z_smp_ipi_send(&_kernel.cpus[cpu], Z_IPI_RESCHED);
	k_spin_unlock(&_sched_spinlock, key);
	/* cpus[cpu].current changes under the lock when t is switched out there. */
	while (*(struct k_thread *volatile *)&_kernel.cpus[cpu].current == t) {
		wait_round();
	}
	return k_spin_lock(&_sched_spinlock);
}

#ifdef CONFIG_USERSPACE
/*
 * Called with no lock held, after a change to @domain (or, with @thread, the
 * move of @thread to another domain): every other CPU running a user thread
 * the change concerns reloads its memory protection before this returns.
 */
void z_smp_domain_sync(const struct k_mem_domain *domain, const struct k_thread *thread)
{
	uint32_t waiting = 0U;
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	for (unsigned int i = 0; i < arch_num_cpus(); i++) {
		struct _cpu *cpu = &_kernel.cpus[i];
		const struct k_thread *cur = cpu->current;

		if (cpu == _current_cpu || (cur->base.user_options & K_USER) == 0U) {
			continue;
		}
		if (cur == thread || (domain != NULL && cur->userspace.domain == domain)) {
			z_smp_ipi_send(cpu, Z_IPI_DOMAIN);
			waiting |= BIT(i);
		}
	}
	k_spin_unlock(&_sched_spinlock, key);
	while (waiting != 0U) {
		for (unsigned int i = 0; i < arch_num_cpus(); i++) {
			if ((atomic_get(&_kernel.cpus[i].ipi_pending) & Z_IPI_DOMAIN) == 0) {
				waiting &= ~BIT(i);
			}
		}
		if (waiting != 0U) {
			wait_round();
		}
	}
}
#endif

/* First code of a CPU other than 0, on its interrupt stack, interrupts masked. */
static FUNC_NORETURN void cpu_main(void *arg)
{
	ARG_UNUSED(arg);
	/* A record to switch away from, as z_cstart() has; never run again. */
	struct k_thread boot = { .base.thread_state = _THREAD_DEAD, .base.cpu = Z_NO_CPU };
	struct _cpu *cpu = _current_cpu;

	cpu->current = &boot;
	arch_smp_cpu_init();
	(void)atomic_inc(&checked_in);
	arch_sched_ipi_send(0); /* CPU 0 waits in z_smp_init() */

	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	(void)z_swap(key);
	CODE_UNREACHABLE;
}

void z_smp_init(void)
{
	unsigned int n = MIN(arch_smp_cpus_present(), (unsigned int)CONFIG_MP_MAX_NUM_CPUS);

	for (unsigned int i = 0; i < CONFIG_MP_MAX_NUM_CPUS; i++) {
		_kernel.cpus[i].id = (uint8_t)i;
		_kernel.cpus[i].promised_prio = K_IDLE_PRIO;
	}
	for (unsigned int i = 1; i < n; i++) {
		struct k_thread *idle = &idle_threads[i - 1];

		z_setup_new_thread(idle, idle_stacks[i - 1],
				   K_KERNEL_STACK_SIZEOF(idle_stacks[i - 1]), z_idle_thread_entry,
				   NULL, NULL, NULL, K_IDLE_PRIO, K_ESSENTIAL);
		z_impl_k_thread_name_set(idle, "idle");
		idle->base.thread_state = 0; /* runnable, never queued (sched_smp.c) */
		_kernel.cpus[i].idle_thread = idle;
	}
	/* Counted before they start: a CPU's first pick may already look at the others. */
	z_smp_num_cpus = n;
	for (unsigned int i = 1; i < n; i++) {
		arch_smp_cpu_start(i, cpu_main, NULL);
	}
	/*
	 * Wait in wfi (interrupts masked: the check-in's IPI only ends the
	 * wfi), not in a busy loop: under -icount QEMU runs one hart at a time,
	 * and a spinning hart 0 would keep the others from running at all.
	 */
	while ((unsigned int)atomic_get(&checked_in) != n - 1U) {
		arch_cpu_idle();
	}
}
