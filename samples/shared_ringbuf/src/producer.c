/*
 * Thread A, the producer (user mode, domain A): writes incrementing 32-bit
 * values into the shared ring. Every other batch is written in place with
 * ring_buf_put_claim()/ring_buf_put_finish() (zero copy: the values go
 * straight into the shared partition); the others are copied in with
 * ring_buf_put().
 */
#include "shared.h"

K_APPMEM_PARTITION_DEFINE(producer_part);
K_APP_BMEM(producer_part) struct producer_state producer;

/* Write up to @n values in place; returns how many. */
static uint32_t put_in_place(uint32_t n)
{
	uint8_t *dst;
	uint32_t bytes = ring_buf_put_claim(&ring, &dst, n * sizeof(uint32_t));
	uint32_t count = bytes / sizeof(uint32_t);

	for (uint32_t i = 0; i < count; i++) {
		uint32_t v = producer.next_value + i;

		memcpy(dst + i * sizeof(uint32_t), &v, sizeof(v));
	}
	(void)ring_buf_put_finish(&ring, count * sizeof(uint32_t));
	return count;
}

/* Copy up to @n values in; returns how many. */
static uint32_t put_copy(uint32_t n)
{
	uint32_t values[BATCH];
	uint32_t fit = MIN(n, ring_buf_space_get(&ring) / (uint32_t)sizeof(uint32_t));

	for (uint32_t i = 0; i < fit; i++) {
		values[i] = producer.next_value + i;
	}
	return ring_buf_put(&ring, (uint8_t *)values, fit * sizeof(uint32_t)) / sizeof(uint32_t);
}

void producer_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	while (producer.next_value < ITEMS) {
		uint32_t n = MIN(BATCH, ITEMS - producer.next_value);
		bool in_place = ((producer.claim_batches + producer.copy_batches) % 2U) == 0U;

		k_mutex_lock(&ring_lock, K_FOREVER);
		uint32_t done = in_place ? put_in_place(n) : put_copy(n);
		k_mutex_unlock(&ring_lock);

		if (done == 0U) {
			/* Ring full: sleep until the consumer has made room. */
			k_sem_take(&space_ready, K_FOREVER);
			continue;
		}
		if (in_place) {
			producer.claim_batches++;
		} else {
			producer.copy_batches++;
		}
		producer.next_value += done;
		producer.bytes_sent += done * sizeof(uint32_t);
		k_sem_give(&data_ready);
	}
}
