/*
 * Message queues with blocked threads: a put copies straight into a waiting
 * reader, a get refills the queue from a waiting writer, waiters are served
 * by priority then arrival, purge releases them with -ENOMSG, and a reader
 * that timed out or was aborted is never handed a message. Ends with a
 * producer and a consumer streaming through a small queue in both priority
 * orders.
 */
#include "test_util.h"

#define TEST_PRIO CONFIG_ZTEST_THREAD_PRIORITY
#define MAX_MSGS  4
#define N_WAITERS 8

static struct k_msgq q;
static uint32_t q_buf[MAX_MSGS];

/* What each helper thread (by letter) got back: return code and message. */
static volatile int ret_of[26];
static volatile uint32_t msg_of[26];

#define IDX(letter) ((letter) - 'A')

/* p1: letter, p2: timeout in ms (0 = forever). Logs its letter when done. */
static void reader(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	char c = ARG_LETTER(p1);
	int ms = (int)(uintptr_t)p2;
	uint32_t m = 0xdeadbeef;

	ret_of[IDX(c)] = k_msgq_get(&q, &m, ms == 0 ? K_FOREVER : K_MSEC(ms));
	msg_of[IDX(c)] = m;
	event(c);
}

/* p1: letter, p2: the message (as an integer). */
static void writer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	char c = ARG_LETTER(p1);
	uint32_t m = (uint32_t)(uintptr_t)p2;

	ret_of[IDX(c)] = k_msgq_put(&q, &m, K_FOREVER);
	event(c);
}

/* Sleeps p3 ms first, so that the order of arrival differs from creation. */
static void late_reader(void *p1, void *p2, void *p3)
{
	k_msleep((int32_t)(uintptr_t)p3);
	reader(p1, p2, NULL);
}

static void late_writer(void *p1, void *p2, void *p3)
{
	k_msleep((int32_t)(uintptr_t)p3);
	writer(p1, p2, NULL);
}

static void put(uint32_t m)
{
	zassert_equal(k_msgq_put(&q, &m, K_NO_WAIT), 0);
}

static uint32_t get(void)
{
	uint32_t m = 0xdeadbeef;

	zassert_equal(k_msgq_get(&q, &m, K_NO_WAIT), 0);
	return m;
}

static void fill(void)
{
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		put(i);
	}
}

ZTEST(msgq_waiters, test_put_wakes_urgent_reader_at_once) {
	spawn(reader, LETTER_ARG('R'), NULL, TEST_PRIO - 1);
	event('a');
	put(42);
	event('b');
	zassert_events("aRb");
	zassert_equal(ret_of[IDX('R')], 0);
	zassert_equal(msg_of[IDX('R')], 42);
	zassert_equal(k_msgq_num_used_get(&q), 0);
}

ZTEST(msgq_waiters, test_put_copies_into_waiting_reader) {
	spawn(reader, LETTER_ARG('R'), NULL, TEST_PRIO + 1);
	k_msleep(1);
	put(7);
	/* The message went to the reader, though it has not run yet. */
	zassert_events("");
	zassert_equal(k_msgq_num_used_get(&q), 0);

	uint32_t m;

	zassert_equal(k_msgq_get(&q, &m, K_NO_WAIT), -ENOMSG);
	k_msleep(1);
	zassert_events("R");
	zassert_equal(ret_of[IDX('R')], 0);
	zassert_equal(msg_of[IDX('R')], 7);
}

ZTEST(msgq_waiters, test_get_refills_from_waiting_writer) {
	fill();
	spawn(writer, LETTER_ARG('W'), (void *)100, TEST_PRIO + 1);
	k_msleep(1);
	zassert_events("");

	zassert_equal(get(), 0);
	/* The writer's message took the freed slot at once. */
	zassert_equal(k_msgq_num_used_get(&q), MAX_MSGS);
	k_msleep(1);
	zassert_events("W");
	zassert_equal(ret_of[IDX('W')], 0);
	for (uint32_t i = 1; i < MAX_MSGS; i++) {
		zassert_equal(get(), i);
	}
	zassert_equal(get(), 100);
	zassert_equal(k_msgq_num_used_get(&q), 0);
}

