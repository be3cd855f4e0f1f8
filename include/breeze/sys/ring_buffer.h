/*
 * Ring buffers with Zephyr's classic ring_buf API: a FIFO of bytes over a
 * caller-provided array of any size (not only powers of two), used by copy
 * (put/get/peek), in place (claim/finish) or as a queue of "items" (records of
 * 32-bit words with a 16-bit type and an 8-bit value).
 *
 * Concurrency contract: one producer (put side) and one consumer (get side)
 * may use a ring buffer at the same time without any lock, also from two CPUs
 * or from a thread and an ISR. The producer publishes its finished position
 * with a release store after writing the data, and the consumer reads it with
 * an acquire load before reading the data; the space the consumer frees is
 * handed back the same way in the other direction. Several producers, or
 * several consumers, must serialize their side with a lock (e.g. a k_mutex
 * between threads, or a spinlock/irq_lock when an ISR takes part).
 * ring_buf_init(), ring_buf_reset() and ring_buf_internal_reset() are not
 * concurrent with anything.
 *
 * The code is plain computation on plain memory: no kernel calls and no system
 * calls. A ring buffer whose struct and data array lie in a memory partition a
 * user thread can access works from user mode, and the same code builds for
 * the host.
 *
 * Claims: ring_buf_put_claim()/ring_buf_get_claim() hand out a contiguous
 * area inside the array (so a claim stops at the end of the array; claim again
 * for the rest) and may be repeated; the claims of one side accumulate until
 * that side's finish, which commits the first @a size claimed bytes and
 * returns the rest. The copying calls of a side (put, item_put on the
 * producer side; get, peek, item_get on the consumer side) start from that
 * side's finished position and abandon an unfinished claim of the side first,
 * as ring_buf_*_finish(buf, 0) would.
 *
 * Byte and item access should not be mixed on one buffer. If they are,
 * ring_buf_item_get() never reads beyond the published bytes: an incomplete
 * item counts as no item (-EAGAIN).
 */
#ifndef BREEZE_SYS_RING_BUFFER_H
#define BREEZE_SYS_RING_BUFFER_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <breeze/sys/__assert.h>
#include <breeze/sys/util.h>
#include <breeze/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Sizes are limited so that a free-running 32-bit index difference is never
 * ambiguous and an array position plus a distance never overflows.
 */
#define RING_BUFFER_MAX_SIZE        0x80000000U
#define RING_BUFFER_SIZE_ASSERT_MSG "Size too big"

/*
 * One side's position. head and tail are free-running byte counters that wrap
 * at 2^32: tail counts the bytes this side has finished, head - tail the bytes
 * it has claimed and not finished yet. Only the owner side writes them; the
 * other side reads tail (acquire). offset is where tail lies in the array,
 * kept by the owner side alone, so no modulo of a counter is ever needed.
 */
struct ring_buf_index {
	uint32_t head;
	uint32_t tail;
	uint32_t offset;
};

struct ring_buf {
	uint8_t *buffer;
	struct ring_buf_index put;
	struct ring_buf_index get;
	uint32_t size;
};

/* Atomic accessors of the counters (internal). */
static inline uint32_t z_ring_buf_load_relaxed(const uint32_t *counter)
{
	return __atomic_load_n(counter, __ATOMIC_RELAXED);
}

static inline uint32_t z_ring_buf_load_acquire(const uint32_t *counter)
{
	return __atomic_load_n(counter, __ATOMIC_ACQUIRE);
}

/*
 * Static initializer of a ring buffer over @a data of @a size8 bytes.
 */
#define RING_BUF_INIT(data, size8)                 \
	{                                          \
		.buffer = (data), .size = (size8), \
	}

/*
 * Define a byte ring buffer @a name of @a size8 bytes (any size below
 * RING_BUFFER_MAX_SIZE) with its data array.
 */
