/*
 * The test random number generator: xoshiro128** (Blackman and Vigna), 128
 * bits of state, period 2^128 - 1. Not cryptographic (see
 * <breeze/random/random.h>).
 *
 * The state is kernel memory under its own lock, held for one step (a few
 * instructions). It is seeded on first use from the 64-bit cycle counter,
 * spread over the four words by splitmix32, so that no word is zero.
 */
#include <string.h>
#include <breeze/random/random.h>

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

static void seed_locked(void)
{
	uint64_t cycles = k_cycle_get_64();
	uint32_t x = (uint32_t)cycles ^ (uint32_t)(cycles >> 32);

	for (unsigned int i = 0; i < ARRAY_SIZE(state); i++) {
		do {
			state[i] = splitmix32(&x);
		} while (state[i] == 0U);
	}
	seeded = true;
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
	uint32_t result = rotl(state[1] * 5U, 7) * 9U;
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
