/*
 * Zero-copy sharing between two isolated user threads.
 *
 * The supervisor (main) builds three memory domains, creates the producer,
 * the consumer and the intruder as user threads, grants them the kernel
 * objects they need, lets them run, and prints what happened.
 */
#include <stdio.h>
#include "shared.h"

K_APPMEM_PARTITION_DEFINE(shared_part);
K_APP_BMEM(shared_part) struct ring_buf ring;
K_APP_BMEM(shared_part) uint8_t ring_storage[RING_BYTES];

K_MUTEX_DEFINE(ring_lock);
K_SEM_DEFINE(data_ready, 0, 1);
K_SEM_DEFINE(space_ready, 0, 1);

static struct k_mem_domain domain_a, domain_b, domain_intruder;

#define STACK_SIZE 1024
K_THREAD_STACK_DEFINE(producer_stack, STACK_SIZE);
K_THREAD_STACK_DEFINE(consumer_stack, STACK_SIZE);
K_THREAD_STACK_ARRAY_DEFINE(intruder_stacks, 2, STACK_SIZE);
static struct k_thread producer_thread, consumer_thread, intruder_threads[2];

static unsigned int faults_caught;

/*
 * Breeze already ends only the faulting user thread; this hook counts the
 * intruder's faults, and stops everything if anything else faults.
 */
void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	k_tid_t t = k_current_get();

	if (t == &intruder_threads[0] || t == &intruder_threads[1]) {
		faults_caught++;
		return;
	}
	k_fatal_halt(reason);
}

static void setup_domains(void)
{
	struct k_mem_partition *a[] = { &producer_part, &shared_part };
	struct k_mem_partition *b[] = { &consumer_part, &shared_part };
	struct k_mem_partition *i[] = { &intruder_part };

	k_mem_domain_init(&domain_a, ARRAY_SIZE(a), a);
	k_mem_domain_init(&domain_b, ARRAY_SIZE(b), b);
	k_mem_domain_init(&domain_intruder, ARRAY_SIZE(i), i);
}

static k_tid_t spawn(struct k_thread *t, k_thread_stack_t *stack, k_thread_entry_t entry,
		     const char *name, struct k_mem_domain *domain, k_timeout_t delay)
{
	k_thread_create(t, stack, STACK_SIZE, entry, NULL, NULL, NULL, 5, K_USER, K_FOREVER);
	k_thread_name_set(t, name);
	k_mem_domain_add_thread(domain, t);
	if (!K_TIMEOUT_EQ(delay, K_FOREVER)) {
		k_thread_access_grant(t, &ring_lock, &data_ready, &space_ready);
	}
	return t;
}

int main(void)
{
	printf("\nBreeze shared ring buffer demo\n"
	       "  A producer and a consumer run as user threads in two memory domains.\n"
	       "  Each has a private partition the other cannot see; both map one shared\n"
	       "  partition holding a ring buffer, used without any copy through the kernel.\n"
	       "  A k_mutex both were granted serialises access; k_sems signal data and room.\n"
	       "  An intruder in a third domain tries to read A's private data and to write\n"
	       "  the shared ring: each attempt faults, and only the intruder dies.\n\n");

	ring_buf_init(&ring, sizeof(ring_storage), ring_storage);
	setup_domains();

	spawn(&producer_thread, producer_stack, producer_entry, "producer", &domain_a, K_NO_WAIT);
	spawn(&consumer_thread, consumer_stack, consumer_entry, "consumer", &domain_b, K_NO_WAIT);
	/* The intruders get no grants at all, and strike while the transfer runs. */
	spawn(&intruder_threads[0], intruder_stacks[0], intruder_read_entry, "intruder-read",
	      &domain_intruder, K_FOREVER);
	spawn(&intruder_threads[1], intruder_stacks[1], intruder_write_entry, "intruder-write",
	      &domain_intruder, K_FOREVER);

#if defined(CONFIG_SMP) && defined(CONFIG_SCHED_CPU_MASK)
	/* With two harts or more (make run SMP=2): both ends of the ring at once. */
	if (arch_num_cpus() > 1U) {
		k_thread_cpu_pin(&producer_thread, 0);
		k_thread_cpu_pin(&consumer_thread, 1);
		printf("  %u harts: the producer runs on CPU 0, the consumer on CPU 1.\n\n",
		       arch_num_cpus());
	}
#endif
	uint64_t start = k_cycle_get_64();

	k_thread_start(&producer_thread);
	k_thread_start(&consumer_thread);
	k_msleep(1);
	k_thread_start(&intruder_threads[0]);
	k_thread_start(&intruder_threads[1]);

	for (int i = 0; i < 2; i++) {
		k_thread_join(&intruder_threads[i], K_FOREVER);
	}
	uint32_t sent_when_intruders_died = producer.next_value;

	k_thread_join(&producer_thread, K_FOREVER);
	k_thread_join(&consumer_thread, K_FOREVER);
	uint64_t cycles = k_cycle_get_64() - start;

	uint64_t us = k_cyc_to_us_floor64(cycles);
	uint64_t rate =
	    cycles == 0 ? 0 : (uint64_t)ITEMS * CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / cycles;
	bool ok = producer.next_value == ITEMS && consumer.received == ITEMS &&
		  consumer.lost == 0U && consumer.out_of_order == 0U && faults_caught == 2U &&
		  sent_when_intruders_died < ITEMS;

	printf("\nSummary\n");
	printf("  items sent        %u (%u bytes: %u batches written in place, %u copied)\n",
	       (unsigned int)producer.next_value, (unsigned int)producer.bytes_sent,
	       (unsigned int)producer.claim_batches, (unsigned int)producer.copy_batches);
	printf("  items received    %u (%u bytes), each checked\n", (unsigned int)consumer.received,
	       (unsigned int)consumer.bytes_received);
	printf("  lost              %u\n", (unsigned int)consumer.lost);
	printf("  out of order      %u\n", (unsigned int)consumer.out_of_order);
	printf("  faults caught     %u (intruder ended after %u of %u items; A and B went on)\n",
	       faults_caught, (unsigned int)sent_when_intruders_died, ITEMS);
	printf("  virtual time      %u.%03u ms\n", (unsigned int)(us / 1000U),
	       (unsigned int)(us % 1000U));
	printf("  throughput        %u items/s of virtual time\n", (unsigned int)rate);
	printf("RESULT: %s\n", ok ? "PASS" : "FAIL");
	sys_exit(ok ? 0 : 1);
}
