/*
 * The forms of static definition: K_MSGQ_DEFINE_STATIC (private to this
 * file), and K_MSGQ_DEFINE_TYPE / K_MSGQ_DEFINE_STATIC_TYPE, whose message
 * size and ring alignment are those of a type.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

/* Alignment 8 and a size (16) that is not the sum of its fields (9). */
struct typed_msg {
	uint8_t tag;
	uint64_t value;
};

K_MSGQ_DEFINE_STATIC(private_q, 6, 3, 2);
K_MSGQ_DEFINE_TYPE(typed_q, struct typed_msg, 2);
K_MSGQ_DEFINE_STATIC_TYPE(private_typed_q, struct typed_msg, 4);

ZTEST_SUITE(msgq_define, NULL, NULL, NULL, NULL, NULL);

static void check_empty(struct k_msgq *q, size_t msg_size, uint32_t max_msgs)
{
	struct k_msgq_attrs a;

	k_msgq_get_attrs(q, &a);
	zassert_equal(a.msg_size, msg_size);
	zassert_equal(a.max_msgs, max_msgs);
	zassert_equal(a.used_msgs, 0);
	zassert_equal(k_msgq_num_free_get(q), max_msgs);
}

ZTEST(msgq_define, test_static_define) {
	char out[6];

	check_empty(&private_q, 6, 3);
	zassert_equal(k_msgq_put(&private_q, "abcde", K_NO_WAIT), 0);
	zassert_equal(k_msgq_get(&private_q, out, K_NO_WAIT), 0);
	zassert_str_equal(out, "abcde");
}

ZTEST(msgq_define, test_typed_define) {
	struct typed_msg in = { .tag = 7, .value = 0x0123456789abcdefULL };
	struct typed_msg out = { 0 };

	check_empty(&typed_q, sizeof(struct typed_msg), 2);
	check_empty(&private_typed_q, sizeof(struct typed_msg), 4);
	zassert_equal(sizeof(struct typed_msg), 16);
	/* The ring is aligned for the type: a message can be used in place. */
	zassert_equal((uintptr_t)typed_q.buffer_start % __alignof__(struct typed_msg), 0);
	zassert_equal((uintptr_t)private_typed_q.buffer_start % __alignof__(struct typed_msg), 0);

	zassert_equal(k_msgq_put(&typed_q, &in, K_NO_WAIT), 0);
	zassert_equal(((struct typed_msg *)typed_q.buffer_start)->value, in.value);
	zassert_equal(k_msgq_put(&typed_q, &in, K_NO_WAIT), 0);
	zassert_equal(k_msgq_put(&typed_q, &in, K_NO_WAIT), -ENOMSG, "two messages only");
	zassert_equal(k_msgq_get(&typed_q, &out, K_NO_WAIT), 0);
	zassert_equal(out.tag, 7);
	zassert_equal(out.value, in.value);
	k_msgq_purge(&typed_q);
}
