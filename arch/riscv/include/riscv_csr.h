/*
 * CSR access and the machine-mode CSR bits the port uses.
 */
#ifndef BREEZE_RISCV_CSR_H
#define BREEZE_RISCV_CSR_H

#define csr_read(csr)                                                        \
	({                                                                   \
		unsigned long __v;                                           \
		__asm__ volatile("csrr %0, " #csr : "=r"(__v) : : "memory"); \
		__v;                                                         \
	})

#define csr_write(csr, val) __asm__ volatile("csrw " #csr ", %0" : : "rK"(val) : "memory")
#define csr_set(csr, val)   __asm__ volatile("csrs " #csr ", %0" : : "rK"(val) : "memory")
#define csr_clear(csr, val) __asm__ volatile("csrc " #csr ", %0" : : "rK"(val) : "memory")

#define MCAUSE_INTERRUPT 0x80000000UL
#define MCAUSE_CODE_MASK 0x7fffffffUL

/* Exception codes (mcause with the interrupt bit clear). */
#define RV_EXC_INSN_MISALIGNED  0
#define RV_EXC_INSN_ACCESS      1
#define RV_EXC_ILLEGAL_INSN     2
#define RV_EXC_BREAKPOINT       3
#define RV_EXC_LOAD_MISALIGNED  4
#define RV_EXC_LOAD_ACCESS      5
#define RV_EXC_STORE_MISALIGNED 6
#define RV_EXC_STORE_ACCESS     7
#define RV_EXC_ECALL_U          8
#define RV_EXC_ECALL_M          11

#endif /* BREEZE_RISCV_CSR_H */
