/*
 * Ring buffers with Zephyr's ring_buf API: a FIFO of bytes over a
 * caller-provided array of any size (not only powers of two), used by copy
 * (put/get/peek), in place (put_ptr/commit and get_ptr/consume, or the
 * claim/finish family) or as a queue of "items" (records of 32-bit words with
 * a 16-bit type and an 8-bit value).
 *
 * Layout, as Zephyr's: read_idx and write_idx are indices in [0, 2N) for a
 * capacity of N bytes; the data are the bytes from read_idx to write_idx
 * (modulo 2N), and index i lies at array position i modulo N. Counting to 2N
 * rather than N tells a full buffer (write_idx = read_idx + N) from an empty
 * one (write_idx = read_idx) without sacrificing a byte. The indices are
 * 16-bit (N up to RING_BUFFER_MAX_SIZE = 32767) unless
 * CONFIG_RING_BUFFER_LARGE makes them 32-bit (N up to 1 GiB - 1).
 *
 * Concurrency contract: one producer (put side) and one consumer (get side)
 * may use a ring buffer at the same time without any lock, also from two CPUs
 * or from a thread and an ISR. The producer writes the data, then stores
 * write_idx with release; the consumer loads it with acquire before reading
 * the data; read_idx hands the freed space back the same way. Each side also
 * owns its claim counter (put_claimed, get_claimed). Several producers, or
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
 * returns the rest. Claimed space counts as used (ring_buf_space_get()) and
 * claimed data as gone (ring_buf_size_get()) until the finish. The other calls
 * of a side (put, commit, item_put on the producer side; get, consume,
 * item_get on the consumer side) start from that side's finished position and
 * abandon its unfinished claims, as ring_buf_*_finish(buf, 0) would;
 * ring_buf_peek() and the pointer calls leave them alone.
 *
 * Byte and item access should not be mixed on one buffer. If they are,
 * ring_buf_item_get() never reads beyond the published bytes: an incomplete
 * item counts as no item (-EAGAIN).
 */
#ifndef BREEZE_SYS_RING_BUFFER_H
#define BREEZE_SYS_RING_BUFFER_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breeze/sys/__assert.h>
#include <breeze/sys/util.h>
#include <breeze/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Index and size types, and the largest capacity: indices live in [0, 2N);
 * with 32-bit ones, an index plus a distance (< 3N) must not overflow either.
 */
#ifdef CONFIG_RING_BUFFER_LARGE
typedef uint32_t ring_buf_idx_t;
typedef uint32_t ring_buf_size_t;
#define RING_BUFFER_MAX_SIZE        (UINT32_MAX / 4U)
#define RING_BUFFER_SIZE_ASSERT_MSG "Size too large"
#else
typedef uint16_t ring_buf_idx_t;
typedef uint16_t ring_buf_size_t;
#define RING_BUFFER_MAX_SIZE        (UINT16_MAX / 2U)
#define RING_BUFFER_SIZE_ASSERT_MSG "Size too large, please enable CONFIG_RING_BUFFER_LARGE"
#endif

struct ring_buf {
	uint8_t *buffer;
	ring_buf_size_t size;       /* capacity N in bytes */
	ring_buf_idx_t read_idx;    /* consumer's finished position, [0, 2N) */
	ring_buf_idx_t write_idx;   /* producer's finished position, [0, 2N) */
	ring_buf_idx_t put_claimed; /* bytes the producer claimed past write_idx */
	ring_buf_idx_t get_claimed; /* bytes the consumer claimed past read_idx */
};

