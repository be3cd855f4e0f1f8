/*
 * Worker pool: storage for the threads the test cases create, see workers.h.
 */
#include "workers.h"

struct k_thread workers[NUM_WORKERS];
static K_THREAD_STACK_ARRAY_DEFINE(worker_stacks, NUM_WORKERS, WORKER_STACK_SIZE);
static bool spawned[NUM_WORKERS];

k_tid_t spawn_opts(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3,
		   int prio, uint32_t options, k_timeout_t delay)
{
	__ASSERT(slot < NUM_WORKERS, "no worker slot %u", slot);
	spawned[slot] = true;
	return k_thread_create(&workers[slot], worker_stacks[slot],
			       K_THREAD_STACK_SIZEOF(worker_stacks[slot]), entry, p1, p2, p3, prio,
			       options, delay);
}

k_tid_t spawn(unsigned int slot, k_thread_entry_t entry, void *p1, void *p2, void *p3, int prio,
	      k_timeout_t delay)
{
	return spawn_opts(slot, entry, p1, p2, p3, prio, 0, delay);
}

void reap_workers(void)
{
	for (unsigned int i = 0; i < NUM_WORKERS; i++) {
		if (spawned[i]) {
			k_thread_abort(&workers[i]);
			spawned[i] = false;
		}
	}
}

void reap_workers_after(void *fixture)
{
	ARG_UNUSED(fixture);
	reap_workers();
}
