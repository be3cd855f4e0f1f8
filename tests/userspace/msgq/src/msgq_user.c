/*
 * Message queues from user mode: a producer and a consumer in two domains
 * (each with a private partition only) stream messages through a granted
 * K_MSGQ_DEFINE queue, blocking on full and on empty; user threads blocked
 * in put/get are served by supervisor gets/puts; the queries work from user
 * mode; and every bad argument - a message buffer in kernel memory, in
 * read-only memory or in another domain, an oversized queue, an ungranted or
 * forged queue - is an oops that leaves the queue and the memory untouched.
 */
#include "user_util.h"

#define N_MSGS   24
#define MAX_MSGS 4

struct msg {
	uint32_t seq;
	uint32_t a;
	uint32_t b;
	char text[20];
};

K_MSGQ_DEFINE(user_q, sizeof(struct msg), MAX_MSGS, 4);
K_MSGQ_DEFINE(big_q, CONFIG_MSGQ_MAX_USER_MSG_SIZE + 4, 2, 4);
K_MSGQ_DEFINE(secret_q, sizeof(struct msg), 2, 4);

K_APPMEM_PARTITION_DEFINE(prod_part);
K_APPMEM_PARTITION_DEFINE(cons_part);

K_APP_BMEM(prod_part) static struct msg prod_out;
K_APP_BMEM(prod_part) static int prod_ret[N_MSGS];
K_APP_BMEM(cons_part) static struct msg cons_in[N_MSGS];
K_APP_BMEM(cons_part) static int cons_ret[N_MSGS];
K_APP_BMEM(cons_part) static int cons_res[9];
K_APP_BMEM(cons_part) static uint8_t cons_big[CONFIG_MSGQ_MAX_USER_MSG_SIZE + 4];

static struct k_mem_domain dom_prod;
static struct k_mem_domain dom_cons;

/* Kernel memory and read-only memory that user buffers must not name. */
static struct msg kernel_msg;
static const struct msg ro_msg = { .seq = 0x0bad };

static void make_msg(struct msg *m, uint32_t seq)
{
	m->seq = seq;
	m->a = seq * 2654435761U;
	m->b = ~seq;
	for (unsigned int k = 0; k < sizeof(m->text); k++) {
		m->text[k] = (char)('a' + (seq + k) % 26U);
	}
}

static void check_msg(const struct msg *m, uint32_t seq)
{
	struct msg expected;

	make_msg(&expected, seq);
	zassert_mem_equal(m, &expected, sizeof(expected), "message %u differs (seq %u)",
			  (unsigned int)seq, (unsigned int)m->seq);
}

/* User: put messages 0 .. p1-1 from its partition, waiting whenever the queue is full. */
static void producer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < (uint32_t)(uintptr_t)p1; i++) {
		make_msg(&prod_out, i);
		prod_ret[i] = k_msgq_put(&user_q, &prod_out, K_FOREVER);
	}
}

/* User: get p1 messages into its partition, waiting whenever the queue is empty. */
static void consumer(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (uint32_t i = 0; i < (uint32_t)(uintptr_t)p1; i++) {
		cons_ret[i] = k_msgq_get(&user_q, &cons_in[i], K_FOREVER);
	}
}

static void exchange(int producer_prio, int consumer_prio)
{
	k_tid_t c = user_create(0, consumer, (void *)N_MSGS, consumer_prio, &dom_cons);
	k_tid_t p = user_create(1, producer, (void *)N_MSGS, producer_prio, &dom_prod);
	unsigned int faults = ztest_fault_count();

	k_object_access_grant(&user_q, c);
	k_object_access_grant(&user_q, p);
	k_thread_start(c);
	k_thread_start(p);
	zassert_equal(k_thread_join(p, K_FOREVER), 0);
	zassert_equal(k_thread_join(c, K_FOREVER), 0);
	zassert_equal(ztest_fault_count(), faults, "a user thread faulted");

	for (uint32_t i = 0; i < N_MSGS; i++) {
		zassert_equal(prod_ret[i], 0, "put %u", (unsigned int)i);
		zassert_equal(cons_ret[i], 0, "get %u", (unsigned int)i);
		check_msg(&cons_in[i], i);
	}
	zassert_equal(k_msgq_num_used_get(&user_q), 0);
}

ZTEST(msgq_user, test_exchange_urgent_producer) {
	/* The producer fills the queue, then each get refills it from the blocked producer. */
	exchange(TEST_PRIO + 1, TEST_PRIO + 2);
}

ZTEST(msgq_user, test_exchange_urgent_consumer) {
	/* The consumer waits on the empty queue; each put copies straight to it. */
	exchange(TEST_PRIO + 2, TEST_PRIO + 1);
}

