/*
 * The NMI on Cortex-M (CONFIG_RUNTIME_NMI): a driver whose device raises it
 * (a watchdog) installs its handler. Without one, an NMI is a fatal error.
 *
 * The handler runs in Handler mode at the NMI's priority, above everything,
 * locks included: it may touch only what it owns, and it causes no
 * rescheduling on its way out.
 */
#ifndef BREEZE_ARCH_ARM_NMI_H
#define BREEZE_ARCH_ARM_NMI_H

/* Install @handler (NULL: none); usable before the kernel starts. */
void z_arm_nmi_set_handler(void (*handler)(void));

#endif /* BREEZE_ARCH_ARM_NMI_H */
