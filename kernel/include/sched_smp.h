/*
 * The scheduler's SMP part (kernel/sched_smp.c, kernel/smp.c). Without
 * CONFIG_SMP every hook below is an empty inline: the one-CPU scheduler is
 * compiled exactly as before.
 *
 * Lock order: a memory domain's lock (kernel/mem_domain.c), then
 * _sched_spinlock. Nothing waits for another CPU while holding either: a CPU
 * that must wait for another (a remote abort or suspend, a domain change
 * reaching the CPUs that run its threads) sends the interrupt, releases its
 * locks, then waits, serving interrupts of its own meanwhile.
 */
#ifndef BREEZE_SCHED_SMP_H
#define BREEZE_SCHED_SMP_H

#include <kernel_structs.h>

/* What an inter-processor interrupt asks of its CPU (cpu->ipi_pending bits). */
#define Z_IPI_RESCHED BIT(0) /* reschedule: a more urgent thread, a stopped current */
#define Z_IPI_DOMAIN  BIT(1) /* reload the running thread's memory protection */

#ifdef CONFIG_SMP
/* The thread @cpu should run next: the most urgent queued thread no other CPU runs. */
struct k_thread *z_smp_next_up(struct _ready_q *rq, struct _cpu *cpu);

/* @t was queued: interrupt the CPU it must preempt, if it is another. */
void z_smp_thread_ready_locked(struct k_thread *t);

/* @t's priority changed while queued: as if it had just become ready. */
void z_smp_thread_moved_locked(struct k_thread *t);

/* @cpu's running thread was moved behind its peers: let it reschedule. */
void z_smp_cpu_resched_locked(struct _cpu *cpu);

/* Bookkeeping of a context switch: which CPU runs which thread. */
static inline void z_smp_switched_out(struct k_thread *old)
{
	old->base.cpu = Z_NO_CPU;
}

static inline void z_smp_switched_in(struct k_thread *new, struct _cpu *cpu)
{
	new->base.cpu = (int8_t)cpu->id;
}

/* Idle threads are never queued with SMP: each CPU falls back on its own. */
static inline bool z_smp_idle_unqueued(const struct k_thread *t)
{
	return z_is_idle_thread(t);
}

/*
 * The current thread was marked for abort by another CPU: end it here and
 * now, at this scheduling point, so that the switch that follows leaves it.
 */
void z_smp_halt_if_aborting(struct k_thread *cur);

/* Send @cpu the interrupt asking for @what (Z_IPI_*). */
void z_smp_ipi_send(struct _cpu *cpu, uint32_t what);

/* Serve this CPU's pending inter-processor requests (in its interrupt, or while waiting). */
void z_smp_ipi_serve(void);

/*
 * @t (not the caller) runs on another CPU and is being suspended or aborted:
 * with the lock held (@key), interrupt that CPU, then release the lock and
 * wait until @t has left it. Returns with the lock taken again.
 */
k_spinlock_key_t z_smp_stop_remote(struct k_thread *t, k_spinlock_key_t key);

/*
 * Whether @t runs on a CPU other than the caller's. The CPU's own record is
 * the judge, not base.cpu alone: storage never given to k_thread_create()
 * (zeroed, so base.cpu reads 0) must not look like CPU 0's running thread.
 */
static inline bool z_smp_runs_elsewhere(const struct k_thread *t)
{
	int cpu = t->base.cpu;

	return cpu >= 0 && cpu < CONFIG_MP_MAX_NUM_CPUS && (unsigned int)cpu != arch_proc_id() &&
	       _kernel.cpus[cpu].current == t;
}

/* Start the other CPUs (boot, before the first switch); returns once they run. */
void z_smp_init(void);

struct k_mem_domain;

/*
 * After a change of @domain, or the move of @thread to another domain, with
 * no lock held: every other CPU running a user thread it concerns reloads
 * its memory protection before this returns.
 */
void z_smp_domain_sync(const struct k_mem_domain *domain, const struct k_thread *thread);
#else
static inline void z_smp_thread_ready_locked(struct k_thread *t)
{
	ARG_UNUSED(t);
}

static inline void z_smp_thread_moved_locked(struct k_thread *t)
{
	ARG_UNUSED(t);
}

static inline void z_smp_cpu_resched_locked(struct _cpu *cpu)
{
	ARG_UNUSED(cpu);
}

static inline void z_smp_switched_out(struct k_thread *old)
{
	ARG_UNUSED(old);
}

static inline void z_smp_switched_in(struct k_thread *new, struct _cpu *cpu)
{
	ARG_UNUSED(new);
	ARG_UNUSED(cpu);
}

static inline bool z_smp_idle_unqueued(const struct k_thread *t)
{
	ARG_UNUSED(t);
	return false;
}

static inline void z_smp_halt_if_aborting(struct k_thread *cur)
{
	ARG_UNUSED(cur);
}

static inline bool z_smp_runs_elsewhere(const struct k_thread *t)
{
	ARG_UNUSED(t);
	return false;
}

static inline k_spinlock_key_t z_smp_stop_remote(struct k_thread *t, k_spinlock_key_t key)
{
	ARG_UNUSED(t);
	return key; /* never called: no thread runs elsewhere */
}

static inline void z_smp_init(void)
{
}
#endif

#endif /* BREEZE_SCHED_SMP_H */
