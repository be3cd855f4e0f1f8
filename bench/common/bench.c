/*
 * Benchmark reporting and loop calibration.
 */
#include <stdio.h>
#include "bench.h"

uint32_t bench_counter(void)
{
	return bench_instret();
}

uint32_t bench_iters(uint32_t n)
{
	return BENCH_ITERS(n);
}

uint32_t bench_loop_overhead(uint32_t iters)
{
	uint32_t t0 = bench_instret();

	for (uint32_t i = 0; i < iters; i++) {
		__asm__ volatile("" ::: "memory");
	}
	return bench_instret() - t0;
}

void bench_report(const char *name, uint64_t total, uint32_t iters, uint32_t bytes)
{
	uint64_t centi = (total * 100U + iters / 2U) / iters;

	if (bytes != 0U) {
		uint64_t per_byte =
		    (total * 100U + (uint64_t)iters * bytes / 2U) / ((uint64_t)iters * bytes);

		printf("BENCH %s %lu.%02lu %lu.%02lu\n", name, (unsigned long)(centi / 100U),
		       (unsigned long)(centi % 100U), (unsigned long)(per_byte / 100U),
		       (unsigned long)(per_byte % 100U));
	} else {
		printf("BENCH %s %lu.%02lu\n", name, (unsigned long)(centi / 100U),
		       (unsigned long)(centi % 100U));
	}
}
