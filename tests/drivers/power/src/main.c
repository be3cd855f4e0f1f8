/*
 * sys_poweroff() or sys_reboot() (TEST_REBOOT) through the devicetree's
 * syscon-poweroff and syscon-reboot devices.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/sys/poweroff.h>
#include <zephyr/sys/reboot.h>

int main(void)
{
	printk("devices: poweroff %s, reboot %s\n",
	       device_is_ready(DEVICE_DT_GET(DT_NODELABEL(poweroff))) ? "ready" : "NOT READY",
	       device_is_ready(DEVICE_DT_GET(DT_NODELABEL(reboot))) ? "ready" : "NOT READY");
#ifdef TEST_REBOOT
	printk("calling sys_reboot\n");
	sys_reboot(SYS_REBOOT_COLD);
#else
	printk("calling sys_poweroff\n");
	sys_poweroff();
#endif
	printk("still running\n");
	sys_exit(3);
	return 0;
}
