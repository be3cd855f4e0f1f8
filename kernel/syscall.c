/*
 * Kernel side of system calls (CONFIG_USERSPACE): copies between user and
 * kernel memory, checked against the caller's own regions, and the small
 * calls that belong to no object (console output, the null call).
 */
#include <string.h>
#include <ksched.h>
#include <syscall_handler.h>
#include <arch_interface.h>
#include <breeze/sys/console.h>

bool z_syscall_in_progress(void)
{
	return (_current->base.user_options & K_USER) != 0U && !k_is_in_isr();
}

bool z_syscall_fail(Z_SYSCALL_SITE_PARAMS)
{
#ifdef CONFIG_PRINTK
	printk("system call check failed in %s, line %d\n", func, line);
#endif
	return true;
}

#ifdef CONFIG_PRINTK
#define SITE func, line
#else
#define SITE
#endif

bool z_syscall_mem_check(const void *ptr, size_t size, bool write Z_SYSCALL_SITE_MORE_PARAMS)
{
	if (arch_buffer_validate(ptr, size, write) == 0) {
		return false;
	}
	printk("buffer %p (%u bytes) not %s by the caller\n", ptr, (unsigned int)size,
	       write ? "writable" : "readable");
	return z_syscall_fail(SITE);
}

bool z_syscall_obj_check(const void *ptr, enum k_objects otype,
			 enum _obj_init_check init Z_SYSCALL_SITE_MORE_PARAMS)
{
	struct z_object *ko = k_object_find(ptr);
	int ret = ko != NULL ? k_object_validate(ko, otype, init)
			     : z_object_unregistered_error(ptr, otype);

	if (ret == 0) {
		return false;
	}
	printk("object %p refused (%d)\n", ptr, ret);
	return z_syscall_fail(SITE);
}

int z_usermode_from_copy_checked(void *dst, const void *src, size_t size)
{
	if (arch_buffer_validate(src, size, false) != 0) {
		printk("user buffer %p (%u bytes) is not readable by the caller\n", src,
		       (unsigned int)size);
		return -EFAULT;
	}
	memcpy(dst, src, size);
	return 0;
}

int z_usermode_to_copy_checked(void *dst, const void *src, size_t size)
{
	if (arch_buffer_validate(dst, size, true) != 0) {
		printk("user buffer %p (%u bytes) is not writable by the caller\n", dst,
		       (unsigned int)size);
		return -EFAULT;
	}
	memcpy(dst, src, size);
	return 0;
}

int k_usermode_string_copy(char *dst, const char *src, size_t maxlen)
{
	size_t readable = arch_user_readable_len(src);

	if (readable == 0U || maxlen == 0U) {
		return -EFAULT;
	}
	/*
	 * User memory is read once, and only the copy is measured: another user
	 * thread may rewrite the string meanwhile, so a second read could miss
	 * the terminator the first one found. Never past the caller's region,
	 * even for the terminator.
	 */
	size_t n = MIN(readable, maxlen);

	memcpy(dst, src, n);
	if (strnlen(dst, n) < n) {
		return 0;
	}
	dst[n - 1U] = '\0';
	return n == maxlen ? -EINVAL : -EFAULT;
}

#ifdef CONFIG_SERIAL /* the console's driver: without it there is no console to write to */
void z_impl_k_str_out(char *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		(void)z_console_putc((unsigned char)c[i]);
	}
}

void z_vrfy_k_str_out(char *c, size_t n)
{
	char piece[32];

	K_OOPS(K_SYSCALL_MEMORY_READ(c, n));
	/*
	 * Printed from a kernel copy, a piece at a time: the caller's regions
	 * may change during a long output, and each piece is checked as it is
	 * copied, once.
	 */
	for (size_t done = 0; done < n; done += sizeof(piece)) {
		size_t len = MIN(n - done, sizeof(piece));

		K_OOPS(k_usermode_from_copy(piece, c + done, len));
		z_impl_k_str_out(piece, len);
	}
}
#endif /* CONFIG_SERIAL */

int z_impl_k_syscall_null(void)
{
	return 0;
}

/* Nothing to check: the verifier is the call itself. */
int z_vrfy_k_syscall_null(void) __attribute__((alias("z_impl_k_syscall_null")));
