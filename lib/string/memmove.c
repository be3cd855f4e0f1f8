/*
 * memmove(), Breeze's own, with memcpy()'s words (memcpy.c).
 *
 * An ascending copy is right unless the destination starts inside the
 * source, above its start: memcpy() does those. The others go descending,
 * the mirror image of memcpy(): bytes down to the destination end's word
 * boundary, whole words (straight or shifted), the first bytes last.
 */
#include "word.h"

/* The whole words of @n bytes below @d and @s, both aligned; returns the bytes copied. */
static inline size_t copy_aligned_down(unsigned char *d, const unsigned char *s, size_t n)
{
	z_word_t *dw = (z_word_t *)d;
	const z_word_t *sw = (const z_word_t *)s;
	size_t words = n / Z_WORD_SIZE;

	for (; words >= 4U; words -= 4U) {
		/* All loaded before any store: the destination may overlap them. */
		z_word_t w0 = sw[-1];
		z_word_t w1 = sw[-2];
		z_word_t w2 = sw[-3];
		z_word_t w3 = sw[-4];

		dw[-1] = w0;
		dw[-2] = w1;
		dw[-3] = w2;
		dw[-4] = w3;
		dw -= 4;
		sw -= 4;
	}
	for (; words > 0U; words--) {
		*--dw = *--sw;
	}
	return n & ~Z_WORD_MASK;
}

/*
 * @d aligned, @s not, @n > Z_WORD_SIZE, both pointing past the bytes: the
 * destination words below @d whose source bytes all lie within the @n, as in
 * memcpy() but downwards: the carry is the aligned source word above.
 * Returns the bytes copied.
 */
static inline size_t copy_shifted_down(unsigned char *d, const unsigned char *s, size_t n)
{
	unsigned int offset = (uintptr_t)s & Z_WORD_MASK;
	unsigned int shift = 8U * offset;
	z_word_t *dw = (z_word_t *)d;
	const z_word_t *sw = (const z_word_t *)(s - offset);
	size_t words = (n - offset) / Z_WORD_SIZE;
	z_word_t carry = z_word_gather(s - offset, 0U, offset);

	for (; words > 0U; words--) {
		z_word_t w = *--sw;

		*--dw = z_word_merge(w, carry, shift);
		carry = w;
	}
	return (size_t)(d - (unsigned char *)dw);
}

void *memmove(void *dst, const void *src, size_t n)
{
	if ((uintptr_t)dst - (uintptr_t)src >= n) {
		return memcpy(dst, src, n);
	}
	unsigned char *d = (unsigned char *)dst + n;
	const unsigned char *s = (const unsigned char *)src + n;

	if (n >= Z_WORD_THRESHOLD) {
		/* Down to the destination end's word boundary. */
		size_t head = (uintptr_t)d & Z_WORD_MASK;
		size_t done = 0U;

		n -= head;
		for (; head > 0U; head--) {
			*--d = *--s;
		}
		if (((uintptr_t)s & Z_WORD_MASK) == 0U) {
			done = copy_aligned_down(d, s, n);
		} else if (n >= Z_SHIFT_THRESHOLD) {
			done = copy_shifted_down(d, s, n);
		}
		d -= done;
		s -= done;
		n -= done;
	}
	for (; n > 0U; n--) {
		*--d = *--s;
	}
	return dst;
}

#if defined(__ARM_EABI__)
/* The run-time ABI's names, so that picolibc's memmove object is never linked (memcpy.c). */
void *__aeabi_memmove(void *dst, const void *src, size_t n) Z_ALIAS_OF(memmove);
void *__aeabi_memmove4(void *dst, const void *src, size_t n) Z_ALIAS_OF(memmove);
void *__aeabi_memmove8(void *dst, const void *src, size_t n) Z_ALIAS_OF(memmove);
#endif

/* Its name in Breeze alone: tests/lib/string checks that memmove is this one. */
void *z_breeze_memmove(void *dst, const void *src, size_t n) Z_ALIAS_OF(memmove);
