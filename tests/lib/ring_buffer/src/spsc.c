/*
 * One producer and one consumer thread (supervisor) share a ring without any
 * lock.
 *
 * One side runs at a higher priority and sleeps a tick whenever it is
 * blocked (ring full or empty); the other side is busy nearly all the time
 * inside ring calls, so the timer wakes the sleeper at arbitrary points of
 * those calls (also between a claim and its finish) and the sleeper works on
 * the ring in the middle of them. Each run moves 2000000 bytes (or 20000
 * items) in random chunk sizes with a random mix of put/get/peek and
 * claim/finish (partial finishes and claims split at the array end included),
 * checks every byte in order, counts the busy side's calls during which the
 * sleeper ran, and starts the indices close enough to 2N to cross their wrap
 * (many times: the byte ring is as large as 16-bit indices allow).
 * Publishing before copying (or freeing before reading) makes this fail.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/ring_buffer.h>
#include <zephyr/ztest.h>

#define STREAM_BYTES          2000000U
#define STREAM_ITEMS          20000U
#define RING_BYTES            32767U /* odd; the largest 16-bit indices allow */
#define PATTERN_PERIOD        251U
#define RING_WORDS            375U
#define MAX_CHUNK             300U
#define MAX_ITEM_WORDS        20U
#define STACK_SIZE            2048
#define PRIO_HIGH             3
#define PRIO_LOW              4
/* Each run must see at least this many interruptions inside a ring call. */
#define MIN_PREEMPTED_IN_CALL 10U

struct spsc_run {
	bool producer_high;
	bool items;
	uint32_t total;
	/* Each field written by one thread only. */
	uint32_t produced;
	uint32_t consumed;
	uint32_t mismatches;
	uint32_t errors;
	uint32_t put_claims;
	uint32_t put_partial_finishes;
	uint32_t get_claims;
	uint32_t get_partial_finishes;
	uint32_t preempted_in_call; /* the sleeper ran inside a busy side's call that moved data */
};

static struct ring_buf ring;
static uint8_t ring_bytes[RING_BYTES];
static uint32_t ring_words[RING_WORDS];
static struct spsc_run run;
/* Times the sleeper woke up, read by the busy side around each of its calls. */
static volatile uint32_t sleeper_wakeups;

static struct k_thread producer_thread;
static struct k_thread consumer_thread;
static K_THREAD_STACK_DEFINE(producer_stack, STACK_SIZE);
static K_THREAD_STACK_DEFINE(consumer_stack, STACK_SIZE);

