/*
 * System timer on SysTick, the core's 24-bit down counter, clocked by the
 * core clock (the devicetree's cpu clock-frequency). Tickless: each deadline
 * reloads the counter for exactly the cycles left (at most 2^24, the longest
 * it can count), and a 64-bit cycle count is kept across reloads.
 *
 * The counter counts LOAD, LOAD-1, ..., 1, 0 and reloads: one period is
 * LOAD + 1 cycles, and the moment it reaches 0 is the end of a period
 * (COUNTFLAG set, the interrupt raised). period_start is the cycle count at
 * the end of the last period this driver has accounted for; the count now is
 * period_start plus the cycles of the current period, LOAD + 1 - VAL. A
 * reload is written as "VAL = 0": the counter then starts a new period of the
 * new length at once, and the few cycles between reading the count and that
 * write are the only ones the clock loses.
 */
#include <breeze/kernel.h>
#include <breeze/device.h>
#include <arch_interface.h>
#include <timeout_q.h>
#include <arm_irq.h>

#define DT_DRV_COMPAT arm_armv7m_systick
BUILD_ASSERT(DT_NUM_INST_STATUS_OKAY(DT_DRV_COMPAT) == 1, "one SysTick");
BUILD_ASSERT(DT_PROP(DT_PATH(cpus, cpu_0), clock_frequency) == CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC,
	     "SysTick counts core clock cycles: CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC must match");

#define SYST_BASE DT_INST_REG_ADDR(0)
#define SYST_CSR  (*(volatile uint32_t *)(SYST_BASE + 0x0))
#define SYST_RVR  (*(volatile uint32_t *)(SYST_BASE + 0x4))
#define SYST_CVR  (*(volatile uint32_t *)(SYST_BASE + 0x8))

#define CSR_ENABLE    (1U << 0)
#define CSR_TICKINT   (1U << 1)
#define CSR_CLKSOURCE (1U << 2) /* the core clock */
#define CSR_COUNTFLAG (1U << 16)

#define MAX_PERIOD (1U << 24)
/* Shortest period: long enough for the interrupt to be served before the next end. */
#define MIN_PERIOD 256U

static struct k_spinlock lock;
static uint64_t period_start; /* cycle count at the end of the last accounted period */
static uint32_t period = MAX_PERIOD;

/*
 * The cycle count now; lock held. A period that ended since the last call is
 * accounted for here, whether COUNTFLAG or the counter itself says so.
 */
static uint64_t count_locked(void)
{
	uint32_t v1 = SYST_CVR;
	uint32_t csr = SYST_CSR; /* reading clears COUNTFLAG */
	uint32_t v2 = SYST_CVR;

	if ((csr & CSR_COUNTFLAG) != 0U) {
		period_start += period;
	} else if (v1 != 0U && (v2 > v1 || v2 == 0U)) {
		/*
		 * The end came after the read of CSR: count it, and drop its
		 * flag. (A v1 of 0 is no end: either the zero a new period
		 * starts with, or an end that an earlier read already counted.)
		 */
		period_start += period;
		(void)SYST_CSR;
	}
	/* 0 is the end of a period, which is now counted: no cycles of the next yet. */
	return period_start + (v2 == 0U ? 0U : period - v2);
}

uint64_t sys_clock_cycle_get_64(void)
{
	k_spinlock_key_t key = k_spin_lock(&lock);
	uint64_t now = count_locked();

	k_spin_unlock(&lock, key);
	return now;
}

void sys_clock_set_deadline(uint64_t cycles)
{
	k_spinlock_key_t key = k_spin_lock(&lock);
	uint64_t now = count_locked();
	uint64_t delta = cycles > now ? cycles - now : 0U;

	period = (uint32_t)CLAMP(delta, MIN_PERIOD, MAX_PERIOD);
	SYST_RVR = period - 1U;
	SYST_CVR = 0; /* a new period from now; clears COUNTFLAG */
	period_start = now;
	k_spin_unlock(&lock, key);
}

static void systick_isr(const void *arg)
{
	ARG_UNUSED(arg);
	(void)sys_clock_cycle_get_64();
	z_timeout_announce();
}

static int systick_init(const struct device *dev)
{
	ARG_UNUSED(dev);
	SYST_RVR = MAX_PERIOD - 1U;
	SYST_CVR = 0;
	IRQ_CONNECT(Z_ARM_IRQ_SYSTICK, 0, systick_isr, NULL, 0);
	SYST_CSR = CSR_ENABLE | CSR_TICKINT | CSR_CLKSOURCE;
	return 0;
}

DEVICE_DT_INST_DEFINE(0, systick_init, NULL, NULL, NULL, PRE_KERNEL_2, 0, NULL);
