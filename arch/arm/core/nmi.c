/*
 * The NMI handler a driver installed (CONFIG_RUNTIME_NMI, <breeze/arch/arm/nmi.h>).
 * The vector (vector_table.S) calls it, or reports a fatal error without one.
 */
#include <stddef.h>
#include <breeze/arch/arm/nmi.h>

void (*volatile z_arm_nmi_handler)(void);

void z_arm_nmi_set_handler(void (*handler)(void))
{
	z_arm_nmi_handler = handler;
}