static uint32_t next_random(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

/*
 * The byte stream repeats a table of PATTERN_PERIOD distinct values, so both
 * sides copy to and compare with the table (memcpy/memcmp): the time of the
 * busy side goes mostly into ring calls, where the interruptions should land.
 * The period is prime to the ring size, so a stale byte from an earlier lap
 * never matches.
 */
static uint8_t pattern[PATTERN_PERIOD + MAX_CHUNK];

static void make_pattern(void)
{
	for (uint32_t i = 0; i < sizeof(pattern); i++) {
		pattern[i] = (uint8_t)((i % PATTERN_PERIOD) * 7U + 3U);
	}
}

/* The stream bytes from position @a first on (MAX_CHUNK of them are valid). */
static const uint8_t *stream_at(uint32_t first)
{
	return &pattern[first % PATTERN_PERIOD];
}

static void check_stream(const uint8_t *data, uint32_t len, uint32_t first)
{
	if (memcmp(data, stream_at(first), len) != 0) {
		run.mismatches++;
	}
}

/* One producer step; returns the bytes published. */
static uint32_t produce_bytes(uint32_t *rnd)
{
	uint32_t want = 1U + next_random(rnd) % MAX_CHUNK;
	uint32_t choice = next_random(rnd);
	uint32_t done;

	want = MIN(want, run.total - run.produced);
	if ((choice & 1U) != 0U) {
		uint8_t *area;
		uint32_t got = ring_buf_put_claim(&ring, &area, want);

		memcpy(area, stream_at(run.produced), got);
		if (got > 0U && got < want) {
			/* Stopped at the end of the array: claim the rest from the start. */
			uint32_t more = ring_buf_put_claim(&ring, &area, want - got);

			memcpy(area, stream_at(run.produced + got), more);
			got += more;
		}
		done = got;
		if (got > 1U && (choice & 6U) == 0U) {
			done = got / 2U;
			run.put_partial_finishes++;
		}
		if (ring_buf_put_finish(&ring, done) != 0) {
			run.errors++;
		}
		run.put_claims++;
	} else {
		done = ring_buf_put(&ring, stream_at(run.produced), want);
	}
	run.produced += done;
	return done;
}

/* One consumer step; returns the bytes consumed. */
static uint32_t consume_bytes(uint32_t *rnd)
{
	uint32_t want = 1U + next_random(rnd) % MAX_CHUNK;
	uint32_t choice = next_random(rnd);
	uint8_t chunk[MAX_CHUNK];
	uint32_t done;

	if ((choice & 1U) != 0U) {
		uint8_t *area;
		uint32_t got = ring_buf_get_claim(&ring, &area, want);

		check_stream(area, got, run.consumed);
		if (got > 0U && got < want) {
			uint32_t more = ring_buf_get_claim(&ring, &area, want - got);

			check_stream(area, more, run.consumed + got);
			got += more;
		}
		done = got;
		if (got > 1U && (choice & 6U) == 0U) {
			done = got / 2U; /* the rest is claimed and checked again later */
			run.get_partial_finishes++;
		}
		if (ring_buf_get_finish(&ring, done) != 0) {
			run.errors++;
		}
		run.get_claims++;
	} else if ((choice & 2U) != 0U) {
		done = ring_buf_get(&ring, chunk, want);
		check_stream(chunk, done, run.consumed);
	} else {
		/* Peek, then discard what was peeked: more may have arrived meanwhile. */
		done = ring_buf_peek(&ring, chunk, want);
		check_stream(chunk, done, run.consumed);
		if (ring_buf_get(&ring, NULL, done) != done) {
			run.errors++;
		}
	}
	run.consumed += done;
	return done;
}

static uint32_t produce_item(uint32_t *rnd)
{
	uint32_t words[MAX_ITEM_WORDS];
	uint32_t n = run.produced;
	uint8_t len = (uint8_t)(next_random(rnd) % (MAX_ITEM_WORDS + 1U));

	for (uint32_t w = 0; w < len; w++) {
		words[w] = n * 0x10001U + w;
	}
	if (ring_buf_item_put(&ring, (uint16_t)n, (uint8_t)(n * 7U), words, len) != 0) {
		return 0;
	}
	run.produced++;
	return 1;
}

static uint32_t consume_item(uint32_t *rnd)
{
	uint32_t words[MAX_ITEM_WORDS];
	uint32_t n = run.consumed;
	uint16_t type = 0;
	uint8_t value = 0;
	uint8_t len = MAX_ITEM_WORDS;
	bool discard = (next_random(rnd) % 8U) == 0U;
	int rc = ring_buf_item_get(&ring, &type, &value, discard ? NULL : words, &len);

	if (rc == -EAGAIN) {
		return 0;
	}
	if (rc != 0 || type != (uint16_t)n || value != (uint8_t)(n * 7U)) {
		run.mismatches++;
	}
	for (uint32_t w = 0; !discard && w < len && w < MAX_ITEM_WORDS; w++) {
		if (words[w] != n * 0x10001U + w) {
			run.mismatches++;
		}
	}
	run.consumed++;
	return 1;
}

/*
 * Loop of one side: @a step until @a done reaches the total. The high side
 * sleeps a tick when blocked. The low side spins when blocked and counts the
 * steps that moved data while the high side woke up and ran.
 */
static void side_loop(bool high, uint32_t (*step)(uint32_t *rnd), const uint32_t *done,
		      uint32_t seed)
{
	uint32_t rnd = seed;

	while (*done < run.total) {
		if (high) {
			if (step(&rnd) == 0U) {
				k_sleep(K_TICKS(1));
				sleeper_wakeups++;
			}
		} else {
			uint32_t wakeups_before = sleeper_wakeups;

			if (step(&rnd) > 0U && sleeper_wakeups != wakeups_before) {
				run.preempted_in_call++;
			}
		}
	}
}

static void producer_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	side_loop(run.producer_high, run.items ? produce_item : produce_bytes, &run.produced,
		  0x2545F491U);
}

