/*
 * memset(), Breeze's own: picolibc's stores a byte at a time. A few bytes
 * bring the destination to a word boundary, whole words of the repeated byte
 * follow, 8 per loop round, and the last bytes go one by one.
 */
#include "word.h"

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	unsigned char byte = (unsigned char)c;

	if (n >= Z_WORD_THRESHOLD) {
		size_t head = (0U - (uintptr_t)d) & Z_WORD_MASK;
		/* 0x01 in every byte, times the byte. */
		z_word_t w = ((z_word_t)-1 / 0xFFU) * byte;
		z_word_t *dw;
		size_t words;

		n -= head;
		for (; head > 0U; head--) {
			*d++ = byte;
		}
		dw = (z_word_t *)d;
		for (words = n / Z_WORD_SIZE; words >= 8U; words -= 8U) {
			dw[0] = w;
			dw[1] = w;
			dw[2] = w;
			dw[3] = w;
			dw[4] = w;
			dw[5] = w;
			dw[6] = w;
			dw[7] = w;
			dw += 8;
		}
		for (; words > 0U; words--) {
			*dw++ = w;
		}
		d = (unsigned char *)dw;
		n &= Z_WORD_MASK;
	}
	for (; n > 0U; n--) {
		*d++ = byte;
	}
	return dst;
}

/* Its name in Breeze alone: tests/lib/string checks that memset is this one. */
void *z_breeze_memset(void *dst, int c, size_t n) Z_ALIAS_OF(memset);
