/*
 * Host unit test of Breeze's memcpy, memmove and memset (lib/string), built
 * as breeze_memcpy, breeze_memmove and breeze_memset (CMakeLists.txt renames
 * them) so that they do not replace the host's own.
 *
 * Every size from 0 to 300 at every pair of source and destination offsets
 * within a word (8 x 8 here: the host's words are 8 bytes, so the shifted
 * copies run with every shift a 64-bit word has), against a reference byte
 * loop, over a whole buffer: bytes outside the destination are guards that
 * must come out unchanged. memmove runs every overlap distance up to two
 * words either way, and the distances around the size, from every source
 * offset. Buffers end exactly where the bytes used end (and memmove's lower
 * one starts in the allocation's first word), so AddressSanitizer reports a
 * word read or written past them; UBSan reports a misaligned word access.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

void *breeze_memcpy(void *dst, const void *src, size_t n);
void *breeze_memmove(void *dst, const void *src, size_t n);
void *breeze_memset(void *dst, int c, size_t n);

#define MAX_SIZE 300U
#define WORD     sizeof(uintptr_t)
/* Guard bytes on each side of a destination (a multiple of malloc's alignment). */
#define GUARD    32U

static void fill_random(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		p[i] = (uint8_t)check_rng_next();
	}
}

/* Where @a and @b (@n bytes) first differ, or @n. */
static size_t first_difference(const uint8_t *a, const uint8_t *b, size_t n)
{
	size_t i = 0;

	while (i < n && a[i] == b[i]) {
		i++;
	}
	return i;
}

static void check_same(const uint8_t *actual, const uint8_t *expected, size_t len, const char *what,
		       size_t n, size_t src_off, size_t dst_off)
{
	size_t at = first_difference(actual, expected, len);

	if (at != len) {
		fprintf(stderr,
			"%s: size %zu, source offset %zu, destination offset %zu: byte %zu is "
			"0x%02x, not 0x%02x\n",
			what, n, src_off, dst_off, at, actual[at], expected[at]);
	}
	CHECK_EQ(at, len);
}

static void test_memcpy(void)
{
	for (size_t n = 0; n <= MAX_SIZE; n++) {
		for (size_t so = 0; so < WORD; so++) {
			for (size_t dof = 0; dof < WORD; dof++) {
				size_t len = GUARD + dof + n + GUARD;
				/* Ends exactly where the source ends, for ASan (malloc(0) may be
				 * NULL). */
				uint8_t *src = malloc(so + n > 0U ? so + n : 1U);
				uint8_t *dst = malloc(len);
				uint8_t *expected = malloc(len);

				CHECK(src != NULL && dst != NULL && expected != NULL);
				fill_random(src, so + n);
				fill_random(dst, len);
				for (size_t i = 0; i < len; i++) {
					expected[i] = dst[i];
				}
				for (size_t i = 0; i < n; i++) {
					expected[GUARD + dof + i] = src[so + i];
				}
				CHECK_PTR_EQ(breeze_memcpy(dst + GUARD + dof, src + so, n),
					     dst + GUARD + dof);
				check_same(dst, expected, len, "memcpy", n, so, dof);
				free(src);
				free(dst);
				free(expected);
			}
		}
	}
}

static void test_memset(void)
{
	static const int values[] = { 0, 0xa5, 0x1ff, -1 };

	for (size_t n = 0; n <= MAX_SIZE; n++) {
		for (size_t dof = 0; dof < WORD; dof++) {
			for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
				size_t len = GUARD + dof + n;
				/* Ends exactly where the filled bytes end, for ASan. */
				uint8_t *dst = malloc(len);
				uint8_t *expected = malloc(len);

				CHECK(dst != NULL && expected != NULL);
				fill_random(dst, len);
				for (size_t i = 0; i < len; i++) {
					expected[i] = i < GUARD + dof ? dst[i] : (uint8_t)values[v];
				}
				CHECK_PTR_EQ(breeze_memset(dst + GUARD + dof, values[v], n),
					     dst + GUARD + dof);
				check_same(dst, expected, len, "memset", n, 0, dof);
				free(dst);
				free(expected);
			}
		}
	}
}

/*
 * One memmove of @n bytes from source offset @so to @distance bytes away, in
 * an allocation that starts at the word holding the lower of the two buffers
 * and ends exactly where the higher one ends: ASan sees what either end reads
 * or writes beyond, the comparison any other stray byte.
 */
static void check_move(size_t n, size_t so, long distance)
{
	static uint8_t saved[MAX_SIZE];
	/* Offsets from the allocation's start: the lower buffer's within the first word. */
	long word = (long)WORD;
	long low = distance >= 0 ? (long)so : (((long)so + distance) % word + word) % word;
	size_t src = (size_t)(distance >= 0 ? low : low - distance);
	size_t dst = (size_t)(distance >= 0 ? low + distance : low);
	size_t len = (src > dst ? src : dst) + n;
	uint8_t *buf = malloc(len > 0U ? len : 1U);
	uint8_t *expected = malloc(len > 0U ? len : 1U);

	CHECK(buf != NULL && expected != NULL);
	fill_random(buf, len);
	for (size_t i = 0; i < len; i++) {
		expected[i] = buf[i];
	}
	/* The reference: through a separate copy, so overlap cannot matter. */
	for (size_t i = 0; i < n; i++) {
		saved[i] = buf[src + i];
	}
	for (size_t i = 0; i < n; i++) {
		expected[dst + i] = saved[i];
	}
	CHECK_PTR_EQ(breeze_memmove(buf + dst, buf + src, n), buf + dst);
	check_same(buf, expected, len, distance < 0 ? "memmove down" : "memmove up", n, so,
		   dst % WORD);
	free(buf);
	free(expected);
}

static void test_memmove(void)
{
	for (size_t n = 0; n <= MAX_SIZE; n++) {
		long size = (long)n;
		/* Distances whose overlap is large, small and none, from both sides. */
		const long around[] = { size - 1, size, size + 1, size / 2, size / 2 + 1 };

		for (size_t so = 0; so < WORD; so++) {
			for (long d = -2L * (long)WORD; d <= 2L * (long)WORD; d++) {
				check_move(n, so, d);
			}
			for (size_t i = 0; i < sizeof(around) / sizeof(around[0]); i++) {
				if (around[i] > 2L * (long)WORD) {
					check_move(n, so, around[i]);
					check_move(n, so, -around[i]);
				}
			}
		}
	}
}

int main(void)
{
	check_rng_seed(0x5eedU);
	test_memcpy();
	test_memset();
	test_memmove();
	return check_done("string");
}
