/*
 * Host test of the lock-free contract under ThreadSanitizer: one producer and
 * one consumer thread share a ring with no lock, in three modes (copying
 * calls, claim/finish with partial finishes, items). Every byte and item is
 * checked in order, and TSan reports a data race on the array if a side
 * touched data without the release/acquire pairing of the published indices.
 */
#include <breeze/sys/ring_buffer.h>

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define STREAM_BYTES 3000000U
#define ITEM_COUNT   200000U
#define RING_BYTES   61U /* not a power of two, not a multiple of 4 */
#define ITEM_WORDS   13U

enum mode {
	MODE_COPY,
	MODE_CLAIM,
	MODE_ITEMS,
};

struct shared {
	struct ring_buf rb;
	enum mode mode;
	uint64_t seed;
	/* Each written by one thread only, read after the joins (check.h's
	 * counter is not thread safe, so the threads do not call CHECK). */
	uint32_t received;
	uint32_t mismatches;
	uint32_t producer_errors;
};

static uint8_t ring_storage[RING_BYTES];
static uint32_t item_storage[ITEM_WORDS];

/* Per-thread xorshift: check.h's generator is not thread safe. */
static uint32_t next_random(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

static uint8_t stream_byte(uint32_t i)
{
	return (uint8_t)((i * 31U) ^ (i >> 8) ^ (i >> 16));
}

static void produce_bytes(struct shared *s)
{
	uint32_t rnd = (uint32_t)s->seed | 1U;
	uint32_t sent = 0;
	uint8_t chunk[RING_BYTES + 8];

	while (sent < STREAM_BYTES) {
		uint32_t want = 1U + next_random(&rnd) % (RING_BYTES + 7U);
		uint32_t done;

		if (want > STREAM_BYTES - sent) {
			want = STREAM_BYTES - sent;
		}
		if (s->mode == MODE_COPY) {
			for (uint32_t i = 0; i < want; i++) {
				chunk[i] = stream_byte(sent + i);
			}
			done = ring_buf_put(&s->rb, chunk, want);
		} else {
			uint8_t *area;
			uint32_t got = ring_buf_put_claim(&s->rb, &area, want);

			/* Publish only part of the claim now and then. */
			done = (got > 1U && (next_random(&rnd) & 3U) == 0U) ? got / 2U : got;
			for (uint32_t i = 0; i < done; i++) {
				area[i] = stream_byte(sent + i);
			}
			if (ring_buf_put_finish(&s->rb, done) != 0) {
				s->producer_errors++;
			}
		}
		sent += done;
		if (done == 0U) {
			sched_yield();
		}
	}
}

static void consume_bytes(struct shared *s)
{
	uint32_t rnd = (uint32_t)(s->seed >> 32) | 1U;
	uint8_t chunk[RING_BYTES + 8];

	while (s->received < STREAM_BYTES) {
		uint32_t want = 1U + next_random(&rnd) % (RING_BYTES + 7U);
		uint8_t *data = chunk;
		uint32_t got;

		if (s->mode == MODE_COPY) {
			got = ring_buf_get(&s->rb, chunk, want);
		} else {
			got = ring_buf_get_claim(&s->rb, &data, want);
			/* Free only part of the claim now and then: the rest comes again. */
			if (got > 1U && (next_random(&rnd) & 3U) == 0U) {
				got /= 2U;
			}
		}
		for (uint32_t i = 0; i < got; i++) {
			if (data[i] != stream_byte(s->received + i)) {
				s->mismatches++;
			}
		}
		if (s->mode != MODE_COPY) {
			if (ring_buf_get_finish(&s->rb, got) != 0) {
				s->mismatches++;
			}
		}
		s->received += got;
		if (got == 0U) {
			sched_yield();
		}
	}
}

static void produce_items(struct shared *s)
{
	uint32_t rnd = (uint32_t)s->seed | 1U;
	uint32_t words[ITEM_WORDS];

	for (uint32_t n = 0; n < ITEM_COUNT;) {
		uint8_t len = (uint8_t)(n % 5U);

		for (uint32_t w = 0; w < len; w++) {
			words[w] = n * 7U + w;
		}
		if (ring_buf_item_put(&s->rb, (uint16_t)n, (uint8_t)(n >> 3), words, len) == 0) {
			n++;
		} else if ((next_random(&rnd) & 1U) != 0U) {
			sched_yield();
		}
	}
}

static void consume_items(struct shared *s)
{
	uint32_t words[ITEM_WORDS];

	while (s->received < ITEM_COUNT) {
		uint32_t n = s->received;
		uint16_t type;
		uint8_t value;
		uint8_t len = ITEM_WORDS;
		int rc = ring_buf_item_get(&s->rb, &type, &value, words, &len);

		if (rc == -EAGAIN) {
			sched_yield();
			continue;
		}
		if (rc != 0 || type != (uint16_t)n || value != (uint8_t)(n >> 3) || len != n % 5U) {
			s->mismatches++;
		}
		for (uint32_t w = 0; w < len && w < ITEM_WORDS; w++) {
			if (words[w] != n * 7U + w) {
				s->mismatches++;
			}
		}
		s->received++;
	}
}

static void *producer_main(void *arg)
{
	struct shared *s = arg;

	if (s->mode == MODE_ITEMS) {
		produce_items(s);
	} else {
		produce_bytes(s);
	}
	return NULL;
}

static void *consumer_main(void *arg)
{
	struct shared *s = arg;

	if (s->mode == MODE_ITEMS) {
		consume_items(s);
	} else {
		consume_bytes(s);
	}
	return NULL;
}

static void run_mode(enum mode mode, uint32_t start)
{
	static struct shared s;
	pthread_t producer;
	pthread_t consumer;

	memset(&s, 0, sizeof(s));
	s.mode = mode;
	s.seed = 0x9E3779B97F4A7C15ULL * (mode + 1U);
	if (mode == MODE_ITEMS) {
		ring_buf_item_init(&s.rb, ITEM_WORDS, item_storage);
	} else {
		ring_buf_init(&s.rb, RING_BYTES, ring_storage);
	}
	ring_buf_internal_reset(&s.rb, (int32_t)start);

	CHECK_EQ(pthread_create(&consumer, NULL, consumer_main, &s), 0);
	CHECK_EQ(pthread_create(&producer, NULL, producer_main, &s), 0);
	CHECK_EQ(pthread_join(producer, NULL), 0);
	CHECK_EQ(pthread_join(consumer, NULL), 0);

	CHECK_EQ(s.mismatches, 0);
	CHECK_EQ(s.producer_errors, 0);
	CHECK_EQ(s.received, mode == MODE_ITEMS ? ITEM_COUNT : STREAM_BYTES);
	CHECK(ring_buf_is_empty(&s.rb));
	CHECK_EQ(ring_buf_space_get(&s.rb), ring_buf_capacity_get(&s.rb));
	/* The indices advanced by exactly the traffic (modulo 2N), across their wrap. */
	CHECK_EQ(s.rb.read_idx, s.rb.write_idx);
	if (mode != MODE_ITEMS) {
		int64_t lim = 2 * (int64_t)RING_BYTES;
		int64_t idx = ((int64_t)(int32_t)start % lim + lim) % lim;

		CHECK_EQ(s.rb.write_idx, (uint32_t)((idx + STREAM_BYTES) % lim));
	}
}

int main(void)
{
	run_mode(MODE_COPY, 0xFFFFFFFFU - 1000U);
	run_mode(MODE_CLAIM, 0xFFFFFFFFU - 100000U);
	run_mode(MODE_ITEMS, 0x7FFFFFF0U);
	return check_done("host.ring_buffer_threads");
}