ZTEST(msgq_waiters, test_get_wakes_urgent_writer_at_once) {
	fill();
	spawn(writer, LETTER_ARG('W'), (void *)100, TEST_PRIO - 1);
	event('a');
	zassert_equal(get(), 0);
	event('b');
	zassert_events("aWb");
	zassert_equal(k_msgq_num_used_get(&q), MAX_MSGS);
}

static const int prios[N_WAITERS] = { 5, 3, 7, 3, 5, 2, 7, 3 };
/* Waiter i (letter 'A' + i) arrives after N - i ms: by priority, then H before D before B. */
static const char served[] = "FHDBEAGC";

ZTEST(msgq_waiters, test_readers_served_by_priority_then_arrival) {
	for (unsigned int i = 0; i < N_WAITERS; i++) {
		spawn3(late_reader, LETTER_ARG('A' + i), NULL, (void *)(uintptr_t)(N_WAITERS - i),
		       TEST_PRIO + prios[i]);
	}
	k_msleep(N_WAITERS + 1);
	zassert_events("");

	for (unsigned int i = 0; i < N_WAITERS; i++) {
		put(1000U + i);
		zassert_equal(k_msgq_num_used_get(&q), 0);
		k_msleep(1);
		zassert_equal(strlen(events_get()), i + 1U, "after put %u: \"%s\"", i,
			      events_get());
	}
	zassert_events(served);
	for (unsigned int i = 0; i < N_WAITERS; i++) {
		zassert_equal(ret_of[IDX(served[i])], 0);
		zassert_equal(msg_of[IDX(served[i])], 1000U + i, "reader %c", served[i]);
	}
}

ZTEST(msgq_waiters, test_writers_served_by_priority_then_arrival) {
	fill();
	for (unsigned int i = 0; i < N_WAITERS; i++) {
		spawn3(late_writer, LETTER_ARG('A' + i), (void *)(uintptr_t)(2000U + i),
		       (void *)(uintptr_t)(N_WAITERS - i), TEST_PRIO + prios[i]);
	}
	k_msleep(N_WAITERS + 1);
	zassert_events("");

	/* Each get frees one slot, which the most urgent writer fills. */
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		zassert_equal(get(), i);
		zassert_equal(k_msgq_num_used_get(&q), MAX_MSGS);
	}
	for (unsigned int i = 0; i < N_WAITERS; i++) {
		uint32_t expected = 2000U + (uint32_t)(served[i] - 'A');

		zassert_equal(get(), expected, "message %u", i);
	}
	zassert_equal(k_msgq_num_used_get(&q), 0);
	k_msleep(1);
	zassert_events(served);
	for (unsigned int i = 0; i < N_WAITERS; i++) {
		zassert_equal(ret_of[i], 0);
	}
}

ZTEST(msgq_waiters, test_purge_releases_writers) {
	fill();
	spawn(writer, LETTER_ARG('A'), (void *)50, TEST_PRIO + 1);
	spawn(writer, LETTER_ARG('B'), (void *)51, TEST_PRIO + 2);
	k_msleep(1);
	k_msgq_purge(&q);
	zassert_equal(k_msgq_num_used_get(&q), 0);
	k_msleep(1);
	zassert_events("AB");
	zassert_equal(ret_of[IDX('A')], -ENOMSG);
	zassert_equal(ret_of[IDX('B')], -ENOMSG);
	/* Their messages were not queued. */
	zassert_equal(k_msgq_num_used_get(&q), 0);
}

ZTEST(msgq_waiters, test_purge_releases_readers) {
	spawn(reader, LETTER_ARG('R'), NULL, TEST_PRIO - 1);
	k_msgq_purge(&q);
	zassert_events("R");
	zassert_equal(ret_of[IDX('R')], -ENOMSG);
	zassert_equal(msg_of[IDX('R')], 0xdeadbeef);
}

ZTEST(msgq_waiters, test_timed_out_reader_gets_nothing) {
	spawn(reader, LETTER_ARG('R'), (void *)2, TEST_PRIO + 1);
	k_msleep(3);
	zassert_events("R");
	zassert_equal(ret_of[IDX('R')], -EAGAIN);
	put(5);
	zassert_equal(k_msgq_num_used_get(&q), 1);
	zassert_equal(msg_of[IDX('R')], 0xdeadbeef);
	zassert_equal(get(), 5);
}

