/*
 * memcpy(), Breeze's own: picolibc's is a byte loop (about 6 instructions a
 * byte on RISC-V, 4 on Cortex-M), and message queues, pipes, ring buffers and
 * system call copies spend most of their time in it (docs/string.md).
 *
 * A few bytes bring the destination to a word boundary. If the source is
 * then aligned too, whole words move, 8 per loop round; else, from 6 words
 * on, each destination word merges two aligned source words (4 per round).
 * The rest goes one byte at a time.
 *
 * The copy is ascending and reads every source byte before the store that
 * could overwrite it when the destination lies below the source: memmove()
 * relies on that (word.h). So the definition has no restrict.
 */
#include "word.h"

/* @n bytes, one at a time, in ascending order. */
static inline void copy_bytes(unsigned char *d, const unsigned char *s, size_t n)
{
	for (; n > 0U; n--) {
		*d++ = *s++;
	}
}

/*
 * Four words from @s to @d, all loaded before any is stored (Thumb-2 then
 * moves them two at a time, with ldrd and strd).
 */
static inline void copy4(z_word_t *d, const z_word_t *s)
{
	z_word_t w0 = s[0];
	z_word_t w1 = s[1];
	z_word_t w2 = s[2];
	z_word_t w3 = s[3];

	d[0] = w0;
	d[1] = w1;
	d[2] = w2;
	d[3] = w3;
}

/*
 * @n bytes, @d and @s both aligned: whole words, then the last bytes. When
 * @d lies below @s they are at least a word apart: a group of
 * stores reaches no word that is not read yet.
 */
static inline void copy_aligned(unsigned char *d, const unsigned char *s, size_t n)
{
	z_word_t *dw = (z_word_t *)d;
	const z_word_t *sw = (const z_word_t *)s;
	size_t words = n / Z_WORD_SIZE;

	for (; words >= 8U; words -= 8U) {
		copy4(dw, sw);
		copy4(dw + 4, sw + 4);
		dw += 8;
		sw += 8;
	}
	/* A 16-byte message on a 32-bit target: one block, no loop. */
	if ((words & 4U) != 0U) {
		copy4(dw, sw);
		dw += 4;
		sw += 4;
	}
	for (words &= 3U; words > 0U; words--) {
		*dw++ = *sw++;
	}
	copy_bytes((unsigned char *)dw, (const unsigned char *)sw, n & Z_WORD_MASK);
}

/*
 * @n bytes, @d aligned, @s not, @n > Z_WORD_SIZE. First the destination
 * words whose source bytes all lie within the @n: each merges the bytes
 * carried from the previous aligned source word with the next one, and the
 * first carry is read byte by byte, so that nothing before @s is read. Every
 * source word is read before the store of the destination word it
 * completes, which lies below it when @d lies below @s. Then the rest, one
 * byte at a time.
 */
static inline void copy_shifted(unsigned char *d, const unsigned char *s, size_t n)
{
	unsigned int offset = (uintptr_t)s & Z_WORD_MASK;
	unsigned int shift = 8U * offset;
	z_word_t *dw = (z_word_t *)d;
	const z_word_t *sw = (const z_word_t *)(s - offset + Z_WORD_SIZE);
	/* The end of the destination words whose source lies wholly within the @n bytes. */
	z_word_t *end = dw + (n - (Z_WORD_SIZE - offset)) / Z_WORD_SIZE;
	z_word_t carry = z_word_gather(s, offset, Z_WORD_SIZE);
	z_word_t w;

	while (end - dw >= 4) {
		w = sw[0];
		dw[0] = z_word_merge(carry, w, shift);
		carry = sw[1];
		dw[1] = z_word_merge(w, carry, shift);
		w = sw[2];
		dw[2] = z_word_merge(carry, w, shift);
		carry = sw[3];
		dw[3] = z_word_merge(w, carry, shift);
		dw += 4;
		sw += 4;
	}
	while (dw != end) {
		w = *sw++;
		*dw++ = z_word_merge(carry, w, shift);
		carry = w;
	}
	/* The bytes still carried are read again, with the rest. */
	copy_bytes((unsigned char *)dw, (const unsigned char *)sw - (Z_WORD_SIZE - offset),
		   (size_t)(d + n - (unsigned char *)dw));
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (n >= Z_WORD_THRESHOLD) {
		/* Up to the destination's word boundary: every store below is a whole word. */
		size_t head = (0U - (uintptr_t)d) & Z_WORD_MASK;

		n -= head;
		for (; head > 0U; head--) {
			*d++ = *s++;
		}
		if (((uintptr_t)s & Z_WORD_MASK) == 0U) {
			copy_aligned(d, s, n);
			return dst;
		}
		if (n >= Z_SHIFT_THRESHOLD) {
			copy_shifted(d, s, n);
			return dst;
		}
	}
	copy_bytes(d, s, n);
	return dst;
}

#if defined(__ARM_EABI__)
/*
 * The run-time ABI's names (LLVM, and so Rust, calls them): defined here, so
 * that picolibc's memcpy object, which defines them with its memcpy, is never
 * linked. The aligned variants are the same copy.
 */
void *__aeabi_memcpy(void *dst, const void *src, size_t n) Z_ALIAS_OF(memcpy);
void *__aeabi_memcpy4(void *dst, const void *src, size_t n) Z_ALIAS_OF(memcpy);
void *__aeabi_memcpy8(void *dst, const void *src, size_t n) Z_ALIAS_OF(memcpy);
#endif

/* Its name in Breeze alone: tests/lib/string checks that memcpy is this one. */
void *z_breeze_memcpy(void *dst, const void *src, size_t n) Z_ALIAS_OF(memcpy);
