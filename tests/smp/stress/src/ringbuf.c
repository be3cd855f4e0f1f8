/*
 * A ring buffer between two CPUs, with no lock: one producer pinned to CPU 0,
 * one consumer pinned to CPU 1, a million bytes of a known sequence in
 * chunks of varying sizes. Every byte must arrive, once, in order. When the
 * buffer is full (empty) the producer (consumer) sleeps a tick rather than
 * spin, so that the other CPU gets its turn under -icount too.
 */
#include <zephyr/ztest.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/ring_buffer.h>

#define TOTAL      1000000U
#define STACK_SIZE 1024

RING_BUF_DECLARE(ring, 1024);

static struct k_thread producer_thread, consumer_thread;
K_THREAD_STACK_DEFINE(producer_stack, STACK_SIZE);
K_THREAD_STACK_DEFINE(consumer_stack, STACK_SIZE);

static volatile uint32_t received, mismatches, first_bad = UINT32_MAX;
static volatile int producer_cpu = -1, consumer_cpu = -1;

static uint8_t byte_at(uint32_t i)
{
	return (uint8_t)(i * 7U + (i >> 8) + (i >> 16));
}

static int cpu_now(void)
{
	unsigned int key = arch_irq_lock();
	int cpu = (int)arch_proc_id();

	arch_irq_unlock(key);
	return cpu;
}

static void produce(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uint8_t chunk[97];
	uint32_t sent = 0;

	producer_cpu = cpu_now();
	while (sent < TOTAL) {
		uint32_t len = MIN(1U + sent % ARRAY_SIZE(chunk), TOTAL - sent);

		for (uint32_t i = 0; i < len; i++) {
			chunk[i] = byte_at(sent + i);
		}
		uint32_t put = ring_buf_put(&ring, chunk, len);

		sent += put;
		if (put < len) {
			k_sleep(K_TICKS(1));
		}
	}
}

static void consume(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uint8_t chunk[61];

	consumer_cpu = cpu_now();
	while (received < TOTAL) {
		uint32_t got = ring_buf_get(&ring, chunk, 1U + received % ARRAY_SIZE(chunk));

		for (uint32_t i = 0; i < got; i++) {
			if (chunk[i] != byte_at(received + i)) {
				if (mismatches++ == 0U) {
					first_bad = received + i;
				}
			}
		}
		received += got;
		if (got == 0U) {
			k_sleep(K_TICKS(1));
		}
	}
}

ZTEST(smp_ringbuf, test_a_million_bytes_across_cpus)
{
	if (arch_num_cpus() < 2U) {
		ztest_test_skip();
	}
	k_thread_create(&producer_thread, producer_stack, STACK_SIZE, produce, NULL, NULL, NULL,
			K_PRIO_PREEMPT(2), 0, K_FOREVER);
	k_thread_create(&consumer_thread, consumer_stack, STACK_SIZE, consume, NULL, NULL, NULL,
			K_PRIO_PREEMPT(2), 0, K_FOREVER);
	zassert_ok(k_thread_cpu_pin(&producer_thread, 0));
	zassert_ok(k_thread_cpu_pin(&consumer_thread, 1));
	k_thread_start(&consumer_thread);
	k_thread_start(&producer_thread);
	zassert_ok(k_thread_join(&producer_thread, K_FOREVER));
	zassert_ok(k_thread_join(&consumer_thread, K_FOREVER));
	TC_PRINT("%u bytes from CPU %d to CPU %d, %u out of place (first at %d)\n", received,
		 producer_cpu, consumer_cpu, mismatches, (int)first_bad);
	zassert_equal(received, TOTAL);
	zassert_equal(mismatches, 0U, "bytes lost or reordered");
	zassert_equal(producer_cpu, 0);
	zassert_equal(consumer_cpu, 1);
	zassert_true(ring_buf_is_empty(&ring));
}

ZTEST_SUITE(smp_ringbuf, NULL, NULL, NULL, NULL, NULL);
