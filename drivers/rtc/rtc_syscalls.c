/*
 * The RTC class's system calls: dispatch through the device's API table;
 * the verifiers accept only a ready RTC device the caller holds and copy the
 * caller's struct rtc_time in or out once.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/rtc.h>
#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>
#endif

int z_impl_rtc_set_time(const struct device *dev, const struct rtc_time *timeptr)
{
	const struct rtc_driver_api *api = dev->api;

	return api->set_time != NULL ? api->set_time(dev, timeptr) : -ENOSYS;
}

int z_impl_rtc_get_time(const struct device *dev, struct rtc_time *timeptr)
{
	const struct rtc_driver_api *api = dev->api;

	return api->get_time != NULL ? api->get_time(dev, timeptr) : -ENOSYS;
}

#ifdef CONFIG_USERSPACE

int z_vrfy_rtc_set_time(const struct device *dev, const struct rtc_time *timeptr)
{
	struct rtc_time copy;

	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_RTC));
	K_OOPS(k_usermode_from_copy(&copy, timeptr, sizeof(copy)));
	return z_impl_rtc_set_time(dev, &copy);
}

int z_vrfy_rtc_get_time(const struct device *dev, struct rtc_time *timeptr)
{
	struct rtc_time copy = { 0 };

	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_RTC));
	K_OOPS(K_SYSCALL_MEMORY_WRITE(timeptr, sizeof(*timeptr)));
	int ret = z_impl_rtc_get_time(dev, &copy);

	if (ret == 0) {
		K_OOPS(k_usermode_to_copy(timeptr, &copy, sizeof(copy)));
	}
	return ret;
}

#endif /* CONFIG_USERSPACE */
