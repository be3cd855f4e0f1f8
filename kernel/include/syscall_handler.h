/*
 * Tools for system call verifiers (z_vrfy_*): every pointer, length and object
 * a user thread passes is checked here before the implementation sees it.
 *
 * Each K_SYSCALL_* check evaluates to 0 when the argument is acceptable and
 * non-zero (after printing why) when it is not; K_OOPS() turns a failed check
 * into a fatal error of the calling thread (K_ERR_KERNEL_OOPS): the thread is
 * aborted with a report naming the system call's return address, and nothing
 * else is affected.
 */
#ifndef BREEZE_SYSCALL_HANDLER_H
#define BREEZE_SYSCALL_HANDLER_H

#include <string.h>
#include <breeze/kernel.h>
#include <kobject_internal.h>
#include <kernel_structs.h>
#include <arch_interface.h>

/* A system call handler: argument words in, the result word out (a0). */
typedef uintptr_t (*z_syscall_handler_t)(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t a3,
					 uintptr_t a4, uintptr_t a5);

extern const z_syscall_handler_t z_syscall_table[];

/*
 * A nonblocking call's handler beside the point of the port's trap code where
 * it returns, for a port that returns from each by its own exit
 * (ARCH_SYSCALL_NONBLOCKING_EXITS).
 */
struct z_syscall_nonblocking {
	z_syscall_handler_t handler;
	const void *exit;
};

/*
 * True while kernel code acts for a user thread's system call: a user thread
 * runs kernel code only in system calls, interrupts (excluded here) and its
 * own fatal error. Out of line (kernel/syscall.c): only creation, init and
 * grant paths ask, and one copy is smaller than one per caller.
 */
bool z_syscall_in_progress(void);

/* End the calling user thread: a system call argument failed its check. */
FUNC_NORETURN void z_syscall_oops(void);

#define K_OOPS(expr)                      \
	do {                              \
		if (expr) {               \
			z_syscall_oops(); \
		}                         \
	} while (false)

/*
 * Out of line, so that each check costs a call rather than a format string:
 * they print what failed and where, and return true (the check failed).
 *
 * Where a check failed, for the report: the verifier and the line. Without
 * printk() nothing would print them: the checks then take no such arguments,
 * which would only weigh on the image (the functions' names alone were about
 * 0.5 KiB with user mode, passing them 4 to 8 bytes of code per check).
 */
#ifdef CONFIG_PRINTK
#define Z_SYSCALL_SITE_PARAMS      const char *func, int line
#define Z_SYSCALL_SITE             __func__, __LINE__
#define Z_SYSCALL_SITE_MORE_PARAMS , const char *func, int line
#define Z_SYSCALL_SITE_MORE        , __func__, __LINE__
#else
#define Z_SYSCALL_SITE_PARAMS void
#define Z_SYSCALL_SITE
#define Z_SYSCALL_SITE_MORE_PARAMS
#define Z_SYSCALL_SITE_MORE
#endif

bool z_syscall_fail(Z_SYSCALL_SITE_PARAMS);
bool z_syscall_mem_check(const void *ptr, size_t size, bool write Z_SYSCALL_SITE_MORE_PARAMS);
/* Cold: the inline check passes first in the common case (CONFIG_SPEED_OPTIMIZATIONS). */
__attribute__((cold)) bool
z_syscall_obj_check(const void *ptr, enum k_objects otype,
		    enum _obj_init_check init Z_SYSCALL_SITE_MORE_PARAMS);

/* The message arguments are accepted for Zephyr compatibility; the report gives the line. */
#define K_SYSCALL_VERIFY_MSG(expr, fmt, ...) (!(expr) && z_syscall_fail(Z_SYSCALL_SITE))
#define K_SYSCALL_VERIFY(expr)               K_SYSCALL_VERIFY_MSG(expr, "")

/*
 * 0 when [addr, addr + size) lies inside one region the current thread may
 * read (write = false) or write (write = true): its stack, a partition of its
 * domain, or (reading only) the shared code and read-only data. Wrapping
 * ranges are refused.
 */
int arch_buffer_validate(const void *addr, size_t size, bool write);

