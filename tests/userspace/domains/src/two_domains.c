/*
 * Two domains, each with a private partition, sharing a third: each user
 * thread reads and writes its own partition and the shared one, and not the
 * other's. Moving a thread to another domain (k_mem_domain_add_thread) moves
 * its access with it.
 */
#include "agent.h"

K_APPMEM_PARTITION_DEFINE(part_a);
K_APPMEM_PARTITION_DEFINE(part_b);
K_APPMEM_PARTITION_DEFINE(part_shared);

K_APP_DMEM(part_a) uint32_t a_word = 0xaaaa0001;
K_APP_DMEM(part_b) uint32_t b_word = 0xbbbb0001;
K_APP_DMEM(part_shared) uint32_t shared_word = 0x5a5a0001;
/* One slot per writer, so that the test can tell who wrote what. */
K_APP_BMEM(part_shared) uint32_t shared_from[2];

K_APP_BMEM(part_ctl) static struct agent_ctl ctl_a;
K_APP_BMEM(part_ctl) static struct agent_ctl ctl_b;

static struct k_mem_domain dom_a;
static struct k_mem_domain dom_b;
static struct agent agent_a;
static struct agent agent_b;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	struct k_mem_partition *parts_a[] = { &part_ctl, &part_a, &part_shared };
	struct k_mem_partition *parts_b[] = { &part_ctl, &part_b, &part_shared };

	zassert_equal(k_mem_domain_init(&dom_a, ARRAY_SIZE(parts_a), parts_a), 0);
	zassert_equal(k_mem_domain_init(&dom_b, ARRAY_SIZE(parts_b), parts_b), 0);
	a_word = 0xaaaa0001;
	b_word = 0xbbbb0001;
	shared_word = 0x5a5a0001;
	shared_from[0] = 0;
	shared_from[1] = 0;
}

ZTEST_SUITE(two_domains, NULL, NULL, before, NULL, NULL);

ZTEST(two_domains, test_private_and_shared_access) {
	agent_start(&agent_a, 0, &ctl_a, &dom_a);
	agent_start(&agent_b, 1, &ctl_b, &dom_b);

	zassert_equal(agent_read(&agent_a, &a_word), 0xaaaa0001);
	zassert_equal(agent_read(&agent_b, &b_word), 0xbbbb0001);
	zassert_equal(agent_read(&agent_a, &shared_word), 0x5a5a0001);
	zassert_equal(agent_read(&agent_b, &shared_word), 0x5a5a0001);

	agent_write(&agent_a, &a_word, 0xaaaa0002);
	agent_write(&agent_b, &b_word, 0xbbbb0002);
	agent_write(&agent_a, &shared_from[0], 0xa);
	agent_write(&agent_b, &shared_from[1], 0xb);
	zassert_equal(a_word, 0xaaaa0002);
	zassert_equal(b_word, 0xbbbb0002);

	/* Each sees what the other wrote into the shared partition. */
	zassert_equal(agent_read(&agent_a, &shared_from[1]), 0xb);
	zassert_equal(agent_read(&agent_b, &shared_from[0]), 0xa);
	agent_write(&agent_a, &shared_word, 0x5a5a0002);
	zassert_equal(agent_read(&agent_b, &shared_word), 0x5a5a0002);

	agent_stop(&agent_a);
	agent_stop(&agent_b);
}

ZTEST(two_domains, test_other_private_partition_faults) {
	agent_start(&agent_a, 0, &ctl_a, &dom_a);
	agent_read_faults(&agent_a, &b_word);

	agent_start(&agent_b, 1, &ctl_b, &dom_b);
	agent_write_faults(&agent_b, &a_word);
	zassert_equal(a_word, 0xaaaa0001);
}

ZTEST(two_domains, test_thread_moved_between_domains) {
	agent_start(&agent_a, 0, &ctl_a, &dom_a);
	zassert_equal(agent_read(&agent_a, &a_word), 0xaaaa0001);

	zassert_equal(k_mem_domain_add_thread(&dom_b, agent_a.tid), 0);
	zassert_equal(agent_read(&agent_a, &b_word), 0xbbbb0001);
	agent_write(&agent_a, &b_word, 0xbbbb0003);
	zassert_equal(b_word, 0xbbbb0003);
	zassert_equal(agent_read(&agent_a, &shared_word), 0x5a5a0001);

	/* And back: dom_a's partition again, dom_b's no more. */
	zassert_equal(k_mem_domain_add_thread(&dom_a, agent_a.tid), 0);
	zassert_equal(agent_read(&agent_a, &a_word), 0xaaaa0001);
	agent_read_faults(&agent_a, &b_word);
}

ZTEST(two_domains, test_moved_thread_loses_old_partition) {
	agent_start(&agent_a, 0, &ctl_a, &dom_a);
	zassert_equal(agent_read(&agent_a, &a_word), 0xaaaa0001);
	zassert_equal(k_mem_domain_add_thread(&dom_b, agent_a.tid), 0);
	agent_write_faults(&agent_a, &a_word);
	zassert_equal(a_word, 0xaaaa0001);
}
