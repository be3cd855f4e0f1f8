/*
 * Reference model of a ring buffer, shared by the host unit test and the
 * libFuzzer target: a harness drives a real struct ring_buf and a plain model
 * (a linear array of the queued bytes plus the claimed amounts and the bytes
 * moved since the last reset) with the same operations, checks every return value, pointer and
 * copied byte against the model, and after each step checks the queries, the
 * indices and claim counters, the array positions and the bytes in the ring's
 * storage.
 *
 * The includer defines RM_CHECK(cond), RM_CHECK_EQ(actual, expected) for
 * unsigned values, RM_CHECK_EQ_INT for signed ones and RM_CHECK_PTR_EQ, each
 * stopping the program on failure.
 */
#ifndef RING_MODEL_H
#define RING_MODEL_H

#include <breeze/sys/ring_buffer.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if !defined(RM_CHECK) || !defined(RM_CHECK_EQ) || !defined(RM_CHECK_EQ_INT) || \
    !defined(RM_CHECK_PTR_EQ)
#error "define the RM_CHECK macros before including ring_model.h"
#endif

/* Destination bytes a call must leave alone are pre-filled with this. */
#define RM_FILL 0xA5U

struct rm_harness {
	struct ring_buf rb;
	uint8_t *storage; /* the ring's array, exactly capacity bytes (ASan-checked) */

	/* The model. */
	uint32_t cap;
	uint8_t *data;        /* finished and not consumed bytes, oldest first */
	uint32_t len;         /* how many; includes bytes the consumer claimed */
	uint8_t *pending;     /* bytes written into the producer's claims */
	uint32_t put_claimed; /* producer: claimed, not finished */
	uint32_t get_claimed; /* consumer: claimed, not finished (prefix of data) */
	uint32_t put_count;   /* bytes published since the last reset (free running) */
	uint32_t get_count;   /* bytes consumed since the last reset (free running) */
	uint32_t idx0;        /* both indices right after that reset, in [0, 2N) */
	uint32_t get_off;     /* expected array position of read_idx */
	uint32_t serial;      /* number of bytes produced so far, drives the pattern */
};

/* Byte of the serial-th write: varies with position so a lost, doubled or
 * reordered byte shows. */
static inline uint8_t rm_pattern(uint32_t serial)
{
	return (uint8_t)((serial * 167U) ^ (serial >> 8));
}

/* Array position of byte @a distance after array position 0, mod capacity. */
static inline uint32_t rm_pos(const struct rm_harness *h, uint32_t distance)
{
	return (h->cap == 0U) ? 0U : distance % h->cap;
}

static inline uint32_t rm_min(uint32_t a, uint32_t b)
{
	return (a < b) ? a : b;
}

static inline void *rm_alloc(uint32_t bytes)
{
	void *p = malloc(bytes == 0U ? 1U : bytes);

	RM_CHECK(p != NULL);
	return p;
}

/* Index @a idx0 advanced by @a n bytes, modulo 2N. */
static inline uint32_t rm_index(const struct rm_harness *h, uint32_t n)
{
	uint64_t lim = 2U * (uint64_t)h->cap;

	return (lim == 0U) ? 0U : (uint32_t)(((uint64_t)h->idx0 + n % lim) % lim);
}

/* Check queries, indices, claim counters and storage against the model. */
static inline void rm_check_state(struct rm_harness *h)
{
	struct ring_buf *rb = &h->rb;
	uint32_t space = h->cap - h->len - h->put_claimed;

	RM_CHECK_EQ(h->put_count - h->get_count, h->len);
	RM_CHECK_EQ(ring_buf_capacity_get(rb), h->cap);
	RM_CHECK_EQ(ring_buf_size_get(rb), h->len - h->get_claimed);
	RM_CHECK_EQ(ring_buf_space_get(rb), space);
	RM_CHECK_EQ(ring_buf_item_space_get(rb), space / 4U);
	RM_CHECK_EQ(ring_buf_is_empty(rb), h->len == h->get_claimed);
	RM_CHECK_EQ(rb->write_idx, rm_index(h, h->put_count));
	RM_CHECK_EQ(rb->read_idx, rm_index(h, h->get_count));
	RM_CHECK_EQ(rb->put_claimed, h->put_claimed);
	RM_CHECK_EQ(rb->get_claimed, h->get_claimed);
	RM_CHECK_EQ(rm_pos(h, rb->read_idx), h->get_off);
	RM_CHECK_EQ(rm_pos(h, rb->write_idx), rm_pos(h, h->get_off + h->len));
	for (uint32_t i = 0; i < h->len; i++) {
		RM_CHECK_EQ(h->storage[rm_pos(h, h->get_off + i)], h->data[i]);
	}
	for (uint32_t i = 0; i < h->put_claimed; i++) {
		RM_CHECK_EQ(h->storage[rm_pos(h, h->get_off + h->len + i)], h->pending[i]);
	}
}

