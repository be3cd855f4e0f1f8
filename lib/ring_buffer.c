/*
 * Ring buffer operations of <breeze/sys/ring_buffer.h> that copy: put, get,
 * peek, the claims and finishes and the item records. The index arithmetic
 * (positions, advances, the release/acquire pairing of read_idx and
 * write_idx) lives in the header, shared with the in-place calls.
 *
 * Copies are at most two memcpy() calls: the bytes up to the end of the array
 * and the rest from its start.
 */
#include <breeze/sys/ring_buffer.h>

#include <string.h>

/* Item header word: type in bits 0-15, length in words 16-23, value 24-31. */
#define ITEM_HEADER_BYTES 4U
#define ITEM_LENGTH_SHIFT 16
#define ITEM_VALUE_SHIFT  24

/* Copy @a len bytes into the array from position @a pos on, wrapping once. */
static void copy_in(struct ring_buf *buf, uint32_t pos, const uint8_t *src, uint32_t len)
{
	uint32_t first = MIN(len, buf->size - pos);

	/* memcpy() with a NULL pointer is undefined even for 0 bytes. */
	if (first > 0U) {
		memcpy(&buf->buffer[pos], src, first);
	}
	if (len > first) {
		memcpy(buf->buffer, src + first, len - first);
	}
}

/* Copy @a len bytes out of the array from position @a pos on, wrapping once. */
static void copy_out(const struct ring_buf *buf, uint32_t pos, uint8_t *dst, uint32_t len)
{
	uint32_t first = MIN(len, buf->size - pos);

	if (first > 0U) {
		memcpy(dst, &buf->buffer[pos], first);
	}
	if (len > first) {
		memcpy(dst + first, buf->buffer, len - first);
	}
}

uint32_t ring_buf_put(struct ring_buf *buf, const uint8_t *data, uint32_t size)
{
	uint32_t w = buf->write_idx;
	/* Read once: the consumer may free more at any time (MIN evaluates twice). */
	uint32_t free_space = buf->size - z_ring_buf_used_by_producer(buf, w);
	uint32_t len = MIN(size, free_space);

	copy_in(buf, z_ring_buf_pos(buf, w), data, len);
	z_ring_buf_publish(buf, w, len);
	return len;
}

uint32_t ring_buf_get(struct ring_buf *buf, uint8_t *data, uint32_t size)
{
	uint32_t r = buf->read_idx;
	/* Read once: the producer may add more at any time (MIN evaluates twice). */
	uint32_t available = z_ring_buf_used_by_consumer(buf, r);
	uint32_t len = MIN(size, available);

	if (data != NULL) {
		copy_out(buf, z_ring_buf_pos(buf, r), data, len);
	}
	z_ring_buf_release(buf, r, len);
	return len;
}

uint32_t ring_buf_peek(const struct ring_buf *buf, uint8_t *data, uint32_t size)
{
	uint32_t r = buf->read_idx;
	uint32_t available = z_ring_buf_used_by_consumer(buf, r);
	uint32_t len = MIN(size, available);

	copy_out(buf, z_ring_buf_pos(buf, r), data, len);
	return len;
}

/*
 * A claim of side @a claimed_p: @a ready bytes are there past index @a idx
 * (free space or data, claims included); hand out the next contiguous area
 * after the claims already made.
 */
static uint32_t claim(struct ring_buf *buf, ring_buf_idx_t *claimed_p, uint32_t idx, uint32_t ready,
		      uint8_t **data, uint32_t size)
{
	uint32_t claimed = *claimed_p;
	uint32_t pos = z_ring_buf_pos(buf, z_ring_buf_advance(buf, idx, claimed));
	uint32_t len = MIN(MIN(size, ready - claimed), buf->size - pos);

	*data = &buf->buffer[pos];
	z_ring_buf_store_relaxed(claimed_p, claimed + len);
	return len;
}

uint32_t ring_buf_put_claim(struct ring_buf *buf, uint8_t **data, uint32_t size)
{
	uint32_t w = buf->write_idx;

	return claim(buf, &buf->put_claimed, w, buf->size - z_ring_buf_used_by_producer(buf, w),
		     data, size);
}

int ring_buf_put_finish(struct ring_buf *buf, uint32_t size)
{
	/* Claimed bytes were free: no need to look at the consumer again. */
	if (size > buf->put_claimed) {
		return -EINVAL;
	}
	z_ring_buf_publish(buf, buf->write_idx, size);
	return 0;
}

uint32_t ring_buf_get_claim(struct ring_buf *buf, uint8_t **data, uint32_t size)
{
	uint32_t r = buf->read_idx;

	return claim(buf, &buf->get_claimed, r, z_ring_buf_used_by_consumer(buf, r), data, size);
}

int ring_buf_get_finish(struct ring_buf *buf, uint32_t size)
{
	if (size > buf->get_claimed) {
		return -EINVAL;
	}
	z_ring_buf_release(buf, buf->read_idx, size);
	return 0;
}

int ring_buf_item_put(struct ring_buf *buf, uint16_t type, uint8_t value, uint32_t *data,
		      uint8_t size32)
{
	uint32_t w = buf->write_idx;
	uint32_t payload = 4U * size32;
	uint32_t header = (uint32_t)type | ((uint32_t)size32 << ITEM_LENGTH_SHIFT) |
			  ((uint32_t)value << ITEM_VALUE_SHIFT);

	if (ITEM_HEADER_BYTES + payload > buf->size - z_ring_buf_used_by_producer(buf, w)) {
		z_ring_buf_store_relaxed(&buf->put_claimed, 0U);
		return -EMSGSIZE;
	}
	copy_in(buf, z_ring_buf_pos(buf, w), (const uint8_t *)&header, ITEM_HEADER_BYTES);
	copy_in(buf, z_ring_buf_pos(buf, z_ring_buf_advance(buf, w, ITEM_HEADER_BYTES)),
		(const uint8_t *)data, payload);
	/* One publication for header and payload: the consumer never sees half an item. */
	z_ring_buf_publish(buf, w, ITEM_HEADER_BYTES + payload);
	return 0;
}

int ring_buf_item_get(struct ring_buf *buf, uint16_t *type, uint8_t *value, uint32_t *data,
		      uint8_t *size32)
{
	uint32_t r = buf->read_idx;
	uint32_t available = z_ring_buf_used_by_consumer(buf, r);
	uint32_t header;
	uint8_t length;

	z_ring_buf_store_relaxed(&buf->get_claimed, 0U);
	if (available < ITEM_HEADER_BYTES) {
		return -EAGAIN;
	}
	copy_out(buf, z_ring_buf_pos(buf, r), (uint8_t *)&header, ITEM_HEADER_BYTES);
	length = (uint8_t)(header >> ITEM_LENGTH_SHIFT);
	if (available - ITEM_HEADER_BYTES < 4U * length) {
		/* Only when byte and item calls were mixed: never read past the data. */
		return -EAGAIN;
	}
	if (data != NULL && length > *size32) {
		*size32 = length;
		return -EMSGSIZE;
	}
	*type = (uint16_t)header;
	*value = (uint8_t)(header >> ITEM_VALUE_SHIFT);
	*size32 = length;
	if (data != NULL) {
		copy_out(buf, z_ring_buf_pos(buf, z_ring_buf_advance(buf, r, ITEM_HEADER_BYTES)),
			 (uint8_t *)data, 4U * length);
	}
	z_ring_buf_release(buf, r, ITEM_HEADER_BYTES + 4U * length);
	return 0;
}