ZTEST(msgq_waiters, test_timed_out_writer_adds_nothing) {
	fill();
	spawn(writer, LETTER_ARG('W'), (void *)77, TEST_PRIO + 1);
	k_msleep(1);
	/* A writer with a timeout: made by hand, as writer() waits forever. */
	uint32_t m = 78;

	zassert_equal(k_msgq_put(&q, &m, K_MSEC(2)), -EAGAIN);
	/* The remaining (forever) writer gets the slot of the next get. */
	zassert_equal(get(), 0);
	k_msleep(1);
	zassert_events("W");
	for (uint32_t i = 1; i < MAX_MSGS; i++) {
		zassert_equal(get(), i);
	}
	zassert_equal(get(), 77);
	zassert_equal(k_msgq_num_used_get(&q), 0);
}

ZTEST(msgq_waiters, test_aborted_reader_gets_nothing) {
	k_tid_t r = spawn(reader, LETTER_ARG('A'), NULL, TEST_PRIO + 1);

	k_msleep(1);
	k_thread_abort(r);
	put(9);
	zassert_equal(k_msgq_num_used_get(&q), 1, "message handed to a dead reader");
	zassert_equal(get(), 9);

	/* Readers that come later are served normally. */
	spawn(reader, LETTER_ARG('B'), NULL, TEST_PRIO + 1);
	k_msleep(1);
	put(10);
	zassert_equal(k_msgq_num_used_get(&q), 0);
	k_msleep(1);
	zassert_events("B");
	zassert_equal(msg_of[IDX('B')], 10);
}

static void put_in_isr(void)
{
	uint32_t m = 31;

	event('i');
	ret_of[IDX('Z')] = k_msgq_put(&q, &m, K_NO_WAIT);
}

ZTEST(msgq_waiters, test_isr_put_wakes_reader) {
	spawn(reader, LETTER_ARG('R'), NULL, TEST_PRIO - 1);
	event('a');
	run_in_isr(put_in_isr);
	event('b');
	zassert_events("aiRb");
	zassert_equal(ret_of[IDX('Z')], 0);
	zassert_equal(msg_of[IDX('R')], 31);
	zassert_equal(k_msgq_num_used_get(&q), 0);
}

#define STREAM_LEN 60

static volatile uint32_t stream_errors;
static volatile uint32_t stream_received;

static void producer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < STREAM_LEN; i++) {
		uint32_t m = i * 2654435761U;

		if (k_msgq_put(&q, &m, K_FOREVER) != 0) {
			stream_errors++;
		}
	}
}

static void consumer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < STREAM_LEN; i++) {
		uint32_t m = 0;

		if (k_msgq_get(&q, &m, K_FOREVER) != 0 || m != i * 2654435761U) {
			stream_errors++;
		}
		stream_received++;
	}
}

static void stream(int producer_prio, int consumer_prio)
{
	stream_errors = 0;
	stream_received = 0;
	spawn(consumer, NULL, NULL, consumer_prio);
	spawn(producer, NULL, NULL, producer_prio);
	join_all();
	zassert_equal(stream_received, STREAM_LEN);
	zassert_equal(stream_errors, 0);
	zassert_equal(k_msgq_num_used_get(&q), 0);
}

ZTEST(msgq_waiters, test_stream_urgent_producer) {
	/* The producer fills the queue and blocks on every put after that. */
	stream(TEST_PRIO + 1, TEST_PRIO + 2);
}

ZTEST(msgq_waiters, test_stream_urgent_consumer) {
	/* The consumer blocks on every get; each put copies straight to it. */
	stream(TEST_PRIO + 2, TEST_PRIO + 1);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_msgq_init(&q, (char *)q_buf, sizeof(uint32_t), MAX_MSGS);
	for (unsigned int i = 0; i < ARRAY_SIZE(ret_of); i++) {
		ret_of[i] = 1;
		msg_of[i] = 0xdeadbeef;
	}
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(msgq_waiters, NULL, NULL, before, after, NULL);
