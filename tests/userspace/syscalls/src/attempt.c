/*
 * The calls kernel/syscalls.def marks [attempt] (k_sem_take, k_msgq_put,
 * k_msgq_get, k_mem_slab_alloc), which a port may try in the trap and run
 * again in a thread only when they must wait (Cortex-M does, in the SVC
 * exception; RISC-V on one CPU, in the trap with interrupts held off, then
 * again from the start with the arguments kept in the frame):
 *
 * - a call that must wait waits, and ends as it would have: woken with the
 *   object's result, or at its timeout;
 * - a get that frees room for a more urgent blocked writer, and a put that
 *   hands its message to a more urgent blocked reader, deliver their own
 *   results first and are preempted right after, with their registers intact;
 * - a slab allocation that must wait writes the block only once it has one;
 * - bad buffers and ungranted objects end the caller alone, however often, and
 *   a failed copy loses no message.
 *
 * Where every call runs preemptible (RISC-V with SMP) the same must hold.
 */
#include "steps.h"

#define OOPS_ROUNDS 100
#define MSG_WORDS   4

RESULT static volatile int res[4];
RESULT static volatile uint32_t got[MSG_WORDS];
RESULT static volatile uint32_t kept[4];
RESULT static void *volatile blocks[3];

K_SEM_DEFINE(attempt_sem, 0, 1);
K_SEM_DEFINE(attempt_ungranted, 1, 1);
K_MSGQ_DEFINE(attempt_q, MSG_WORDS * sizeof(uint32_t), 1, 4);
/* The blocks are the user thread's to use: in its domain. */
RESULT static char __aligned(4) slab_buf[2 * 32];
static struct k_mem_slab attempt_slab;

/* Order is one CPU's: with SMP, the other CPUs are held meanwhile. */
static void before(void *fixture)
{
	ztest_simple_1cpu_before(fixture);
	steps_reset();
	for (unsigned int i = 0; i < ARRAY_SIZE(res); i++) {
		res[i] = NOT_REACHED;
		kept[i] = 0;
	}
	k_sem_reset(&attempt_sem);
	k_msgq_purge(&attempt_q);
	zassert_equal(k_mem_slab_num_free_get(&attempt_slab), 2U);
}

static void *setup(void)
{
	zassert_ok(k_mem_slab_init(&attempt_slab, slab_buf, 32, 2));
	return NULL;
}

ZTEST_SUITE(sys_attempt, NULL, setup, before, ztest_simple_1cpu_after, NULL);

static void taker(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	res[0] = k_sem_take(&attempt_sem, K_MSEC(2)); /* nobody gives: the timeout */
	note(1);
	res[1] = k_sem_take(&attempt_sem, K_FOREVER); /* the test gives */
	note(3);
	res[2] = k_sem_take(&attempt_sem, K_NO_WAIT);
}

ZTEST(sys_attempt, test_take_that_must_wait) {
	k_tid_t t = user_create(0, taker, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&attempt_sem, t);
	k_thread_start(t); /* more urgent: runs until it waits */
	zassert_equal(steps_n, 0, "the take did not wait");
	k_sleep(K_MSEC(3));
	zassert_equal(res[0], -EAGAIN, "timed take: %d", res[0]);
	zassert_equal(steps_n, 1, "the second take did not wait");
	note(2);
	k_sem_give(&attempt_sem);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(res[1], 0);
	zassert_equal(res[2], -EBUSY);
	steps_check_sequence(3);
}

/* More urgent: puts into the full queue, so waits until the reader makes room. */
static void urgent_writer(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	uint32_t msg[MSG_WORDS] = { 21, 22, 23, 24 };

	res[0] = k_msgq_put(&attempt_q, msg, K_FOREVER);
	note(2);
}

/* Gets with values live in callee-saved registers across the call. */
static void reader(void *a, void *b, void *unused)
{
	ARG_UNUSED(unused);
	uint32_t x = (uint32_t)(uintptr_t)a;
	uint32_t y = (uint32_t)(uintptr_t)b;
	uint32_t msg[MSG_WORDS];

	note(1);
	for (unsigned int i = 0; i < 4; i++) {
		kept[i] = x * (i + 1U) + y;
	}
	res[1] = k_msgq_get(&attempt_q, msg, K_FOREVER);
	for (unsigned int i = 0; i < MSG_WORDS; i++) {
		got[i] = msg[i];
	}
	note(3);
	for (unsigned int i = 0; i < 4; i++) {
		if (kept[i] != x * (i + 1U) + y) {
			kept[i] = 0;
		}
	}
}

ZTEST(sys_attempt, test_get_wakes_urgent_writer_after_its_result) {
	uint32_t first[MSG_WORDS] = { 11, 12, 13, 14 };
	uint32_t msg[MSG_WORDS];

	zassert_ok(k_msgq_put(&attempt_q, first, K_NO_WAIT)); /* now full */
	k_tid_t w = user_create(0, urgent_writer, NULL, NULL, NULL, USER_PRIO - 1, 0);

	k_object_access_grant(&attempt_q, w);
	k_thread_start(w);
	zassert_equal(res[0], NOT_REACHED, "the writer did not wait");
	k_tid_t r = user_create(1, reader, INT_ARG(0x2345671), INT_ARG(7), NULL, USER_PRIO, 0);

	k_object_access_grant(&attempt_q, r);
	run_to_end(r);
	run_to_end(w);
	zassert_equal(res[0], 0);
	zassert_equal(res[1], 0);
	steps_check_sequence(3);
	for (unsigned int i = 0; i < MSG_WORDS; i++) {
		zassert_equal(got[i], first[i], "word %u", i);
	}
	for (unsigned int i = 0; i < 4; i++) {
		zassert_equal(kept[i], 0x2345671U * (i + 1U) + 7U, "value %u lost", i);
	}
	zassert_ok(k_msgq_get(&attempt_q, msg, K_NO_WAIT), "the writer's message was lost");
	zassert_equal(msg[0], 21U);
	zassert_equal(msg[3], 24U);
}

