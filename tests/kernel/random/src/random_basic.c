/*
 * The random generator (xoshiro128** or, in variant "xoshiro", xoshiro128++
 * seeded from the entropy device): words differ, every bit position is about as
 * often 1 as 0, buffers of any length are filled exactly (no byte past the
 * end), the width helpers work; sys_csrand_get() fills from the entropy
 * device, or, without CONFIG_HARDWARE_DEVICE_CS_GENERATOR, refuses with
 * -ENOTSUP, buffer untouched. The sequence is deterministic under -icount, so the
 * statistical bounds (seven standard deviations) cannot flake.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/random/random.h>

ZTEST_SUITE(random, NULL, NULL, NULL, NULL, NULL);

ZTEST(random, test_words_differ) {
	static uint32_t w[64];

	for (unsigned int i = 0; i < ARRAY_SIZE(w); i++) {
		w[i] = sys_rand32_get();
		for (unsigned int j = 0; j < i; j++) {
			zassert_not_equal(w[i], w[j], "word %u repeats word %u", i, j);
		}
	}
}

ZTEST(random, test_bits_balanced) {
	static unsigned int ones[32];
	const unsigned int n = 1024;

	memset(ones, 0, sizeof(ones));
	for (unsigned int i = 0; i < n; i++) {
		uint32_t r = sys_rand32_get();

		for (unsigned int b = 0; b < 32; b++) {
			ones[b] += (r >> b) & 1U;
		}
	}
	/* Binomial(1024, 1/2): mean 512, standard deviation 16. */
	for (unsigned int b = 0; b < 32; b++) {
		zassert_between_inclusive(ones[b], 512 - 112, 512 + 112, "bit %u: %u ones", b,
					  ones[b]);
	}
}

ZTEST(random, test_fill_exact_length) {
	uint8_t buf[40];

	for (size_t len = 0; len <= 33; len++) {
		memset(buf, 0xa5, sizeof(buf));
		sys_rand_get(buf, len);
		for (size_t i = len; i < sizeof(buf); i++) {
			zassert_equal(buf[i], 0xa5, "len %u: byte %u written", (unsigned int)len,
				      (unsigned int)i);
		}
		if (len >= 8) {
			unsigned int same = 0;

			for (size_t i = 0; i < len; i++) {
				same += buf[i] == 0xa5 ? 1U : 0U;
			}
			zassert_true(same < len / 2, "len %u: barely filled", (unsigned int)len);
		}
	}
}

ZTEST(random, test_width_helpers) {
	uint64_t or64 = 0;
	uint32_t or16 = 0;
	uint32_t or8 = 0;

	for (unsigned int i = 0; i < 64; i++) {
		or64 |= sys_rand64_get();
		or16 |= sys_rand16_get();
		or8 |= sys_rand8_get();
	}
	zassert_equal(or64 >> 32, 0xffffffffU, "the high half is random too");
	zassert_equal(or16, 0xffffU);
	zassert_equal(or8, 0xffU);
}

#ifdef CONFIG_HARDWARE_DEVICE_CS_GENERATOR
/*
 * From the entropy device: buffers of every length filled exactly, long ones
 * (several device requests) too, and two draws differ.
 */
ZTEST(random, test_csrand_from_device) {
	static uint8_t a[300], b[300];

	for (size_t len = 0; len <= 40; len++) {
		memset(a, 0x3c, sizeof(a));
		zassert_equal(sys_csrand_get(a, len), 0, "len %u", (unsigned int)len);
		for (size_t i = len; i < sizeof(a); i++) {
			zassert_equal(a[i], 0x3c, "len %u: byte %u written", (unsigned int)len,
				      (unsigned int)i);
		}
	}
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	zassert_equal(sys_csrand_get(a, sizeof(a)), 0);
	zassert_equal(sys_csrand_get(b, sizeof(b)), 0);
	zassert_true(memcmp(a, b, sizeof(a)) != 0, "two draws are the same");
	unsigned int zero = 0;

	for (size_t i = 0; i < sizeof(a); i++) {
		zero += a[i] == 0 ? 1U : 0U;
	}
	/* Binomial(300, 1/256): mean 1.2; 12 zero bytes would be absurd. */
	zassert_true(zero < 12, "%u zero bytes of %u", zero, (unsigned int)sizeof(a));
}
#else
/* No cryptographic source: -ENOTSUP, buffer untouched. */
ZTEST(random, test_csrand_not_supported) {
	uint8_t buf[16];

	memset(buf, 0x3c, sizeof(buf));
	zassert_equal(sys_csrand_get(buf, sizeof(buf)), -ENOTSUP);
	zassert_equal(sys_csrand_get(buf, 0), -ENOTSUP);
	for (size_t i = 0; i < sizeof(buf); i++) {
		zassert_equal(buf[i], 0x3c);
	}
}
#endif
