/*
 * Ring buffer operations of <breeze/sys/ring_buffer.h>: claims and finishes,
 * the copying calls and the item records.
 *
 * Each side owns its struct ring_buf_index. The counters run freely and wrap
 * at 2^32; differences of counters are exact because no difference exceeds
 * the size (< 2^31). Array positions never come from a counter: each side
 * keeps the position of its tail (offset) and derives the others from it, so
 * any size works. The only values crossing between the sides are the tails:
 * a side stores its tail with release after its data accesses, the other side
 * loads it with acquire before its own (see the header's contract).
 */
#include <breeze/sys/ring_buffer.h>

#include <string.h>

/* Item header word: type in bits 0-15, length in words 16-23, value 24-31. */
#define ITEM_HEADER_BYTES 4U
#define ITEM_LENGTH_SHIFT 16
#define ITEM_VALUE_SHIFT  24

static inline void store_relaxed(uint32_t *counter, uint32_t value)
{
	__atomic_store_n(counter, value, __ATOMIC_RELAXED);
}

static inline void store_release(uint32_t *counter, uint32_t value)
{
	__atomic_store_n(counter, value, __ATOMIC_RELEASE);
}

/*
 * Array position @a distance bytes after the tail of side @a idx. Needs
 * distance <= size: offset < size < 2^31, so the sum cannot overflow and one
 * subtraction wraps it.
 */
static uint32_t position_after(const struct ring_buf *buf, const struct ring_buf_index *idx,
			       uint32_t distance)
{
	uint32_t pos = idx->offset + distance;

	return (pos >= buf->size) ? pos - buf->size : pos;
}

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

/*
 * Advance side @a idx from @a tail by @a len finished bytes and drop its
 * claims. The release store of tail comes last: it publishes everything this
 * side did to the array before it.
 */
static void commit(struct ring_buf *buf, struct ring_buf_index *idx, uint32_t tail, uint32_t len)
{
	idx->offset = position_after(buf, idx, len);
	store_relaxed(&idx->head, tail + len);
	store_release(&idx->tail, tail + len);
}

/*
 * Claim for side @a idx: @a ready is how many bytes past its head it may take
 * (free space for the producer, data for the consumer).
 */
static uint32_t claim(struct ring_buf *buf, struct ring_buf_index *idx, uint32_t ready,
		      uint8_t **data, uint32_t size)
{
	uint32_t head = idx->head;
	uint32_t pos = position_after(buf, idx, head - idx->tail);
	uint32_t len = MIN(MIN(size, ready), buf->size - pos);

	*data = &buf->buffer[pos];
	store_relaxed(&idx->head, head + len);
	return len;
}

static int finish(struct ring_buf *buf, struct ring_buf_index *idx, uint32_t size)
{
	uint32_t tail = idx->tail;

	if (size > idx->head - tail) {
		return -EINVAL;
	}
	commit(buf, idx, tail, size);
	return 0;
}

/* Free bytes from the producer's finished position (its claims ignored). */
static uint32_t free_after_put_tail(struct ring_buf *buf)
{
	/* Acquire: the consumer's reads of what it freed come before our writes. */
	return buf->size - (buf->put.tail - z_ring_buf_load_acquire(&buf->get.tail));
}

/* Data bytes after the consumer's finished position (its claims ignored). */
static uint32_t data_after_get_tail(struct ring_buf *buf)
{
	/* Acquire: the producer's writes of the data come before our reads. */
	return z_ring_buf_load_acquire(&buf->put.tail) - buf->get.tail;
}

/* Abandon the unfinished claims of side @a idx. */
static void drop_claims(struct ring_buf_index *idx)
{
	store_relaxed(&idx->head, idx->tail);
}

uint32_t ring_buf_put_claim(struct ring_buf *buf, uint8_t **data, uint32_t size)
{
	return claim(buf, &buf->put, ring_buf_space_get(buf), data, size);
}

int ring_buf_put_finish(struct ring_buf *buf, uint32_t size)
{
	return finish(buf, &buf->put, size);
}

uint32_t ring_buf_put(struct ring_buf *buf, const uint8_t *data, uint32_t size)
{
	uint32_t tail = buf->put.tail;
	/* Read once: the consumer may free more at any time (MIN evaluates twice). */
	uint32_t free_space = free_after_put_tail(buf);
	uint32_t len = MIN(size, free_space);

	copy_in(buf, buf->put.offset, data, len);
	commit(buf, &buf->put, tail, len);
	return len;
}

