/*
 * System timer on the CLINT: the 64-bit mtime counter and hart 0's mtimecmp.
 * Tickless: the compare register always holds the next timeout's expiry (or
 * all ones), and the interrupt hands over to the kernel's timeout list.
 */
#include <breeze/kernel.h>
#include <arch_interface.h>
#include <timeout_q.h>

#define MTIMECMP_LO ((volatile uint32_t *)(CONFIG_CLINT_BASE + 0x4000))
#define MTIMECMP_HI ((volatile uint32_t *)(CONFIG_CLINT_BASE + 0x4004))
#define MTIME_LO    ((volatile uint32_t *)(CONFIG_CLINT_BASE + 0xbff8))
#define MTIME_HI    ((volatile uint32_t *)(CONFIG_CLINT_BASE + 0xbffc))

uint64_t sys_clock_cycle_get_64(void)
{
	uint32_t hi;
	uint32_t lo;

	/* Re-read if the low word wrapped between the two reads. */
	do {
		hi = *MTIME_HI;
		lo = *MTIME_LO;
	} while (hi != *MTIME_HI);
	return ((uint64_t)hi << 32) | lo;
}

void sys_clock_set_deadline(uint64_t cycles)
{
	/* Raise the high word first so no intermediate value is in the past. */
	*MTIMECMP_HI = UINT32_MAX;
	*MTIMECMP_LO = (uint32_t)cycles;
	*MTIMECMP_HI = (uint32_t)(cycles >> 32);
}

static void timer_isr(const void *arg)
{
	ARG_UNUSED(arg);
	z_timeout_announce();
}

static int timer_init(void)
{
	sys_clock_set_deadline(UINT64_MAX);
	IRQ_CONNECT(RISCV_IRQ_MTIMER, 0, timer_isr, NULL, 0);
	irq_enable(RISCV_IRQ_MTIMER);
	return 0;
}

SYS_INIT(timer_init, PRE_KERNEL_2, 0);
