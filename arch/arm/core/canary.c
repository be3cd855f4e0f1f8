/*
 * The stack canary on Cortex-M. GCC's Arm code reads the canary from the
 * global __stack_chk_guard (it has no TLS guard without a hardware thread
 * register), so kernel and user code share one value, which user threads must
 * be able to read: it lives with the read-only data in the region every user
 * thread may read, and is written once, at boot, before any protected frame
 * can return. The user-mode copy being readable is the price of GCC's choice:
 * a user thread learns the kernel's canary, though it still cannot write any
 * kernel stack. (RISC-V keeps separate kernel and user canaries in the TLS
 * blocks, see kernel/tls.c.)
 */
#include <stdint.h>
#include <arch_interface.h>
#include <cortex_m.h>

uintptr_t __stack_chk_guard __attribute__((section(".rodata.z_arm_canary"), used));

void z_arm_stack_chk_guard_set(uintptr_t guard)
{
	unsigned int key = arch_irq_lock();
	uint32_t ctrl = MPU_CTRL;

	/* The read-only data is read-only for the kernel too: lift the MPU for one store. */
	MPU_CTRL = 0;
	z_arm_dsb_isb();
	__stack_chk_guard = guard;
	MPU_CTRL = ctrl;
	z_arm_dsb_isb();
	arch_irq_unlock(key);
}
