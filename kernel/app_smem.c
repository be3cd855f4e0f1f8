/*
 * Application memory partitions at boot: their bss ranges (listed by the
 * generated linker fragment) are zeroed. Their initialised data is part of
 * the loaded image, like the rest of .data.
 */
#include <string.h>
#include <breeze/kernel.h>
#include <kernel_internal.h>

struct app_smem_range {
	char *start;
	char *end;
};

extern const struct app_smem_range _app_smem_bss_table_start[];
extern const struct app_smem_range _app_smem_bss_table_end[];

void z_app_smem_init(void)
{
	for (const struct app_smem_range *r = _app_smem_bss_table_start;
	     r < _app_smem_bss_table_end; r++) {
		memset(r->start, 0, (size_t)(r->end - r->start));
	}
}
