/*
 * Ending the run: the board decides what that means (QEMU: exit status).
 */
#include <breeze/kernel.h>
#include <arch_interface.h>
#include <breeze/tracing.h>

FUNC_NORETURN void sys_exit(int status)
{
	(void)arch_irq_lock();
	sys_port_trace_sys_exit(status);
	z_board_exit(status);
}

/* Boards without a poweroff device in their devicetree: the exit with status 0. */
__weak FUNC_NORETURN void z_sys_poweroff(void)
{
	z_board_exit(0);
}

FUNC_NORETURN void sys_poweroff(void)
{
	(void)arch_irq_lock();
	sys_port_trace_sys_exit(0);
	z_sys_poweroff();
}
