/*
 * System call buffers in a partition of the caller's domain. Built for
 * speed, the kernel remembers the partition a buffer check found, per thread,
 * for as long as the domain keeps its partitions (kernel/user_regions.c):
 * what it remembers must never outlive the partition or the rights it gave.
 * Each check here is a message queue put (reads the buffer) or get (writes
 * it) from a user thread, which either succeeds or ends the thread with an
 * oops; the first call of each thread fills what the kernel remembers.
 */
#include "agent.h"

K_APPMEM_PARTITION_DEFINE(part_buf);
K_APP_DMEM(part_buf) static uint32_t buf_words[4] = { 1, 2, 3, 4 };

/* The same words again, in a partition user mode may only read. */
static uint32_t ro_words[8] __aligned(32) = { 5, 6, 7, 8 };
static struct k_mem_partition part_ro = {
	.start = (uintptr_t)ro_words,
	.size = sizeof(ro_words),
	.attr = K_MEM_PARTITION_P_RO_U_RO,
};

K_MSGQ_DEFINE(buf_queue, sizeof(buf_words), 4, 4);

static struct k_mem_domain dom;
static struct k_mem_domain other_dom;

enum step {
	PUT_TWICE,  /* put from buf_words twice: must succeed */
	PUT_ONCE,   /* put from buf_words once: must oops if no longer allowed */
	PUT_RO_GET, /* put from ro_words (a read: fine), then get into it: must oops */
};

static void user_calls(void *step_arg, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	uint32_t copy[4];

	switch ((enum step)(uintptr_t)step_arg) {
	case PUT_TWICE:
		zassert_equal(k_msgq_put(&buf_queue, buf_words, K_NO_WAIT), 0);
		zassert_equal(k_msgq_put(&buf_queue, buf_words, K_NO_WAIT), 0);
		zassert_equal(k_msgq_get(&buf_queue, copy, K_NO_WAIT), 0);
		zassert_equal(k_msgq_get(&buf_queue, buf_words, K_NO_WAIT), 0);
		break;
	case PUT_ONCE:
		(void)k_msgq_put(&buf_queue, buf_words, K_NO_WAIT);
		break;
	case PUT_RO_GET:
		zassert_equal(k_msgq_put(&buf_queue, ro_words, K_NO_WAIT), 0);
		(void)k_msgq_get(&buf_queue, ro_words, K_NO_WAIT); /* the oops */
		break;
	}
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	struct k_mem_partition *parts[] = { &part_ctl, &part_buf };
	struct k_mem_partition *other_parts[] = { &part_ctl };

	zassert_equal(k_mem_domain_init(&dom, ARRAY_SIZE(parts), parts), 0);
	zassert_equal(k_mem_domain_init(&other_dom, ARRAY_SIZE(other_parts), other_parts), 0);
	k_msgq_purge(&buf_queue);
}

/* Start @step on pool thread 0 in @domain with the queue granted. */
static k_tid_t caller(enum step step, struct k_mem_domain *domain)
{
	k_tid_t t = user_create(0, user_calls, (void *)(uintptr_t)step, NULL, NULL, domain);

	k_object_access_grant(&buf_queue, t);
	return t;
}

ZTEST_SUITE(buffer_cache, NULL, NULL, before, NULL, NULL);

ZTEST(buffer_cache, test_partition_buffer_twice) {
	run_to_end(caller(PUT_TWICE, &dom));
}

/* Remembered by one thread, removed, then used by the next thread of the domain. */
ZTEST(buffer_cache, test_partition_removed) {
	run_to_end(caller(PUT_TWICE, &dom));
	zassert_equal(k_mem_domain_remove_partition(&dom, &part_buf), 0);
	run_expect_fault(caller(PUT_ONCE, &dom), K_ERR_KERNEL_OOPS);
	zassert_equal(k_msgq_num_used_get(&buf_queue), 0U, "a message went in");
	zassert_equal(k_mem_domain_add_partition(&dom, &part_buf), 0);
	run_to_end(caller(PUT_TWICE, &dom));
}

/* The same thread after its partition went: it waits in between, and must not keep it. */
static void put_wait_put(void *sem, void *unused1, void *unused2)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	zassert_equal(k_msgq_put(&buf_queue, buf_words, K_NO_WAIT), 0);
	(void)k_sem_take(sem, K_FOREVER);
	(void)k_msgq_put(&buf_queue, buf_words, K_NO_WAIT); /* the oops */
}

static K_SEM_DEFINE(resume_sem, 0, 1);

/* Start put_wait_put() in @domain, which must end in one oops; it waits after its first put. */
static k_tid_t start_put_wait_put(struct k_mem_domain *domain, unsigned int *faults)
{
	k_tid_t t = user_create(0, put_wait_put, &resume_sem, NULL, NULL, domain);

	*faults = ztest_fault_count();
	k_object_access_grant(&buf_queue, t);
	k_object_access_grant(&resume_sem, t);
	ztest_expect_fault(K_ERR_KERNEL_OOPS);
	k_thread_start(t);
	zassert_equal(k_msgq_num_used_get(&buf_queue), 1U); /* it waits on the semaphore */
	return t;
}

ZTEST(buffer_cache, test_partition_removed_under_the_thread) {
	unsigned int faults;
	k_tid_t t = start_put_wait_put(&dom, &faults);

	zassert_equal(k_mem_domain_remove_partition(&dom, &part_buf), 0);
	k_sem_give(&resume_sem);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults + 1U, "the second put was allowed");
	zassert_equal(k_msgq_num_used_get(&buf_queue), 1U, "a message went in");
}

/* Moved to a domain without the partition between two calls. */
ZTEST(buffer_cache, test_thread_moved_to_another_domain) {
	unsigned int faults;
	k_tid_t t = start_put_wait_put(&dom, &faults);

	zassert_equal(k_mem_domain_add_thread(&other_dom, t), 0);
	k_sem_give(&resume_sem);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults + 1U, "the put from the old domain was allowed");
	zassert_equal(k_msgq_num_used_get(&buf_queue), 1U, "a message went in");
}

/* Remembered for a read, the partition gives no right to write. */
ZTEST(buffer_cache, test_read_only_partition_not_written) {
	zassert_equal(k_mem_domain_add_partition(&dom, &part_ro), 0);
	run_expect_fault(caller(PUT_RO_GET, &dom), K_ERR_KERNEL_OOPS);
	zassert_equal(ro_words[0], 5U, "the get wrote a read-only partition");
	zassert_equal(k_msgq_num_used_get(&buf_queue), 1U, "the message was taken");
	zassert_equal(k_mem_domain_remove_partition(&dom, &part_ro), 0);
}
