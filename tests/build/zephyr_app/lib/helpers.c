/* A zephyr_library_named() library: its own definitions, the image's include paths. */
#include <zephyr/kernel.h>
#include <helpers.h>

int helper_value(void)
{
	return HELPER_BASE + EVERYWHERE;
}
