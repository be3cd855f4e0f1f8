/*
 * sys_poweroff() and sys_reboot() through the devicetree's "syscon-poweroff"
 * and "syscon-reboot" nodes: each writes its 'value' at 'offset' in the
 * registers of the syscon node its 'regmap' names (on QEMU 'virt', the SiFive
 * test device: 0x5555 powers off, 0x7777 resets).
 */
#include <breeze/kernel.h>
#include <breeze/device.h>
#include <breeze/sys/reboot.h>
#include <arch_interface.h>

struct syscon_power_config {
	uintptr_t reg;
	uint32_t value;
};

static FUNC_NORETURN void syscon_write(const struct device *dev)
{
	const struct syscon_power_config *cfg = dev->config;

	(void)arch_irq_lock();
	*(volatile uint32_t *)cfg->reg = cfg->value;
	arch_cpu_halt(); /* the write takes effect at once on QEMU; a real part may lag */
}

#define SYSCON_POWER_DEFINE(node_id)                                                           \
	static const struct syscon_power_config DT_CAT(syscon_cfg_, DT_DEP_ORD(node_id)) = {   \
		.reg = DT_REG_ADDR(DT_PHANDLE(node_id, regmap)) + DT_PROP(node_id, offset),    \
		.value = DT_PROP(node_id, value),                                              \
	};                                                                                     \
	DEVICE_DT_DEFINE(node_id, NULL, NULL, NULL, &DT_CAT(syscon_cfg_, DT_DEP_ORD(node_id)), \
			 PRE_KERNEL_1, 1, NULL);

DT_FOREACH_STATUS_OKAY(syscon_poweroff, SYSCON_POWER_DEFINE)
DT_FOREACH_STATUS_OKAY(syscon_reboot, SYSCON_POWER_DEFINE)

#if DT_HAS_COMPAT_STATUS_OKAY(syscon_poweroff)
FUNC_NORETURN void z_sys_poweroff(void)
{
	syscon_write(DEVICE_DT_GET_ONE(syscon_poweroff));
}
#endif

#if DT_HAS_COMPAT_STATUS_OKAY(syscon_reboot)
FUNC_NORETURN void sys_reboot(int type)
{
	ARG_UNUSED(type); /* warm and cold are the same reset here */
	syscon_write(DEVICE_DT_GET_ONE(syscon_reboot));
}
#endif
