/*
 * Benchmark helpers. Under QEMU with -icount shift=0 the retired-instruction
 * counter is exact and repeatable, so every figure is a count of guest
 * instructions. Each measurement runs a loop many times and subtracts the cost
 * of the same loop with an empty body.
 *
 * Results are printed one per line, "BENCH <name> <instructions> [<bytes>]",
 * with two decimals; scripts/bench.py collects them.
 */
#ifndef BREEZE_BENCH_H
#define BREEZE_BENCH_H

#include <stdint.h>
#include <breeze/kernel.h>

/* Readable in user mode too (the kernel sets mcounteren). */
static inline uint32_t bench_instret(void)
{
	uint32_t v;

	__asm__ volatile("rdinstret %0" : "=r"(v));
	return v;
}

/* Print @total instructions over @iters iterations (per-byte figure if @bytes). */
void bench_report(const char *name, uint64_t total, uint32_t iters, uint32_t bytes);

/* Instructions of @iters rounds of an empty measured loop. */
uint32_t bench_loop_overhead(uint32_t iters);

/*
 * Measure @body, run @iters times, net of the loop overhead. The body must
 * not be optimised away (it calls the kernel, or uses bench_sink()).
 */
#define BENCH_LOOP(name, iters, bytes, body)                                                      \
	do {                                                                                      \
		uint32_t _n = (iters);                                                            \
		uint32_t _t0 = bench_instret();                                                   \
		for (uint32_t _i = 0; _i < _n; _i++) {                                            \
			__asm__ volatile("" ::: "memory");                                        \
			body;                                                                     \
		}                                                                                 \
		uint32_t _t1 = bench_instret();                                                   \
		bench_report(name, (uint64_t)(_t1 - _t0) - bench_loop_overhead(_n), _n, (bytes)); \
	} while (false)

#endif /* BREEZE_BENCH_H */
