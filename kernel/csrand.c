/*
 * sys_csrand_get(): cryptographically secure random bytes, straight from the
 * entropy device the devicetree chooses (zephyr,entropy) when
 * CONFIG_HARDWARE_DEVICE_CS_GENERATOR is on. There is no generator of
 * Breeze's own in between: every byte comes from the device (on
 * qemu_riscv32, virtio-rng, which the host feeds from its own secure
 * generator). Without the device, or with the option off, the call returns
 * -ENOTSUP and leaves the buffer as it was, rather than hand out predictable
 * bytes under a name that promises more.
 */
#include <breeze/kernel.h>
#include <breeze/devicetree.h>
#include <breeze/random/random.h>

#if defined(CONFIG_HARDWARE_DEVICE_CS_GENERATOR) && DT_HAS_CHOSEN(zephyr_entropy)
#include <breeze/drivers/entropy.h>

int z_impl_sys_csrand_get(void *dst, size_t len)
{
	const struct device *dev = DEVICE_DT_GET(DT_CHOSEN(zephyr_entropy));
	uint8_t *p = dst;

	if (!device_is_ready(dev)) {
		return -EIO;
	}
	/* The driver takes a 16-bit length: a long request goes in pieces. */
	while (len > 0U) {
		uint16_t n = (uint16_t)MIN(len, (size_t)UINT16_MAX);
		int ret = z_impl_entropy_get_entropy(dev, p, n);

		if (ret != 0) {
			return ret;
		}
		p += n;
		len -= n;
	}
	return 0;
}
#else
int z_impl_sys_csrand_get(void *dst, size_t len)
{
	ARG_UNUSED(dst);
	ARG_UNUSED(len);
	return -ENOTSUP;
}
#endif

#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>

/*
 * The bytes are made in a kernel buffer and copied out a chunk at a time,
 * each copy checked again; a buffer the caller cannot write at all is refused
 * before the device is asked for anything.
 */
int z_vrfy_sys_csrand_get(void *dst, size_t len)
{
	uint8_t chunk[32];
	uint8_t *p = dst;

	K_OOPS(K_SYSCALL_MEMORY_WRITE(dst, len));
	/* An empty request still says whether there is a source (-ENOTSUP, -EIO). */
	int ret = z_impl_sys_csrand_get(chunk, 0);

	while (ret == 0 && len > 0U) {
		size_t n = MIN(len, sizeof(chunk));

		ret = z_impl_sys_csrand_get(chunk, n);
		if (ret == 0) {
			K_OOPS(k_usermode_to_copy(p, chunk, n));
			p += n;
			len -= n;
		}
	}
	return ret;
}
#endif
