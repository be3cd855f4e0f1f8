/*
 * Ring buffer stress across two memory domains: a user producer (domain P)
 * and a user consumer (domain C) share only the partition holding the ring.
 * Over a million bytes go through in random chunk sizes, with the copying and
 * the zero-copy (claim/finish) calls, and the consumer checks every byte
 * against the stream the producer generated. No lock: one producer and one
 * consumer rely on the ring's acquire/release ordering; time slicing (1 ms)
 * preempts both sides in the middle of their ring calls.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/sys/ring_buffer.h>
#include <zephyr/app_memory/app_memdomain.h>

#define STREAM_BYTES (1024U * 1024U + 333U)
#define RING_BYTES   997U /* not a power of two */
#define MAX_CHUNK    97U
#define STACK_SIZE   2048

K_APPMEM_PARTITION_DEFINE(ring_part);
K_APP_BMEM(ring_part) static struct ring_buf ring;
K_APP_BMEM(ring_part) static uint8_t ring_storage[RING_BYTES];

/* Each side's own state, out of the other's reach. */
struct side {
	uint32_t done;   /* bytes moved */
	uint32_t rng;    /* chunk size generator */
	uint32_t bad;    /* bytes that did not match, or failed calls */
	uint32_t claims; /* operations through claim/finish */
	uint32_t copies; /* operations through put/get */
	bool zero_copy;
};
K_APPMEM_PARTITION_DEFINE(prod_part);
K_APPMEM_PARTITION_DEFINE(cons_part);
K_APP_BMEM(prod_part) static struct side prod;
K_APP_BMEM(cons_part) static struct side cons;

static struct k_mem_domain prod_domain, cons_domain;
static struct k_thread threads[2];
static K_THREAD_STACK_ARRAY_DEFINE(stacks, 2, STACK_SIZE);

static uint32_t next_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Byte @i of the stream: both sides compute it, nothing else is shared. */
static uint8_t stream_byte(uint32_t i)
{
	uint32_t x = i * 2654435761U;

	return (uint8_t)(x >> 24 ^ x >> 11 ^ i);
}

static void producer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uint8_t chunk[MAX_CHUNK];

	while (prod.done < STREAM_BYTES) {
		uint32_t size = 1U + next_rand(&prod.rng) % MAX_CHUNK; /* MIN evaluates twice */
		uint32_t want = MIN(size, STREAM_BYTES - prod.done);
		uint32_t n;

		if (prod.zero_copy && (prod.claims + prod.copies) % 2U == 0U) {
			uint8_t *dst;

			n = ring_buf_put_claim(&ring, &dst, want);
			for (uint32_t i = 0; i < n; i++) {
				dst[i] = stream_byte(prod.done + i);
			}
			prod.bad += ring_buf_put_finish(&ring, n) != 0 ? 1U : 0U;
			prod.claims++;
		} else {
			for (uint32_t i = 0; i < want; i++) {
				chunk[i] = stream_byte(prod.done + i);
			}
			n = ring_buf_put(&ring, chunk, want);
			prod.copies++;
		}
		prod.done += n;
		if (n == 0U) {
			k_yield();
		}
	}
}

static void consumer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uint8_t chunk[MAX_CHUNK];

	while (cons.done < STREAM_BYTES) {
		uint32_t want = 1U + next_rand(&cons.rng) % MAX_CHUNK;
		uint32_t n;
		const uint8_t *src;

		if (cons.zero_copy && (cons.claims + cons.copies) % 2U == 0U) {
			uint8_t *p;

			n = ring_buf_get_claim(&ring, &p, want);
			src = p;
		} else {
			n = ring_buf_get(&ring, chunk, want);
			src = chunk;
		}
		for (uint32_t i = 0; i < n; i++) {
			if (src[i] != stream_byte(cons.done + i)) {
				cons.bad++;
			}
		}
		if (src != chunk) {
			cons.bad += ring_buf_get_finish(&ring, n) != 0 ? 1U : 0U;
			cons.claims++;
		} else {
			cons.copies++;
		}
		cons.done += n;
		if (n == 0U) {
			k_yield();
		}
	}
}

static void run(bool zero_copy)
{
	struct k_mem_partition *pp[] = { &ring_part, &prod_part };
	struct k_mem_partition *cp[] = { &ring_part, &cons_part };

	zassert_ok(k_mem_domain_init(&prod_domain, ARRAY_SIZE(pp), pp));
	zassert_ok(k_mem_domain_init(&cons_domain, ARRAY_SIZE(cp), cp));
	ring_buf_init(&ring, sizeof(ring_storage), ring_storage);
	memset(&prod, 0, sizeof(prod));
	memset(&cons, 0, sizeof(cons));
	prod.rng = 0x12345678U;
	cons.rng = 0x9abcdef1U;
	prod.zero_copy = zero_copy;
	cons.zero_copy = zero_copy;

	k_thread_entry_t entries[2] = { producer, consumer };
	struct k_mem_domain *domains[2] = { &prod_domain, &cons_domain };

	for (int i = 0; i < 2; i++) {
		k_thread_create(&threads[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]),
				entries[i], NULL, NULL, NULL, 5, K_USER, K_FOREVER);
		k_mem_domain_add_thread(domains[i], &threads[i]);
	}
	k_thread_start(&threads[0]);
	k_thread_start(&threads[1]);
	zassert_ok(k_thread_join(&threads[0], K_SECONDS(60)));
	zassert_ok(k_thread_join(&threads[1], K_SECONDS(60)));

	zassert_equal(prod.done, STREAM_BYTES);
	zassert_equal(cons.done, STREAM_BYTES);
	zassert_equal(prod.bad, 0, "%u producer calls failed", (unsigned int)prod.bad);
	zassert_equal(cons.bad, 0, "%u bytes differ or calls failed", (unsigned int)cons.bad);
	zassert_true(ring_buf_is_empty(&ring));
	if (zero_copy) {
		zassert_true(prod.claims > 1000U && cons.claims > 1000U);
	}
	printk("moved %u bytes: producer %u claims %u copies, consumer %u claims %u copies\n",
	       (unsigned int)cons.done, (unsigned int)prod.claims, (unsigned int)prod.copies,
	       (unsigned int)cons.claims, (unsigned int)cons.copies);
}

ZTEST(ringbuf_stress, test_copy_calls_across_domains) {
	run(false);
}

ZTEST(ringbuf_stress, test_zero_copy_calls_across_domains) {
	run(true);
}

/* The domains really separate the sides: the producer cannot see the consumer's state. */
static void peek_consumer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	(void)*(volatile uint32_t *)&cons.done;
}

ZTEST(ringbuf_stress, test_sides_are_isolated) {
	struct k_mem_partition *pp[] = { &ring_part, &prod_part };

	zassert_ok(k_mem_domain_init(&prod_domain, ARRAY_SIZE(pp), pp));
	unsigned int before = ztest_fault_count();

	ztest_expect_fault(K_ERR_CPU_EXCEPTION);
	k_thread_create(&threads[0], stacks[0], K_THREAD_STACK_SIZEOF(stacks[0]), peek_consumer,
			NULL, NULL, NULL, 5, K_USER, K_FOREVER);
	k_mem_domain_add_thread(&prod_domain, &threads[0]);
	k_thread_start(&threads[0]);
	zassert_ok(k_thread_join(&threads[0], K_SECONDS(1)));
	zassert_equal(ztest_fault_count(), before + 1U);
}

ZTEST_SUITE(ringbuf_stress, NULL, NULL, NULL, NULL, NULL);
