/*
 * A small service of the application's own, reached from user mode through
 * its own system calls: a vault of bytes kept in supervisor memory, a
 * semaphore the vault gives on request, and calls whose arguments exercise
 * every way arguments travel (64-bit words, more than six words).
 */
#ifndef VAULT_H
#define VAULT_H

#include <zephyr/kernel.h>

#define VAULT_SIZE 32

/* Keep @len bytes of @data (replacing what was kept): 0, or -EINVAL when too long. */
__syscall int vault_store(const void *data, size_t len);

/* Copy what is kept into @buf (@len bytes long): the bytes copied, -ENOSPC if too short. */
__syscall int vault_fetch(void *buf, size_t len);

/* Give @sem (the caller must hold it): 0. */
__syscall int vault_signal(struct k_sem *sem);

/* @a + @b, a 64-bit result from 64-bit and 32-bit arguments. */
__syscall int64_t vault_add64(int64_t a, uint32_t b);

/* A weighted sum of seven words (more than the six that travel in registers). */
__syscall uint32_t vault_sum7(uint32_t a, uint32_t b, uint32_t c, uint32_t d, uint32_t e,
			      uint32_t f, uint32_t g);

#include <zephyr/syscalls/vault.h>

#endif /* VAULT_H */
