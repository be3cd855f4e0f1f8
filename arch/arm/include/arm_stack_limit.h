/*
 * ARMv8-M stack limits (CONFIG_HW_STACK_PROTECTION, arch/arm/core/stack_limit.c):
 * what the fault code needs of them.
 */
#ifndef BREEZE_ARM_STACK_LIMIT_H
#define BREEZE_ARM_STACK_LIMIT_H

#include <stdbool.h>
#include <stdint.h>

struct arch_esf;

/* Whether a stack limit fault's @frame was never stacked (the limit refused it). */
bool z_arm_stack_frame_lost(const uint32_t *frame, uint32_t exc_return);

/* (z_arm_stack_overflow(), the report and its policy: <arm_irq.h>.) */

/* The fault entry's C part: z_arm_fault(), then MSPLIM back where the entry lowered it. */
void z_arm_fault_on_reserve(uint32_t *frame, const uint32_t *regs, uint32_t exc_return);

#endif /* BREEZE_ARM_STACK_LIMIT_H */
