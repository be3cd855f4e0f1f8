/*
 * Context switch by k_yield between two threads of equal priority: supervisor
 * to supervisor, user to user in one domain, and user to user across two
 * domains of four partitions each. Each figure is per switch.
 */
#include <breeze/app_memory/app_memdomain.h>
#include "common.h"

#define SWITCHES 2000

static struct k_thread threads[2];
K_THREAD_STACK_ARRAY_DEFINE(stacks, 2, 1024);

static void yielder(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (int i = 0; i < SWITCHES / 2; i++) {
		k_yield();
	}
}

/* Four partitions per domain; each domain's are its own. */
K_APPMEM_PARTITION_DEFINE(a0);
K_APPMEM_PARTITION_DEFINE(a1);
K_APPMEM_PARTITION_DEFINE(a2);
K_APPMEM_PARTITION_DEFINE(a3);
K_APPMEM_PARTITION_DEFINE(b0);
K_APPMEM_PARTITION_DEFINE(b1);
K_APPMEM_PARTITION_DEFINE(b2);
K_APPMEM_PARTITION_DEFINE(b3);
K_APP_BMEM(a0) int va0;
K_APP_BMEM(a1) int va1;
K_APP_BMEM(a2) int va2;
K_APP_BMEM(a3) int va3;
K_APP_BMEM(b0) int vb0;
K_APP_BMEM(b1) int vb1;
K_APP_BMEM(b2) int vb2;
K_APP_BMEM(b3) int vb3;

static struct k_mem_domain dom_a, dom_b;

static void run_pair(const char *name, uint32_t options, struct k_mem_domain *da,
		     struct k_mem_domain *db)
{
	/* Priority 1 (below main): both start only when main blocks in the join. */
	for (int i = 0; i < 2; i++) {
		k_thread_create(&threads[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]), yielder,
				NULL, NULL, NULL, 1, options, K_FOREVER);
	}
	if (da != NULL) {
		k_mem_domain_add_thread(da, &threads[0]);
		k_mem_domain_add_thread(db, &threads[1]);
	}
	uint32_t t0 = bench_instret();

	k_thread_start(&threads[0]);
	k_thread_start(&threads[1]);
	k_thread_join(&threads[0], K_FOREVER);
	k_thread_join(&threads[1], K_FOREVER);
	uint32_t t1 = bench_instret();

	bench_report(name, t1 - t0, SWITCHES, 0);
}

void bench_switch(void)
{
	struct k_mem_partition *pa[] = { &a0, &a1, &a2, &a3 };
	struct k_mem_partition *pb[] = { &b0, &b1, &b2, &b3 };

	k_mem_domain_init(&dom_a, ARRAY_SIZE(pa), pa);
	k_mem_domain_init(&dom_b, ARRAY_SIZE(pb), pb);

	run_pair("yield.supervisor", 0, NULL, NULL);
	run_pair("yield.user.same_domain", K_USER, NULL, NULL);
	run_pair("yield.user.cross_domain", K_USER, &dom_a, &dom_b);
}
