/*
 * Breeze's default k_sys_fatal_error_handler(): a user thread's fault ends
 * that thread alone (return, and the kernel aborts it); any other fault halts
 * the system.
 *
 * It is the only member of its own static library, linked after every object
 * and after the libraries that provide a handler of their own (ztest's): the
 * linker takes it only when nothing else defines the handler, so an
 * application's or a test's handler wins without weak symbols, as in Zephyr.
 */
#include <breeze/kernel.h>
#include <kernel_internal.h>

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	if (z_fatal_is_user_fault(esf)) {
		return;
	}
	k_fatal_halt(reason);
}
