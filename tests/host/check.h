/*
 * Minimal assertion helper for the host unit tests.
 *
 * A failed check prints file:line, the expression (and both values for the
 * _EQ forms) and exits with status 1, so CTest sees the failure and the first
 * broken invariant is the one reported. check_done() prints one summary line
 * so a run that silently checked nothing is visible.
 */
#ifndef BREEZE_TESTS_HOST_CHECK_H
#define BREEZE_TESTS_HOST_CHECK_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned long check_count;

/* Context printed with a failure, e.g. the step number of a random test. */
static const char *check_context_name;
static uint64_t check_context_value;

static inline void check_set_context(const char *name, uint64_t value)
{
	check_context_name = name;
	check_context_value = value;
}

static inline void check_fail(const char *file, int line, const char *expr)
{
	fprintf(stderr, "%s:%d: CHECK failed: %s\n", file, line, expr);
	if (check_context_name != NULL) {
		fprintf(stderr, "  (%s = %" PRIu64 ")\n", check_context_name, check_context_value);
	}
	exit(1);
}

static inline void check_u64_eq(const char *file, int line, const char *expr, uint64_t actual,
				uint64_t expected)
{
	check_count++;
	if (actual != expected) {
		fprintf(stderr,
			"%s:%d: CHECK_EQ failed: %s\n  actual   %" PRIu64 " (0x%" PRIx64
			")\n  expected %" PRIu64 " (0x%" PRIx64 ")\n",
			file, line, expr, actual, actual, expected, expected);
		check_fail(file, line, expr);
	}
}

static inline void check_ptr_eq(const char *file, int line, const char *expr, const void *actual,
				const void *expected)
{
	check_count++;
	if (actual != expected) {
		fprintf(stderr, "%s:%d: CHECK_PTR_EQ failed: %s\n  actual   %p\n  expected %p\n",
			file, line, expr, actual, expected);
		check_fail(file, line, expr);
	}
}

#define CHECK(cond)                                            \
	do {                                                   \
		check_count++;                                 \
		if (!(cond)) {                                 \
			check_fail(__FILE__, __LINE__, #cond); \
		}                                              \
	} while (0)

/* Unsigned comparison: both sides are converted to uint64_t. */
#define CHECK_EQ(actual, expected)                                                     \
	check_u64_eq(__FILE__, __LINE__, #actual " == " #expected, (uint64_t)(actual), \
		     (uint64_t)(expected))

/* Signed values (e.g. -1 from prio_bitmap_first) are compared via int64_t. */
#define CHECK_EQ_INT(actual, expected)                                                          \
	check_u64_eq(__FILE__, __LINE__, #actual " == " #expected, (uint64_t)(int64_t)(actual), \
		     (uint64_t)(int64_t)(expected))

#define CHECK_PTR_EQ(actual, expected) \
	check_ptr_eq(__FILE__, __LINE__, #actual " == " #expected, (actual), (expected))

/* Print the summary line; returns the process exit status for main(). */
static inline int check_done(const char *unit)
{
	if (check_count == 0U) {
		fprintf(stderr, "%s: no checks ran\n", unit);
		return 1;
	}
	printf("%s: %lu checks passed\n", unit, check_count);
	return 0;
}

/*
 * Deterministic pseudo-random numbers (splitmix64) for the model tests: a
 * fixed seed makes every failure reproducible.
 */
static uint64_t check_rng_state;

static inline void check_rng_seed(uint64_t seed)
{
	check_rng_state = seed;
}

static inline uint64_t check_rng_next(void)
{
	uint64_t z = (check_rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform enough in [0, n) for test purposes (n > 0). */
static inline uint32_t check_rng_below(uint32_t n)
{
	return (uint32_t)(check_rng_next() % n);
}

#endif /* BREEZE_TESTS_HOST_CHECK_H */
