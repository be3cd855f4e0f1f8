/*
 * k_mem_domain_foreach(): every initialised domain once, the default one
 * first, each with a copy of its partitions as they are at the call; the
 * callback runs without the domains' lock (it may sleep).
 */
#include "agent.h"

static uint8_t area[1024] __aligned(1024);
static struct k_mem_domain dom;
static struct k_mem_partition first = { (uintptr_t)area, 256, K_MEM_PARTITION_P_RW_U_RW };
static struct k_mem_partition second = { (uintptr_t)area + 512, 256, K_MEM_PARTITION_P_RO_U_RO };

struct visit {
	unsigned int domains;
	unsigned int seen; /* how many times dom was visited */
	bool default_first;
	struct k_mem_domain copy; /* dom's copy */
};

static void visit(const struct k_mem_domain *domain, const struct k_mem_domain *copy,
		  void *user_data)
{
	struct visit *v = user_data;

	if (v->domains++ == 0U) {
		v->default_first = domain == &k_mem_domain_default;
	}
	if (domain == &dom) {
		v->seen++;
		v->copy = *copy;
	}
	k_msleep(1); /* no lock held: sleeping is allowed */
}

ZTEST_SUITE(domain_foreach, NULL, NULL, NULL, NULL, NULL);

ZTEST(domain_foreach, test_every_domain_once_with_its_partitions) {
	static struct visit v;
	struct k_mem_partition *parts[] = { &first };

	zassert_equal(k_mem_domain_init(&dom, ARRAY_SIZE(parts), parts), 0);
	memset(&v, 0, sizeof(v));
	k_mem_domain_foreach(visit, &v);
	zassert_true(v.default_first, "the default domain comes first");
	zassert_true(v.domains >= 2U, "%u domains", v.domains);
	zassert_equal(v.seen, 1, "visited %u times", v.seen);
	zassert_equal(v.copy.num_partitions, 1);
	zassert_equal(v.copy.partitions[0].start, first.start);
	zassert_equal(v.copy.partitions[0].size, first.size);

	/* A change shows in the next walk. */
	zassert_equal(k_mem_domain_add_partition(&dom, &second), 0);
	unsigned int before = v.domains;

	memset(&v, 0, sizeof(v));
	k_mem_domain_foreach(visit, &v);
	zassert_equal(v.domains, before, "no domain lost or added");
	zassert_equal(v.seen, 1);
	zassert_equal(v.copy.num_partitions, 2);
	bool found = false;

	for (unsigned int i = 0; i < v.copy.num_partitions; i++) {
		found |= v.copy.partitions[i].start == second.start &&
			 v.copy.partitions[i].size == second.size &&
			 !K_MEM_PARTITION_IS_WRITABLE(v.copy.partitions[i].attr);
	}
	zassert_true(found, "the added partition is in the copy");
}
