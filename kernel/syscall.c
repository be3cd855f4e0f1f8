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

/*
 * What the out-of-line halves of the argument checks do when a check fails
 * (and, for objects, the whole look-up, which the inline half of the check
 * leaves to them) runs through a cold call, words in and out. Where the trap
 * zeroes only the registers a handler may leave written
 * (ARCH_SYSCALL_NONBLOCKING_EXITS), the port's scrubbing call keeps what
 * that code writes (the registry's addresses; printing, whose calls through
 * the console driver's pointers that analysis cannot follow) out of every
 * handler's count: a getter whose object check could fail still skips
 * zeroing what its own code never writes. A buffer's walk of the caller's
 * regions stays a plain call: no call that never waits takes a buffer, and
 * the walk is what a buffer check missing its remembered partition costs.
 */
#ifdef ARCH_SYSCALL_NONBLOCKING_EXITS
#define COLD_CALL(fn, ...) arch_syscall_cold_call(fn, __VA_ARGS__)
#else
/* A direct call, which the compiler inlines where it has one caller. */
#define COLD_CALL(fn, ...) fn(__VA_ARGS__)
#endif

#ifdef CONFIG_PRINTK
#define SITE_WORDS (uintptr_t) func, (uintptr_t)line
#else
#define SITE_WORDS 0U, 0U
#endif

/* What a failed check refused, for its report. */
enum refusal {
	REFUSED_CHECK,
	REFUSED_BUFFER,
	REFUSED_OBJECT,
};

/* Report a failed check (six words, for COLD_CALL()); true, the check's result. */
static uintptr_t refused(uintptr_t kind, uintptr_t ptr, uintptr_t n, uintptr_t write,
			 uintptr_t func, uintptr_t line)
{
#ifdef CONFIG_PRINTK
	if (kind == REFUSED_BUFFER) {
		printk("buffer %p (%u bytes) not %s by the caller\n", (void *)ptr, (unsigned int)n,
		       write != 0U ? "writable" : "readable");
	} else if (kind == REFUSED_OBJECT) {
		printk("object %p refused (%d)\n", (void *)ptr, (int)n);
	}
	printk("system call check failed in %s, line %d\n", (const char *)func, (int)line);
#else
	ARG_UNUSED(kind);
	ARG_UNUSED(ptr);
	ARG_UNUSED(n);
	ARG_UNUSED(write);
	ARG_UNUSED(func);
	ARG_UNUSED(line);
#endif
	return true;
}

static uintptr_t obj_check_slow(uintptr_t ptr, uintptr_t otype, uintptr_t init, uintptr_t func,
				uintptr_t line, uintptr_t a5)
{
	struct z_object *ko = k_object_find((const void *)ptr);
	int ret = ko != NULL
		      ? k_object_validate(ko, (enum k_objects)otype, (enum _obj_init_check)init)
		      : z_object_unregistered_error((const void *)ptr, (enum k_objects)otype);

	ARG_UNUSED(a5);
	if (ret == 0) {
		return false;
	}
	return refused(REFUSED_OBJECT, ptr, (uintptr_t)ret, 0U, func, line);
}

bool z_syscall_fail(Z_SYSCALL_SITE_PARAMS)
{
	return COLD_CALL(refused, REFUSED_CHECK, 0U, 0U, 0U, SITE_WORDS) != 0U;
}

bool z_syscall_mem_check(const void *ptr, size_t size, bool write Z_SYSCALL_SITE_MORE_PARAMS)
{
	if (arch_buffer_validate(ptr, size, write) == 0) {
		return false;
	}
	return COLD_CALL(refused, REFUSED_BUFFER, (uintptr_t)ptr, size, write, SITE_WORDS) != 0U;
}

bool z_syscall_obj_check(const void *ptr, enum k_objects otype,
			 enum _obj_init_check init Z_SYSCALL_SITE_MORE_PARAMS)
{
	return COLD_CALL(obj_check_slow, (uintptr_t)ptr, otype, init, SITE_WORDS, 0U) != 0U;
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
