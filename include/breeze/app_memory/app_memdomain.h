/*
 * Application memory partitions: variables placed by name into a partition
 * whose bounds are laid out at link time.
 *
 *   K_APPMEM_PARTITION_DEFINE(part_a);
 *   K_APP_DMEM(part_a) int counter = 5;   // initialised data
 *   K_APP_BMEM(part_a) char buffer[64];   // zeroed at boot
 *
 * Before the (single) final link, the build scans the compiled objects for
 * these sections and emits a linker fragment that gathers each partition's
 * data and bss together, sized and aligned to a power of two so that one PMP
 * entry (NAPOT) covers it. part_a is then a struct k_mem_partition (read and
 * write for user mode) ready for k_mem_domain_add_partition().
 */
#ifndef BREEZE_APP_MEMORY_APP_MEMDOMAIN_H
#define BREEZE_APP_MEMORY_APP_MEMDOMAIN_H

#include <breeze/app_memory/mem_domain.h>
#include <breeze/toolchain.h>

#ifdef CONFIG_USERSPACE
#define K_APP_DMEM_SECTION(id) "data_smem_" #id "_data"
#define K_APP_BMEM_SECTION(id) "data_smem_" #id "_bss"

#define K_APP_DMEM(id) __attribute__((section(K_APP_DMEM_SECTION(id))))
#define K_APP_BMEM(id) __attribute__((section(K_APP_BMEM_SECTION(id))))

/*
 * The partition's bounds come from the linker fragment; the marker section
 * makes a partition without any variable still known to the layout step.
 */
#define K_APPMEM_PARTITION_DEFINE(name)                                                      \
	extern char z_data_smem_##name##_part_start[];                                       \
	extern char z_data_smem_##name##_part_size[];                                        \
	static const char __used __attribute__((section(".app_smem_name." #name)))           \
	_z_app_smem_marker_##name = 0;                                                       \
	struct k_mem_partition name = { .start = (uintptr_t)z_data_smem_##name##_part_start, \
					.size = (size_t)z_data_smem_##name##_part_size,      \
					.attr = K_MEM_PARTITION_P_RW_U_RW }
#else
/*
 * Without user mode there is nothing to isolate: the variables stay ordinary
 * data and bss, and a partition is empty (as in Zephyr, K_APP_DMEM() and
 * K_APP_BMEM() place nothing).
 */
#define K_APP_DMEM(id)
#define K_APP_BMEM(id)
#define K_APPMEM_PARTITION_DEFINE(name) struct k_mem_partition name = { 0 }
#endif /* CONFIG_USERSPACE */

#endif /* BREEZE_APP_MEMORY_APP_MEMDOMAIN_H */
