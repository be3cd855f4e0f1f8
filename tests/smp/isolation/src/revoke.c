/*
 * Memory domain changes under SMP take effect on every CPU before the call
 * returns. A user thread pinned to another CPU loops reading a partition
 * (and writing its progress to a second one); the test thread, on its own
 * CPU, removes the first partition from the domain, or moves the thread to a
 * domain without it. From the return on, the thread must not complete one
 * more read: its next access faults (it dies alone), and its progress
 * counter may move at most by the one iteration whose read came before.
 *
 * Revoking a grant is the same for kernel objects: the thread loops giving a
 * semaphore; once k_object_access_revoke() returned, at most the call already
 * past its check completes, and the next one oopses.
 */
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include <zephyr/app_memory/app_memdomain.h>

#define STACK_SIZE 1024

K_APPMEM_PARTITION_DEFINE(part_read);
K_APPMEM_PARTITION_DEFINE(part_progress);

K_APP_DMEM(part_read) volatile uint32_t readable = 42;
K_APP_DMEM(part_progress) volatile uint32_t progress;
K_APP_DMEM(part_progress) volatile uint32_t sum;

static struct k_mem_domain domain, domain_without;
K_SEM_DEFINE(given, 0, K_SEM_MAX_LIMIT);
static struct k_thread reader;
K_THREAD_STACK_DEFINE(reader_stack, STACK_SIZE);

static int cpu_now(void)
{
	unsigned int key = arch_irq_lock();
	int cpu = (int)arch_proc_id();

	arch_irq_unlock(key);
	return cpu;
}

static void read_loop(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (;;) {
		sum += readable; /* faults once the partition is gone */
		progress++;
		/*
		 * Work without memory accesses: QEMU checks each access to a
		 * small partition on a slow path, and a tight loop of them
		 * would make the test crawl.
		 */
		for (int i = 0; i < 500; i++) {
			__asm__ volatile("nop");
		}
	}
}

static void give_loop(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (;;) {
		k_sem_give(&given); /* oopses once the grant is gone */
		progress++;
		for (int i = 0; i < 500; i++) {
			__asm__ volatile("nop");
		}
	}
}

static void start_thread(k_thread_entry_t entry)
{
	struct k_mem_partition *parts[] = { &part_read, &part_progress };
	struct k_mem_partition *parts_without[] = { &part_progress };

	zassert_ok(k_mem_domain_init(&domain, ARRAY_SIZE(parts), parts));
	zassert_ok(k_mem_domain_init(&domain_without, ARRAY_SIZE(parts_without), parts_without));
	progress = 0;
	k_thread_create(&reader, reader_stack, STACK_SIZE, entry, NULL, NULL, NULL,
			K_PRIO_PREEMPT(5), K_USER, K_FOREVER);
	zassert_ok(k_mem_domain_add_thread(&domain, &reader));
	k_object_access_grant(&given, &reader);
	zassert_ok(k_thread_cpu_pin(&reader, (cpu_now() + 1) % (int)arch_num_cpus()));
	k_thread_start(&reader);
	/* It runs on the other CPU while this cooperative thread watches. */
	uint32_t p = progress;

	for (int i = 0; i < 200 && progress == p; i++) {
		k_sleep(K_TICKS(1)); /* sleep, not spin: see init_once.c */
	}
	zassert_true(progress != p, "the reader does not run");
}

static void start_reader(void)
{
	start_thread(read_loop);
}

/* After the change returned: at most one more iteration, then the fault. */
static void check_stopped(uint32_t at_return, unsigned int faults)
{
	zassert_ok(k_thread_join(&reader, K_MSEC(1000)), "the reader did not fault");
	zassert_equal(ztest_fault_count(), faults + 1U);
	zassert_true(progress - at_return <= 1U, "%u reads after the change returned",
		     progress - at_return);
}

ZTEST(smp_isolation, test_partition_removed_while_running_elsewhere) {
	unsigned int faults = ztest_fault_count();

	start_reader();
	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	zassert_ok(k_mem_domain_remove_partition(&domain, &part_read));
	check_stopped(progress, faults);
}

ZTEST(smp_isolation, test_thread_moved_while_running_elsewhere) {
	unsigned int faults = ztest_fault_count();

	start_reader();
	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	zassert_ok(k_mem_domain_add_thread(&domain_without, &reader));
	check_stopped(progress, faults);
}

ZTEST(smp_isolation, test_grant_revoked_while_running_elsewhere) {
	unsigned int faults = ztest_fault_count();

	start_thread(give_loop);
	ztest_expect_fault(K_ERR_KERNEL_OOPS);
	k_object_access_revoke(&given, &reader);
	check_stopped(progress, faults);
}

static void before(void *f)
{
	ARG_UNUSED(f);
	if (arch_num_cpus() < 2U) {
		ztest_test_skip();
	}
}

ZTEST_SUITE(smp_isolation, NULL, NULL, before, NULL, NULL);
