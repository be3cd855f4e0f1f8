/*
 * Words of memory for Breeze's copy and fill routines (memcpy.c, memmove.c,
 * memset.c).
 *
 * A word is a uintptr_t: 4 bytes on the targets, 8 on a 64-bit host where the
 * same files are unit tested. Every word access is aligned: RISC-V rv32imac
 * traps on (or emulates slowly) a misaligned lw/sw, and two aligned loads
 * merged by shifts cost less than that. The type may alias anything, as the
 * bytes it moves were written through other types. No routine ever reads or
 * writes a byte outside the buffers it was given, not even within a word
 * (AddressSanitizer checks that on the host, and a user buffer that ends at
 * its region's end is never read past).
 */
#ifndef BREEZE_LIB_STRING_WORD_H
#define BREEZE_LIB_STRING_WORD_H

#include <stddef.h>
#include <stdint.h>

typedef uintptr_t __attribute__((__may_alias__)) z_word_t;

#define Z_WORD_SIZE sizeof(z_word_t)
#define Z_WORD_MASK (Z_WORD_SIZE - 1U)
#define Z_WORD_BITS (8U * Z_WORD_SIZE)

/* Bytes below the copy's size at which words do not pay for their setup. */
#define Z_WORD_THRESHOLD  (2U * Z_WORD_SIZE)
/*
 * The same for shifted words, which carry bytes in and out one at a time:
 * below 6 words a byte loop is as fast (bench/string).
 */
#define Z_SHIFT_THRESHOLD (6U * Z_WORD_SIZE)

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* Bit position of byte @i of a word in memory. */
#define Z_BYTE_SHIFT(i) (8U * (i))

/*
 * The word at a misaligned address, from the two aligned words around it:
 * @low at the lower address, @high after it, the address @shift / 8 bytes
 * into @low (shift in bits, 8 to Z_WORD_BITS - 8).
 */
static inline z_word_t z_word_merge(z_word_t low, z_word_t high, unsigned int shift)
{
	return (low >> shift) | (high << (Z_WORD_BITS - shift));
}
#else
#define Z_BYTE_SHIFT(i) (8U * (Z_WORD_SIZE - 1U - (i)))

static inline z_word_t z_word_merge(z_word_t low, z_word_t high, unsigned int shift)
{
	return (low << shift) | (high >> (Z_WORD_BITS - shift));
}
#endif

/*
 * Bytes @first to @last - 1 of an aligned word, read one at a time from @p on
 * (the word's byte @first); the others are zero. The word itself may start
 * before the buffer or end after it: this is how the shifted copies begin
 * without touching a byte that is not theirs.
 */
static inline z_word_t z_word_gather(const unsigned char *p, unsigned int first, unsigned int last)
{
	z_word_t w = 0;

	for (unsigned int i = first; i < last; i++) {
		w |= (z_word_t)*p++ << Z_BYTE_SHIFT(i);
	}
	return w;
}

/*
 * Another name for function @fn. Its name is expanded first: the host test
 * builds the routines under other names with -Dmemcpy=... and the like.
 */
#define Z_ALIAS_OF(fn)     __attribute__((alias(Z_ALIAS_NAME(fn)), copy(fn)))
#define Z_ALIAS_NAME(fn)   Z_ALIAS_STRING(fn)
#define Z_ALIAS_STRING(fn) #fn

/*
 * Breeze's memcpy() (memcpy.c), declared without <string.h>, whose host
 * version the unit test must not see. It copies in ascending order and never
 * reads a source byte after a store to its address: memmove() uses it
 * whenever the destination starts below the source.
 */
void *memcpy(void *dst, const void *src, size_t n);

#endif /* BREEZE_LIB_STRING_WORD_H */