uint32_t ring_buf_get_claim(struct ring_buf *buf, uint8_t **data, uint32_t size)
{
	return claim(buf, &buf->get, ring_buf_size_get(buf), data, size);
}

int ring_buf_get_finish(struct ring_buf *buf, uint32_t size)
{
	return finish(buf, &buf->get, size);
}

uint32_t ring_buf_get(struct ring_buf *buf, uint8_t *data, uint32_t size)
{
	uint32_t tail = buf->get.tail;
	/* Read once: the producer may add more at any time (MIN evaluates twice). */
	uint32_t available = data_after_get_tail(buf);
	uint32_t len = MIN(size, available);

	if (data != NULL) {
		copy_out(buf, buf->get.offset, data, len);
	}
	commit(buf, &buf->get, tail, len);
	return len;
}

uint32_t ring_buf_peek(struct ring_buf *buf, uint8_t *data, uint32_t size)
{
	uint32_t available = data_after_get_tail(buf);
	uint32_t len = MIN(size, available);

	drop_claims(&buf->get);
	copy_out(buf, buf->get.offset, data, len);
	return len;
}

int ring_buf_item_put(struct ring_buf *buf, uint16_t type, uint8_t value, uint32_t *data,
		      uint8_t size32)
{
	uint32_t tail = buf->put.tail;
	uint32_t payload = 4U * size32;
	uint32_t header = (uint32_t)type | ((uint32_t)size32 << ITEM_LENGTH_SHIFT) |
			  ((uint32_t)value << ITEM_VALUE_SHIFT);

	if (ITEM_HEADER_BYTES + payload > free_after_put_tail(buf)) {
		drop_claims(&buf->put);
		return -EMSGSIZE;
	}
	copy_in(buf, buf->put.offset, (const uint8_t *)&header, ITEM_HEADER_BYTES);
	copy_in(buf, position_after(buf, &buf->put, ITEM_HEADER_BYTES), (const uint8_t *)data,
		payload);
	/* One commit for header and payload: the consumer never sees half an item. */
	commit(buf, &buf->put, tail, ITEM_HEADER_BYTES + payload);
	return 0;
}

int ring_buf_item_get(struct ring_buf *buf, uint16_t *type, uint8_t *value, uint32_t *data,
		      uint8_t *size32)
{
	uint32_t tail = buf->get.tail;
	uint32_t available = data_after_get_tail(buf);
	uint32_t header;
	uint8_t length;

	drop_claims(&buf->get);
	if (available < ITEM_HEADER_BYTES) {
		return -EAGAIN;
	}
	copy_out(buf, buf->get.offset, (uint8_t *)&header, ITEM_HEADER_BYTES);
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
		copy_out(buf, position_after(buf, &buf->get, ITEM_HEADER_BYTES), (uint8_t *)data,
			 4U * length);
	}
	commit(buf, &buf->get, tail, ITEM_HEADER_BYTES + 4U * length);
	return 0;
}

/*
 * The pointer calls: like the copying ones, they work from the side's
 * finished position, and a commit (consume) is a finish of that many bytes.
 */
static uint32_t area_after(struct ring_buf *buf, struct ring_buf_index *idx, uint32_t ready,
			   uint8_t **data, size_t offset)
{
	__ASSERT(offset <= ready, "offset past the %s", idx == &buf->put ? "free space" : "data");
	uint32_t skip = (uint32_t)MIN(offset, (size_t)ready);
	uint32_t pos = position_after(buf, idx, skip);

	*data = &buf->buffer[pos];
	return MIN(ready - skip, buf->size - pos);
}

uint32_t ring_buf_put_ptr(struct ring_buf *buf, uint8_t **data, size_t offset)
{
	return area_after(buf, &buf->put, free_after_put_tail(buf), data, offset);
}

void ring_buf_commit(struct ring_buf *buf, size_t size)
{
	uint32_t free_space = free_after_put_tail(buf);

	__ASSERT(size <= free_space, "commit past the free space");
	commit(buf, &buf->put, buf->put.tail, (uint32_t)MIN(size, (size_t)free_space));
}

uint32_t ring_buf_get_ptr(struct ring_buf *buf, uint8_t **data, size_t offset)
{
	return area_after(buf, &buf->get, data_after_get_tail(buf), data, offset);
}

void ring_buf_consume(struct ring_buf *buf, size_t size)
{
	uint32_t available = data_after_get_tail(buf);

	__ASSERT(size <= available, "consume past the data");
	commit(buf, &buf->get, buf->get.tail, (uint32_t)MIN(size, (size_t)available));
}
