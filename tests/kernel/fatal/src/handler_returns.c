/*
 * The application overrides k_sys_fatal_error_handler() and returns from it:
 * each fault then ends only the faulting thread, and main, joining it, runs
 * on. Three victims fault in turn (an oops, an illegal instruction at a known
 * address, a load from where nothing answers); the handler records what it
 * was given and main checks the reason, and from the exception frame the
 * cause, the faulting instruction and address (RISC-V: mcause, mepc, mtval;
 * Cortex-M: the exception number, the fault status, pc, BFAR), and that no
 * victim ran past its fault. The reports are still printed. Exit 0 only if
 * every check holds.
 */
#include <breeze/kernel.h>
#include "arch_test.h"
#include "scenario.h"

#if defined(CONFIG_ARM)
/* Exception numbers: k_oops() is an SVC; the faults are a UsageFault and a BusFault. */
#define CAUSE_OOPS      11U
#define CAUSE_ILLEGAL   6U
#define CAUSE_LOAD      5U
/* CFSR: the undefined instruction, a precise data bus error and BFAR holding its address. */
#define CFSR_UNDEFINSTR (1U << 16)
#define CFSR_PRECISERR  (1U << 9)
#define CFSR_BFARVALID  (1U << 15)
#else
/* mcause: an ecall from machine mode, an illegal instruction, a load access fault. */
#define CAUSE_OOPS    11U
#define CAUSE_ILLEGAL 2U
#define CAUSE_LOAD    5U
#endif

struct fault_record {
	unsigned int calls;
	unsigned int reason;
	k_tid_t thread;
	bool have_esf;
	unsigned long cause;  /* mcause; the exception number */
	unsigned long status; /* Cortex-M: CFSR */
	unsigned long pc;     /* mepc; the pc of the frame */
	unsigned long addr;   /* mtval; BFAR */
};

static struct fault_record seen;
static volatile bool ran_past_fault;

/* Address of the illegal instruction, defined in illegal_victim's asm below. */
extern const char illegal_insn_site[];

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	seen.calls++;
	seen.reason = reason;
	seen.thread = k_current_get();
	seen.have_esf = esf != NULL;
	if (esf != NULL) {
#if defined(CONFIG_ARM)
		seen.cause = esf->vector;
		seen.status = esf->cfsr;
		seen.pc = esf->pc;
		seen.addr = esf->bfar;
#else
		seen.cause = esf->mcause;
		seen.pc = esf->mepc;
		seen.addr = esf->mtval;
#endif
	}
}

static void oops_victim(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	k_oops();
	ran_past_fault = true;
}

static void illegal_victim(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	__asm__ volatile(".global illegal_insn_site\n"
			 "illegal_insn_site: " ARCH_TEST_ILLEGAL_INSN "\n");
	ran_past_fault = true;
}

static void load_victim(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	volatile uint32_t *nowhere = (volatile uint32_t *)ARCH_TEST_NO_MEMORY;

	(void)*nowhere;
	ran_past_fault = true;
}

static K_THREAD_STACK_DEFINE(victim_stack, 1024);
static struct k_thread victim;
static unsigned int failures;

static void check(bool ok, const char *what)
{
	if (!ok) {
		printk("FAIL: %s\n", what);
		failures++;
	}
}

/* Run @entry in a fresh thread that faults, wait for it and check the handler saw it. */
static void run_victim(k_thread_entry_t entry, const char *name)
{
	seen = (struct fault_record){ 0 };
	ran_past_fault = false;
	k_thread_create(&victim, victim_stack, K_THREAD_STACK_SIZEOF(victim_stack), entry, NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_FOREVER);
	k_thread_name_set(&victim, name);
	k_thread_start(&victim);
	check(k_thread_join(&victim, K_MSEC(100)) == 0, "victim ended");
	check(seen.calls == 1U, "handler called once");
	check(seen.thread == &victim, "handler ran for the victim");
	check(seen.have_esf, "handler got a frame");
	check(!ran_past_fault, "victim stopped at its fault");
	printk("victim '%s': reason %u, cause %lu, pc 0x%08lx, address 0x%08lx\n", name,
	       seen.reason, seen.cause, seen.pc, seen.addr);
}

void run_scenario(void)
{
	run_victim(oops_victim, "oops_victim");
	check(seen.reason == K_ERR_KERNEL_OOPS, "oops reason");
	check(seen.cause == CAUSE_OOPS, "oops is the kernel's trap (ecall, SVC)");

	run_victim(illegal_victim, "illegal_victim");
	check(seen.reason == K_ERR_CPU_EXCEPTION, "illegal instruction reason");
	check(seen.cause == CAUSE_ILLEGAL, "illegal instruction cause");
#if defined(CONFIG_ARM)
	check((seen.status & CFSR_UNDEFINSTR) != 0U, "CFSR says undefined instruction");
#endif
	check(seen.pc == (unsigned long)illegal_insn_site, "pc is the illegal instruction");

	run_victim(load_victim, "load_victim");
	check(seen.reason == K_ERR_CPU_EXCEPTION, "load fault reason");
	check(seen.cause == CAUSE_LOAD, "load access fault cause");
#if defined(CONFIG_ARM)
	check((seen.status & (CFSR_PRECISERR | CFSR_BFARVALID)) ==
		  (CFSR_PRECISERR | CFSR_BFARVALID),
	      "CFSR says precise data bus error, BFAR valid");
#endif
	check(seen.addr == ARCH_TEST_NO_MEMORY, "load fault address");

	if (failures != 0U) {
		printk("FAIL: %u checks failed\n", failures);
		sys_exit(1);
	}
	printk("main continues after three faulting threads\n");
	printk("PROJECT EXECUTION SUCCESSFUL\n");
	sys_exit(0);
}
