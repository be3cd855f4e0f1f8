/*
 * Partitions added to and removed from a domain while a member thread is
 * alive take effect at once: the thread can use a partition right after
 * k_mem_domain_add_partition() returns, and its next access after
 * k_mem_domain_remove_partition() faults. Checked with the thread waiting on
 * a semaphore and with the thread preempted in the middle of a busy loop.
 */
#include "agent.h"

K_APPMEM_PARTITION_DEFINE(part_late);

K_APP_DMEM(part_late) uint32_t late_word = 0x1a7e0001;

K_APP_BMEM(part_ctl) static struct agent_ctl ctl;

static struct k_mem_domain dom;
static struct agent agent;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	struct k_mem_partition *parts[] = { &part_ctl };

	zassert_equal(k_mem_domain_init(&dom, ARRAY_SIZE(parts), parts), 0);
	late_word = 0x1a7e0001;
}

ZTEST_SUITE(runtime_change, NULL, NULL, before, NULL, NULL);

ZTEST(runtime_change, test_add_then_remove_while_waiting) {
	agent_start(&agent, 0, &ctl, &dom);
	agent_write(&agent, &ctl.value, 1); /* its own partition works */

	zassert_equal(k_mem_domain_add_partition(&dom, &part_late), 0);
	zassert_equal(agent_read(&agent, &late_word), 0x1a7e0001);
	agent_write(&agent, &late_word, 0x1a7e0002);
	zassert_equal(late_word, 0x1a7e0002);

	zassert_equal(k_mem_domain_remove_partition(&dom, &part_late), 0);
	agent_read_faults(&agent, &late_word);
	zassert_equal(late_word, 0x1a7e0002);
}

/*
 * A less urgent thread that spins: whenever *request changes it copies the
 * word at *addr to *seen and acknowledges. It never blocks, so it is always
 * preempted in user mode when the test body runs.
 */
K_APP_BMEM(part_ctl) static volatile uint32_t spin_request;
K_APP_BMEM(part_ctl) static volatile uint32_t spin_ack;
K_APP_BMEM(part_ctl) static volatile uint32_t spin_seen;
K_APP_BMEM(part_ctl) static volatile uint32_t *volatile spin_addr;

static void spinner(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	for (;;) {
		uint32_t req = spin_request;

		if (req != spin_ack) {
			spin_seen = *spin_addr;
			spin_ack = req;
		}
	}
}

/* Ask the spinner to read @addr and give it the CPU until it answers. */
static bool spin_read(const volatile void *addr, uint32_t *value)
{
	uint32_t req = spin_request + 1U;

	spin_addr = (volatile uint32_t *)addr;
	spin_request = req;
	for (int i = 0; i < 10 && spin_ack != req; i++) {
		k_msleep(1);
	}
	*value = spin_seen;
	return spin_ack == req;
}

ZTEST(runtime_change, test_add_then_remove_while_preempted) {
	static struct k_thread spin_thread;
	static K_THREAD_STACK_DEFINE(spin_stack, USER_STACK_SIZE);
	uint32_t value;

	spin_request = 0;
	spin_ack = 0;
	k_tid_t t = k_thread_create(&spin_thread, spin_stack, K_THREAD_STACK_SIZEOF(spin_stack),
				    spinner, NULL, NULL, NULL, TEST_PRIO + 1, K_USER, K_FOREVER);

	zassert_equal(k_mem_domain_add_thread(&dom, t), 0);
	k_thread_start(t);
	zassert_true(spin_read(&spin_request, &value));
	zassert_equal(value, 1);

	zassert_equal(k_mem_domain_add_partition(&dom, &part_late), 0);
	zassert_true(spin_read(&late_word, &value), "the spinner stopped");
	zassert_equal(value, 0x1a7e0001);

	zassert_equal(k_mem_domain_remove_partition(&dom, &part_late), 0);
	unsigned int faults = ztest_fault_count();

	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	zassert_false(spin_read(&late_word, &value), "read a removed partition");
	zassert_equal(k_thread_join(t, K_MSEC(100)), 0);
	zassert_equal(ztest_fault_count(), faults + 1U);
}
