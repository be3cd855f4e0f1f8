/*
 * memcpy and memset (lib/string, docs/string.md): 16 bytes (a message) and
 * 256, between word-aligned buffers and with the source one byte further
 * than the destination (every word shifted). Figures per call and per byte,
 * the call included.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include "bench.h"

#define ITERS 1000

static uint8_t src[260] __aligned(4);
static uint8_t dst[260] __aligned(4);

/*
 * @n as the compiler cannot see it: a constant size would let it expand the
 * copy inline instead of calling memcpy().
 */
static inline size_t opaque(size_t n)
{
	__asm__ volatile("" : "+r"(n));
	return n;
}

static void copy(const char *name, uint32_t src_offset, uint32_t n)
{
	BENCH_LOOP(name, ITERS, n, { (void)memcpy(dst, &src[src_offset], opaque(n)); });
}

int main(void)
{
	for (unsigned int i = 0; i < sizeof(src); i++) {
		src[i] = (uint8_t)i;
	}
	copy("memcpy.16.aligned", 0, 16);
	copy("memcpy.16.shifted", 1, 16);
	copy("memcpy.256.aligned", 0, 256);
	copy("memcpy.256.shifted", 1, 256);
	BENCH_LOOP("memset.16", ITERS, 16, { (void)memset(dst, 0x5a, opaque(16)); });
	BENCH_LOOP("memset.256", ITERS, 256, { (void)memset(dst, 0x5a, opaque(256)); });
	printk("BENCH done\n");
	sys_exit(0);
}
