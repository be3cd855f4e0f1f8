/*
 * The timeout record embedded in threads and other timed objects.
 */
#ifndef BREEZE_KERNEL_TIMEOUT_TYPES_H
#define BREEZE_KERNEL_TIMEOUT_TYPES_H

#include <stdint.h>
#include <breeze/sys/dlist.h>

struct _timeout;
typedef void (*_timeout_func_t)(struct _timeout *t);

/* An entry of the timeout list: fires when the cycle counter reaches expiry. */
struct _timeout {
	sys_dnode_t node;
	uint64_t expiry;
	_timeout_func_t fn;
};

#endif /* BREEZE_KERNEL_TIMEOUT_TYPES_H */
