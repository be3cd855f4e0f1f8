/*
 * The race harness (see race.h): thread pair, sweep and counters.
 */
#include "race.h"

#define CYC_PER_TICK (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC)

/*
 * A race's lead is written in cycles of a 10 MHz timer (100 instructions
 * each under -icount): the same number of instructions on any board.
 */
#define LEAD_CYCLES(r) \
	((uint32_t)((uint64_t)(r)->lead_cycles * CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / 10000000U))

K_APPMEM_PARTITION_DEFINE(race_part);

RACE_DATA static volatile uint64_t wake_at;

/*
 * On Cortex-M the intruder's wake-up interrupt comes later after wake_at
 * than on RISC-V, for whose timing the races' leads are written (SysTick's
 * shortest period and the cost of its reprogramming). Measured once per race:
 * in a calibration run the victim only polls the counter, and the intruder,
 * once woken, takes the victim's last reading as the moment the interrupt
 * preempted it. The victim then waits for the wake-up as it comes, not as
 * armed.
 */
#if defined(CONFIG_ARM)
#define CALIBRATE 1
#else
#define CALIBRATE 0
#endif
RACE_DATA static volatile uint32_t wake_latency;
RACE_DATA static volatile int calibrating;
RACE_DATA static volatile uint32_t victim_seen; /* the victim's last reading, calibrating */
RACE_DATA static volatile int in_call;
RACE_DATA static volatile int intruded;

static struct k_thread victim_thread;
static struct k_thread intruder_thread;
K_THREAD_STACK_DEFINE(victim_stack, RACE_STACK_SIZE);
K_THREAD_STACK_DEFINE(intruder_stack, RACE_STACK_SIZE);

static int race_part_added = 1;

static int add_race_partition(void)
{
	race_part_added = k_mem_domain_add_partition(&k_mem_domain_default, &race_part);
	return race_part_added;
}
SYS_INIT(add_race_partition, APPLICATION, 0);

/* @n instructions, give or take the call: a two-instruction loop and one nop for odd @n. */
static void spin(unsigned int n)
{
	if ((n & 1U) != 0U) {
		__asm__ volatile("nop");
	}
	n /= 2U;
	if (n != 0U) {
#if defined(CONFIG_ARM)
		__asm__ volatile("1: subs %0, %0, #1\n\tbne 1b" : "+r"(n) : : "cc");
#else
		__asm__ volatile("1: addi %0, %0, -1\n\tbnez %0, 1b" : "+r"(n));
#endif
	}
}

#if defined(CONFIG_ARM)
/* Instructions per counter cycle under -icount (one instruction a nanosecond). */
#define INSN_PER_CYCLE MAX(1U, 1000000000U / CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC)
/* Closer than this to the target, poll (a system call is some 100 instructions). */
#define POLL_CYCLES    (2000U / INSN_PER_CYCLE)
#endif

/*
 * Return soon after the low cycle counter word reaches @target: within a few
 * instructions where user mode reads the counter itself (RISC-V's time CSR),
 * within one system call where it cannot (Cortex-M: SysTick is privileged).
 * Either way the same number of instructions late in every attempt.
 *
 * On Cortex-M most of the distance is spun, half of what is left at a time,
 * and only the end polled: each system call of an ARMv7-M user thread writes
 * an MPU region twice, which makes QEMU flush its whole TLB, so a tick of
 * polling cost seconds of emulation per race.
 */
static void wait_until(uint32_t target)
{
	uint32_t now;

#if defined(CONFIG_ARM)
	for (;;) {
		int32_t left = (int32_t)(target - k_cycle_get_32());

		if (left < (int32_t)POLL_CYCLES) {
			break;
		}
		spin(MIN((uint32_t)left / 2U, UINT32_MAX / INSN_PER_CYCLE) * INSN_PER_CYCLE);
	}
#endif
	do {
#if defined(CONFIG_ARM)
		now = k_cycle_get_32();
#else
		__asm__ volatile("rdtime %0" : "=r"(now));
#endif
	} while ((int32_t)(now - target) < 0);
}

static void intruder_entry(void *p1, void *p2, void *p3)
{
	const struct race *r = p1;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	/*
	 * Arm the wake-up at a fixed phase of the timer cycle: then it comes
	 * the same number of instructions after wake_at in every attempt.
	 */
	uint64_t now = k_cycle_get_64();

	wait_until((uint32_t)now + 1U);
	wake_at = now + 1U + CYC_PER_TICK;
	k_sleep(K_TICKS(1));
	if (calibrating) {
		wake_latency = victim_seen - (uint32_t)wake_at;
		calibrating = 0;
		return;
	}
	if (in_call) {
		intruded = 1;
		r->intruder();
	}
}

