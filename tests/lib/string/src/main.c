/*
 * Breeze's memcpy, memmove and memset (lib/string) as the image has them:
 * the functions the kernel and the application call are Breeze's, and they
 * match a reference byte loop for every size from 0 to 300 at every pair of
 * source and destination offsets within a word, with guard bytes around the
 * destination; memmove over every overlap distance up to two words either
 * way and the distances around the size. The host test (tests/host) runs the
 * same checks under AddressSanitizer, with 8-byte words.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define MAX_SIZE 300U
#define WORD     sizeof(uintptr_t)
#define GUARD    16U
/* memmove's buffer: room for any distance up to the size on each side of the source. */
#define ROOM     (MAX_SIZE + 4U * WORD)
#define MOVE_LEN (2U * ROOM + MAX_SIZE)

/*
 * Names only lib/string gives its functions (memcpy.c, memmove.c, memset.c);
 * weak, so that an image without them (CONFIG_BREEZE_STRING=n) links and
 * fails the check instead.
 */
__weak void *z_breeze_memcpy(void *dst, const void *src, size_t n);
__weak void *z_breeze_memmove(void *dst, const void *src, size_t n);
__weak void *z_breeze_memset(void *dst, int c, size_t n);

static uint8_t src_buf[WORD + MAX_SIZE] __aligned(8);
static uint8_t dst_buf[GUARD + WORD + MAX_SIZE + GUARD] __aligned(8);
static uint8_t expected[sizeof(dst_buf)];
static uint8_t move_buf[MOVE_LEN] __aligned(8);
static uint8_t move_expected[MOVE_LEN];
static uint8_t saved[MAX_SIZE];
static uint32_t rng = 0x2545f491U;

/* xorshift32: a fresh pattern for every check, so no stale byte looks right. */
static void fill_random(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rng ^= rng << 13;
		rng ^= rng >> 17;
		rng ^= rng << 5;
		p[i] = (uint8_t)rng;
	}
}

static void check_same(const uint8_t *actual, const uint8_t *want, size_t len, const char *what,
		       size_t n, size_t src_off, size_t dst_off)
{
	size_t at = 0;

	while (at < len && actual[at] == want[at]) {
		at++;
	}
	zassert_equal(at, len, "%s: size %u, offsets %u/%u: byte %u is 0x%02x, not 0x%02x", what,
		      (unsigned int)n, (unsigned int)src_off, (unsigned int)dst_off,
		      (unsigned int)at, at < len ? actual[at] : 0U, at < len ? want[at] : 0U);
}

ZTEST(lib_string, test_breeze_routines_linked) {
	/* picolibc's would be another function: the image calls Breeze's. */
	zassert_equal_ptr((void *)&memcpy, (void *)&z_breeze_memcpy);
	zassert_equal_ptr((void *)&memmove, (void *)&z_breeze_memmove);
	zassert_equal_ptr((void *)&memset, (void *)&z_breeze_memset);
#if defined(__ARM_EABI__)
	/* What LLVM-built code (Rust) calls on Arm is the same function. */
	extern void __aeabi_memcpy(void *dst, const void *src, size_t n);
	extern void __aeabi_memmove(void *dst, const void *src, size_t n);

	zassert_equal_ptr((void *)&__aeabi_memcpy, (void *)&z_breeze_memcpy);
	zassert_equal_ptr((void *)&__aeabi_memmove, (void *)&z_breeze_memmove);
#endif
}

ZTEST(lib_string, test_memcpy) {
	for (size_t n = 0; n <= MAX_SIZE; n++) {
		for (size_t so = 0; so < WORD; so++) {
			for (size_t dof = 0; dof < WORD; dof++) {
				uint8_t *dst = &dst_buf[GUARD + dof];

				fill_random(src_buf, sizeof(src_buf));
				fill_random(dst_buf, sizeof(dst_buf));
				for (size_t i = 0; i < sizeof(dst_buf); i++) {
					expected[i] = dst_buf[i];
				}
				for (size_t i = 0; i < n; i++) {
					expected[GUARD + dof + i] = src_buf[so + i];
				}
				zassert_equal_ptr(memcpy(dst, &src_buf[so], n), dst);
				check_same(dst_buf, expected, sizeof(dst_buf), "memcpy", n, so,
					   dof);
			}
		}
	}
}

ZTEST(lib_string, test_memset) {
	static const int values[] = { 0, 0xa5, 0x1ff, -1 };

	for (size_t n = 0; n <= MAX_SIZE; n++) {
		for (size_t dof = 0; dof < WORD; dof++) {
			for (size_t v = 0; v < ARRAY_SIZE(values); v++) {
				uint8_t *dst = &dst_buf[GUARD + dof];

				fill_random(dst_buf, sizeof(dst_buf));
				for (size_t i = 0; i < sizeof(dst_buf); i++) {
					expected[i] = dst_buf[i];
				}
				for (size_t i = 0; i < n; i++) {
					expected[GUARD + dof + i] = (uint8_t)values[v];
				}
				zassert_equal_ptr(memset(dst, values[v], n), dst);
				check_same(dst_buf, expected, sizeof(dst_buf), "memset", n, 0, dof);
			}
		}
	}
}

/* One memmove of @n bytes from source offset @so to @distance bytes away. */
static void check_move(size_t n, size_t so, long distance)
{
	size_t src = ROOM + so;
	size_t dst = (size_t)((long)src + distance);

	fill_random(move_buf, MOVE_LEN);
	for (size_t i = 0; i < MOVE_LEN; i++) {
		move_expected[i] = move_buf[i];
	}
	/* The reference: through a separate copy, so overlap cannot matter. */
	for (size_t i = 0; i < n; i++) {
		saved[i] = move_buf[src + i];
	}
	for (size_t i = 0; i < n; i++) {
		move_expected[dst + i] = saved[i];
	}
	zassert_equal_ptr(memmove(&move_buf[dst], &move_buf[src], n), &move_buf[dst]);
	check_same(move_buf, move_expected, MOVE_LEN, distance < 0 ? "memmove down" : "memmove up",
		   n, so, dst % WORD);
}

ZTEST(lib_string, test_memmove) {
	long word = (long)WORD;

	for (size_t n = 0; n <= MAX_SIZE; n++) {
		long size = (long)n;
		/* Distances whose overlap is large, small and none, from both sides. */
		const long around[] = { size - 1, size, size + 1, size / 2, size / 2 + 1 };

		for (size_t so = 0; so < WORD; so++) {
			for (long d = -2 * word; d <= 2 * word; d++) {
				check_move(n, so, d);
			}
			for (size_t i = 0; i < ARRAY_SIZE(around); i++) {
				if (around[i] > 2 * word) {
					check_move(n, so, around[i]);
					check_move(n, so, -around[i]);
				}
			}
		}
	}
}

ZTEST_SUITE(lib_string, NULL, NULL, NULL, NULL, NULL);