ZTEST(msgq_user, test_blocked_user_reader_served_by_supervisor) {
	k_tid_t c = user_create(0, consumer, (void *)3, TEST_PRIO - 1, &dom_cons);
	struct msg m;

	k_object_access_grant(&user_q, c);
	k_thread_start(c); /* more urgent: runs at once and waits on the empty queue */
	for (uint32_t i = 0; i < 3; i++) {
		zassert_equal(cons_ret[i], NOT_REACHED);
		make_msg(&m, 100U + i);
		zassert_equal(k_msgq_put(&user_q, &m, K_NO_WAIT), 0);
		/* The reader took it (and ran) before the put returned. */
		zassert_equal(k_msgq_num_used_get(&user_q), 0);
		zassert_equal(cons_ret[i], 0);
		check_msg(&cons_in[i], 100U + i);
	}
	zassert_equal(k_thread_join(c, K_FOREVER), 0);
}

ZTEST(msgq_user, test_blocked_user_writer_served_by_supervisor) {
	k_tid_t p = user_create(1, producer, (void *)(MAX_MSGS + 2), TEST_PRIO - 1, &dom_prod);
	struct msg m;

	k_object_access_grant(&user_q, p);
	k_thread_start(p); /* fills the queue and waits with message 4 */
	zassert_equal(k_msgq_num_used_get(&user_q), MAX_MSGS);
	zassert_equal(prod_ret[MAX_MSGS], NOT_REACHED);
	for (uint32_t i = 0; i < MAX_MSGS + 2; i++) {
		zassert_equal(k_msgq_get(&user_q, &m, K_NO_WAIT), 0);
		check_msg(&m, i);
	}
	zassert_equal(k_thread_join(p, K_FOREVER), 0);
	for (unsigned int i = 0; i < MAX_MSGS + 2; i++) {
		zassert_equal(prod_ret[i], 0);
	}
	zassert_equal(k_msgq_num_used_get(&user_q), 0);
}

static void user_queries(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct k_msgq_attrs attrs;

	k_msgq_get_attrs(&user_q, &attrs);
	cons_res[0] = (int)attrs.msg_size;
	cons_res[1] = (int)attrs.max_msgs;
	cons_res[2] = (int)attrs.used_msgs;
	cons_res[3] = (int)k_msgq_num_used_get(&user_q);
	cons_res[4] = (int)k_msgq_num_free_get(&user_q);
	cons_res[5] = k_msgq_peek(&user_q, &cons_in[0]);
	k_msgq_purge(&user_q);
	cons_res[6] = (int)k_msgq_num_used_get(&user_q);
	cons_res[7] = k_msgq_get(&user_q, &cons_in[1], K_NO_WAIT);
	cons_res[8] = k_msgq_get(&user_q, &cons_in[1], K_MSEC(2));
}

ZTEST(msgq_user, test_queries_peek_purge) {
	struct msg m;

	for (uint32_t i = 0; i < 2; i++) {
		make_msg(&m, 40U + i);
		zassert_equal(k_msgq_put(&user_q, &m, K_NO_WAIT), 0);
	}
	cons_in[1].seq = NOT_REACHED;

	k_tid_t t = user_create(0, user_queries, NULL, TEST_PRIO - 1, &dom_cons);

	k_object_access_grant(&user_q, t);
	run_to_end(t);
	zassert_equal(cons_res[0], sizeof(struct msg));
	zassert_equal(cons_res[1], MAX_MSGS);
	zassert_equal(cons_res[2], 2);
	zassert_equal(cons_res[3], 2);
	zassert_equal(cons_res[4], MAX_MSGS - 2);
	zassert_equal(cons_res[5], 0);
	check_msg(&cons_in[0], 40);
	zassert_equal(cons_res[6], 0);
	zassert_equal(cons_res[7], -ENOMSG);
	zassert_equal(cons_res[8], -EAGAIN);
	zassert_equal(cons_in[1].seq, NOT_REACHED, "a failed get wrote the buffer");
	zassert_equal(k_msgq_num_used_get(&user_q), 0);
}

enum attack {
	GET_INTO_KERNEL,
	PUT_FROM_KERNEL,
	PEEK_INTO_KERNEL,
	GET_INTO_RODATA,
	GET_INTO_OTHER_DOMAIN,
	ATTRS_INTO_KERNEL,
	OVERSIZED_MESSAGE,
	UNGRANTED_QUEUE,
	FORGED_QUEUE,
};

