/*
 * Entropy driver class, Zephyr's API: random bytes from a hardware source.
 * entropy_get_entropy() is a system call.
 */
#ifndef BREEZE_DRIVERS_ENTROPY_H
#define BREEZE_DRIVERS_ENTROPY_H

#include <stdint.h>
#include <breeze/kernel.h>
#include <breeze/device.h>

#define ENTROPY_BUSYWAIT BIT(0)

struct entropy_driver_api {
	int (*get_entropy)(const struct device *dev, uint8_t *buffer, uint16_t length);
	int (*get_entropy_isr)(const struct device *dev, uint8_t *buffer, uint16_t length,
			       uint32_t flags);
};

/* Fill @buffer with @length random bytes: 0, or -EIO when the source failed. */
__syscall int entropy_get_entropy(const struct device *dev, uint8_t *buffer, uint16_t length);

/* The same from an interrupt handler (supervisor): the number of bytes, or -errno. */
static inline int entropy_get_entropy_isr(const struct device *dev, uint8_t *buffer,
					  uint16_t length, uint32_t flags)
{
	const struct entropy_driver_api *api = dev->api;

	return api->get_entropy_isr != NULL ? api->get_entropy_isr(dev, buffer, length, flags)
					    : -ENOSYS;
}

#endif /* BREEZE_DRIVERS_ENTROPY_H */