/* Atomic accessors of the indices and claim counters (internal). */
static ALWAYS_INLINE uint32_t z_ring_buf_load_relaxed(const ring_buf_idx_t *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

static ALWAYS_INLINE uint32_t z_ring_buf_load_acquire(const ring_buf_idx_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static ALWAYS_INLINE void z_ring_buf_store_relaxed(ring_buf_idx_t *p, uint32_t v)
{
	__atomic_store_n(p, (ring_buf_idx_t)v, __ATOMIC_RELAXED);
}

static ALWAYS_INLINE void z_ring_buf_store_release(ring_buf_idx_t *p, uint32_t v)
{
	__atomic_store_n(p, (ring_buf_idx_t)v, __ATOMIC_RELEASE);
}

/* Index @a idx (< 2N) advanced by @a n (<= N), back into [0, 2N). */
static ALWAYS_INLINE uint32_t z_ring_buf_advance(const struct ring_buf *buf, uint32_t idx,
						 uint32_t n)
{
	uint32_t lim = 2U * buf->size;
	uint32_t v = idx + n;

	return (v >= lim) ? v - lim : v;
}

/* Array position of index @a idx (< 2N). */
static ALWAYS_INLINE uint32_t z_ring_buf_pos(const struct ring_buf *buf, uint32_t idx)
{
	return (idx >= buf->size) ? idx - buf->size : idx;
}

/* Bytes from index @a r to index @a w (both < 2N): the data between them. */
static ALWAYS_INLINE uint32_t z_ring_buf_distance(const struct ring_buf *buf, uint32_t r,
						  uint32_t w)
{
	return (w >= r) ? w - r : w + 2U * buf->size - r;
}

/* Bytes between the finished positions: data published and not consumed. */
static ALWAYS_INLINE uint32_t z_ring_buf_used(const struct ring_buf *buf)
{
	uint32_t w = z_ring_buf_load_acquire(&buf->write_idx);
	uint32_t r = z_ring_buf_load_acquire(&buf->read_idx);

	return z_ring_buf_distance(buf, r, w);
}

/*
 * The same from one side, which owns its own index (a plain load) and takes
 * the other side's with acquire: what it reads or frees after this comes
 * after the other side's writes or reads.
 */
static ALWAYS_INLINE uint32_t z_ring_buf_used_by_producer(const struct ring_buf *buf, uint32_t w)
{
	return z_ring_buf_distance(buf, z_ring_buf_load_acquire(&buf->read_idx), w);
}

static ALWAYS_INLINE uint32_t z_ring_buf_used_by_consumer(const struct ring_buf *buf, uint32_t r)
{
	return z_ring_buf_distance(buf, r, z_ring_buf_load_acquire(&buf->write_idx));
}

/* Static initializer of a ring buffer over @a data of @a size8 bytes. */
#define RING_BUF_INIT(data, size8)                                  \
	{                                                           \
		.buffer = (data), .size = (ring_buf_size_t)(size8), \
	}

/*
 * Define a byte ring buffer @a name of @a size8 bytes (at most
 * RING_BUFFER_MAX_SIZE) with its data array.
 */
#define RING_BUF_DECLARE(name, size8)                                               \
	BUILD_ASSERT((size8) <= RING_BUFFER_MAX_SIZE, RING_BUFFER_SIZE_ASSERT_MSG); \
	static uint8_t _ring_buffer_data_##name[size8];                             \
	struct ring_buf name = RING_BUF_INIT(_ring_buffer_data_##name, size8)

/*
 * Define an item ring buffer @a name of @a size32 32-bit words; the data array
 * is word aligned.
 */
#define RING_BUF_ITEM_DECLARE(name, size32)                                              \
	BUILD_ASSERT((size32) <= RING_BUFFER_MAX_SIZE / 4, RING_BUFFER_SIZE_ASSERT_MSG); \
	static uint32_t _ring_buffer_data_##name[size32];                                \
	struct ring_buf name = RING_BUF_INIT((uint8_t *)_ring_buffer_data_##name, 4U * (size32))

/* Same as RING_BUF_ITEM_DECLARE(name, size32) (Zephyr's older name). */
#define RING_BUF_ITEM_DECLARE_SIZE(name, size32) RING_BUF_ITEM_DECLARE(name, size32)

/* Define an item ring buffer of 2^@a pow words. */
#define RING_BUF_ITEM_DECLARE_POW2(name, pow) RING_BUF_ITEM_DECLARE(name, BIT(pow))

/* Number of 32-bit words needed to hold @a expr (an object or a type). */
#define RING_BUF_ITEM_SIZEOF(expr) ((sizeof(expr) + sizeof(uint32_t) - 1) / sizeof(uint32_t))

/* Return the capacity in bytes. */
static inline uint32_t ring_buf_capacity_get(const struct ring_buf *buf)
{
	return buf->size;
}

/*
 * Return the bytes the consumer can still claim or get (published by the
 * producer, not consumed nor claimed by the consumer).
 */
static inline uint32_t ring_buf_size_get(const struct ring_buf *buf)
{
	return z_ring_buf_used(buf) - z_ring_buf_load_relaxed(&buf->get_claimed);
}

/*
 * Return the free space in bytes: what the producer can still claim or put
 * (capacity minus the data and the producer's claims).
 */
static inline uint32_t ring_buf_space_get(const struct ring_buf *buf)
{
	return buf->size - z_ring_buf_used(buf) - z_ring_buf_load_relaxed(&buf->put_claimed);
}

/*
 * Return true when the consumer has nothing left to claim or get: every
 * published byte is consumed or claimed by the consumer.
 */
static inline bool ring_buf_is_empty(const struct ring_buf *buf)
{
	return ring_buf_size_get(buf) == 0U;
}

/* True when the producer can add nothing: no free space. */
static inline bool ring_buf_is_full(const struct ring_buf *buf)
{
	return ring_buf_space_get(buf) == 0U;
}

/*
 * Place both indices at @a value with an empty buffer and no claims. 0 is the
 * normal state; other values exist for tests, to start the indices next to
 * their wrap. @a value is taken modulo 2N (a negative one counts back from 2N).
 */
static inline void ring_buf_internal_reset(struct ring_buf *buf, int32_t value)
{
	int64_t lim = 2 * (int64_t)buf->size;
	int64_t idx = (lim == 0) ? 0 : (int64_t)value % lim;

	if (idx < 0) {
		idx += lim;
	}
	z_ring_buf_store_relaxed(&buf->read_idx, (uint32_t)idx);
	z_ring_buf_store_relaxed(&buf->write_idx, (uint32_t)idx);
	z_ring_buf_store_relaxed(&buf->put_claimed, 0U);
	z_ring_buf_store_relaxed(&buf->get_claimed, 0U);
}

/* Empty @a buf (drops data and claims). */
static inline void ring_buf_reset(struct ring_buf *buf)
{
	ring_buf_internal_reset(buf, 0);
}

/*
 * Initialize @a buf as an empty byte ring buffer over @a data[@a size]
 * (size <= RING_BUFFER_MAX_SIZE; 0 gives a buffer that holds nothing).
 */
static inline void ring_buf_init(struct ring_buf *buf, uint32_t size, uint8_t *data)
{
	__ASSERT(size <= RING_BUFFER_MAX_SIZE, RING_BUFFER_SIZE_ASSERT_MSG);
	buf->buffer = data;
	buf->size = (ring_buf_size_t)size;
	ring_buf_reset(buf);
}

/*
 * Initialize @a buf as an empty item ring buffer over @a data[@a size] 32-bit
 * words (size <= RING_BUFFER_MAX_SIZE / 4).
 */
static inline void ring_buf_item_init(struct ring_buf *buf, uint32_t size, uint32_t *data)
{
	__ASSERT(size <= RING_BUFFER_MAX_SIZE / 4, RING_BUFFER_SIZE_ASSERT_MSG);
	ring_buf_init(buf, 4U * size, (uint8_t *)data);
}

/* Return the free space in whole 32-bit words. */
static inline uint32_t ring_buf_item_space_get(const struct ring_buf *buf)
{
	return ring_buf_space_get(buf) / 4U;
}

/*
 * Producer, in place: the free area that starts @a offset bytes past the
 * finished write position (bytes the caller already wrote there and has not
 * committed); *@a data is set to its start. Returns its length: contiguous up
 * to the end of the array, 0 when no space is left past @a offset. @a offset
 * must not exceed the free space (it is clamped to it).
 */
static inline uint32_t ring_buf_put_ptr(struct ring_buf *buf, uint8_t **data, size_t offset)
{
	uint32_t w = z_ring_buf_load_relaxed(&buf->write_idx);
	uint32_t free_space = buf->size - z_ring_buf_used_by_producer(buf, w);

	__ASSERT(offset <= free_space, "offset past the free space");
	uint32_t skip = (uint32_t)MIN(offset, (size_t)free_space);
	uint32_t pos = z_ring_buf_pos(buf, z_ring_buf_advance(buf, w, skip));

	*data = &buf->buffer[pos];
	return MIN(free_space - skip, buf->size - pos);
}

/* Producer: publish @a n bytes past write_idx @a w and drop the claims (internal). */
static ALWAYS_INLINE void z_ring_buf_publish(struct ring_buf *buf, uint32_t w, uint32_t n)
{
	z_ring_buf_store_release(&buf->write_idx, z_ring_buf_advance(buf, w, n));
	z_ring_buf_store_relaxed(&buf->put_claimed, 0U);
}

/* Consumer: free @a n bytes past read_idx @a r and drop the claims (internal). */
static ALWAYS_INLINE void z_ring_buf_release(struct ring_buf *buf, uint32_t r, uint32_t n)
{
	z_ring_buf_store_release(&buf->read_idx, z_ring_buf_advance(buf, r, n));
	z_ring_buf_store_relaxed(&buf->get_claimed, 0U);
}

/*
 * Producer: publish the next @a size written bytes (at most the free space;
 * clamped to it) and drop the producer's claims.
 */
static inline void ring_buf_commit(struct ring_buf *buf, size_t size)
{
	uint32_t w = z_ring_buf_load_relaxed(&buf->write_idx);
	uint32_t free_space = buf->size - z_ring_buf_used_by_producer(buf, w);

	__ASSERT(size <= free_space, "commit past the free space");
	z_ring_buf_publish(buf, w, (uint32_t)MIN(size, (size_t)free_space));
}

/*
 * Consumer, in place: the data that starts @a offset bytes past the finished
 * read position; *@a data is set to its start. Returns its length: contiguous
 * up to the end of the array, 0 when there is no data past @a offset.
 * @a offset must not exceed the data available (it is clamped to it).
 */
static inline uint32_t ring_buf_get_ptr(struct ring_buf *buf, uint8_t **data, size_t offset)
{
	uint32_t r = z_ring_buf_load_relaxed(&buf->read_idx);
	uint32_t used = z_ring_buf_used_by_consumer(buf, r);

	__ASSERT(offset <= used, "offset past the data");
	uint32_t skip = (uint32_t)MIN(offset, (size_t)used);
	uint32_t pos = z_ring_buf_pos(buf, z_ring_buf_advance(buf, r, skip));

	*data = &buf->buffer[pos];
	return MIN(used - skip, buf->size - pos);
}

/*
 * Consumer: free the next @a size bytes (at most the data available; clamped
 * to it) and drop the consumer's claims.
 */
static inline void ring_buf_consume(struct ring_buf *buf, size_t size)
{
	uint32_t r = z_ring_buf_load_relaxed(&buf->read_idx);
	uint32_t used = z_ring_buf_used_by_consumer(buf, r);

	__ASSERT(size <= used, "consume past the data");
	z_ring_buf_release(buf, r, (uint32_t)MIN(size, (size_t)used));
}

/*
 * Copy up to @a size bytes from @a data into @a buf. Returns the bytes
 * written (less than @a size when the free space is smaller).
 */
uint32_t ring_buf_put(struct ring_buf *buf, const uint8_t *data, uint32_t size);

/*
 * Move up to @a size bytes out of @a buf into @a data, or discard them when
 * @a data is NULL. Returns the bytes read (or discarded).
 */
uint32_t ring_buf_get(struct ring_buf *buf, uint8_t *data, uint32_t size);

/*
 * Copy up to @a size bytes from the finished read position of @a buf into
 * @a data (not NULL) without removing them. Returns the bytes copied.
 */
uint32_t ring_buf_peek(const struct ring_buf *buf, uint8_t *data, uint32_t size);

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

#ifdef __cplusplus
}
#endif

#endif /* BREEZE_SYS_RING_BUFFER_H */
