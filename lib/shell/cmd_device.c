/*
 * "device list": every device of the image (DEVICE_DT_* definitions, in the
 * device iterable section, in init order), its driver class and whether its
 * init succeeded.
 */
#include <breeze/kernel.h>
#include <breeze/device.h>
#include "shell_internal.h"

static const char *class_of(const struct device *dev)
{
	switch (dev->obj_type) {
	case K_OBJ_DRIVER_UART:
		return "uart";
	case K_OBJ_DRIVER_RTC:
		return "rtc";
	case K_OBJ_DRIVER_ENTROPY:
		return "entropy";
	case K_OBJ_DRIVER_GPIO:
		return "gpio";
	case K_OBJ_DRIVER_COUNTER:
		return "counter";
	case K_OBJ_DRIVER_WDT:
		return "watchdog";
	default:
		return "other";
	}
}

static int cmd_list(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	shell_print(sh, "devices:");
	STRUCT_SECTION_FOREACH(device, dev) {
		shell_print(sh, "- %s (%s, %s)", dev->name, class_of(dev),
			    device_is_ready(dev) ? "READY" : "DISABLED");
	}
	return 0;
}

SHELL_STATIC_SUBCMD_SET_CREATE(sub_device, SHELL_CMD(list, NULL, "List the devices.", cmd_list),
			       SHELL_SUBCMD_SET_END);
SHELL_CMD_REGISTER(device, &sub_device, "Device commands", NULL);
