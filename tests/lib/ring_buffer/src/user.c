/*
 * A ring buffer used from user mode (variant "userspace" of this image): the
 * ring's struct, its array and the results live in one application memory
 * partition; a user producer and a user consumer thread in a memory domain
 * holding that partition move a byte stream through it with no lock and no
 * system call in the ring code, and every byte is checked. A user thread
 * outside the domain faults on its first ring call, so the access really
 * comes from the partition.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/ring_buffer.h>
#include <zephyr/ztest.h>

#ifdef CONFIG_USERSPACE

#include <zephyr/app_memory/app_memdomain.h>

#define USER_STREAM_BYTES 100000U
#define USER_RING_BYTES   509U
#define USER_PERIOD       13U
#define USER_MAX_CHUNK    64U
#define USER_STACK_SIZE   2048
#define USER_PRIO_HIGH    3
#define USER_PRIO_LOW     4

/* What the user threads saw; each field written by one thread only. */
struct user_results {
	uint32_t produced;
	uint32_t consumed;
	uint32_t mismatches;
	uint32_t errors;
	uint32_t producer_sleeps;
};

K_APPMEM_PARTITION_DEFINE(ring_part);
K_APP_BMEM(ring_part) static struct ring_buf user_ring;
K_APP_BMEM(ring_part) static uint8_t user_ring_storage[USER_RING_BYTES];
K_APP_BMEM(ring_part) static uint8_t user_pattern[USER_PERIOD + USER_MAX_CHUNK];
K_APP_BMEM(ring_part) static struct user_results results;

static struct k_mem_domain ring_domain;
static bool ring_domain_ready;
static struct k_thread user_threads[3];
static K_THREAD_STACK_ARRAY_DEFINE(user_stacks, 3, USER_STACK_SIZE);

static uint32_t user_random(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

static const uint8_t *user_stream_at(uint32_t first)
{
	return &user_pattern[first % USER_PERIOD];
}

/* User mode, higher priority: fills the ring, sleeps a tick when it is full. */
static void user_producer(void *p1, void *p2, void *p3)
{
	uint32_t rnd = 0x13579BDFU;

	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	while (results.produced < USER_STREAM_BYTES) {
		uint32_t want = 1U + user_random(&rnd) % USER_MAX_CHUNK;
		uint32_t done;

		want = MIN(want, USER_STREAM_BYTES - results.produced);
		if ((user_random(&rnd) & 1U) != 0U) {
			uint8_t *area;

			done = ring_buf_put_claim(&user_ring, &area, want);
			memcpy(area, user_stream_at(results.produced), done);
			if (ring_buf_put_finish(&user_ring, done) != 0) {
				results.errors++;
			}
		} else {
			done = ring_buf_put(&user_ring, user_stream_at(results.produced), want);
		}
		results.produced += done;
		if (done == 0U) {
			k_sleep(K_TICKS(1));
			results.producer_sleeps++;
		}
	}
}

/* User mode, lower priority: drains the ring and checks every byte. */
static void user_consumer(void *p1, void *p2, void *p3)
{
	uint32_t rnd = 0x2468ACE1U;
	uint8_t chunk[USER_MAX_CHUNK];

	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	while (results.consumed < USER_STREAM_BYTES) {
		uint32_t want = 1U + user_random(&rnd) % USER_MAX_CHUNK;
		const uint8_t *data = chunk;
		uint32_t done;

		if ((user_random(&rnd) & 1U) != 0U) {
			uint8_t *area;

			done = ring_buf_get_claim(&user_ring, &area, want);
			data = area;
		} else {
			done = ring_buf_get(&user_ring, chunk, want);
		}
		if (memcmp(data, user_stream_at(results.consumed), done) != 0) {
			results.mismatches++;
		}
		if (data != chunk && ring_buf_get_finish(&user_ring, done) != 0) {
			results.errors++;
		}
		results.consumed += done;
	}
}

/* User mode, outside the domain: must fault on the ring's memory. */
static void user_outsider(void *p1, void *p2, void *p3)
{
	uint8_t byte = 1;

	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)ring_buf_put(&user_ring, &byte, 1);
}

static k_tid_t create_user(unsigned int slot, k_thread_entry_t entry, int prio)
{
	return k_thread_create(&user_threads[slot], user_stacks[slot],
			       K_THREAD_STACK_SIZEOF(user_stacks[slot]), entry, NULL, NULL, NULL,
			       prio, K_USER, K_FOREVER);
}

static void setup_ring(void)
{
	struct k_mem_partition *parts[] = { &ring_part };

	if (!ring_domain_ready) {
		zassert_equal(k_mem_domain_init(&ring_domain, 1, parts), 0);
		ring_domain_ready = true;
	}
	for (uint32_t i = 0; i < sizeof(user_pattern); i++) {
		user_pattern[i] = (uint8_t)((i % USER_PERIOD) * 19U + 1U);
	}
	memset(&results, 0, sizeof(results));
	ring_buf_init(&user_ring, sizeof(user_ring_storage), user_ring_storage);
	/* Cross the wrap of the indices at 2N on the way (about 100 times). */
	ring_buf_internal_reset(&user_ring, -(int32_t)(USER_STREAM_BYTES / 2U));
}

ZTEST(ring_buffer_user, test_user_producer_and_consumer) {
	unsigned int faults = ztest_fault_count();
	k_tid_t consumer;
	k_tid_t producer;

	setup_ring();
	consumer = create_user(0, user_consumer, USER_PRIO_LOW);
	producer = create_user(1, user_producer, USER_PRIO_HIGH);
	zassert_equal(k_mem_domain_add_thread(&ring_domain, consumer), 0);
	zassert_equal(k_mem_domain_add_thread(&ring_domain, producer), 0);
	k_thread_start(consumer);
	k_thread_start(producer);
	zassert_equal(k_thread_join(producer, K_FOREVER), 0);
	zassert_equal(k_thread_join(consumer, K_FOREVER), 0);

	zassert_equal(ztest_fault_count(), faults, "a user thread faulted");
	zassert_equal(results.produced, USER_STREAM_BYTES);
	zassert_equal(results.consumed, USER_STREAM_BYTES);
	zassert_equal(results.mismatches, 0);
	zassert_equal(results.errors, 0);
	zassert_true(results.producer_sleeps > 0U, "the ring never filled up");
	zassert_true(ring_buf_is_empty(&user_ring));
	/* From 2N - (stream / 2) modulo 2N, moved by the whole stream. */
	zassert_equal(user_ring.write_idx, (USER_STREAM_BYTES / 2U) % (2U * USER_RING_BYTES));
	zassert_equal(user_ring.read_idx, user_ring.write_idx);
}

ZTEST(ring_buffer_user, test_user_thread_outside_the_domain_faults) {
	unsigned int faults = ztest_fault_count();
	k_tid_t outsider;

	setup_ring();
	outsider = create_user(2, user_outsider, USER_PRIO_HIGH);
	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	k_thread_start(outsider);
	zassert_equal(k_thread_join(outsider, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults + 1U,
		      "the ring was reachable without the partition");
	zassert_true(ring_buf_is_empty(&user_ring), "nothing may have been written");
}

#else /* !CONFIG_USERSPACE */

ZTEST(ring_buffer_user, test_user_mode_needs_userspace) {
	ztest_test_skip();
}

#endif /* CONFIG_USERSPACE */

ZTEST_SUITE(ring_buffer_user, NULL, NULL, NULL, NULL, NULL);
