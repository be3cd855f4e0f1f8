/*
 * What the three user threads of the sample share, and what they must not.
 *
 *   partition      in domain(s)              holds
 *   shared_part    producer, consumer        the ring buffer and its storage
 *   producer_part  producer                  the producer's private state
 *   consumer_part  consumer                  the consumer's private state
 *   intruder_part  intruder                  the intruder's own scratch data
 *
 * Kernel objects (in kernel memory, reached by system calls after a grant):
 * ring_lock (a k_mutex serialising ring access) and data_ready/space_ready
 * (k_sems that let each side sleep instead of polling).
 */
#ifndef SHARED_RINGBUF_SHARED_H
#define SHARED_RINGBUF_SHARED_H

#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/app_memory/app_memdomain.h>
#include <zephyr/sys/ring_buffer.h>

#define ITEMS      100000U /* 32-bit values sent */
#define RING_BYTES 1024U   /* storage of the ring */
#define BATCH      16U     /* most values moved per ring operation */

extern struct k_mem_partition shared_part;
extern struct k_mem_partition producer_part;
extern struct k_mem_partition consumer_part;
extern struct k_mem_partition intruder_part;

extern struct ring_buf ring;

extern struct k_mutex ring_lock;
extern struct k_sem data_ready;
extern struct k_sem space_ready;

/* Producer state (producer_part): the intruder will try to read it. */
struct producer_state {
	uint32_t next_value;
	uint32_t bytes_sent;
	uint32_t claim_batches; /* batches written in place (put_claim/put_finish) */
	uint32_t copy_batches;  /* batches copied in (ring_buf_put) */
};
extern struct producer_state producer;

/* Consumer state (consumer_part). */
struct consumer_state {
	uint32_t expected;
	uint32_t received;
	uint32_t bytes_received;
	uint32_t lost;
	uint32_t out_of_order;
};
extern struct consumer_state consumer;

void producer_entry(void *p1, void *p2, void *p3);
void consumer_entry(void *p1, void *p2, void *p3);
void intruder_read_entry(void *p1, void *p2, void *p3);
void intruder_write_entry(void *p1, void *p2, void *p3);

#endif /* SHARED_RINGBUF_SHARED_H */
