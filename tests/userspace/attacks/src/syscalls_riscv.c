/*
 * RISC-V system call traps for syscalls.c: ecall, the ID in a7.
 */
#include "attack.h"
#include "syscall_regs.h"

K_APP_BMEM(attacker_part) uintptr_t scratch_after[SCRATCH_REGS];
K_APP_BMEM(attacker_part) uintptr_t scratch_resume;

void raw_trap_1000(void *arg)
{
	ARG_UNUSED(arg);
	register uintptr_t a0 __asm__("a0") = 0;
	register uintptr_t a7 __asm__("a7") = 1000;

	attack_arm();
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
	attack_log.loot = a0;
}

void syscall_scratch_registers(void *call)
{
	const uintptr_t *c = call; /* { ID, first argument } */
	register uintptr_t *out __asm__("s1") = scratch_after;
	register uintptr_t a0 __asm__("a0") = c[1];
	register uintptr_t a7 __asm__("a7") = c[0];

	__asm__ volatile("li ra, 0x5e000000\n\t"
			 "li t0, 0x5e000001\n\t"
			 "li t1, 0x5e000002\n\t"
			 "li t2, 0x5e000003\n\t"
			 "li t3, 0x5e000004\n\t"
			 "li t4, 0x5e000005\n\t"
			 "li t5, 0x5e000006\n\t"
			 "li t6, 0x5e000007\n\t"
			 "li a2, 0x5e000008\n\t"
			 "li a3, 0x5e000009\n\t"
			 "li a4, 0x5e00000a\n\t"
			 "li a5, 0x5e00000b\n\t"
			 "li a6, 0x5e00000c\n\t"
			 "li a1, 0x5e00000e\n\t"
			 "ecall\n"
			 "1:\n\t"
			 "sw ra, 0(s1)\n\t"
			 "sw t0, 4(s1)\n\t"
			 "sw t1, 8(s1)\n\t"
			 "sw t2, 12(s1)\n\t"
			 "sw t3, 16(s1)\n\t"
			 "sw t4, 20(s1)\n\t"
			 "sw t5, 24(s1)\n\t"
			 "sw t6, 28(s1)\n\t"
			 "sw a2, 32(s1)\n\t"
			 "sw a3, 36(s1)\n\t"
			 "sw a4, 40(s1)\n\t"
			 "sw a5, 44(s1)\n\t"
			 "sw a6, 48(s1)\n\t"
			 "sw a7, 52(s1)\n\t"
			 "sw a1, 56(s1)\n\t"
			 "la s2, 1b\n\t"
			 "sw s2, 0(%[resume])"
			 : "+r"(a0), "+r"(a7)
			 : "r"(out), [resume] "r"(&scratch_resume)
			 : "memory", "ra", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a1", "a2",
			   "a3", "a4", "a5", "a6", "s2");
	attack_log.loot = a0;
}
