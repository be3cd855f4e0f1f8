/*
 * Ring buffer data path: a put and a get of the same chunk (figures per
 * round trip and per byte) for 1, 16 and 256 bytes, and a zero-copy round
 * (put_claim + put_finish + get_claim + get_finish) per operation pair.
 */
#include <zephyr/sys/ring_buffer.h>
#include "bench.h"

#define ITERS 1000

RING_BUF_DECLARE(ring, 1024);
static uint8_t src[256];
static uint8_t dst[256];

static void put_get(const char *name, uint32_t chunk)
{
	BENCH_LOOP(name, ITERS, chunk, {
		(void)ring_buf_put(&ring, src, chunk);
		(void)ring_buf_get(&ring, dst, chunk);
	});
}

int main(void)
{
	uint8_t *p;

	for (unsigned int i = 0; i < sizeof(src); i++) {
		src[i] = (uint8_t)i;
	}
	put_get("ring_buf.put_get.1", 1);
	put_get("ring_buf.put_get.16", 16);
	put_get("ring_buf.put_get.256", 256);
	BENCH_LOOP("ring_buf.claim_finish.16", ITERS, 0, {
		uint32_t n = ring_buf_put_claim(&ring, &p, 16);

		(void)ring_buf_put_finish(&ring, n);
		n = ring_buf_get_claim(&ring, &p, 16);
		(void)ring_buf_get_finish(&ring, n);
	});
	printk("BENCH done\n");
	sys_exit(0);
}
