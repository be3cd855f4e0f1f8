/*
 * Benchmark helpers. Every figure is a count of guest instructions under QEMU
 * with -icount shift=0, which makes them exact and repeatable. Each
 * measurement runs a loop many times and subtracts the cost of the same loop
 * with an empty body.
 *
 * The counter (bench_instret()):
 *
 * - RISC-V: the retired-instruction counter (rdinstret), exact to the
 *   instruction.
 *
 * - Cortex-M: there is none. QEMU does not model the DWT (its CYCCNT reads
 *   0), the M3 and M33 have no PMU, and semihosting's SYS_ELAPSED is host
 *   time. What is exact is virtual time: with shift=0 one instruction takes
 *   one nanosecond, so the system timer's cycle count times
 *   1e9 / CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC (40 on mps2_an385, 50 on
 *   mps2_an505) is the instruction count, rounded down to that many
 *   instructions: BENCH_RESOLUTION. QEMU reads the timer at the exact
 *   instruction (I/O ends a translation block under -icount), so the only
 *   error is that rounding.
 *
 * Exactness: a figure of N iterations comes from two differences of two
 * readings (the loop and its calibration), each within BENCH_RESOLUTION of the
 * truth; over BENCH_ITERS(n) >= 50 * BENCH_RESOLUTION iterations the
 * per-iteration figure is within 2 * BENCH_RESOLUTION / N <= 0.04 of the exact
 * mean, within 0.05 once printed with two decimals. Where one pair of
 * readings spans the whole run (the Thread-Metric tests), the bound is half
 * that. With rdinstret, BENCH_ITERS(n) is n: the RISC-V figures are those of
 * the iteration counts they were taken with.
 *
 * Results are printed one per line, "BENCH <name> <instructions> [<bytes>]",
 * with two decimals; scripts/bench.py collects them.
 */
#ifndef BREEZE_BENCH_H
#define BREEZE_BENCH_H

#include <stdint.h>
#include <breeze/kernel.h>

#if defined(CONFIG_RISCV)

#define BENCH_RESOLUTION 1U

/* Readable in user mode too (the kernel sets mcounteren). */
static inline uint32_t bench_instret(void)
{
	uint32_t v;

	__asm__ volatile("rdinstret %0" : "=r"(v));
	return v;
}

#elif defined(CONFIG_ARM)

BUILD_ASSERT(1000000000U % CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC == 0U,
	     "the timer's cycle must be a whole number of nanoseconds (instructions)");
#define BENCH_RESOLUTION (1000000000U / CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC)

/*
 * Instructions so far, rounded down to BENCH_RESOLUTION. Modulo 2^32 like
 * rdinstret: differences are right across the wrap. In user mode the cycle
 * count is a system call; its cost is in both loops of a measurement and
 * cancels like the rest of the loop.
 */
static inline uint32_t bench_instret(void)
{
	return k_cycle_get_32() * BENCH_RESOLUTION;
}

#else
#error "bench: no instruction counter for this architecture"
#endif

/*
 * Latencies: one pair of readings per round, a few hundred instructions
 * apart, summed over the rounds (misc.c's isr_to_thread). bench_sample() is
 * the reading: one instruction, so that a pair spans what lies between and
 * no more (as rdinstret does). On Cortex-M it reads the timer's down counter
 * directly (privileged code only), and bench_sample_diff() turns two samples
 * into instructions.
 *
 * Each difference is off by up to BENCH_RESOLUTION, by an amount that
 * depends on where in the timer's cycle the first reading fell. Before each
 * round's first reading, bench_phase_step(round) adds one instruction every
 * BENCH_RESOLUTION rounds: over BENCH_PHASE_ITERS(n) rounds (a multiple of
 * BENCH_RESOLUTION squared) the first reading then falls on every phase of the
 * cycle equally often, whatever the round's length, and the rounding errors
 * cancel: the mean of equal latencies comes out exact.
 */
#if defined(CONFIG_RISCV)
static inline uint32_t bench_sample(void)
{
	return bench_instret();
}

static inline uint32_t bench_sample_diff(uint32_t first, uint32_t second)
{
	return second - first;
}

static inline void bench_phase_step(uint32_t round)
{
	ARG_UNUSED(round);
}
#else
#define BENCH_SYST_RVR (*(volatile uint32_t *)0xe000e014U)
#define BENCH_SYST_CVR (*(volatile uint32_t *)0xe000e018U)

static inline uint32_t bench_sample(void)
{
	return BENCH_SYST_CVR;
}

/* The counter counts down and reloads from RVR: a reload between the two is one period. */
static inline uint32_t bench_sample_diff(uint32_t first, uint32_t second)
{
	uint32_t cycles = first >= second ? first - second : first + BENCH_SYST_RVR + 1U - second;

	return cycles * BENCH_RESOLUTION;
}

/* A taken cbnz is one instruction; falling through to the nop is two. */
static inline void bench_phase_step(uint32_t round)
{
	__asm__ volatile("cbnz %0, 1f\n\tnop\n1:" : : "l"(round % BENCH_RESOLUTION));
}
#endif

#define BENCH_PHASE_PERIOD (BENCH_RESOLUTION * BENCH_RESOLUTION)
#define BENCH_PHASE_ITERS(n) \
	(((n) + BENCH_PHASE_PERIOD - 1U) / BENCH_PHASE_PERIOD * BENCH_PHASE_PERIOD)

/* Iterations of a loop written for @n, enough for the counter's resolution (see above). */
#define BENCH_MIN_ITERS (50U * BENCH_RESOLUTION)
#define BENCH_ITERS(n)  ((n) > BENCH_MIN_ITERS ? (n) : BENCH_MIN_ITERS)

/* Print @total instructions over @iters iterations (per-byte figure if @bytes). */
void bench_report(const char *name, uint64_t total, uint32_t iters, uint32_t bytes);

/* Instructions of @iters rounds of an empty measured loop. */
uint32_t bench_loop_overhead(uint32_t iters);

/* bench_instret() and BENCH_ITERS() for code that cannot use the inline ones (Rust). */
uint32_t bench_counter(void);
uint32_t bench_iters(uint32_t n);

/*
 * Measure @body, run BENCH_ITERS(@iters) times, net of the loop overhead. The
 * body must not be optimised away (it calls the kernel, or uses bench_sink()).
 */
#define BENCH_LOOP(name, iters, bytes, body)                                                      \
	do {                                                                                      \
		uint32_t _n = BENCH_ITERS(iters);                                                 \
		uint32_t _t0 = bench_instret();                                                   \
		for (uint32_t _i = 0; _i < _n; _i++) {                                            \
			__asm__ volatile("" ::: "memory");                                        \
			body;                                                                     \
		}                                                                                 \
		uint32_t _t1 = bench_instret();                                                   \
		bench_report(name, (uint64_t)(_t1 - _t0) - bench_loop_overhead(_n), _n, (bytes)); \
	} while (false)

#endif /* BREEZE_BENCH_H */
