/*
 * A header in the style of older Zephyr applications: the implementation
 * inline in the header, the generated wrappers included as <syscalls/...>.
 */
#ifndef TALLY_H
#define TALLY_H

#include <zephyr/kernel.h>

extern uint32_t tally_total;

/* Add @n to the tally: the new total. */
__syscall uint32_t tally_add(uint32_t n);

static inline uint32_t z_impl_tally_add(uint32_t n)
{
	tally_total += n;
	return tally_total;
}

#include <syscalls/tally.h>

#endif /* TALLY_H */
