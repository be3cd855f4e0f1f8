/*
 * System timer on the CLINT: the 64-bit mtime counter and hart 0's mtimecmp.
 * Tickless: the compare register always holds the next timeout's expiry (or
 * all ones; with a heartbeat, no later than that), and the interrupt hands
 * over to the kernel's timeout list.
 */
#include <breeze/kernel.h>
#include <breeze/device.h>
#include <arch_interface.h>
#include <timeout_q.h>

/* The devicetree's CLINT: registers, and its second interrupt, the machine timer's. */
#define DT_DRV_COMPAT riscv_clint0
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(DT_DRV_COMPAT) == 1, "one CLINT");

#define CLINT_BASE  DT_INST_REG_ADDR(0)
#define TIMER_IRQ   DT_INST_IRQN_BY_IDX(0, 1)
#define MTIMECMP_LO ((volatile uint32_t *)(CLINT_BASE + 0x4000))
#define MTIMECMP_HI ((volatile uint32_t *)(CLINT_BASE + 0x4004))
#define MTIME_LO    ((volatile uint32_t *)(CLINT_BASE + 0xbff8))
#define MTIME_HI    ((volatile uint32_t *)(CLINT_BASE + 0xbffc))

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

#define HEARTBEAT_CYCLES                                                                   \
	((uint64_t)CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US * CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / \
	 1000000U)

void sys_clock_set_deadline(uint64_t cycles)
{
	if (HEARTBEAT_CYCLES != 0U) {
		/* The kernel finds nothing due at an early interrupt and programs again. */
		cycles = MIN(cycles, sys_clock_cycle_get_64() + HEARTBEAT_CYCLES);
	}
	/* Raise the high word first so no intermediate value is in the past. */
	*MTIMECMP_HI = UINT32_MAX;
	*MTIMECMP_LO = (uint32_t)cycles;
	*MTIMECMP_HI = (uint32_t)(cycles >> 32);
}

#if defined(CONFIG_SMP) && CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US > 0
/*
 * The other harts' compare registers only beat (see the Kconfig help): a
 * hart that keeps interrupts masked for long (spinning for a lock) would
 * otherwise leave the machine with no near deadline at all.
 */
#define MTIMECMP_OF(hart) ((volatile uint32_t *)(CLINT_BASE + 0x4000 + 8U * (hart)))

static void heartbeat_rearm(unsigned int hart)
{
	uint64_t at = sys_clock_cycle_get_64() + HEARTBEAT_CYCLES;

	MTIMECMP_OF(hart)[1] = UINT32_MAX;
	MTIMECMP_OF(hart)[0] = (uint32_t)at;
	MTIMECMP_OF(hart)[1] = (uint32_t)(at >> 32);
}

void z_riscv_timer_secondary_init(void)
{
	heartbeat_rearm(arch_proc_id());
	irq_enable(TIMER_IRQ);
}
#endif

static void timer_isr(const void *arg)
{
	ARG_UNUSED(arg);
#if defined(CONFIG_SMP) && CONFIG_RISCV_MACHINE_TIMER_HEARTBEAT_US > 0
	unsigned int hart = arch_proc_id();

	if (hart != 0U) {
		heartbeat_rearm(hart); /* the timeouts are hart 0's */
		return;
	}
#endif
	z_timeout_announce();
}

static int timer_init(const struct device *dev)
{
	ARG_UNUSED(dev);
	sys_clock_set_deadline(UINT64_MAX);
	IRQ_CONNECT(TIMER_IRQ, 0, timer_isr, NULL, 0);
	irq_enable(TIMER_IRQ);
	return 0;
}

DEVICE_DT_INST_DEFINE(0, timer_init, NULL, NULL, NULL, PRE_KERNEL_2, 0, NULL);
