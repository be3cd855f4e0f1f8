/*
 * Message queues without waiters: init and attributes, static definition,
 * return codes of put/get/peek on full and empty queues, FIFO order across
 * the wrap of the ring, purge, exact timeouts, and put/get from an ISR.
 */
#include "test_util.h"

#define CYC_PER_TICK (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)

struct msg {
	uint32_t seq;
	uint32_t check;
};

#define MAX_MSGS 4

static struct k_msgq q;
static char q_buf[MAX_MSGS * sizeof(struct msg)];

K_MSGQ_DEFINE(static_q, 12, 3, 16);

static struct msg make(uint32_t seq)
{
	return (struct msg){ .seq = seq, .check = seq * 2654435761U };
}

static void put_ok(uint32_t seq)
{
	struct msg m = make(seq);

	zassert_equal(k_msgq_put(&q, &m, K_NO_WAIT), 0, "put %u", (unsigned int)seq);
}

static void get_expect(uint32_t seq)
{
	struct msg m = { 0 };

	zassert_equal(k_msgq_get(&q, &m, K_NO_WAIT), 0, "get, expecting %u", (unsigned int)seq);
	zassert_equal(m.seq, seq);
	zassert_equal(m.check, seq * 2654435761U);
}

static void check_attrs(struct k_msgq *queue, size_t msg_size, uint32_t max, uint32_t used)
{
	struct k_msgq_attrs a = { 0 };

	k_msgq_get_attrs(queue, &a);
	zassert_equal(a.msg_size, msg_size);
	zassert_equal(a.max_msgs, max);
	zassert_equal(a.used_msgs, used);
	zassert_equal(k_msgq_num_used_get(queue), used);
	zassert_equal(k_msgq_num_free_get(queue), max - used);
}

ZTEST(msgq_basic, test_init_attrs) {
	check_attrs(&q, sizeof(struct msg), MAX_MSGS, 0);
}

ZTEST(msgq_basic, test_static_define) {
	static const char in[3][12] = { "first mesg", "second msg", "third mesg" };
	char out[12];

	zassert_equal((uintptr_t)static_q.buffer_start % 16U, 0, "buffer not aligned");
	check_attrs(&static_q, 12, 3, 0);
	for (int i = 0; i < 3; i++) {
		zassert_equal(k_msgq_put(&static_q, in[i], K_NO_WAIT), 0);
	}
	zassert_equal(k_msgq_put(&static_q, in[0], K_NO_WAIT), -ENOMSG);
	check_attrs(&static_q, 12, 3, 3);
	for (int i = 0; i < 3; i++) {
		zassert_equal(k_msgq_get(&static_q, out, K_NO_WAIT), 0);
		zassert_mem_equal(out, in[i], 12);
	}
	check_attrs(&static_q, 12, 3, 0);
}

ZTEST(msgq_basic, test_put_until_full) {
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		put_ok(i);
		zassert_equal(k_msgq_num_used_get(&q), i + 1U);
		zassert_equal(k_msgq_num_free_get(&q), MAX_MSGS - i - 1U);
	}
	struct msg extra = make(99);

	zassert_equal(k_msgq_put(&q, &extra, K_NO_WAIT), -ENOMSG);
	check_attrs(&q, sizeof(struct msg), MAX_MSGS, MAX_MSGS);

	/* The refused message is nowhere: the queue holds 0..3 in order. */
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		get_expect(i);
	}
	check_attrs(&q, sizeof(struct msg), MAX_MSGS, 0);
}

ZTEST(msgq_basic, test_get_and_peek_empty) {
	struct msg m = { .seq = 0x11111111, .check = 0x22222222 };

	zassert_equal(k_msgq_get(&q, &m, K_NO_WAIT), -ENOMSG);
	zassert_equal(k_msgq_peek(&q, &m), -ENOMSG);
	/* Nothing was written to the caller's buffer. */
	zassert_equal(m.seq, 0x11111111);
	zassert_equal(m.check, 0x22222222);
}

ZTEST(msgq_basic, test_peek_leaves_message) {
	struct msg m;

	put_ok(1);
	put_ok(2);
	for (int i = 0; i < 2; i++) {
		m.seq = 0;
		zassert_equal(k_msgq_peek(&q, &m), 0);
		zassert_equal(m.seq, 1);
		zassert_equal(k_msgq_num_used_get(&q), 2);
	}
	get_expect(1);
	zassert_equal(k_msgq_peek(&q, &m), 0);
	zassert_equal(m.seq, 2);
	get_expect(2);
	zassert_equal(k_msgq_peek(&q, &m), -ENOMSG);
}

