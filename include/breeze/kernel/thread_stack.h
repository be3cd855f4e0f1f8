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

struct z_thread_stack_element {
	char data;
};
typedef struct z_thread_stack_element k_thread_stack_t;

#define Z_THREAD_STACK_OBJ_ALIGN ARCH_STACK_PTR_ALIGN
#define K_THREAD_STACK_LEN(size) ROUND_UP(size, Z_THREAD_STACK_OBJ_ALIGN)

#define Z_STACK_SECTION __attribute__((section(".noinit.stacks")))

#define K_KERNEL_STACK_DEFINE(sym, size)                                                  \
	struct z_thread_stack_element Z_STACK_SECTION __aligned(Z_THREAD_STACK_OBJ_ALIGN) \
	    sym[K_THREAD_STACK_LEN(size)]
#define K_KERNEL_STACK_ARRAY_DEFINE(sym, nmemb, size)                                     \
	struct z_thread_stack_element Z_STACK_SECTION __aligned(Z_THREAD_STACK_OBJ_ALIGN) \
	    sym[nmemb][K_THREAD_STACK_LEN(size)]
#define K_KERNEL_STACK_MEMBER(sym, size)                                  \
	struct z_thread_stack_element __aligned(Z_THREAD_STACK_OBJ_ALIGN) \
	    sym[K_THREAD_STACK_LEN(size)]
#define K_KERNEL_STACK_SIZEOF(sym) sizeof(sym)
#define K_KERNEL_STACK_EXTERN(sym) extern k_thread_stack_t sym[]

#define K_THREAD_STACK_DEFINE(sym, size)              K_KERNEL_STACK_DEFINE(sym, size)
#define K_THREAD_STACK_ARRAY_DEFINE(sym, nmemb, size) K_KERNEL_STACK_ARRAY_DEFINE(sym, nmemb, size)
#define K_THREAD_STACK_MEMBER(sym, size)              K_KERNEL_STACK_MEMBER(sym, size)
#define K_THREAD_STACK_SIZEOF(sym)                    sizeof(sym)
#define K_THREAD_STACK_EXTERN(sym)                    K_KERNEL_STACK_EXTERN(sym)
#define K_THREAD_STACK_BUFFER(sym)                    ((char *)(sym))

#endif /* BREEZE_KERNEL_THREAD_STACK_H */
