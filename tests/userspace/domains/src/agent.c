/*
 * The agent thread, the thread pool and the run helpers (see agent.h).
 */
#include "agent.h"

K_APPMEM_PARTITION_DEFINE(part_ctl);

static struct k_thread pool_threads[POOL_THREADS];
K_THREAD_STACK_ARRAY_DEFINE(pool_stacks, POOL_THREADS, USER_STACK_SIZE);

k_tid_t user_create(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3,
		    struct k_mem_domain *domain)
{
	zassert_true(slot < POOL_THREADS);
	k_tid_t t = k_thread_create(&pool_threads[slot], pool_stacks[slot],
				    K_THREAD_STACK_SIZEOF(pool_stacks[slot]), entry, p1, p2, p3,
				    USER_PRIO, K_USER, K_FOREVER);

	zassert_equal(k_mem_domain_add_thread(domain, t), 0);
	return t;
}

void run_to_end(k_tid_t t)
{
	unsigned int faults = ztest_fault_count();

	k_thread_start(t);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults, "the thread faulted");
}

void run_expect_fault(k_tid_t t, unsigned int reason)
{
	unsigned int faults = ztest_fault_count();

	ztest_expect_fault(reason);
	k_thread_start(t);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults + 1U, "the thread did not fault");
}

static void agent_entry(void *ctl_arg, void *go, void *unused)
{
	struct agent_ctl *ctl = ctl_arg;

	ARG_UNUSED(unused);
	for (;;) {
		(void)k_sem_take(go, K_FOREVER);
		switch (ctl->op) {
		case AGENT_READ:
			ctl->value = *ctl->addr;
			break;
		case AGENT_WRITE:
			*ctl->addr = ctl->value;
			break;
		case AGENT_EXIT:
			return;
		}
		ctl->done++;
	}
}

void agent_start(struct agent *a, unsigned int slot, struct agent_ctl *ctl,
		 struct k_mem_domain *domain)
{
	zassert_equal(k_sem_init(&a->go, 0, 1), 0);
	a->ctl = ctl;
	ctl->done = 0;
	a->tid = user_create(slot, agent_entry, ctl, &a->go, NULL, domain);
	k_object_access_grant(&a->go, a->tid);
	k_thread_start(a->tid); /* runs until it waits for its first request */
}

static void request(struct agent *a, enum agent_op op, const void *addr, uint32_t value)
{
	a->ctl->op = op;
	a->ctl->addr = (volatile uint32_t *)addr;
	a->ctl->value = value;
	k_sem_give(&a->go);
}

uint32_t agent_read(struct agent *a, const void *addr)
{
	unsigned int done = a->ctl->done;

	request(a, AGENT_READ, addr, NOT_REACHED);
	zassert_equal(a->ctl->done, done + 1U, "the agent did not complete the read of %p", addr);
	return a->ctl->value;
}

void agent_write(struct agent *a, void *addr, uint32_t value)
{
	unsigned int done = a->ctl->done;

	request(a, AGENT_WRITE, addr, value);
	zassert_equal(a->ctl->done, done + 1U, "the agent did not complete the write to %p", addr);
}

static void request_fault(struct agent *a, enum agent_op op, const void *addr)
{
	unsigned int done = a->ctl->done;
	unsigned int faults = ztest_fault_count();

	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	request(a, op, addr, NOT_REACHED);
	/* Done or faulted by now (the agent is more urgent): an agent that went on waits again. */
	zassert_equal(a->ctl->done, done, "access to %p did not fault", addr);
	zassert_equal(k_thread_join(a->tid, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults + 1U, "access to %p did not fault", addr);
}

void agent_read_faults(struct agent *a, const void *addr)
{
	request_fault(a, AGENT_READ, addr);
}

void agent_write_faults(struct agent *a, void *addr)
{
	request_fault(a, AGENT_WRITE, addr);
}

void agent_stop(struct agent *a)
{
	unsigned int faults = ztest_fault_count();

	request(a, AGENT_EXIT, NULL, 0);
	zassert_equal(k_thread_join(a->tid, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults);
}
