/*
 * Scheduling on several CPUs (CONFIG_SMP): which thread each CPU picks, and
 * which CPU a thread made ready must preempt.
 *
 * The ready queue is shared and keeps the one-CPU invariants (sched.c): it
 * holds every runnable thread, the running ones included, each at the tail of
 * its level when it became ready. A CPU's pick is the first queued thread, in
 * priority then FIFO order, that no other CPU runs and whose CPU mask allows
 * this CPU; nothing queued: the CPU's own idle thread (idle threads are not
 * queued, there is one per CPU). Skipping costs at most one step per other
 * CPU, plus one per queued thread pinned away from this CPU.
 *
 * So that the N most urgent ready threads run on the N CPUs, a thread made
 * ready interrupts (IPI) the CPU running the least urgent preemptible thread,
 * if the new one is more urgent: an idle CPU first. Cooperative threads and
 * threads holding k_sched_lock() are never chosen. A CPU promised a thread
 * by an IPI counts as running it until it reschedules, so that several
 * wakeups in one critical section go to several CPUs, not all to one.
 */
#include <ksched.h>
#include <sched_smp.h>
#include <kuser.h>

struct k_thread *z_smp_next_up(struct _ready_q *rq, struct _cpu *cpu)
{
	unsigned int words = ARRAY_SIZE(rq->bitmap);

	/* This is the reschedule any promise to the CPU asked for. */
	cpu->promised_prio = K_IDLE_PRIO;

	for (int level = prio_bitmap_first(rq->bitmap, words); level >= 0;
	     level = prio_bitmap_next(rq->bitmap, words, (unsigned int)level + 1U)) {
		sys_dnode_t *n;

		SYS_DLIST_FOR_EACH_NODE(&rq->queues[level], n) {
			struct k_thread *t = CONTAINER_OF(n, struct k_thread, base.qnode);
			int on = t->base.cpu;

			if ((on == Z_NO_CPU || on == cpu->id) &&
			    z_cpu_mask_allows_cpu(t, cpu->id)) {
				return t;
			}
		}
	}
	return cpu->idle_thread;
}

/* How urgent @cpu's work is, for choosing a CPU to preempt; K_IDLE_PRIO + 1 if it may not be. */
static int cpu_urgency(const struct _cpu *cpu)
{
	const struct k_thread *cur = cpu->current;
	int prio;

	if (!z_is_thread_runnable(cur) || z_is_idle_thread(cur)) {
		prio = K_IDLE_PRIO; /* switching away anyway, or idle */
	} else if (!z_thread_preemptible(cur)) {
		return INT8_MIN; /* never preempted by another thread */
	} else {
		prio = cur->base.prio;
	}
	return MIN(prio, (int)cpu->promised_prio);
}

void z_smp_thread_ready_locked(struct k_thread *t)
{
	struct _cpu *target = NULL;
	int least = t->base.prio; /* a target must run something less urgent than t */

	for (unsigned int i = 0; i < arch_num_cpus(); i++) {
		struct _cpu *cpu = &_kernel.cpus[i];
		int urgency = cpu_urgency(cpu);

		if (urgency > least && z_cpu_mask_allows_cpu(t, i)) {
			least = urgency;
			target = cpu;
		}
	}
	if (target == NULL) {
		return;
	}
	target->promised_prio = t->base.prio;
	if (target != _current_cpu) {
		z_smp_ipi_send(target, Z_IPI_RESCHED);
	}
	/* This CPU: the caller reschedules (z_reschedule(), the interrupt exit). */
}

void z_smp_thread_moved_locked(struct k_thread *t)
{
	if (t->base.cpu == Z_NO_CPU) {
		z_smp_thread_ready_locked(t);
	} else {
		/* Running somewhere: a lower priority may let a queued thread preempt it. */
		z_smp_cpu_resched_locked(&_kernel.cpus[t->base.cpu]);
	}
}

void z_smp_cpu_resched_locked(struct _cpu *cpu)
{
	if (cpu != _current_cpu) {
		z_smp_ipi_send(cpu, Z_IPI_RESCHED);
	}
}

void z_smp_halt_if_aborting(struct k_thread *cur)
{
	if ((cur->base.thread_state & (_THREAD_ABORTING | _THREAD_DEAD)) == _THREAD_ABORTING) {
		z_thread_halt_locked(cur);
		z_thread_user_exit_locked(cur);
	}
}