/* User, in dom_cons: one bad call; cons_res[0] is written only if it returns. */
static void attacker(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	int ret = 0;

	switch ((enum attack)(uintptr_t)p1) {
	case GET_INTO_KERNEL:
		ret = k_msgq_get(&user_q, &kernel_msg, K_NO_WAIT);
		break;
	case PUT_FROM_KERNEL:
		ret = k_msgq_put(&user_q, &kernel_msg, K_NO_WAIT);
		break;
	case PEEK_INTO_KERNEL:
		ret = k_msgq_peek(&user_q, &kernel_msg);
		break;
	case GET_INTO_RODATA:
		ret = k_msgq_get(&user_q, (void *)&ro_msg, K_NO_WAIT);
		break;
	case GET_INTO_OTHER_DOMAIN:
		ret = k_msgq_get(&user_q, &prod_out, K_NO_WAIT);
		break;
	case ATTRS_INTO_KERNEL:
		k_msgq_get_attrs(&user_q, (struct k_msgq_attrs *)&kernel_msg);
		break;
	case OVERSIZED_MESSAGE:
		ret = k_msgq_put(&big_q, cons_big, K_NO_WAIT);
		break;
	case UNGRANTED_QUEUE:
		ret = (int)k_msgq_num_used_get(&secret_q);
		break;
	case FORGED_QUEUE:
		ret = k_msgq_put((struct k_msgq *)cons_big, &cons_in[0], K_NO_WAIT);
		break;
	}
	cons_res[0] = ret;
}

static void expect_oops(enum attack a)
{
	struct msg kernel_before = kernel_msg;
	k_tid_t t = user_create(0, attacker, (void *)(uintptr_t)a, TEST_PRIO - 1, &dom_cons);

	k_object_access_grant(&user_q, t);
	k_object_access_grant(&big_q, t);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(cons_res[0], NOT_REACHED, "the call returned");
	zassert_mem_equal(&kernel_msg, &kernel_before, sizeof(kernel_msg));
	zassert_equal(ro_msg.seq, 0x0bad);
}

/* One message queued: a failed get or peek must not take it. */
static void expect_oops_message_kept(enum attack a)
{
	struct msg m;

	make_msg(&m, 77);
	zassert_equal(k_msgq_put(&user_q, &m, K_NO_WAIT), 0);
	expect_oops(a);
	zassert_equal(k_msgq_num_used_get(&user_q), 1, "the message was taken");
	zassert_equal(k_msgq_get(&user_q, &m, K_NO_WAIT), 0);
	check_msg(&m, 77);
}

ZTEST(msgq_user, test_get_into_kernel_memory_oops) {
	expect_oops_message_kept(GET_INTO_KERNEL);
}

ZTEST(msgq_user, test_peek_into_kernel_memory_oops) {
	expect_oops_message_kept(PEEK_INTO_KERNEL);
}

ZTEST(msgq_user, test_get_into_read_only_memory_oops) {
	expect_oops_message_kept(GET_INTO_RODATA);
}

ZTEST(msgq_user, test_get_into_other_domain_oops) {
	expect_oops_message_kept(GET_INTO_OTHER_DOMAIN);
	zassert_equal(prod_out.seq, 0x5eed, "the other domain's memory was written");
}

ZTEST(msgq_user, test_put_from_kernel_memory_oops) {
	kernel_msg.seq = 0x5ec4e7;
	expect_oops(PUT_FROM_KERNEL);
	zassert_equal(k_msgq_num_used_get(&user_q), 0, "kernel memory was queued");
}

ZTEST(msgq_user, test_attrs_into_kernel_memory_oops) {
	expect_oops(ATTRS_INTO_KERNEL);
}

ZTEST(msgq_user, test_oversized_messages_oops) {
	expect_oops(OVERSIZED_MESSAGE);
	zassert_equal(k_msgq_num_used_get(&big_q), 0);
}

ZTEST(msgq_user, test_ungranted_queue_oops) {
	expect_oops(UNGRANTED_QUEUE);
}

ZTEST(msgq_user, test_forged_queue_oops) {
	expect_oops(FORGED_QUEUE);
}

static void *setup(void)
{
	struct k_mem_partition *prod_parts[] = { &prod_part };
	struct k_mem_partition *cons_parts[] = { &cons_part };

	zassert_equal(k_mem_domain_init(&dom_prod, ARRAY_SIZE(prod_parts), prod_parts), 0);
	zassert_equal(k_mem_domain_init(&dom_cons, ARRAY_SIZE(cons_parts), cons_parts), 0);
	return NULL;
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_msgq_purge(&user_q);
	prod_out.seq = 0x5eed;
	for (unsigned int i = 0; i < N_MSGS; i++) {
		prod_ret[i] = NOT_REACHED;
		cons_ret[i] = NOT_REACHED;
		cons_in[i].seq = NOT_REACHED;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(cons_res); i++) {
		cons_res[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(msgq_user, NULL, setup, before, NULL, NULL);
