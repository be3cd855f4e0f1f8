/*
 * The virtio entropy device through the entropy API (a system call with user
 * mode compiled in): bytes that are not constant, lengths that are not a
 * multiple of the driver's chunk, and the canary seeded from it at boot. The
 * bytes and the canary are printed: two boots must differ (two_boots.cmake).
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/entropy.h>
#include <zephyr/ztest.h>

static const struct device *const rng = DEVICE_DT_GET(DT_CHOSEN(zephyr_entropy));

/* Kernel-internal: the value the kernel's canaries hold. */
uintptr_t z_stack_chk_guard_for(bool user);

static bool all_same(const uint8_t *b, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		if (b[i] != b[0]) {
			return false;
		}
	}
	return true;
}

ZTEST(entropy, test_device) {
	zassert_true(device_is_ready(rng));
	zassert_str_equal(rng->name, "entropy");
	zassert_equal(DT_REG_ADDR(DT_PARENT(DT_CHOSEN(zephyr_entropy))), 0x10008000);
}

ZTEST(entropy, test_bytes_vary) {
	uint8_t a[32];
	uint8_t b[32];

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	zassert_ok(entropy_get_entropy(rng, a, sizeof(a)));
	zassert_ok(entropy_get_entropy(rng, b, sizeof(b)));
	zassert_false(all_same(a, sizeof(a)));
	zassert_true(memcmp(a, b, sizeof(a)) != 0, "two requests, the same 32 bytes");
}

ZTEST(entropy, test_odd_and_long_lengths) {
	static uint8_t big[200];
	uint8_t guard[8];

	memset(big, 0, sizeof(big));
	memset(guard, 0xa5, sizeof(guard));
	zassert_ok(entropy_get_entropy(rng, big, 131));
	zassert_false(all_same(big + 100, 31), "the tail past the driver's chunks is filled");
	zassert_true(all_same(big + 131, sizeof(big) - 131) && big[131] == 0, "no overrun");
	zassert_ok(entropy_get_entropy(rng, guard, 0));
	zassert_true(all_same(guard, sizeof(guard)) && guard[0] == 0xa5);
	zassert_equal(entropy_get_entropy_isr(rng, guard, 3, 0), 3);
}

ZTEST(entropy, test_print_for_two_boots) {
	uint8_t b[8];

	zassert_ok(entropy_get_entropy(rng, b, sizeof(b)));
	printk("boot entropy: ");
	for (size_t i = 0; i < sizeof(b); i++) {
		printk("%02x", b[i]);
	}
	printk("\nboot canary: %08lx\n", (unsigned long)z_stack_chk_guard_for(false));
}

ZTEST_SUITE(entropy, NULL, NULL, NULL, NULL, NULL);