#define RING_BUF_DECLARE(name, size8)                                              \
	BUILD_ASSERT((size8) < RING_BUFFER_MAX_SIZE, RING_BUFFER_SIZE_ASSERT_MSG); \
	static uint8_t _ring_buffer_data_##name[size8];                            \
	struct ring_buf name = RING_BUF_INIT(_ring_buffer_data_##name, size8)

/*
 * Define an item ring buffer @a name of @a size32 32-bit words; the data array
 * is word aligned.
 */
#define RING_BUF_ITEM_DECLARE(name, size32)                                             \
	BUILD_ASSERT((size32) < RING_BUFFER_MAX_SIZE / 4, RING_BUFFER_SIZE_ASSERT_MSG); \
	static uint32_t _ring_buffer_data_##name[size32];                               \
	struct ring_buf name = RING_BUF_INIT((uint8_t *)_ring_buffer_data_##name, 4U * (size32))

/* Same as RING_BUF_ITEM_DECLARE(name, size32) (Zephyr's older name). */
#define RING_BUF_ITEM_DECLARE_SIZE(name, size32) RING_BUF_ITEM_DECLARE(name, size32)

/* Define an item ring buffer of 2^@a pow words. */
#define RING_BUF_ITEM_DECLARE_POW2(name, pow) RING_BUF_ITEM_DECLARE(name, BIT(pow))

/* Number of 32-bit words needed to hold @a expr (an object or a type). */
#define RING_BUF_ITEM_SIZEOF(expr) ((sizeof(expr) + sizeof(uint32_t) - 1) / sizeof(uint32_t))

/*
 * Place every index of @a buf at @a value with an empty buffer. 0 is the
 * normal state; other values exist for tests, e.g. to start the counters just
 * below their 2^32 wrap.
 */
static inline void ring_buf_internal_reset(struct ring_buf *buf, int32_t value)
{
	uint32_t start = (uint32_t)value;

	buf->put.head = start;
	buf->put.tail = start;
	buf->put.offset = 0U;
	buf->get.head = start;
	buf->get.tail = start;
	buf->get.offset = 0U;
}

/*
 * Initialize @a buf as an empty byte ring buffer over @a data[@a size]
 * (size < RING_BUFFER_MAX_SIZE).
 */
static inline void ring_buf_init(struct ring_buf *buf, uint32_t size, uint8_t *data)
{
	__ASSERT(size < RING_BUFFER_MAX_SIZE, RING_BUFFER_SIZE_ASSERT_MSG);
	buf->buffer = data;
	buf->size = size;
	ring_buf_internal_reset(buf, 0);
}

/*
 * Initialize @a buf as an empty item ring buffer over @a data[@a size] 32-bit
 * words (size < RING_BUFFER_MAX_SIZE / 4).
 */
static inline void ring_buf_item_init(struct ring_buf *buf, uint32_t size, uint32_t *data)
{
	__ASSERT(size < RING_BUFFER_MAX_SIZE / 4, RING_BUFFER_SIZE_ASSERT_MSG);
	ring_buf_init(buf, 4U * size, (uint8_t *)data);
}

/* Empty @a buf (drops data and claims). Returns nothing. */
static inline void ring_buf_reset(struct ring_buf *buf)
{
	ring_buf_internal_reset(buf, 0);
}

/*
 * Return true when the consumer has nothing left to claim or get: every
 * finished byte of the producer is consumed or claimed by the consumer.
 */
static inline bool ring_buf_is_empty(struct ring_buf *buf)
{
	return z_ring_buf_load_relaxed(&buf->get.head) == z_ring_buf_load_acquire(&buf->put.tail);
}

/*
 * Return the free space in bytes: what the producer can still claim or put
 * (capacity minus finished data, producer claims and consumer claims).
 */
static inline uint32_t ring_buf_space_get(struct ring_buf *buf)
{
	return buf->size -
	       (z_ring_buf_load_relaxed(&buf->put.head) - z_ring_buf_load_acquire(&buf->get.tail));
}

/* Return the free space in whole 32-bit words. */
static inline uint32_t ring_buf_item_space_get(struct ring_buf *buf)
{
	return ring_buf_space_get(buf) / 4U;
}

/* Return the capacity in bytes. */
static inline uint32_t ring_buf_capacity_get(struct ring_buf *buf)
{
	return buf->size;
}

/*
 * Return the bytes the consumer can still claim or get (finished by the
 * producer, not yet claimed by the consumer).
 */
static inline uint32_t ring_buf_size_get(struct ring_buf *buf)
{
	return z_ring_buf_load_acquire(&buf->put.tail) - z_ring_buf_load_relaxed(&buf->get.head);
}

/*
 * Claim up to @a size bytes of free space for writing in place; *@a data is
 * set to the start of the area. Returns the bytes claimed: at most the free
 * space and at most what is contiguous up to the end of the array (0 when
 * full). Claims accumulate until ring_buf_put_finish().
 */
uint32_t ring_buf_put_claim(struct ring_buf *buf, uint8_t **data, uint32_t size);

/*
 * Publish the first @a size bytes of the producer's claims to the consumer
 * and return the rest of the claims to the free space.
 * Returns 0, or -EINVAL (nothing changed) when @a size exceeds the claimed
 * bytes.
 */
int ring_buf_put_finish(struct ring_buf *buf, uint32_t size);

/*
 * Copy up to @a size bytes from @a data into @a buf. Returns the bytes
 * written (less than @a size when the free space is smaller).
 */
uint32_t ring_buf_put(struct ring_buf *buf, const uint8_t *data, uint32_t size);

/*
 * Claim up to @a size bytes of data for reading in place; *@a data is set to
 * the first byte. Returns the bytes claimed: at most the available data and
 * at most what is contiguous up to the end of the array (0 when empty).
 * Claims accumulate until ring_buf_get_finish().
 */
uint32_t ring_buf_get_claim(struct ring_buf *buf, uint8_t **data, uint32_t size);

/*
 * Free the first @a size bytes of the consumer's claims; the rest of the
 * claimed bytes stay in the buffer, to be claimed or read again.
 * Returns 0, or -EINVAL (nothing changed) when @a size exceeds the claimed
 * bytes.
 */
int ring_buf_get_finish(struct ring_buf *buf, uint32_t size);

/*
 * Move up to @a size bytes out of @a buf into @a data, or discard them when
 * @a data is NULL. Returns the bytes read (or discarded).
 */
uint32_t ring_buf_get(struct ring_buf *buf, uint8_t *data, uint32_t size);

/*
 * Copy up to @a size bytes from the front of @a buf into @a data (not NULL)
 * without removing them. Returns the bytes copied.
 */
uint32_t ring_buf_peek(struct ring_buf *buf, uint8_t *data, uint32_t size);

/*
 * Append one item: a header word (@a type, @a value, @a size32) followed by
 * @a size32 words from @a data, published at once so a concurrent consumer
 * sees the whole item or nothing.
 * Returns 0, or -EMSGSIZE (nothing written) when 1 + @a size32 words do not
 * fit in the free space.
 */
int ring_buf_item_put(struct ring_buf *buf, uint16_t type, uint8_t value, uint32_t *data,
		      uint8_t size32);

/*
 * Remove the first item: its type and value go to *@a type and *@a value,
 * its words to @a data (NULL: discard them) and its length in words to
 * *@a size32, which on entry holds the capacity of @a data in words.
 * Returns 0; -EAGAIN when no complete item is available; -EMSGSIZE when
 * @a data is not NULL and too small: the item stays, *@a size32 is set to
 * the words needed, *@a type and *@a value are not written.
 */
int ring_buf_item_get(struct ring_buf *buf, uint16_t *type, uint8_t *value, uint32_t *data,
		      uint8_t *size32);

/*
 * Zephyr's newest in-place calls: pointers relative to a side's finished
 * position, with no claim state. A side uses either these or the claims, not
 * both at once (a commit or consume drops that side's claims).
 */

/* True when the producer can add nothing: no free space. */
static inline bool ring_buf_is_full(struct ring_buf *buf)
{
	return ring_buf_space_get(buf) == 0U;
}

/*
 * Producer: the free area that starts @a offset bytes past the finished
 * write position (the bytes already written there and not yet committed);
 * *@a data is set to its start. Returns its length: contiguous up to the end
 * of the array, 0 when no space is left past @a offset. @a offset must not
 * exceed the free space.
 */
uint32_t ring_buf_put_ptr(struct ring_buf *buf, uint8_t **data, size_t offset);

/* Producer: publish the next @a size written bytes (at most the free space). */
void ring_buf_commit(struct ring_buf *buf, size_t size);

/*
 * Consumer: the data that starts @a offset bytes past the finished read
 * position; *@a data is set to its start. Returns its length: contiguous up
 * to the end of the array, 0 when there is no data past @a offset. @a offset
 * must not exceed the data available.
 */
uint32_t ring_buf_get_ptr(struct ring_buf *buf, uint8_t **data, size_t offset);

/* Consumer: free the next @a size bytes (at most the data available). */
void ring_buf_consume(struct ring_buf *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* BREEZE_SYS_RING_BUFFER_H */
