/*
 * The entropy class's system call: the verifier accepts only a ready entropy
 * device the caller holds and a buffer the caller may write; the bytes are
 * produced into a kernel buffer and copied out a chunk at a time.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/entropy.h>
#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>
#endif

int z_impl_entropy_get_entropy(const struct device *dev, uint8_t *buffer, uint16_t length)
{
	const struct entropy_driver_api *api = dev->api;

	return api->get_entropy != NULL ? api->get_entropy(dev, buffer, length) : -ENOSYS;
}

#ifdef CONFIG_USERSPACE

int z_vrfy_entropy_get_entropy(const struct device *dev, uint8_t *buffer, uint16_t length)
{
	uint8_t chunk[32];

	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_ENTROPY));
	K_OOPS(K_SYSCALL_MEMORY_WRITE(buffer, length));
	for (uint16_t done = 0; done < length;) {
		uint16_t n = MIN((uint16_t)(length - done), (uint16_t)sizeof(chunk));
		int ret = z_impl_entropy_get_entropy(dev, chunk, n);

		if (ret != 0) {
			return ret;
		}
		K_OOPS(k_usermode_to_copy(buffer + done, chunk, n));
		done += n;
	}
	return 0;
}

#endif /* CONFIG_USERSPACE */