static void consumer_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	side_loop(!run.producer_high, run.items ? consume_item : consume_bytes, &run.consumed,
		  0x9E3779B9U);
}

/* Where an index starting at @a start (taken modulo 2N) is @a moved bytes later. */
static uint32_t index_after(int32_t start, uint32_t moved)
{
	int64_t lim = 2 * (int64_t)ring_buf_capacity_get(&ring);
	int64_t idx = ((int64_t)start % lim + lim) % lim;

	return (uint32_t)((idx + moved) % lim);
}

static void run_spsc(bool producer_high, bool items, int32_t start)
{
	make_pattern();
	memset(&run, 0, sizeof(run));
	run.producer_high = producer_high;
	run.items = items;
	run.total = items ? STREAM_ITEMS : STREAM_BYTES;
	if (items) {
		ring_buf_item_init(&ring, RING_WORDS, ring_words);
	} else {
		ring_buf_init(&ring, RING_BYTES, ring_bytes);
	}
	ring_buf_internal_reset(&ring, start);
	sleeper_wakeups = 0U;

	k_thread_create(&consumer_thread, consumer_stack, K_THREAD_STACK_SIZEOF(consumer_stack),
			consumer_entry, NULL, NULL, NULL, producer_high ? PRIO_LOW : PRIO_HIGH, 0,
			K_NO_WAIT);
	k_thread_create(&producer_thread, producer_stack, K_THREAD_STACK_SIZEOF(producer_stack),
			producer_entry, NULL, NULL, NULL, producer_high ? PRIO_HIGH : PRIO_LOW, 0,
			K_NO_WAIT);
	zassert_equal(k_thread_join(&producer_thread, K_FOREVER), 0);
	zassert_equal(k_thread_join(&consumer_thread, K_FOREVER), 0);

	printk("spsc %s, %s sleeps: %u wakeups, %u interrupted calls, claims put %u get %u, "
	       "partial finishes put %u get %u\n",
	       items ? "items" : "bytes", producer_high ? "producer" : "consumer",
	       (unsigned int)sleeper_wakeups, (unsigned int)run.preempted_in_call,
	       (unsigned int)run.put_claims, (unsigned int)run.get_claims,
	       (unsigned int)run.put_partial_finishes, (unsigned int)run.get_partial_finishes);
	zassert_equal(run.mismatches, 0);
	zassert_equal(run.errors, 0);
	zassert_equal(run.produced, run.total);
	zassert_equal(run.consumed, run.total);
	zassert_true(ring_buf_is_empty(&ring));
	zassert_equal(ring_buf_space_get(&ring), ring_buf_capacity_get(&ring));
	zassert_equal(ring.read_idx, ring.write_idx);
	if (!items) {
		zassert_equal(ring.write_idx, index_after(start, STREAM_BYTES),
			      "the indices must have moved by exactly the stream");
		zassert_true(run.put_partial_finishes > 0U && run.get_partial_finishes > 0U);
	}
	zassert_true(run.preempted_in_call >= MIN_PREEMPTED_IN_CALL,
		     "only %u interruptions inside a ring call: no real interleaving",
		     (unsigned int)run.preempted_in_call);
}

ZTEST(ring_buffer_spsc, test_bytes_consumer_interrupts_producer) {
	run_spsc(false, false, -(int32_t)(STREAM_BYTES / 2U));
}

ZTEST(ring_buffer_spsc, test_bytes_producer_interrupts_consumer) {
	run_spsc(true, false, -(int32_t)(STREAM_BYTES / 3U));
}

ZTEST(ring_buffer_spsc, test_items_consumer_interrupts_producer) {
	run_spsc(false, true, -1000);
}

ZTEST(ring_buffer_spsc, test_items_producer_interrupts_consumer) {
	run_spsc(true, true, -1000);
}

ZTEST_SUITE(ring_buffer_spsc, NULL, NULL, NULL, NULL, NULL);