/*
 * Whether thread @t, in user mode, could write [addr, addr + size): its own
 * user stack or a writable partition of its memory domain. For a thread other
 * than the caller (futex.c: may the owner a lock word names share the word?);
 * its domain is read as it is now, without the domain lock.
 */
bool z_thread_may_write(const struct k_thread *t, const void *addr, size_t size);

/*
 * True when [addr, addr + size) lies on the calling thread's own user stack,
 * which it may read and write: most buffers do, and the test is inline.
 */
static ALWAYS_INLINE bool z_user_stack_holds(const void *addr, size_t size)
{
	const struct k_thread *t = _current;
	uintptr_t off = (uintptr_t)addr - t->userspace.user_stack_start;

	return off < t->userspace.user_stack_size && size <= t->userspace.user_stack_size - off;
}

/*
 * Built for speed, the next test is the partition the caller's last buffer
 * check found (_thread_userspace.buf_cache), valid while its domain keeps
 * the stamp it had then: a stamp is never given twice, so the same stamp
 * means the same partitions (mem_domain_internal.h). Zero-copy sharing puts
 * most other buffers there.
 */
#ifdef CONFIG_SPEED_OPTIMIZATIONS
static ALWAYS_INLINE bool z_user_partition_cached(const void *addr, size_t size, bool write)
{
	const struct k_thread *t = _current;
	uintptr_t off = (uintptr_t)addr - t->userspace.buf_cache.start;
	size_t room = write ? t->userspace.buf_cache.size_w : t->userspace.buf_cache.size_r;

	return off < room && size <= room - off &&
	       t->userspace.buf_cache.stamp ==
		   __atomic_load_n(&t->userspace.domain->stamp, __ATOMIC_RELAXED);
}
#else
#define z_user_partition_cached(addr, size, write) false
#endif

/*
 * The inline half of the buffer checks (K_SYSCALL_MEMORY(), the copies
 * below, the fast path of a verifier): true when the caller's stack or the
 * partition it used last holds the buffer. Anything else takes the full check
 * (which tests the stack first too). Built for size there is no inline half.
 */
#ifdef CONFIG_SPEED_OPTIMIZATIONS
#define K_SYSCALL_MEMORY_FAST(ptr, size, write)             \
	(z_user_stack_holds((const void *)(ptr), (size)) || \
	 z_user_partition_cached((const void *)(ptr), (size), (write)))
#else
#define K_SYSCALL_MEMORY_FAST(ptr, size, write) ((void)(ptr), (void)(size), (void)(write), false)
#endif
#define K_SYSCALL_MEMORY(ptr, size, write)           \
	(!K_SYSCALL_MEMORY_FAST(ptr, size, write) && \
	 z_syscall_mem_check((const void *)(ptr), (size), (write)Z_SYSCALL_SITE_MORE))
#define K_SYSCALL_MEMORY_READ(ptr, size)  K_SYSCALL_MEMORY(ptr, size, false)
#define K_SYSCALL_MEMORY_WRITE(ptr, size) K_SYSCALL_MEMORY(ptr, size, true)

/* Arrays: nmemb * size must not overflow either. */
#define K_SYSCALL_MEMORY_ARRAY(ptr, nmemb, size, write)                          \
	({                                                                       \
		size_t _bytes;                                                   \
		__builtin_mul_overflow((size_t)(nmemb), (size_t)(size), &_bytes) \
		    ? z_syscall_fail(Z_SYSCALL_SITE)                             \
		    : K_SYSCALL_MEMORY(ptr, _bytes, write);                      \
	})
#define K_SYSCALL_MEMORY_ARRAY_READ(ptr, nmemb, size) \
	K_SYSCALL_MEMORY_ARRAY(ptr, nmemb, size, false)
#define K_SYSCALL_MEMORY_ARRAY_WRITE(ptr, nmemb, size) \
	K_SYSCALL_MEMORY_ARRAY(ptr, nmemb, size, true)

/*
 * Object checks: type, permission, and initialisation state. Built for speed,
 * the passing case is inline; built for size, every check is one call.
 */
