/*
 * An interrupted thread gets all its registers back: a busy loop holding a
 * distinct value in every general register (live_registers.S) is interrupted
 * many times, by an ISR alone and by an ISR that switches to another thread
 * and back, and then finds every value intact.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include "soft_irq.h"

/* live_registers_<arch>.S; it returns 0, or what names the register found changed. */
unsigned int spin_with_live_registers(unsigned int iterations, volatile uint32_t *poke,
				      uint32_t value);

/* What spin_with_live_registers() pokes, and with what, to raise the test line every round. */
#if defined(CONFIG_ARM)
#define RAISE_POKE  (&NVIC_WORD(0xe000e200U)) /* set-pending */
#define RAISE_VALUE NVIC_BIT
#define REG_NAME    "r"
#define REG_NUM(n)  ((n)-1U)
#elif defined(CONFIG_SMP)
#define RAISE_POKE  NULL /* mip.SSIP */
#define RAISE_VALUE 1U
#else
#define RAISE_POKE  ((volatile uint32_t *)DT_REG_ADDR(DT_NODELABEL(clint))) /* hart 0's msip */
#define RAISE_VALUE 1U
#endif
#ifndef REG_NAME
#define REG_NAME   "x"
#define REG_NUM(n) (n)
#endif

static volatile uint32_t poke_sink;

ZTEST(irq_soft, test_isr_preserves_registers) {
	const unsigned int rounds = 1000;

	irq_enable(LOCAL_SOFT_IRQ);
	/* Every round raises the software interrupt, so every round is interrupted. */
	unsigned int changed = spin_with_live_registers(rounds, RAISE_POKE, RAISE_VALUE);

	zassert_equal(changed, 0, "register " REG_NAME "%u changed across interrupts",
		      REG_NUM(changed));
	zassert_equal(soft_irq_runs, rounds, "%u interrupts in %u rounds", soft_irq_runs, rounds);
}

static K_THREAD_STACK_DEFINE(ticker_stack, 1024);
static struct k_thread ticker;
static volatile bool ticker_stop;
static volatile unsigned int ticker_wakes;

/* Wakes every tick from the timer ISR, preempting the spinning thread. */
static void ticker_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	while (!ticker_stop) {
		k_usleep(100);
		ticker_wakes++;
	}
}

ZTEST(irq_soft, test_preemption_from_isr_preserves_registers) {
	/* About 4.5 ms of spinning at one instruction per ns: some 40 preemptions. */
	const unsigned int rounds = 1500000;

	ticker_stop = false;
	ticker_wakes = 0;
	k_thread_create(&ticker, ticker_stack, K_THREAD_STACK_SIZEOF(ticker_stack), ticker_entry,
			NULL, NULL, NULL, k_thread_priority_get(k_current_get()) - 1, 0, K_NO_WAIT);

	unsigned int changed = spin_with_live_registers(rounds, &poke_sink, 1U);
	unsigned int wakes = ticker_wakes;

	ticker_stop = true;
	int join_ret = k_thread_join(&ticker, K_MSEC(10));

	k_thread_abort(&ticker);
	zassert_equal(join_ret, 0, "ticker did not end");
	zassert_equal(changed, 0, "register " REG_NAME "%u changed across preemptions",
		      REG_NUM(changed));
	zassert_true(wakes >= 20, "only %u preemptions during the spin", wakes);
	zassert_equal(poke_sink, 1);
}
