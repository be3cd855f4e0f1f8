/*
 * Random numbers (CONFIG_TEST_RANDOM_GENERATOR).
 *
 * NOT CRYPTOGRAPHIC. sys_rand_get() and its helpers come from a xoshiro128**
 * generator seeded from the cycle counter on first use: fast, statistically
 * good, and predictable by anyone who sees a few outputs or knows the boot
 * timing (under QEMU's -icount the sequence is the same on every run). Use it
 * for tests, jitter and backoff, never for keys, nonces or anything an
 * attacker must not guess.
 *
 * sys_csrand_get() is the cryptographic interface: with
 * CONFIG_HARDWARE_DEVICE_CS_GENERATOR (on by default with the test generator
 * on a board with an entropy device) every byte comes from the devicetree's
 * zephyr,entropy device. Without one it returns -ENOTSUP and leaves the
 * buffer as it was, rather than hand out the generator above under a name
 * that promises more.
 *
 * Both are system calls: user threads may fill buffers they can write.
 */
#ifndef BREEZE_RANDOM_RANDOM_H
#define BREEZE_RANDOM_RANDOM_H

#include <breeze/kernel.h>

/* Fill @dst with @len random bytes (not cryptographic). */
__syscall void sys_rand_get(void *dst, size_t len);

/*
 * Cryptographically secure bytes: 0 on success; -ENOTSUP without an entropy
 * source, or the device's error (-EIO), the buffer then not fully written.
 */
__syscall int sys_csrand_get(void *dst, size_t len);

static inline uint8_t sys_rand8_get(void)
{
	uint8_t r;

	sys_rand_get(&r, sizeof(r));
	return r;
}

static inline uint16_t sys_rand16_get(void)
{
	uint16_t r;

	sys_rand_get(&r, sizeof(r));
	return r;
}

static inline uint32_t sys_rand32_get(void)
{
	uint32_t r;

	sys_rand_get(&r, sizeof(r));
	return r;
}

static inline uint64_t sys_rand64_get(void)
{
	uint64_t r;

	sys_rand_get(&r, sizeof(r));
	return r;
}

#endif /* BREEZE_RANDOM_RANDOM_H */