/* More urgent: waits in get on the empty queue. */
static void urgent_reader(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	uint32_t msg[MSG_WORDS] = { 0 };

	res[0] = k_msgq_get(&attempt_q, msg, K_FOREVER);
	for (unsigned int i = 0; i < MSG_WORDS; i++) {
		got[i] = msg[i];
	}
	note(2);
}

static void writer(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	uint32_t msg[MSG_WORDS] = { 31, 32, 33, 34 };

	note(1);
	res[1] = k_msgq_put(&attempt_q, msg, K_FOREVER);
	note(3);
}

ZTEST(sys_attempt, test_put_hands_to_urgent_reader) {
	k_tid_t r = user_create(0, urgent_reader, NULL, NULL, NULL, USER_PRIO - 1, 0);

	k_object_access_grant(&attempt_q, r);
	k_thread_start(r);
	zassert_equal(res[0], NOT_REACHED, "the reader did not wait");
	k_tid_t w = user_create(1, writer, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&attempt_q, w);
	run_to_end(w);
	run_to_end(r);
	zassert_equal(res[0], 0);
	zassert_equal(res[1], 0);
	steps_check_sequence(3);
	zassert_equal(got[0], 31U);
	zassert_equal(got[3], 34U);
	zassert_equal(k_msgq_num_used_get(&attempt_q), 0U, "handed over, not queued");
}

static void allocator(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	void *none = (void *)1;

	res[0] = k_mem_slab_alloc(&attempt_slab, (void **)&blocks[0], K_NO_WAIT);
	res[1] = k_mem_slab_alloc(&attempt_slab, (void **)&blocks[1], K_NO_WAIT);
	res[2] = k_mem_slab_alloc(&attempt_slab, &none, K_NO_WAIT); /* empty */
	blocks[2] = none;
	note(1);
	res[3] = k_mem_slab_alloc(&attempt_slab, (void **)&blocks[2], K_FOREVER);
	note(3);
}

ZTEST(sys_attempt, test_slab_alloc_waits_when_empty) {
	k_tid_t t = user_create(0, allocator, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&attempt_slab, t);
	k_thread_start(t);
	zassert_equal(res[0], 0);
	zassert_equal(res[1], 0);
	zassert_equal(res[2], -ENOMEM);
	zassert_is_null(blocks[2], "a failed allocation leaves NULL");
	zassert_equal(steps_n, 1, "the allocation did not wait");
	blocks[2] = (void *)2; /* untouched while the allocation waits */
	k_sleep(K_MSEC(1));
	zassert_equal(blocks[2], (void *)2, "written before it had a block");
	note(2);
	k_mem_slab_free(&attempt_slab, blocks[0]);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(res[3], 0);
	zassert_equal_ptr(blocks[2], blocks[0], "not the block freed");
	steps_check_sequence(3);
	k_mem_slab_free(&attempt_slab, blocks[1]);
	k_mem_slab_free(&attempt_slab, blocks[2]);
}

static void ungranted_taker(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	(void)k_sem_take(&attempt_ungranted, K_NO_WAIT);
	note(99); /* never */
}

/* A user buffer the caller may not write: the kernel's own semaphore. */
static void bad_buffer_getter(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	(void)k_msgq_get(&attempt_q, (void *)&attempt_ungranted, K_NO_WAIT);
	note(98); /* never */
}

static void bad_buffer_putter(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	(void)k_msgq_put(&attempt_q, (const void *)&attempt_slab, K_NO_WAIT);
	note(97); /* never */
}

ZTEST(sys_attempt, test_oops_in_attempt_many_times) {
	uint32_t msg[MSG_WORDS] = { 41, 42, 43, 44 };

	for (unsigned int i = 0; i < OOPS_ROUNDS; i++) {
		run_expect_fault(user_create(0, ungranted_taker, NULL, NULL, NULL, USER_PRIO, 0),
				 K_ERR_KERNEL_OOPS);
	}
	zassert_equal(k_sem_count_get(&attempt_ungranted), 1U, "an ungranted take took effect");
	zassert_ok(k_msgq_put(&attempt_q, msg, K_NO_WAIT));

	k_tid_t t = user_create(0, bad_buffer_getter, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&attempt_q, t);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(k_msgq_num_used_get(&attempt_q), 1U, "a failed copy lost the message");
	k_msgq_purge(&attempt_q);
	t = user_create(0, bad_buffer_putter, NULL, NULL, NULL, USER_PRIO, 0);
	k_object_access_grant(&attempt_q, t);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(k_msgq_num_used_get(&attempt_q), 0U, "an unreadable message was queued");
	zassert_equal(steps_n, 0);
	/* Attempts still work, and still wait when they must. */
	t = user_create(0, taker, NULL, NULL, NULL, USER_PRIO, 0);
	k_object_access_grant(&attempt_sem, t);
	k_thread_start(t);
	k_sleep(K_MSEC(3));
	k_sem_give(&attempt_sem);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(res[0], -EAGAIN);
	zassert_equal(res[1], 0);
}
