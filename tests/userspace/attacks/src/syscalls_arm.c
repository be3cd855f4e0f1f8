/*
 * Cortex-M system call traps for syscalls.c: SVC, the ID in r12.
 */
#include "attack.h"
#include "syscall_regs.h"

K_APP_BMEM(attacker_part) uintptr_t scratch_after[SCRATCH_REGS];

void raw_trap_1000(void *arg)
{
	ARG_UNUSED(arg);
	register uintptr_t r0 __asm__("r0") = 0;
	register uintptr_t r1 __asm__("r1") = 0;
	register uintptr_t r12 __asm__("r12") = 1000;

	attack_arm();
	__asm__ volatile("svc 4" : "+r"(r0), "+r"(r1) : "r"(r12) : "memory");
	attack_log.loot = r0;
}

/* Sentinel i into register @reg (a Thumb-2 pair: low half, then high half). */
#define LOAD_SENTINEL(reg, i) "movw " reg ", #" #i "\n\tmovt " reg ", #0x5e00\n\t"

/* In the order of scratch_after: the order STM stores them in. */
#define LOAD_SENTINELS          \
	LOAD_SENTINEL("r2", 0)  \
	LOAD_SENTINEL("r3", 1)  \
	LOAD_SENTINEL("r4", 2)  \
	LOAD_SENTINEL("r5", 3)  \
	LOAD_SENTINEL("r6", 4)  \
	LOAD_SENTINEL("r7", 5)  \
	LOAD_SENTINEL("r8", 6)  \
	LOAD_SENTINEL("r9", 7)  \
	LOAD_SENTINEL("r10", 8) \
	LOAD_SENTINEL("r11", 9) \
	LOAD_SENTINEL("lr", 11)

void syscall_scratch_registers(void *call)
{
	const uintptr_t *c = call; /* { ID, first argument } */
	register uintptr_t r0 __asm__("r0") = c[1];
	register uintptr_t r1 __asm__("r1") = (uintptr_t)scratch_after;
	register uintptr_t r12 __asm__("r12") = c[0];

	/*
	 * The callee-saved registers and lr are saved around the trap here,
	 * so the compiler need not know they change; the table's address
	 * waits on the stack meanwhile.
	 */
	__asm__ volatile("push {r1, r4-r11, lr}\n\t" LOAD_SENTINELS "svc 4\n\t"
			 "ldr r1, [sp]\n\t"
			 "stm r1, {r2-r12, lr}\n\t"
			 "pop {r1, r4-r11, lr}"
			 : "+r"(r0), "+r"(r1), "+r"(r12)
			 :
			 : "memory", "cc", "r2", "r3");
	attack_log.loot = r0;
}
