/*
 * End the run through Arm semihosting: SYS_EXIT_EXTENDED (0x20) with the
 * "application exit" reason and the status as its subcode, which QEMU turns
 * into its own exit status. QEMU must run with -semihosting-config
 * enable=on (boards/<board>/board.cmake).
 */
#include <stdint.h>
#include <arch_interface.h>

#define SYS_EXIT_EXTENDED            0x20U
#define ADP_STOPPED_APPLICATION_EXIT 0x20026U

FUNC_NORETURN void z_board_exit(int status)
{
	uint32_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status };
	register uint32_t r0 __asm__("r0") = SYS_EXIT_EXTENDED;
	register uint32_t *r1 __asm__("r1") = block;

	__asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
	arch_cpu_halt();
}