static void victim_entry(void *p1, void *p2, void *p3)
{
	const struct race *r = p1;
	unsigned int attempt = (unsigned int)(uintptr_t)p2;

	ARG_UNUSED(p3);
	while (calibrating) {
		victim_seen = k_cycle_get_32();
	}
	if (attempt == UINT_MAX) {
		return; /* the calibration run */
	}
	if (r->victim_warm_up != NULL) {
		r->victim_warm_up();
	}
	wait_until((uint32_t)(wake_at + wake_latency - LEAD_CYCLES(r)));
	spin(attempt * r->step);
	in_call = 1;
	r->victim();
	in_call = 0;
}

static k_tid_t create(struct k_thread *t, k_thread_stack_t *stack, k_thread_entry_t entry,
		      const struct race *r, unsigned int attempt, int prio, uint32_t options,
		      struct k_mem_domain *domain)
{
	k_tid_t tid = k_thread_create(t, stack, RACE_STACK_SIZE, entry, (void *)r,
				      (void *)(uintptr_t)attempt, NULL, prio, options, K_FOREVER);

	if (domain != NULL) {
		zassert_equal(k_mem_domain_add_thread(domain, tid), 0);
	}
	return tid;
}

static void never_runs(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

k_tid_t race_unstarted_thread(struct k_thread *t, k_thread_stack_t *stack, size_t stack_size,
			      int prio)
{
	return k_thread_create(t, stack, stack_size, never_runs, NULL, NULL, NULL, prio, K_USER,
			       K_FOREVER);
}

struct race_result race_run(const struct race *r)
{
	struct race_result res = { 0 };

	zassert_equal(race_part_added, 0, "race partition not in the default domain");
	zassert_true(k_thread_priority_get(k_current_get()) > RACE_PRIO_VICTIM);
	wake_latency = 0U;
	if (CALIBRATE) {
		k_tid_t victim = create(&victim_thread, victim_stack, victim_entry, r, UINT_MAX,
					RACE_PRIO_VICTIM, K_USER, r->victim_domain);
		k_tid_t intruder = create(&intruder_thread, intruder_stack, intruder_entry, r, 0,
					  RACE_PRIO_INTRUDER, r->supervisor_intruder ? 0U : K_USER,
					  r->intruder_domain);

		calibrating = 1;
		victim_seen = (uint32_t)k_cycle_get_32();
		k_thread_start(intruder);
		k_thread_start(victim);
		zassert_equal(k_thread_join(intruder, K_FOREVER), 0);
		zassert_equal(k_thread_join(victim, K_FOREVER), 0);
	}
	for (unsigned int i = 0; i < r->attempts; i++) {
		k_tid_t victim = create(&victim_thread, victim_stack, victim_entry, r, i,
					RACE_PRIO_VICTIM, K_USER, r->victim_domain);
		k_tid_t intruder = create(&intruder_thread, intruder_stack, intruder_entry, r, i,
					  RACE_PRIO_INTRUDER, r->supervisor_intruder ? 0U : K_USER,
					  r->intruder_domain);
		unsigned int faults = ztest_fault_count();

		in_call = 0;
		intruded = 0;
		r->prepare(i, victim, intruder);
		ztest_expect_fault(K_ERR_KERNEL_OOPS);
		k_thread_start(intruder); /* runs at once: arms its wake-up and sleeps */
		k_thread_start(victim);   /* runs at once, into the call */
		zassert_equal(k_thread_join(intruder, K_FOREVER), 0);
		zassert_equal(k_thread_join(victim, K_FOREVER), 0);
		ztest_set_fault_valid(false);
		res.faults += ztest_fault_count() - faults;
		res.hits += intruded != 0;
		res.broken += r->judge(i) ? 0U : 1U;
	}
	printk("%s: window hit %u/%u attempts, race won %u, losers oopsed %u\n", r->name, res.hits,
	       r->attempts, res.broken, res.faults);
	return res;
}

void race_check(const struct race *r, unsigned int min_hits)
{
	struct race_result res = race_run(r);

	zassert_equal(res.broken, 0, "%s: the race was won %u times", r->name, res.broken);
	zassert_true(res.hits >= min_hits, "%s: only %u window hits, the test proves nothing",
		     r->name, res.hits);
}
