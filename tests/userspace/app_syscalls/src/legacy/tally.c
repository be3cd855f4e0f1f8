/* The tally's verifier, static inline with its marshaller included after it, as in Zephyr. */
#include "tally.h"
#include <zephyr/syscall_handler.h>

uint32_t tally_total;

static inline uint32_t z_vrfy_tally_add(uint32_t n)
{
	/* Any value is fine; a tally of a million is not. */
	Z_OOPS(Z_SYSCALL_VERIFY_MSG(n < 1000000U, "tally step %u", n));
	return z_impl_tally_add(n);
}
#include <syscalls/tally_add_mrsh.c>