/* After a reset to @a start: both indices at @a start modulo 2N (floored). */
static inline void rm_model_reset(struct rm_harness *h, uint32_t start)
{
	int64_t lim = 2 * (int64_t)h->cap;
	int64_t idx = (lim == 0) ? 0 : ((int64_t)(int32_t)start % lim + lim) % lim;

	h->len = 0U;
	h->put_claimed = 0U;
	h->get_claimed = 0U;
	h->put_count = 0U;
	h->get_count = 0U;
	h->idx0 = (uint32_t)idx;
	h->get_off = rm_pos(h, (uint32_t)idx);
}

/*
 * Set up a ring of @a cap bytes (a multiple of 4 when @a item_init: then it is
 * made with ring_buf_item_init) whose indices start at @a start (modulo 2N).
 */
static inline void rm_init(struct rm_harness *h, uint32_t cap, uint32_t start, bool item_init)
{
	memset(h, 0, sizeof(*h));
	h->cap = cap;
	h->storage = rm_alloc(cap);
	h->data = rm_alloc(cap);
	h->pending = rm_alloc(cap);
	if (item_init) {
		ring_buf_item_init(&h->rb, cap / 4U, (uint32_t *)(void *)h->storage);
	} else {
		ring_buf_init(&h->rb, cap, h->storage);
	}
	if (start != 0U) {
		ring_buf_internal_reset(&h->rb, (int32_t)start);
	}
	rm_model_reset(h, start);
	rm_check_state(h);
}

static inline void rm_free(struct rm_harness *h)
{
	free(h->storage);
	free(h->data);
	free(h->pending);
}

/* Model: the consumer removes @a n bytes from the front. */
static inline void rm_consume(struct rm_harness *h, uint32_t n)
{
	memmove(h->data, h->data + n, h->len - n);
	h->len -= n;
	h->get_count += n;
	h->get_off = rm_pos(h, h->get_off + n);
}

/* Model: the producer appends @a n bytes. */
static inline void rm_append(struct rm_harness *h, const uint8_t *src, uint32_t n)
{
	memcpy(h->data + h->len, src, n);
	h->len += n;
	h->put_count += n;
}

static inline void rm_check_untouched(const uint8_t *p, uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i < to; i++) {
		RM_CHECK_EQ(p[i], RM_FILL);
	}
}

static inline void rm_put(struct rm_harness *h, uint32_t n)
{
	uint8_t *src = rm_alloc(n);
	uint32_t expected = rm_min(n, h->cap - h->len);

	for (uint32_t i = 0; i < n; i++) {
		src[i] = rm_pattern(h->serial + i);
	}
	RM_CHECK_EQ(ring_buf_put(&h->rb, src, n), expected);
	h->put_claimed = 0U; /* put abandons the producer's claims */
	rm_append(h, src, expected);
	h->serial += expected;
	free(src);
}

static inline void rm_put_claim(struct rm_harness *h, uint32_t n)
{
	uint32_t pos = rm_pos(h, h->get_off + h->len + h->put_claimed);
	uint32_t expected = rm_min(rm_min(n, h->cap - h->len - h->put_claimed), h->cap - pos);
	uint8_t *area = NULL;

	RM_CHECK_EQ(ring_buf_put_claim(&h->rb, &area, n), expected);
	RM_CHECK_PTR_EQ(area, h->storage + pos);
	for (uint32_t i = 0; i < expected; i++) {
		area[i] = rm_pattern(h->serial + i);
		h->pending[h->put_claimed + i] = area[i];
	}
	h->put_claimed += expected;
	h->serial += expected;
}

