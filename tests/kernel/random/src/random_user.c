/*
 * sys_rand_get() and sys_csrand_get() from user mode: a user thread fills its
 * own buffers (partition, stack) through the system call; a buffer it may not
 * write all of (kernel data, read-only data, NULL, a range that wraps or runs
 * off its partition's end) is an oops, and not one byte of it is written.
 */
#include <string.h>
#include "user_util.h"
#include <zephyr/random/random.h>

struct bad_buffer {
	void *dst;
	size_t len;
	bool cs;
};

RESULT static uint8_t user_buf[24];
RESULT static uint8_t cs_buf[12];
RESULT static volatile uint32_t r[4];
RESULT static volatile int cs_ret;
RESULT static struct bad_buffer b_storage;

static uint8_t kernel_buf[16];
static const uint8_t ro_buf[16] = { 1, 2, 3 };

ZTEST_SUITE(random_user, NULL, NULL, NULL, NULL, NULL);

static void fill(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uint32_t on_stack[2] = { 0, 0 };

	sys_rand_get(user_buf, 20);
	sys_rand_get(on_stack, sizeof(on_stack));
	r[0] = on_stack[0];
	r[1] = on_stack[1];
	r[2] = sys_rand32_get();
	cs_ret = sys_csrand_get(cs_buf, 8);
}

ZTEST(random_user, test_user_fills_own_buffers) {
	memset(user_buf, 0xa5, sizeof(user_buf));
	memset(cs_buf, 0xa5, sizeof(cs_buf));
	cs_ret = 1;
	run_to_end(user_create(0, fill, NULL, NULL, NULL, USER_PRIO, 0));
	unsigned int same = 0;

	for (size_t i = 0; i < 20; i++) {
		same += user_buf[i] == 0xa5 ? 1U : 0U;
	}
	zassert_true(same < 10, "barely filled");
	for (size_t i = 20; i < sizeof(user_buf); i++) {
		zassert_equal(user_buf[i], 0xa5, "byte %u past the end written", (unsigned int)i);
	}
	zassert_false(r[0] == 0 && r[1] == 0, "the stack buffer was not filled");
	zassert_not_equal(r[0], r[1]);
	if (IS_ENABLED(CONFIG_HARDWARE_DEVICE_CS_GENERATOR)) {
		zassert_equal(cs_ret, 0);
		zassert_true(memcmp(cs_buf, &cs_buf[8], 4) != 0 ||
				 memcmp(&cs_buf[4], &cs_buf[8], 4) != 0,
			     "csrand wrote nothing");
	} else {
		zassert_equal(cs_ret, -ENOTSUP);
	}
	for (size_t i = 8; i < sizeof(cs_buf); i++) {
		zassert_equal(cs_buf[i], 0xa5, "csrand byte %u past the end written",
			      (unsigned int)i);
	}
}

static void fill_bad(void *arg, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	const struct bad_buffer *b = arg;

	r[3] = 1; /* armed */
	if (b->cs) {
		(void)sys_csrand_get(b->dst, b->len);
	} else {
		sys_rand_get(b->dst, b->len);
	}
	r[3] = 2; /* survived */
}

static void expect_refused(void *dst, size_t len, bool cs)
{
	/* Read by the user thread: in its partition. */
	b_storage = (struct bad_buffer){ .dst = dst, .len = len, .cs = cs };
	r[3] = 0;
	run_expect_fault(user_create(0, fill_bad, &b_storage, NULL, NULL, USER_PRIO, 0),
			 K_ERR_KERNEL_OOPS);
	zassert_equal(r[3], 1, "armed, and did not survive");
}

ZTEST(random_user, test_kernel_buffer_refused) {
	memset(kernel_buf, 0x5a, sizeof(kernel_buf));
	expect_refused(kernel_buf, sizeof(kernel_buf), false);
	expect_refused(kernel_buf, sizeof(kernel_buf), true);
	for (size_t i = 0; i < sizeof(kernel_buf); i++) {
		zassert_equal(kernel_buf[i], 0x5a, "kernel byte %u written", (unsigned int)i);
	}
}

ZTEST(random_user, test_read_only_and_null_refused) {
	expect_refused((void *)ro_buf, sizeof(ro_buf), false);
	zassert_equal(ro_buf[0], 1);
	expect_refused(NULL, 4, false);
	expect_refused(NULL, 4, true);
}

/* A buffer that starts in the caller's partition: none of it is written. */
ZTEST(random_user, test_partial_and_wrapping_ranges_refused) {
	memset(user_buf, 0xa5, sizeof(user_buf));
	expect_refused(user_buf, (size_t)1 << 20, false);
	expect_refused(user_buf, SIZE_MAX, false);
	expect_refused(user_buf, SIZE_MAX - 8, true);
	for (size_t i = 0; i < sizeof(user_buf); i++) {
		zassert_equal(user_buf[i], 0xa5, "byte %u written", (unsigned int)i);
	}
}
