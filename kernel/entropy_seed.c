/*
 * The stack canary secrets from the devicetree's zephyr,entropy device: at
 * the end of PRE_KERNEL_2 (the entropy driver initialises in PRE_KERNEL_1),
 * so before the idle and main threads get their TLS blocks. Without the
 * device, or if it failed, the timer-based seed stays.
 */
#include <breeze/kernel.h>
#include <breeze/devicetree.h>
#include <kernel_internal.h>

#if DT_HAS_CHOSEN(zephyr_entropy) && defined(CONFIG_ENTROPY_GENERATOR) && \
    defined(CONFIG_STACK_CANARIES)
#include <breeze/drivers/entropy.h>

static int entropy_seed_canaries(void)
{
	const struct device *dev = DEVICE_DT_GET(DT_CHOSEN(zephyr_entropy));
	uint8_t seed[16];

	if (device_is_ready(dev) && z_impl_entropy_get_entropy(dev, seed, sizeof(seed)) == 0) {
		z_stack_chk_guard_seed(seed, sizeof(seed));
	} else {
		printk("stack canaries: no entropy from %s, timer seed kept\n", dev->name);
	}
	return 0;
}

SYS_INIT(entropy_seed_canaries, PRE_KERNEL_2, 999);
#endif
