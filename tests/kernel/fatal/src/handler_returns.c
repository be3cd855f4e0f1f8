/*
 * The application overrides k_sys_fatal_error_handler() and returns from it:
 * each fault then ends only the faulting thread, and main, joining it, runs
 * on. Three victims fault in turn (an oops, an illegal instruction at a known
 * address, a load from address 0); the handler records what it was given and
 * main checks reason, mcause, mepc and mtval, and that no victim ran past its
 * fault. The reports are still printed. Exit 0 only if every check holds.
 */
#include <breeze/kernel.h>
#include "scenario.h"

struct fault_record {
	unsigned int calls;
	unsigned int reason;
	k_tid_t thread;
	bool have_esf;
	unsigned long mcause;
	unsigned long mepc;
	unsigned long mtval;
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
		seen.mcause = esf->mcause;
		seen.mepc = esf->mepc;
		seen.mtval = esf->mtval;
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
			 "illegal_insn_site: .word 0\n");
	ran_past_fault = true;
}

static void load_victim(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	volatile uint32_t *nowhere = (volatile uint32_t *)0;

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
	printk("victim '%s': reason %u, mcause %lu, mepc 0x%08lx, mtval 0x%08lx\n", name,
	       seen.reason, seen.mcause, seen.mepc, seen.mtval);
}

void run_scenario(void)
{
	run_victim(oops_victim, "oops_victim");
	check(seen.reason == K_ERR_KERNEL_OOPS, "oops reason");
	check(seen.mcause == 11U, "oops is an ecall from M-mode");

	run_victim(illegal_victim, "illegal_victim");
	check(seen.reason == K_ERR_CPU_EXCEPTION, "illegal instruction reason");
	check(seen.mcause == 2U, "illegal instruction mcause");
	check(seen.mepc == (unsigned long)illegal_insn_site, "mepc is the illegal instruction");

	run_victim(load_victim, "load_victim");
	check(seen.reason == K_ERR_CPU_EXCEPTION, "load fault reason");
	check(seen.mcause == 5U, "load access fault mcause");
	check(seen.mtval == 0U, "load fault address");

	if (failures != 0U) {
		printk("FAIL: %u checks failed\n", failures);
		sys_exit(1);
	}
	printk("main continues after three faulting threads\n");
	printk("PROJECT EXECUTION SUCCESSFUL\n");
	sys_exit(0);
}