static inline void rm_put_finish(struct rm_harness *h, uint32_t n)
{
	int rc = ring_buf_put_finish(&h->rb, n);

	if (n > h->put_claimed) {
		RM_CHECK_EQ_INT(rc, -EINVAL);
		return;
	}
	RM_CHECK_EQ_INT(rc, 0);
	rm_append(h, h->pending, n);
	h->put_claimed = 0U;
}

/* ring_buf_get (@a discard: into NULL) or ring_buf_peek of @a n bytes. */
static inline void rm_get_or_peek(struct rm_harness *h, uint32_t n, bool peek, bool discard)
{
	uint8_t *dst = rm_alloc(n);
	uint32_t expected = rm_min(n, h->len);
	uint32_t got;

	memset(dst, RM_FILL, n);
	if (peek) {
		got = ring_buf_peek(&h->rb, dst, n);
	} else {
		got = ring_buf_get(&h->rb, discard ? NULL : dst, n);
	}
	RM_CHECK_EQ(got, expected);
	if (!peek) {
		h->get_claimed = 0U; /* get abandons the consumer's claims; peek leaves them */
	}
	if (discard) {
		rm_check_untouched(dst, 0, n);
	} else {
		RM_CHECK(memcmp(dst, h->data, expected) == 0);
		rm_check_untouched(dst, expected, n);
	}
	if (!peek) {
		rm_consume(h, expected);
	}
	free(dst);
}

static inline void rm_get_claim(struct rm_harness *h, uint32_t n)
{
	uint32_t pos = rm_pos(h, h->get_off + h->get_claimed);
	uint32_t expected = rm_min(rm_min(n, h->len - h->get_claimed), h->cap - pos);
	uint8_t *area = NULL;

	RM_CHECK_EQ(ring_buf_get_claim(&h->rb, &area, n), expected);
	RM_CHECK_PTR_EQ(area, h->storage + pos);
	RM_CHECK(memcmp(area, h->data + h->get_claimed, expected) == 0);
	h->get_claimed += expected;
}

static inline void rm_get_finish(struct rm_harness *h, uint32_t n)
{
	int rc = ring_buf_get_finish(&h->rb, n);

	if (n > h->get_claimed) {
		RM_CHECK_EQ_INT(rc, -EINVAL);
		return;
	}
	RM_CHECK_EQ_INT(rc, 0);
	rm_consume(h, n);
	h->get_claimed = 0U;
}

static inline uint32_t rm_item_header(uint16_t type, uint8_t value, uint8_t size32)
{
	return (uint32_t)type | ((uint32_t)size32 << 16) | ((uint32_t)value << 24);
}

static inline void rm_item_put(struct rm_harness *h, uint16_t type, uint8_t value, uint8_t size32)
{
	uint32_t need = 4U + 4U * size32;
	uint32_t *words = rm_alloc(4U * size32);
	uint32_t header = rm_item_header(type, value, size32);
	int rc;

	for (uint32_t i = 0; i < 4U * size32; i++) {
		((uint8_t *)words)[i] = rm_pattern(h->serial + i);
	}
	/* An empty item needs no data: NULL must do. */
	rc = ring_buf_item_put(&h->rb, type, value, size32 == 0U ? NULL : words, size32);
	h->put_claimed = 0U;
	if (need > h->cap - h->len) {
		RM_CHECK_EQ_INT(rc, -EMSGSIZE);
	} else {
		RM_CHECK_EQ_INT(rc, 0);
		rm_append(h, (const uint8_t *)&header, 4U);
		rm_append(h, (const uint8_t *)words, 4U * size32);
		h->serial += 4U * size32;
	}
	free(words);
}

