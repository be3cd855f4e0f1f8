/*
 * Thread stack objects. A stack is an array of struct z_thread_stack_element so
 * that it cannot be mistaken for ordinary data; its size and alignment suit
 * the architecture's stack pointer rules.
 */
#ifndef BREEZE_KERNEL_THREAD_STACK_H
#define BREEZE_KERNEL_THREAD_STACK_H

#include <stddef.h>
#include <breeze/arch/cpu.h>
#include <breeze/sys/util.h>
#include <breeze/sys/iterable_sections.h>

struct z_thread_stack_element {
	char data;
};
typedef struct z_thread_stack_element k_thread_stack_t;

/*
 * Hardware stack guard (CONFIG_HW_STACK_PROTECTION): the lowest
 * Z_STACK_GUARD_SIZE bytes of every kernel stack (and of the privileged part
 * of every thread stack) are made inaccessible by the memory protection unit,
 * so an overflow faults before it writes anything outside the stack. The
 * guard is a naturally aligned region, so stacks are aligned to its size.
 * A port with stack limit registers (ARMv8-M) needs no guard bytes: its
 * guard is empty (size 0) and its start is the lowest byte of the stack.
 */
#ifdef CONFIG_HW_STACK_GUARD_SIZE
#define Z_STACK_GUARD_SIZE CONFIG_HW_STACK_GUARD_SIZE
#else
#define Z_STACK_GUARD_SIZE 0
#endif
/* Where the guard of a kernel stack object starts. */
#define Z_KERNEL_STACK_GUARD(stack) ROUND_UP((uintptr_t)(stack), MAX(Z_STACK_GUARD_SIZE, 1))

#define Z_THREAD_STACK_OBJ_ALIGN MAX(ARCH_STACK_PTR_ALIGN, Z_STACK_GUARD_SIZE)
#define K_THREAD_STACK_LEN(size) ROUND_UP(size, Z_THREAD_STACK_OBJ_ALIGN)

/* A kernel stack: [guard | usable stack]; K_KERNEL_STACK_SIZEOF counts both. */
#define K_KERNEL_STACK_LEN(size) (Z_STACK_GUARD_SIZE + K_THREAD_STACK_LEN(size))

#define Z_STACK_SECTION __attribute__((section(".noinit.stacks")))

#define K_KERNEL_STACK_DEFINE(sym, size)                                                  \
	struct z_thread_stack_element Z_STACK_SECTION __aligned(Z_THREAD_STACK_OBJ_ALIGN) \
	    sym[K_KERNEL_STACK_LEN(size)]
#define K_KERNEL_STACK_ARRAY_DEFINE(sym, nmemb, size)                                     \
	struct z_thread_stack_element Z_STACK_SECTION __aligned(Z_THREAD_STACK_OBJ_ALIGN) \
	    sym[nmemb][K_KERNEL_STACK_LEN(size)]
#define K_KERNEL_STACK_MEMBER(sym, size)                                  \
	struct z_thread_stack_element __aligned(Z_THREAD_STACK_OBJ_ALIGN) \
	    sym[K_KERNEL_STACK_LEN(size)]
#define K_KERNEL_STACK_SIZEOF(sym) sizeof(sym)
#define K_KERNEL_STACK_EXTERN(sym) extern k_thread_stack_t sym[]
/* A stack defined in another file, its size known (K_*_STACK_SIZEOF works on it). */
#define K_KERNEL_STACK_DECLARE(sym, size) \
	extern struct z_thread_stack_element sym[K_KERNEL_STACK_LEN(size)]
#define K_KERNEL_STACK_ARRAY_DECLARE(sym, nmemb, size) \
	extern struct z_thread_stack_element sym[nmemb][K_KERNEL_STACK_LEN(size)]

#ifdef CONFIG_USERSPACE
/*
 * A thread stack (one that a user thread can run on) is laid out as
 *
 *   [hdr | kernel TLS | guard | privileged stack | user stack ... user TLS]
 *    Z_USER_STACK_RESERVED bytes                  K_THREAD_STACK_SIZEOF bytes
 *
 * The header makes the stack a kernel object (it can be granted to a user
 * thread that creates threads). The kernel TLS block is the thread-local
 * storage kernel code uses while it runs for the thread (its canary, its
 * notion of the current thread): out of user reach, unlike the user TLS block
 * at the top of the user stack. The privileged stack serves the thread's traps
 * and system calls, above the guard that stops its overflow. Only the user
 * part is mapped for the thread. These stacks live in their own section so
 * that the kernel can tell them from kernel-only stacks by address.
 */
#define Z_USER_STACK_HDR_SIZE 16
#define Z_USER_STACK_TLS_AREA 64 /* header, canary slot, kernel TLS block */
#define Z_USER_STACK_KTLS     32 /* offset of the kernel TLS block */
#define Z_USER_STACK_PRIV_BASE \
	(ROUND_UP(Z_USER_STACK_TLS_AREA, Z_THREAD_STACK_OBJ_ALIGN) + Z_STACK_GUARD_SIZE)
#define Z_USER_STACK_SECTION __attribute__((section(".noinit.user_stacks")))

/*
 * The geometry of the user part, which the memory protection unit maps as
 * one region. By default its length is the requested size rounded to the
 * stack alignment. A port whose regions must be naturally aligned powers of
 * two (ARMv7-M) defines ARCH_USER_STACK_LEN(size) (the region's length for a
 * requested size), ARCH_USER_STACK_ALIGN(len) (the alignment of the stack
 * object and of its user part) and ARCH_USER_STACK_LEN_OF(total) (the
 * length of the user part of a stack object of @total bytes).
 */
