/*
 * Context switch by k_yield between threads of equal priority: two supervisor
 * threads, two user threads of one domain, two user threads of two domains of
 * four partitions each, and three user threads of three such domains (more
 * domains than a RISC-V hart keeps resident: every switch writes an image).
 * Each figure is per switch.
 */
#include <breeze/app_memory/app_memdomain.h>
#include "common.h"

#define SWITCHES 2000

#define MAX_THREADS 3

static struct k_thread threads[MAX_THREADS];
K_THREAD_STACK_ARRAY_DEFINE(stacks, MAX_THREADS, 1024);

/* @p1 yields: a count down to zero, the loop the compiler makes of a constant bound. */
static void yielder(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uintptr_t i = (uintptr_t)p1; i != 0U; i--) {
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
K_APPMEM_PARTITION_DEFINE(c0);
K_APPMEM_PARTITION_DEFINE(c1);
K_APPMEM_PARTITION_DEFINE(c2);
K_APPMEM_PARTITION_DEFINE(c3);
K_APP_BMEM(a0) int va0;
K_APP_BMEM(a1) int va1;
K_APP_BMEM(a2) int va2;
K_APP_BMEM(a3) int va3;
K_APP_BMEM(b0) int vb0;
K_APP_BMEM(b1) int vb1;
K_APP_BMEM(b2) int vb2;
K_APP_BMEM(b3) int vb3;
K_APP_BMEM(c0) int vc0;
K_APP_BMEM(c1) int vc1;
K_APP_BMEM(c2) int vc2;
K_APP_BMEM(c3) int vc3;

static struct k_mem_domain doms[MAX_THREADS];

/* @n threads yielding in turn, thread i in domains[i] when domains is given. */
static void run_threads(const char *name, uint32_t options, int n, struct k_mem_domain *domains)
{
	/* Priority 1 (below main): all start only when main blocks in the join. */
	for (int i = 0; i < n; i++) {
		k_thread_create(&threads[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]), yielder,
				(void *)(uintptr_t)(SWITCHES / n), NULL, NULL, 1, options,
				K_FOREVER);
		if (domains != NULL) {
			k_mem_domain_add_thread(&domains[i], &threads[i]);
		}
	}
	uint32_t t0 = bench_instret();

	for (int i = 0; i < n; i++) {
		k_thread_start(&threads[i]);
	}
	for (int i = 0; i < n; i++) {
		k_thread_join(&threads[i], K_FOREVER);
	}
	uint32_t t1 = bench_instret();

	bench_report(name, t1 - t0, n * (SWITCHES / n), 0);
}

void bench_switch(void)
{
	struct k_mem_partition *parts[MAX_THREADS][4] = {
		{ &a0, &a1, &a2, &a3 },
		{ &b0, &b1, &b2, &b3 },
		{ &c0, &c1, &c2, &c3 },
	};

	for (int i = 0; i < MAX_THREADS; i++) {
		k_mem_domain_init(&doms[i], ARRAY_SIZE(parts[i]), parts[i]);
	}
	run_threads("yield.supervisor", 0, 2, NULL);
	run_threads("yield.user.same_domain", K_USER, 2, NULL);
	run_threads("yield.user.cross_domain", K_USER, 2, doms);
	run_threads("yield.user.three_domains", K_USER, 3, doms);
}
