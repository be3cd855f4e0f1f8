/*
 * What a test that provokes the CPU itself needs of each architecture: an
 * instruction the CPU defines as undefined, a few bytes of valid machine code
 * to place in data memory, and an address where nothing answers.
 */
#ifndef TESTS_ARCH_TEST_H
#define TESTS_ARCH_TEST_H

#include <stdint.h>

#if defined(CONFIG_ARM)

/* Permanently undefined in Thumb: a UsageFault (CFSR UNDEFINSTR) wherever it runs. */
#define ARCH_TEST_ILLEGAL_INSN "udf #0"

/* "movs r0, #1; bx lr", then two nops: a function returning 1, as data words. */
#define ARCH_TEST_RET_1_CODE             \
	{                                \
		0x47702001U, 0xbf00bf00U \
	}

/* A call to code at @addr: Thumb code is entered with bit 0 of the target set. */
#define ARCH_TEST_CODE_ENTRY(addr) ((uintptr_t)(addr) | 1U)

/* Where function @fn's code lies: its address without that bit. */
#define ARCH_TEST_CODE_ADDR(fn) ((uintptr_t)(fn) & ~(uintptr_t)1U)

/*
 * External RAM in the Cortex-M memory map, which QEMU's mps2 boards leave
 * empty: an access is a precise BusFault with this address in BFAR. (Address
 * 0 will not do: it holds the vector table, and only the MPU, on with
 * CONFIG_USERSPACE, fences it off.)
 */
#define ARCH_TEST_NO_MEMORY 0x60000000U

#else /* RISC-V */

/* The all-zero word is defined to be illegal (mcause 2). */
#define ARCH_TEST_ILLEGAL_INSN ".4byte 0"

/* "li a0, 1; ret" */
#define ARCH_TEST_RET_1_CODE             \
	{                                \
		0x00100513U, 0x00008067U \
	}

#define ARCH_TEST_CODE_ENTRY(addr) ((uintptr_t)(addr))
#define ARCH_TEST_CODE_ADDR(fn)    ((uintptr_t)(fn))

/* QEMU 'virt' has nothing at 0: a load or store there is an access fault, mtval 0. */
#define ARCH_TEST_NO_MEMORY        0x0U

#endif

#endif /* TESTS_ARCH_TEST_H */
