/*
 * ztest's k_sys_fatal_error_handler(). Alone in its static library, linked
 * after every object: a test that defines its own handler (many of Zephyr's
 * do) replaces this one, which the linker then never takes.
 */
#include <breeze/ztest.h>
#include "ztest_internal.h"

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	z_ztest_fatal_error(reason, esf);
}