#ifndef ARCH_USER_STACK_LEN
#define ARCH_USER_STACK_LEN(size)     K_THREAD_STACK_LEN(size)
#define ARCH_USER_STACK_ALIGN(len)    Z_THREAD_STACK_OBJ_ALIGN
#define ARCH_USER_STACK_LEN_OF(total) ((total)-Z_USER_STACK_RESERVED_OF(0))
#endif

/*
 * ARCH_USER_STACK_LEN() and ARCH_USER_STACK_LEN_OF() of sizes that are no
 * constants: a port may have a shorter way than the constant expressions.
 */
#ifndef arch_user_stack_len
#define arch_user_stack_len(size) ARCH_USER_STACK_LEN(size)
#endif
#ifndef arch_user_stack_len_of
#define arch_user_stack_len_of(total) ARCH_USER_STACK_LEN_OF(total)
#endif

/* The bytes before the user part of a stack whose user part is @len bytes. */
#define Z_USER_STACK_RESERVED_OF(len) \
	ROUND_UP(Z_USER_STACK_PRIV_BASE + CONFIG_PRIVILEGED_STACK_SIZE, ARCH_USER_STACK_ALIGN(len))
/* The least of them: what any thread stack reserves at least. */
#define Z_USER_STACK_RESERVED Z_USER_STACK_RESERVED_OF(0)

/*
 * Where the guard below the privileged stack starts: right below it, so that
 * the privileged stack is CONFIG_PRIVILEGED_STACK_SIZE bytes (give or take
 * the guard's alignment) whatever the rounding of the reserved part added.
 */
#define Z_USER_STACK_GUARD_OF(len)                                                \
	ROUND_DOWN(Z_USER_STACK_RESERVED_OF(len) - CONFIG_PRIVILEGED_STACK_SIZE - \
		       Z_STACK_GUARD_SIZE,                                        \
		   MAX(Z_STACK_GUARD_SIZE, 1))

/* Where to find the static stacks at boot, to register them as objects. */
struct z_stack_desc {
	k_thread_stack_t *stack;
	unsigned int nmemb;
	unsigned int stride;
};

#define Z_THREAD_STACK_LEN(size) \
	(Z_USER_STACK_RESERVED_OF(ARCH_USER_STACK_LEN(size)) + ARCH_USER_STACK_LEN(size))
#define Z_THREAD_STACK_ALIGN(size) ARCH_USER_STACK_ALIGN(ARCH_USER_STACK_LEN(size))

#define K_THREAD_STACK_ARRAY_DEFINE(sym, nmemb, size)                                            \
	struct z_thread_stack_element Z_USER_STACK_SECTION __aligned(Z_THREAD_STACK_ALIGN(size)) \
	    sym[nmemb][Z_THREAD_STACK_LEN(size)];                                                \
	static const STRUCT_SECTION_ITERABLE(z_stack_desc, _z_stack_desc_##sym) = {              \
		(k_thread_stack_t *)sym, (nmemb), Z_THREAD_STACK_LEN(size)                       \
	}
#define K_THREAD_STACK_DEFINE(sym, size)                                                          \
	struct z_thread_stack_element Z_USER_STACK_SECTION __aligned(Z_THREAD_STACK_ALIGN(size))  \
	    sym[Z_THREAD_STACK_LEN(size)];                                                        \
	static const STRUCT_SECTION_ITERABLE(z_stack_desc,                                        \
					     _z_stack_desc_##sym) = { (k_thread_stack_t *)sym, 1, \
								      Z_THREAD_STACK_LEN(size) }
#define K_THREAD_STACK_SIZEOF(sym) ARCH_USER_STACK_LEN_OF(sizeof(sym))
#define K_THREAD_STACK_BUFFER(sym) \
	((char *)(sym) + Z_USER_STACK_RESERVED_OF(K_THREAD_STACK_SIZEOF(sym)))
#define K_THREAD_STACK_EXTERN(sym) extern k_thread_stack_t sym[]
#define K_THREAD_STACK_DECLARE(sym, size) \
	extern struct z_thread_stack_element sym[Z_THREAD_STACK_LEN(size)]
#define K_THREAD_STACK_ARRAY_DECLARE(sym, nmemb, size) \
	extern struct z_thread_stack_element sym[nmemb][Z_THREAD_STACK_LEN(size)]
#else
#define K_THREAD_STACK_DEFINE(sym, size)              K_KERNEL_STACK_DEFINE(sym, size)
#define K_THREAD_STACK_ARRAY_DEFINE(sym, nmemb, size) K_KERNEL_STACK_ARRAY_DEFINE(sym, nmemb, size)
#define K_THREAD_STACK_SIZEOF(sym)                    sizeof(sym)
#define K_THREAD_STACK_EXTERN(sym)                    K_KERNEL_STACK_EXTERN(sym)
#define K_THREAD_STACK_BUFFER(sym)                    ((char *)(sym))
#define K_THREAD_STACK_DECLARE(sym, size)             K_KERNEL_STACK_DECLARE(sym, size)
#define K_THREAD_STACK_ARRAY_DECLARE(sym, nmemb, size) \
	K_KERNEL_STACK_ARRAY_DECLARE(sym, nmemb, size)
#endif

/* A stack inside a struct: kernel threads only. */
#define K_THREAD_STACK_MEMBER(sym, size) K_KERNEL_STACK_MEMBER(sym, size)

#endif /* BREEZE_KERNEL_THREAD_STACK_H */
