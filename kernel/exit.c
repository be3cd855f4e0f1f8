/*
 * Ending the run: the board decides what that means (QEMU: exit status).
 */
#include <breeze/kernel.h>
#include <arch_interface.h>

FUNC_NORETURN void sys_exit(int status)
{
	(void)arch_irq_lock();
	z_board_exit(status);
}

FUNC_NORETURN void sys_poweroff(void)
{
	sys_exit(0);
}
