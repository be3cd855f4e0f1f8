/*
 * Stack canaries (CONFIG_STACK_CANARIES): -fstack-protector code saves the
 * canary of the running code's TLS block in each protected frame and calls
 * __stack_chk_fail() if it has changed when the function returns.
 *
 * Kernel TLS blocks all hold one secret value, kept here in kernel memory and
 * copied only into kernel TLS blocks (kernel/tls.c). Each user TLS block gets a
 * value of its own from a separate sequence, so reading one's own canary tells
 * a user thread nothing about the kernel's. Both come from the timer (the
 * kernel's at boot, each user one at thread creation): as unpredictable as the
 * timer is; on a board whose devicetree chooses a zephyr,entropy device,
 * its bytes are mixed in before the first thread (kernel/entropy_seed.c).
 */
#include <breeze/kernel.h>
#include <kernel_internal.h>
#include <arch_interface.h>

#ifdef CONFIG_STACK_CANARIES

static uintptr_t kernel_guard;
static uint32_t user_guard_state;

/* A bijective 32-bit mixer: spreads every input bit over the whole word. */
static uint32_t mix(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

/* A zero low byte stops string overflows from reproducing a canary. */
static uintptr_t as_canary(uint32_t x)
{
	uintptr_t c = (uintptr_t)x & ~(uintptr_t)0xff;

	return c != 0U ? c : 0x5a5a5a00U;
}

void z_stack_chk_guard_init(void)
{
	uint64_t now = sys_clock_cycle_get_64();

	kernel_guard = as_canary(mix((uint32_t)now ^ 0x9e3779b9U));
	arch_stack_chk_guard_set(kernel_guard);
}

/*
 * Mix @seed (bytes from an entropy source) into both secrets. Only TLS blocks
 * set up afterwards get the new kernel value: the running boot context keeps
 * the canary its live frames were entered with.
 */
void z_stack_chk_guard_seed(const uint8_t *seed, size_t len)
{
	uint32_t k = (uint32_t)kernel_guard;

	for (size_t i = 0; i < len; i++) {
		k = mix(k ^ ((uint32_t)seed[i] << (8U * (i % 4U))));
		user_guard_state = mix(user_guard_state + k + 0x632be5abU);
	}
	kernel_guard = as_canary(k);
}

uintptr_t z_stack_chk_guard_for(bool user)
{
	if (!user) {
		return kernel_guard;
	}
	/* Stirred with the time of each creation, never with the kernel's value. */
	user_guard_state = mix(user_guard_state + 0x632be5abU + (uint32_t)sys_clock_cycle_get_64());
	return as_canary(user_guard_state);
}

FUNC_NORETURN void __stack_chk_fail(void)
{
	ARCH_EXCEPT(K_ERR_STACK_CHK_FAIL);
}

#else

void z_stack_chk_guard_init(void)
{
}

void z_stack_chk_guard_seed(const uint8_t *seed, size_t len)
{
	ARG_UNUSED(seed);
	ARG_UNUSED(len);
}

uintptr_t z_stack_chk_guard_for(bool user)
{
	ARG_UNUSED(user);
	return 0;
}

#endif
