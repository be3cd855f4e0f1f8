/*
 * Checks of the benchmark counter where it is the system timer (Cortex-M,
 * bench/common/bench.h): each row measures code of a known length, by the
 * same means as the benchmarks, and the image fails if a figure is off.
 *
 *   counter.pass.nop16.supervisor / .user  one pair of readings around a loop
 *                                           of 16 nops, subs and bne: 18
 *                                           instructions a round (in user mode
 *                                           each reading is a system call)
 *   counter.loop.nop16                      BENCH_LOOP of 16 nops: 16 plus the
 *                                           difference between the compiler's
 *                                           loop and the calibration's (-1 on
 *                                           mps2_an385), +-0.05: the figure
 *                                           the other rows are read against
 *   counter.latency.nop37                   pairs of bench_sample() around 37
 *                                           nops, with bench_phase_step(), as
 *                                           misc.c's isr_to_thread: 38 exactly
 *                                           (the nops and the second reading,
 *                                           as rdinstret would count)
 */
#include <stdio.h>
#include <zephyr/app_memory/app_memdomain.h>
#include "bench.h"

#define PASS_ROUNDS 20000U

static int failures;

/* Check @total over @iters against @want, to @slack hundredths. */
static void expect(const char *name, uint64_t total, uint32_t iters, uint32_t want, uint32_t slack)
{
	uint64_t centi = (total * 100U + iters / 2U) / iters;

	bench_report(name, total, iters, 0);
	if (centi + slack < want * 100U || centi > want * 100U + slack) {
		printk("counter: %s is off (%u expected)\n", name, (unsigned int)want);
		failures++;
	}
}

/* Instructions of PASS_ROUNDS rounds of 16 nops, subs and bne, net of the two readings. */
static uint32_t nop16_pass(void)
{
	uint32_t t0 = bench_instret();
	uint32_t t1 = bench_instret();
	uint32_t empty = t1 - t0;
	uint32_t n = PASS_ROUNDS;

	t0 = bench_instret();
	__asm__ volatile("1:\n\t.rept 16\n\tnop\n\t.endr\n\tsubs %0, %0, #1\n\tbne 1b"
			 : "+l"(n)
			 :
			 : "cc");
	t1 = bench_instret();
	return t1 - t0 - empty;
}

K_APPMEM_PARTITION_DEFINE(counter_part);
K_APP_BMEM(counter_part) static uint32_t user_total;

static void user_pass(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	user_total = nop16_pass();
}

static struct k_thread user_thread;
K_THREAD_STACK_DEFINE(user_stack, 1024);
static struct k_mem_domain counter_domain;

int main(void)
{
	struct k_mem_partition *parts[] = { &counter_part };

	expect("counter.pass.nop16.supervisor", nop16_pass(), PASS_ROUNDS, 18, 0);

	k_mem_domain_init(&counter_domain, ARRAY_SIZE(parts), parts);
	k_thread_create(&user_thread, user_stack, K_THREAD_STACK_SIZEOF(user_stack), user_pass,
			NULL, NULL, NULL, -1, K_USER, K_FOREVER);
	k_mem_domain_add_thread(&counter_domain, &user_thread);
	k_thread_start(&user_thread);
	k_thread_join(&user_thread, K_FOREVER);
	expect("counter.pass.nop16.user", user_total, PASS_ROUNDS, 18, 0);

	BENCH_LOOP("counter.loop.nop16", 1000, 0,
		   __asm__ volatile(".rept 16\n\tnop\n\t.endr" ::
					: "memory"));

	uint64_t sum = 0;

	for (uint32_t i = 0; i < BENCH_PHASE_ITERS(1000); i++) {
		uint32_t a, b;

		bench_phase_step(i);
		__asm__ volatile("ldr %0, [%2]\n\t"
				 ".rept 37\n\tnop\n\t.endr\n\t"
				 "ldr %1, [%2]"
				 : "=&r"(a), "=&r"(b)
				 : "r"(&BENCH_SYST_CVR)
				 : "memory");
		sum += bench_sample_diff(a, b);
	}
	expect("counter.latency.nop37", sum, BENCH_PHASE_ITERS(1000), 38, 0);

	printk("BENCH done\n");
	sys_exit(failures == 0 ? 0 : 1);
}
