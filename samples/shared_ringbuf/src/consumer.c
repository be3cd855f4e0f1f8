/*
 * Thread B, the consumer (user mode, domain B): reads the values back in
 * place with ring_buf_get_claim()/ring_buf_get_finish() and checks that each
 * arrives exactly once and in order.
 */
#include "shared.h"

K_APPMEM_PARTITION_DEFINE(consumer_part);
K_APP_BMEM(consumer_part) struct consumer_state consumer;

static void check(uint32_t v)
{
	if (v == consumer.expected) {
		consumer.expected++;
	} else if (v > consumer.expected) {
		consumer.lost += v - consumer.expected;
		consumer.expected = v + 1U;
	} else {
		consumer.out_of_order++;
	}
	consumer.received++;
}

void consumer_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	while (consumer.expected < ITEMS) {
		uint8_t *src;

		k_mutex_lock(&ring_lock, K_FOREVER);
		uint32_t bytes = ring_buf_get_claim(&ring, &src, BATCH * sizeof(uint32_t));
		uint32_t count = bytes / sizeof(uint32_t);

		for (uint32_t i = 0; i < count; i++) {
			uint32_t v;

			memcpy(&v, src + i * sizeof(uint32_t), sizeof(v));
			check(v);
		}
		(void)ring_buf_get_finish(&ring, count * sizeof(uint32_t));
		k_mutex_unlock(&ring_lock);

		if (count == 0U) {
			/* Nothing yet: sleep until the producer signals. */
			k_sem_take(&data_ready, K_FOREVER);
			continue;
		}
		consumer.bytes_received += count * sizeof(uint32_t);
		k_sem_give(&space_ready);
	}
}