#ifdef CONFIG_SPEED_OPTIMIZATIONS
#define Z_SYSCALL_OBJ_CHECK(ptr, type, init)                                               \
	((type) == K_OBJ_ANY || (init) == _OBJ_INIT_FALSE ||                               \
		 !z_object_usable((const void *)(ptr), (type), (init), _current)           \
	     ? z_syscall_obj_check((const void *)(ptr), (type), (init)Z_SYSCALL_SITE_MORE) \
	     : false)
#else
#define Z_SYSCALL_OBJ_CHECK(ptr, type, init) \
	z_syscall_obj_check((const void *)(ptr), (type), (init)Z_SYSCALL_SITE_MORE)
#endif

/*
 * The hot verifiers whose one check is an object take two tail calls:
 *
 *	return K_SYSCALL_OBJ_FAST(sem, K_OBJ_SEM) ? z_impl_k_sem_take(sem, timeout)
 *						   : sem_take_checked(sem, timeout);
 *
 * A check that may call out and then go on forces the verifier to keep its
 * arguments in saved registers, a stack frame on every call; with the
 * passing case a tail call of the implementation and anything else one of
 * a cold Z_SYSCALL_SLOW_PATH function doing K_SYSCALL_OBJ_SLOW() (the full
 * check, which may still pass: an object whose header was wiped), the
 * common path needs no frame. Built for size, the fast test is left out.
 */
#ifdef CONFIG_SPEED_OPTIMIZATIONS
#define K_SYSCALL_OBJ_FAST(ptr, type) \
	likely(z_object_usable_cached((const void *)(ptr), (type), _current))
#define Z_SYSCALL_SLOW_PATH   __attribute__((noinline, cold))
#define Z_SYSCALL_OUT_OF_LINE __attribute__((noinline))
#else
#define K_SYSCALL_OBJ_FAST(ptr, type) false
#define Z_SYSCALL_SLOW_PATH           ALWAYS_INLINE
#define Z_SYSCALL_OUT_OF_LINE         ALWAYS_INLINE
#endif
#define K_SYSCALL_OBJ_SLOW(ptr, type) \
	z_syscall_obj_check((const void *)(ptr), (type), _OBJ_INIT_TRUE Z_SYSCALL_SITE_MORE)
#define K_SYSCALL_OBJ(ptr, type)            Z_SYSCALL_OBJ_CHECK(ptr, type, _OBJ_INIT_TRUE)
#define K_SYSCALL_OBJ_INIT(ptr, type)       Z_SYSCALL_OBJ_CHECK(ptr, type, _OBJ_INIT_ANY)
#define K_SYSCALL_OBJ_NEVER_INIT(ptr, type) Z_SYSCALL_OBJ_CHECK(ptr, type, _OBJ_INIT_FALSE)

/*
 * Copy between user and kernel memory after checking the user side; 0 or
 * -EFAULT. k_usermode_string_copy copies a NUL-terminated string of at most
 * @maxlen bytes including the NUL: -EFAULT if unreadable, -EINVAL if too long.
 * It reads the user string once; whatever it returns, @dst is terminated
 * (with -EINVAL it holds the first @maxlen - 1 bytes).
 */
int z_usermode_from_copy_checked(void *dst, const void *src, size_t size);
int z_usermode_to_copy_checked(void *dst, const void *src, size_t size);
int k_usermode_string_copy(char *dst, const char *src, size_t maxlen);

/* The caller's own stack needs no region walk (z_user_stack_holds()). */
static ALWAYS_INLINE int k_usermode_from_copy(void *dst, const void *src, size_t size)
{
	if (K_SYSCALL_MEMORY_FAST(src, size, false)) {
		memcpy(dst, src, size);
		return 0;
	}
	return z_usermode_from_copy_checked(dst, src, size);
}

static ALWAYS_INLINE int k_usermode_to_copy(void *dst, const void *src, size_t size)
{
	if (K_SYSCALL_MEMORY_FAST(dst, size, true)) {
		memcpy(dst, src, size);
		return 0;
	}
	return z_usermode_to_copy_checked(dst, src, size);
}

#endif /* BREEZE_SYSCALL_HANDLER_H */
