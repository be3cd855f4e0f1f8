/*
 * System Control Space registers of ARMv7-M and ARMv8-M that the port uses,
 * and the CPU instructions it needs from C.
 */
#ifndef BREEZE_ARM_CORTEX_M_H
#define BREEZE_ARM_CORTEX_M_H

#include <stdint.h>
#include <breeze/toolchain.h>

#define Z_ARM_REG(addr) (*(volatile uint32_t *)(addr))

/* System control block. */
#define SCB_ICSR  Z_ARM_REG(0xe000ed04)
#define SCB_VTOR  Z_ARM_REG(0xe000ed08)
#define SCB_AIRCR Z_ARM_REG(0xe000ed0c)
#define SCB_CCR   Z_ARM_REG(0xe000ed14)
#define SCB_SHPR1 Z_ARM_REG(0xe000ed18) /* MemManage, BusFault, UsageFault, SecureFault */
#define SCB_SHPR2 Z_ARM_REG(0xe000ed1c) /* SVC in bits 31:24 */
#define SCB_SHPR3 Z_ARM_REG(0xe000ed20) /* PendSV 23:16, SysTick 31:24 */
#define SCB_SHCSR Z_ARM_REG(0xe000ed24)
#define SCB_CFSR  Z_ARM_REG(0xe000ed28)
#define SCB_HFSR  Z_ARM_REG(0xe000ed2c)
#define SCB_MMFAR Z_ARM_REG(0xe000ed34)
#define SCB_BFAR  Z_ARM_REG(0xe000ed38)

/*
 * Memory protection unit: the registers ARMv7-M's and ARMv8-M's share. MPU_RBAR
 * is followed by the second word of its region (RASR or RLAR) and by three
 * aliases of the pair, so that one store multiple sets several regions.
 */
#define MPU_TYPE Z_ARM_REG(0xe000ed90)
#define MPU_CTRL Z_ARM_REG(0xe000ed94)
#define MPU_RNR  Z_ARM_REG(0xe000ed98)
#define MPU_RBAR Z_ARM_REG(0xe000ed9c)

#define MPU_CTRL_ENABLE     (1U << 0)
#define MPU_CTRL_PRIVDEFENA (1U << 2) /* privileged code keeps the default map */

#define SCB_ICSR_PENDSVSET       (1U << 28)
#define SCB_SHCSR_USGFAULTPENDED (1U << 12)
#define SCB_SHCSR_MEMFAULTPENDED (1U << 13)
#define SCB_SHCSR_BUSFAULTPENDED (1U << 14)
#define SCB_SHCSR_SVCALLPENDED   (1U << 15)
#define SCB_SHCSR_MEMFAULTENA    (1U << 16)
#define SCB_SHCSR_BUSFAULTENA    (1U << 17)
#define SCB_SHCSR_USGFAULTENA    (1U << 18)
#define SCB_CCR_DIV_0_TRP        (1U << 4)
#define SCB_CCR_STKALIGN         (1U << 9)

/* Configurable fault status: MemManage (7:0), BusFault (15:8), UsageFault (31:16). */
#define CFSR_IACCVIOL  (1U << 0)
#define CFSR_DACCVIOL  (1U << 1)
#define CFSR_MUNSTKERR (1U << 3)
#define CFSR_MSTKERR   (1U << 4)
#define CFSR_MMARVALID (1U << 7)
#define CFSR_BFARVALID (1U << 15)
#define CFSR_STKOF     (1U << 20) /* ARMv8-M: a stack limit was hit */

/* NVIC. */
#define NVIC_ISER(n) Z_ARM_REG(0xe000e100 + 4U * (n))
#define NVIC_ICER(n) Z_ARM_REG(0xe000e180 + 4U * (n))
#define NVIC_ISPR(n) Z_ARM_REG(0xe000e200 + 4U * (n))
#define NVIC_ICPR(n) Z_ARM_REG(0xe000e280 + 4U * (n))
#define NVIC_IPR(n)  (*(volatile uint8_t *)(0xe000e400 + (n)))

/* Exception numbers (IPSR). */
#define Z_ARM_EXC_NMI        2
#define Z_ARM_EXC_HARD_FAULT 3
#define Z_ARM_EXC_MEM_FAULT  4
#define Z_ARM_EXC_BUS_FAULT  5
#define Z_ARM_EXC_USAGE      6
#define Z_ARM_EXC_SVC        11
#define Z_ARM_EXC_SYSTICK    15
#define Z_ARM_EXC_IRQ0       16

static ALWAYS_INLINE uint32_t z_arm_ipsr(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, ipsr" : "=r"(v));
	return v;
}

static ALWAYS_INLINE uint32_t z_arm_psp(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, psp" : "=r"(v));
	return v;
}

static ALWAYS_INLINE uint32_t z_arm_control(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, control" : "=r"(v));
	return v;
}

static ALWAYS_INLINE void z_arm_dsb_isb(void)
{
	__asm__ volatile("dsb\n\tisb" ::: "memory");
}

#endif /* BREEZE_ARM_CORTEX_M_H */