/* ring_buf_item_get with room for @a room words, or a NULL destination. */
static inline void rm_item_get(struct rm_harness *h, uint8_t room, bool discard)
{
	uint32_t *dst = rm_alloc(4U * room);
	uint16_t type = 0xBEEFU;
	uint8_t value = 0x5AU;
	uint8_t size32 = room;
	uint32_t header = 0U;
	uint32_t length = 0U;
	int rc;

	memset(dst, RM_FILL, 4U * room);
	rc = ring_buf_item_get(&h->rb, &type, &value, discard ? NULL : dst, &size32);
	h->get_claimed = 0U;
	if (h->len >= 4U) {
		memcpy(&header, h->data, 4U);
		length = (header >> 16) & 0xFFU;
	}
	if (h->len < 4U || h->len - 4U < 4U * length) {
		RM_CHECK_EQ_INT(rc, -EAGAIN);
		RM_CHECK_EQ(size32, room);
		RM_CHECK_EQ(type, 0xBEEFU);
		RM_CHECK_EQ(value, 0x5AU);
		rm_check_untouched((const uint8_t *)dst, 0, 4U * room);
	} else if (!discard && length > room) {
		RM_CHECK_EQ_INT(rc, -EMSGSIZE);
		RM_CHECK_EQ(size32, length);
		RM_CHECK_EQ(type, 0xBEEFU);
		RM_CHECK_EQ(value, 0x5AU);
		rm_check_untouched((const uint8_t *)dst, 0, 4U * room);
	} else {
		RM_CHECK_EQ_INT(rc, 0);
		RM_CHECK_EQ(size32, length);
		RM_CHECK_EQ(type, header & 0xFFFFU);
		RM_CHECK_EQ(value, header >> 24);
		if (discard) {
			rm_check_untouched((const uint8_t *)dst, 0, 4U * room);
		} else {
			RM_CHECK(memcmp(dst, h->data + 4U, 4U * length) == 0);
			rm_check_untouched((const uint8_t *)dst, 4U * length, 4U * room);
		}
		rm_consume(h, 4U + 4U * length);
	}
	free(dst);
}

static inline void rm_reset(struct rm_harness *h, bool internal, uint32_t start)
{
	if (internal) {
		ring_buf_internal_reset(&h->rb, (int32_t)start);
	} else {
		ring_buf_reset(&h->rb);
		start = 0U;
	}
	rm_model_reset(h, start);
}

/* Operations of rm_step(). */
enum rm_op {
	RM_OP_PUT,
	RM_OP_PUT_CLAIM,
	RM_OP_PUT_FINISH,
	RM_OP_GET,
	RM_OP_GET_DISCARD,
	RM_OP_PEEK,
	RM_OP_GET_CLAIM,
	RM_OP_GET_FINISH,
	RM_OP_ITEM_PUT,
	RM_OP_ITEM_GET,
	RM_OP_ITEM_GET_DISCARD,
	RM_OP_RESET,
	RM_OP_COUNT
};

/*
 * Run one operation with its parameters taken from @a arg, then check the
 * whole state. Request sizes reach a little past the capacity; finishes
 * usually stay within the claims (so they commit) but sometimes exceed them.
 */
static inline void rm_step(struct rm_harness *h, unsigned int op, uint32_t arg)
{
	uint32_t request = arg % (h->cap + 6U);
	uint32_t words = (arg >> 8) % (h->cap / 4U + 3U);

	switch (op % RM_OP_COUNT) {
	case RM_OP_PUT:
		rm_put(h, request);
		break;
	case RM_OP_PUT_CLAIM:
		rm_put_claim(h, request);
		break;
	case RM_OP_PUT_FINISH:
		rm_put_finish(h, (arg & 0x80U) ? request : arg % (h->put_claimed + 1U));
		break;
	case RM_OP_GET:
		rm_get_or_peek(h, request, false, false);
		break;
	case RM_OP_GET_DISCARD:
		rm_get_or_peek(h, request, false, true);
		break;
	case RM_OP_PEEK:
		rm_get_or_peek(h, request, true, false);
		break;
	case RM_OP_GET_CLAIM:
		rm_get_claim(h, request);
		break;
	case RM_OP_GET_FINISH:
		rm_get_finish(h, (arg & 0x80U) ? request : arg % (h->get_claimed + 1U));
		break;
	case RM_OP_ITEM_PUT:
		rm_item_put(h, (uint16_t)(arg >> 16), (uint8_t)arg, (uint8_t)words);
		break;
	case RM_OP_ITEM_GET:
		rm_item_get(h, (uint8_t)words, false);
		break;
	case RM_OP_ITEM_GET_DISCARD:
		rm_item_get(h, (uint8_t)words, true);
		break;
	default:
		/* Rare on purpose: reset only when the low byte says so. */
		if ((arg & 0xFFU) == 0U) {
			rm_reset(h, (arg & 0x100U) != 0U, 0xFFFFFFFFU - ((arg >> 9) & 0x3FFU));
		}
		break;
	}
	rm_check_state(h);
}

#endif /* RING_MODEL_H */