ZTEST(msgq_basic, test_fifo_across_wrap_odd_size) {
	/* 3-byte messages in a 5-slot ring: every slot boundary is unaligned. */
	static struct k_msgq q3;
	static char buf3[5 * 3];
	uint8_t in[3], out[3];
	uint32_t next_in = 0, next_out = 0;

	k_msgq_init(&q3, buf3, 3, 5);
	/* Keep 1..4 messages queued while 40 pass through (8 laps of the ring). */
	while (next_out < 40U) {
		while (next_in < 40U && k_msgq_num_used_get(&q3) < 1U + next_in % 4U) {
			in[0] = (uint8_t)next_in;
			in[1] = (uint8_t)(next_in ^ 0xa5U);
			in[2] = (uint8_t)(next_in * 3U);
			zassert_equal(k_msgq_put(&q3, in, K_NO_WAIT), 0);
			next_in++;
		}
		zassert_equal(k_msgq_get(&q3, out, K_NO_WAIT), 0);
		zassert_equal(out[0], (uint8_t)next_out);
		zassert_equal(out[1], (uint8_t)(next_out ^ 0xa5U));
		zassert_equal(out[2], (uint8_t)(next_out * 3U));
		next_out++;
	}
	zassert_equal(next_in, 40);
	zassert_equal(k_msgq_num_used_get(&q3), 0);
}

ZTEST(msgq_basic, test_purge) {
	put_ok(1);
	put_ok(2);
	put_ok(3);
	k_msgq_purge(&q);
	check_attrs(&q, sizeof(struct msg), MAX_MSGS, 0);

	struct msg m;

	zassert_equal(k_msgq_get(&q, &m, K_NO_WAIT), -ENOMSG);
	/* The queue works on from where it stood, with its full capacity. */
	for (uint32_t i = 10; i < 10 + MAX_MSGS; i++) {
		put_ok(i);
	}
	for (uint32_t i = 10; i < 10 + MAX_MSGS; i++) {
		get_expect(i);
	}
}

ZTEST(msgq_basic, test_get_times_out_on_the_tick) {
	struct msg m = { .seq = 0x5555 };
	uint64_t c0 = k_cycle_get_64();
	int ret = k_msgq_get(&q, &m, K_TICKS(7));
	uint64_t dc = k_cycle_get_64() - c0;

	zassert_equal(ret, -EAGAIN);
	zassert_true(dc >= 7U * CYC_PER_TICK && dc < 8U * CYC_PER_TICK, "lasted %llu cycles", dc);
	zassert_equal(m.seq, 0x5555);
}

ZTEST(msgq_basic, test_put_times_out_on_the_tick) {
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		put_ok(i);
	}
	struct msg extra = make(99);
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_msgq_put(&q, &extra, K_MSEC(5)), -EAGAIN);
	zassert_between_inclusive(k_uptime_ticks() - t0, 50, 51);
	for (uint32_t i = 0; i < MAX_MSGS; i++) {
		get_expect(i);
	}
	zassert_equal(k_msgq_num_used_get(&q), 0);
}

ZTEST(msgq_basic, test_no_wait_does_not_block) {
	struct msg m = make(1);
	uint64_t c0 = k_cycle_get_64();

	zassert_equal(k_msgq_get(&q, &m, K_NO_WAIT), -ENOMSG);
	zassert_true(k_cycle_get_64() - c0 < CYC_PER_TICK, "K_NO_WAIT blocked");
}

static volatile int isr_ret[3];
static struct msg isr_msg[2];

static void put_three_in_isr(void)
{
	struct msg m;

	for (int i = 0; i < 3; i++) {
		m = make(100U + (uint32_t)i);
		isr_ret[i] = k_msgq_put(&q, &m, K_NO_WAIT);
	}
}

static void get_three_in_isr(void)
{
	struct msg m;

	for (int i = 0; i < 3; i++) {
		isr_ret[i] = k_msgq_get(&q, i < 2 ? &isr_msg[i] : &m, K_NO_WAIT);
	}
}

ZTEST(msgq_basic, test_isr_put_and_get) {
	put_ok(1);
	put_ok(2);
	run_in_isr(put_three_in_isr);
	zassert_equal(isr_ret[0], 0);
	zassert_equal(isr_ret[1], 0);
	zassert_equal(isr_ret[2], -ENOMSG);
	zassert_equal(k_msgq_num_used_get(&q), MAX_MSGS);

	get_expect(1);
	get_expect(2);
	run_in_isr(get_three_in_isr);
	zassert_equal(isr_ret[0], 0);
	zassert_equal(isr_ret[1], 0);
	zassert_equal(isr_ret[2], -ENOMSG);
	zassert_equal(isr_msg[0].seq, 100);
	zassert_equal(isr_msg[1].seq, 101);
	zassert_equal(isr_msg[1].check, 101U * 2654435761U);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_msgq_init(&q, q_buf, sizeof(struct msg), MAX_MSGS);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	test_cleanup();
}

ZTEST_SUITE(msgq_basic, NULL, NULL, before, after, NULL);
