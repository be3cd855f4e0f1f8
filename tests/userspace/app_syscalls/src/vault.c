/*
 * The vault: implementations, and verifiers that check every argument a user
 * thread passes with the kernel's checks, copying user memory once.
 */
#include <string.h>
#include <vault.h>
#include <zephyr/internal/syscall_handler.h>

static uint8_t kept[VAULT_SIZE];
static size_t kept_len;

int z_impl_vault_store(const void *data, size_t len)
{
	if (len > VAULT_SIZE) {
		return -EINVAL;
	}
	memcpy(kept, data, len);
	kept_len = len;
	return 0;
}

int z_impl_vault_fetch(void *buf, size_t len)
{
	if (len < kept_len) {
		return -ENOSPC;
	}
	memcpy(buf, kept, kept_len);
	return (int)kept_len;
}

int z_impl_vault_signal(struct k_sem *sem)
{
	k_sem_give(sem);
	return 0;
}

int64_t z_impl_vault_add64(int64_t a, uint32_t b)
{
	return a + b;
}

uint32_t z_impl_vault_sum7(uint32_t a, uint32_t b, uint32_t c, uint32_t d, uint32_t e, uint32_t f,
			   uint32_t g)
{
	return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g;
}

#ifdef CONFIG_USERSPACE
static inline int z_vrfy_vault_store(const void *data, size_t len)
{
	uint8_t copy[VAULT_SIZE];

	if (len > VAULT_SIZE) {
		return -EINVAL; /* a bad length is an error, not a fault */
	}
	K_OOPS(k_usermode_from_copy(copy, data, len));
	return z_impl_vault_store(copy, len);
}
#include <zephyr/syscalls/vault_store_mrsh.c>

static inline int z_vrfy_vault_fetch(void *buf, size_t len)
{
	uint8_t copy[VAULT_SIZE];
	int ret;

	K_OOPS(K_SYSCALL_MEMORY_WRITE(buf, len));
	ret = z_impl_vault_fetch(copy, sizeof(copy));
	if (ret > 0 && (size_t)ret > len) {
		return -ENOSPC;
	}
	if (ret > 0) {
		K_OOPS(k_usermode_to_copy(buf, copy, (size_t)ret));
	}
	return ret;
}
#include <zephyr/syscalls/vault_fetch_mrsh.c>

static inline int z_vrfy_vault_signal(struct k_sem *sem)
{
	K_OOPS(K_SYSCALL_OBJ(sem, K_OBJ_SEM));
	return z_impl_vault_signal(sem);
}
#include <zephyr/syscalls/vault_signal_mrsh.c>

static inline int64_t z_vrfy_vault_add64(int64_t a, uint32_t b)
{
	return z_impl_vault_add64(a, b);
}
#include <zephyr/syscalls/vault_add64_mrsh.c>

static inline uint32_t z_vrfy_vault_sum7(uint32_t a, uint32_t b, uint32_t c, uint32_t d, uint32_t e,
					 uint32_t f, uint32_t g)
{
	return z_impl_vault_sum7(a, b, c, d, e, f, g);
}
#include <zephyr/syscalls/vault_sum7_mrsh.c>
#endif
