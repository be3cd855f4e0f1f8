/*
 * <wait_q.h>, by the name Zephyr's kernel-internal header has: what its test
 * suites use of it to look at an object's waiters (z_waitq_head() and kin).
 * This folder is on the include path of applications only; it holds headers
 * Zephyr keeps among its kernel's own and code written for Zephyr includes by
 * their bare names.
 */
#ifndef BREEZE_ZEPHYR_INTERNAL_WAIT_Q_H
#define BREEZE_ZEPHYR_INTERNAL_WAIT_Q_H

#include <zephyr/kernel.h>
#include <breeze/kernel/wait_q.h>

#endif /* BREEZE_ZEPHYR_INTERNAL_WAIT_Q_H */
