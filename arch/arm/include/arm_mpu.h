/*
 * The MPU back ends (mpu_v7m.c, mpu_v8m.c) and what userspace.c needs of them.
 *
 * Regions, in both back ends:
 *   0                 shared code and read-only data: user read/execute
 *   1                 the block of the user TLS pointer (tls.S): user read/write
 *   2                 the running thread's user stack (user read/write) in
 *                     user mode; its stack guard (no access) in privileged
 *                     code, with CONFIG_HW_STACK_PROTECTION
 *   3                 no access for anyone at address 0, when memory is there
 *                     (the vector table at 0 on mps2-an385, the non-secure alias
 *                     of the code on mps2-an505): null pointers fault
 *   4 ..              the running thread's memory domain, precomputed
 * Privileged code keeps the default memory map everywhere else (PRIVDEFENA).
 */
#ifndef BREEZE_ARM_MPU_H
#define BREEZE_ARM_MPU_H

#include <breeze/kernel.h>
#include <cortex_m.h>

#define Z_ARM_MPU_REGION_ROM     0
#define Z_ARM_MPU_REGION_USER_TP 1
#define Z_ARM_MPU_REGION_STACK   2
#define Z_ARM_MPU_REGION_NULL    3
#define Z_ARM_MPU_REGION_DOMAIN  4

/*
 * ARMv7-M RBAR's "region number valid" bit: the write also selects the region.
 * (ARMv8-M selects regions through RNR; there the bits are attributes, which a
 * disabled region ignores, see arch_new_thread().)
 */
#define Z_ARM_MPU_RBAR_VALID (1U << 4)

/*
 * Four regions' register pairs (RBAR, then RASR or RLAR: 8 words) into
 * MPU_RBAR and its three aliases, two load-multiple and store-multiple pairs:
 * the aliases exist so that a store multiple sets several regions. ARMv7-M:
 * each RBAR word names its region (Z_ARM_MPU_RBAR_VALID); ARMv8-M: MPU_RNR
 * names the first of the four, a multiple of 4, whose low two bits each
 * alias replaces.
 */
static ALWAYS_INLINE void z_arm_mpu_regions4_store(const uint32_t *words)
{
	const uint32_t *src = words;
	uint32_t dst = (uint32_t)&MPU_RBAR;

	__asm__ volatile("ldm %[s]!, {r0-r3}\n\t"
			 "stm %[d]!, {r0-r3}\n\t"
			 "ldm %[s], {r0-r3}\n\t"
			 "stm %[d], {r0-r3}"
			 : [s] "+r"(src), [d] "+r"(dst)
			 :
			 : "r0", "r1", "r2", "r3", "memory");
}

/* Program the fixed regions and enable the MPU (boot). */
void z_arm_mpu_init(void);

/*
 * Load region 2: a user thread's user stack while it runs in user mode, the
 * running thread's stack guard while privileged code runs for it (ARMv7-M).
 */
void z_arm_mpu_region2_load(const uint32_t region[2]);

#endif /* BREEZE_ARM_MPU_H */
