/*
 * The random number generator of sys_rand_get(): xoshiro128 (Blackman and
 * Vigna), 128 bits of state, period 2^128 - 1, with the ** scrambler for
 * CONFIG_TEST_RANDOM_GENERATOR and the ++ one for
 * CONFIG_XOSHIRO_RANDOM_GENERATOR (Zephyr's names). Not cryptographic (see
 * <breeze/random/random.h>).
 *
 * The state is kernel memory under its own lock, held for one step (a few
 * instructions). It is seeded on first use: with XOSHIRO from the
 * devicetree's zephyr,entropy device, otherwise (or if the device fails) from
 * the 64-bit cycle counter spread over the four words by splitmix32; no word
 * is left zero.
 */
#include <string.h>
#include <breeze/random/random.h>
#include <breeze/devicetree.h>

#if defined(CONFIG_XOSHIRO_RANDOM_GENERATOR) && DT_HAS_CHOSEN(zephyr_entropy)
#include <breeze/drivers/entropy.h>
#define SEED_FROM_ENTROPY 1
#endif

static struct k_spinlock rand_lock;
static uint32_t state[4];
static bool seeded;

static uint32_t splitmix32(uint32_t *x)
{
	uint32_t z = (*x += 0x9e3779b9U);

	z = (z ^ (z >> 16)) * 0x85ebca6bU;
	z = (z ^ (z >> 13)) * 0xc2b2ae35U;
	return z ^ (z >> 16);
}

#ifdef SEED_FROM_ENTROPY
/* The whole state from the entropy device; false if it is not there or fails. */
static bool seed_from_entropy(void)
{
	const struct device *dev = DEVICE_DT_GET(DT_CHOSEN(zephyr_entropy));

	/* The ISR form: it never sleeps, and we hold the generator's lock. */
	if (!device_is_ready(dev) || entropy_get_entropy_isr(dev, (uint8_t *)state, sizeof(state),
							     0U) != (int)sizeof(state)) {
		return false;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(state); i++) {
		if (state[i] == 0U) {
			state[i] = 0x9e3779b9U + i; /* an all-zero state would stay zero */
		}
	}
	return true;
}
#endif

static void seed_locked(void)
{
	uint64_t cycles = k_cycle_get_64();
	uint32_t x = (uint32_t)cycles ^ (uint32_t)(cycles >> 32);

	seeded = true;
#ifdef SEED_FROM_ENTROPY
	if (seed_from_entropy()) {
		return;
	}
#endif
	for (unsigned int i = 0; i < ARRAY_SIZE(state); i++) {
		do {
			state[i] = splitmix32(&x);
		} while (state[i] == 0U);
	}
}

static inline uint32_t rotl(uint32_t x, unsigned int k)
{
	return (x << k) | (x >> (32U - k));
}

static uint32_t next(void)
{
	k_spinlock_key_t key = k_spin_lock(&rand_lock);

	if (!seeded) {
		seed_locked();
	}
#ifdef CONFIG_XOSHIRO_RANDOM_GENERATOR
	uint32_t result = rotl(state[0] + state[3], 7) + state[0];
#else
	uint32_t result = rotl(state[1] * 5U, 7) * 9U;
#endif
	uint32_t t = state[1] << 9;

	state[2] ^= state[0];
	state[3] ^= state[1];
	state[1] ^= state[2];
	state[0] ^= state[3];
	state[2] ^= t;
	state[3] = rotl(state[3], 11);
	k_spin_unlock(&rand_lock, key);
	return result;
}

void z_impl_sys_rand_get(void *dst, size_t len)
{
	uint8_t *p = dst;

	while (len > 0U) {
		uint32_t r = next();
		size_t n = MIN(len, sizeof(r));

		memcpy(p, &r, n);
		p += n;
		len -= n;
	}
}

#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>

/*
 * Bytes go out in small pieces from a kernel buffer, each copy checked again
 * (the caller's domain may shrink meanwhile); the first check refuses a
 * buffer the caller cannot write at all before any work is done.
 */
void z_vrfy_sys_rand_get(void *dst, size_t len)
{
	uint8_t chunk[32];
	uint8_t *p = dst;

	K_OOPS(K_SYSCALL_MEMORY_WRITE(dst, len));
	while (len > 0U) {
		size_t n = MIN(len, sizeof(chunk));

		z_impl_sys_rand_get(chunk, n);
		K_OOPS(k_usermode_to_copy(p, chunk, n));
		p += n;
		len -= n;
	}
}
#endif
