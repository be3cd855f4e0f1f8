/*
 * Host tests of the pointer calls of the ring buffer (ring_buf_put_ptr,
 * ring_buf_commit, ring_buf_get_ptr, ring_buf_consume) and ring_buf_is_full:
 * the areas they hand out across the wrap of the array and of the indices
 * (at 2N), offsets, and a long random run mixing them with the copying calls
 * against a plain FIFO model.
 */
#include <breeze/sys/ring_buffer.h> /* first: the header must be self-contained */

#include <stdio.h>
#include <string.h>

#include "check.h"

#define MAX_CAP 64

static uint8_t storage[MAX_CAP];

static void test_areas_and_wrap(void)
{
	struct ring_buf rb;
	uint8_t *p;

	ring_buf_init(&rb, 10, storage);
	CHECK(!ring_buf_is_full(&rb));
	CHECK_EQ(ring_buf_put_ptr(&rb, &p, 0), 10);
	CHECK_PTR_EQ(p, storage);
	memcpy(p, "0123456", 7);
	/* Nothing is visible before the commit. */
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ(ring_buf_put_ptr(&rb, &p, 7), 3);
	CHECK_PTR_EQ(p, storage + 7);
	ring_buf_commit(&rb, 7);
	CHECK_EQ(ring_buf_size_get(&rb), 7);
	CHECK_EQ(ring_buf_get_ptr(&rb, &p, 0), 7);
	CHECK(memcmp(p, "0123456", 7) == 0);
	CHECK_EQ(ring_buf_get_ptr(&rb, &p, 5), 2);
	CHECK_PTR_EQ(p, storage + 5);
	ring_buf_consume(&rb, 6);
	CHECK_EQ(ring_buf_size_get(&rb), 1);
	/* The free area now wraps: 3 bytes to the end of the array, then 6 from its start. */
	CHECK_EQ(ring_buf_put_ptr(&rb, &p, 0), 3);
	memcpy(p, "abc", 3);
	CHECK_EQ(ring_buf_put_ptr(&rb, &p, 3), 6);
	CHECK_PTR_EQ(p, storage);
	memcpy(p, "defghi", 6);
	CHECK_EQ(ring_buf_put_ptr(&rb, &p, 9), 0);
	ring_buf_commit(&rb, 9);
	CHECK(ring_buf_is_full(&rb));
	CHECK_EQ(ring_buf_space_get(&rb), 0);
	uint8_t out[10];

	CHECK_EQ(ring_buf_get(&rb, out, sizeof(out)), 10);
	CHECK(memcmp(out, "6abcdefghi", 10) == 0);
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ(ring_buf_get_ptr(&rb, &p, 0), 0);
}

/* A commit or a consume ends the side's claims. */
static void test_commit_drops_claims(void)
{
	struct ring_buf rb;
	uint8_t *p;

	ring_buf_init(&rb, 8, storage);
	CHECK_EQ(ring_buf_put_claim(&rb, &p, 5), 5);
	CHECK_EQ(ring_buf_space_get(&rb), 3);
	ring_buf_commit(&rb, 2);
	CHECK_EQ(ring_buf_space_get(&rb), 6);
	CHECK_EQ_INT(ring_buf_put_finish(&rb, 1), -EINVAL); /* no claim is left */
	CHECK_EQ(ring_buf_get_claim(&rb, &p, 2), 2);
	ring_buf_consume(&rb, 1);
	CHECK_EQ(ring_buf_size_get(&rb), 1);
	CHECK_EQ_INT(ring_buf_get_finish(&rb, 1), -EINVAL);
}

struct fifo {
	uint8_t bytes[MAX_CAP];
	uint32_t len;
};

static void fifo_push(struct fifo *f, uint8_t b)
{
	f->bytes[f->len++] = b;
}

static void fifo_pop(struct fifo *f, uint32_t n)
{
	memmove(f->bytes, f->bytes + n, f->len - n);
	f->len -= n;
}

#define RANDOM_STEPS 300000

static void test_random_against_a_fifo(void)
{
	struct ring_buf rb;
	struct fifo model = { .len = 0 };
	uint8_t serial = 0;
	unsigned long wrapped = 0;

	check_rng_seed(0x91A6B0FFULL);
	uint32_t cap = 1 + check_rng_below(MAX_CAP);

	ring_buf_init(&rb, cap, storage);
	ring_buf_internal_reset(&rb, -100); /* the indices wrap at 2N early in the run */
	for (unsigned long step = 0; step < RANDOM_STEPS; step++) {
		check_set_context("step", step);
		uint32_t op = check_rng_below(6);
		uint8_t *p;

		if (step % 20000 == 19999) {
			cap = 1 + check_rng_below(MAX_CAP);
			ring_buf_init(&rb, cap, storage);
			ring_buf_internal_reset(&rb, -(int32_t)check_rng_below(200));
			model.len = 0;
		}
		if (op <= 1) {
			/* Write n bytes through the pointer calls, piece by piece. */
			uint32_t free_space = cap - model.len;
			uint32_t n = check_rng_below(free_space + 1);
			uint32_t done = 0;

			while (done < n) {
				uint32_t avail = ring_buf_put_ptr(&rb, &p, done);

				CHECK(avail > 0);
				CHECK(p >= storage && p + avail <= storage + cap);
				uint32_t k = MIN(avail, n - done);

				for (uint32_t i = 0; i < k; i++) {
					p[i] = serial;
					fifo_push(&model, serial++);
				}
				/* The first area stops at the end of the array. */
				wrapped += done == 0U && avail < free_space ? 1U : 0U;
				done += k;
			}
			ring_buf_commit(&rb, n);
		} else if (op == 2) {
			uint8_t in[MAX_CAP];
			uint32_t n = check_rng_below(MAX_CAP);
			uint32_t want = MIN(n, cap - model.len);

			for (uint32_t i = 0; i < n; i++) {
				in[i] = (uint8_t)(serial + i);
			}
			CHECK_EQ(ring_buf_put(&rb, in, n), want);
			for (uint32_t i = 0; i < want; i++) {
				fifo_push(&model, serial++);
			}
		} else if (op <= 4) {
			/* Read n bytes through the pointer calls and check them. */
			uint32_t n = check_rng_below(model.len + 1);
			uint32_t done = 0;

			while (done < n) {
				uint32_t avail = ring_buf_get_ptr(&rb, &p, done);

				CHECK(avail > 0);
				CHECK(p >= storage && p + avail <= storage + cap);
				uint32_t k = MIN(avail, n - done);

				CHECK(memcmp(p, model.bytes + done, k) == 0);
				done += k;
			}
			ring_buf_consume(&rb, n);
			fifo_pop(&model, n);
		} else {
			uint8_t out[MAX_CAP];
			uint32_t n = check_rng_below(MAX_CAP);
			uint32_t got = ring_buf_get(&rb, out, n);

			CHECK_EQ(got, MIN(n, model.len));
			CHECK(memcmp(out, model.bytes, got) == 0);
			fifo_pop(&model, got);
		}
		CHECK_EQ(ring_buf_size_get(&rb), model.len);
		CHECK_EQ(ring_buf_space_get(&rb), cap - model.len);
		CHECK(ring_buf_is_full(&rb) == (model.len == cap));
		CHECK(ring_buf_is_empty(&rb) == (model.len == 0));
	}
	check_set_context(NULL, 0);
	CHECK(wrapped > 1000); /* the areas did stop at the end of the array */
}

int main(void)
{
	test_areas_and_wrap();
	test_commit_drops_claims();
	test_random_against_a_fifo();
	return check_done("ring_buffer_ptr");
}
