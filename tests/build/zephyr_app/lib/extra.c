/* Built only when the application's own Kconfig symbol is set. */
#include <helpers.h>

int extra_value(void)
{
	return 9;
}
