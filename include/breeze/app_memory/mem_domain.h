/*
 * Memory domains and partitions (CONFIG_USERSPACE; without it only the
 * partition type and its access rights exist, so that code describing
 * partitions still builds).
 *
 * A partition is a range of memory with access rights for user mode; a domain
 * is a set of partitions; every thread belongs to one domain. A user thread
 * can reach its own stack, the partitions of its domain and the shared code
 * and read-only data, nothing else. The hardware budget is finite (RISC-V PMP:
 * 16 entries; Cortex-M MPU: 8 regions), so adding a partition that does not
 * fit fails with -ENOSPC instead of being dropped, and one the hardware cannot
 * express at all (ARMv7-M: not a power-of-two region, even with subregions)
 * with -EINVAL instead of being widened. The port keeps its image of each
 * domain in struct arch_mem_domain (its arch.h).
 *
 * These calls are for supervisor threads only; they are not system calls.
 */
#ifndef BREEZE_APP_MEMORY_MEM_DOMAIN_H
#define BREEZE_APP_MEMORY_MEM_DOMAIN_H

#include <stddef.h>
#include <stdint.h>
#include <breeze/arch/cpu.h>
#include <breeze/sys/dlist.h>

struct k_thread;

/* Access rights of a partition for user mode (supervisor mode may do anything). */
typedef struct {
	uint8_t perm; /* Z_MEM_R | Z_MEM_W | Z_MEM_X */
} k_mem_partition_attr_t;

#define Z_MEM_R 0x01
#define Z_MEM_W 0x02
#define Z_MEM_X 0x04

#define K_MEM_PARTITION_P_NA_U_NA   ((k_mem_partition_attr_t){ 0 })
#define K_MEM_PARTITION_P_RW_U_NA   ((k_mem_partition_attr_t){ 0 })
#define K_MEM_PARTITION_P_RO_U_NA   ((k_mem_partition_attr_t){ 0 })
#define K_MEM_PARTITION_P_RW_U_RW   ((k_mem_partition_attr_t){ Z_MEM_R | Z_MEM_W })
#define K_MEM_PARTITION_P_RW_U_RO   ((k_mem_partition_attr_t){ Z_MEM_R })
#define K_MEM_PARTITION_P_RO_U_RO   ((k_mem_partition_attr_t){ Z_MEM_R })
#define K_MEM_PARTITION_P_RX_U_RX   ((k_mem_partition_attr_t){ Z_MEM_R | Z_MEM_X })
#define K_MEM_PARTITION_P_RWX_U_RWX ((k_mem_partition_attr_t){ Z_MEM_R | Z_MEM_W | Z_MEM_X })
#define K_MEM_PARTITION_P_RWX_U_RX  ((k_mem_partition_attr_t){ Z_MEM_R | Z_MEM_X })

#define K_MEM_PARTITION_IS_WRITABLE(attr)   (((attr).perm & Z_MEM_W) != 0U)
#define K_MEM_PARTITION_IS_EXECUTABLE(attr) (((attr).perm & Z_MEM_X) != 0U)

struct k_mem_partition {
	uintptr_t start;
	size_t size;
	k_mem_partition_attr_t attr;
};

#define K_MEM_PARTITION_DEFINE(name, start_, size_, attr_)            \
	struct k_mem_partition name = { .start = (uintptr_t)(start_), \
					.size = (size_t)(size_),      \
					.attr = attr_ }

#ifdef CONFIG_USERSPACE
struct k_mem_domain {
	struct arch_mem_domain arch;
	struct k_mem_partition partitions[CONFIG_MAX_DOMAIN_PARTITIONS];
	uint8_t num_partitions;
#ifdef CONFIG_DYNAMIC_OBJECTS
	uint16_t dyn_objects; /* live k_object_alloc() objects charged to it (user mode) */
#endif
	sys_dnode_t node; /* in the kernel's list of domains */
	/*
	 * Names this domain's current partitions, unique across domains and
	 * changes (0 while they change): what the kernel caches a buffer check
	 * against (mem_domain_internal.h).
	 */
	uint32_t stamp;
};

/* The domain of threads that were not placed in another one. */
extern struct k_mem_domain k_mem_domain_default;

/*
 * Set up @domain with @num_parts partitions (@parts may be NULL when 0).
 * 0; -EINVAL for a NULL, empty, misaligned, overlapping or writable-and-
 * executable partition; -ENOSPC when they do not fit the partition slots
 * (CONFIG_MAX_DOMAIN_PARTITIONS) or the PMP entries.
 */
int k_mem_domain_init(struct k_mem_domain *domain, uint8_t num_parts,
		      struct k_mem_partition *parts[]);

/* Add one partition; errors as k_mem_domain_init(). Effective at once for member threads. */
int k_mem_domain_add_partition(struct k_mem_domain *domain, struct k_mem_partition *part);

/* Remove the partition with @part's start and size: 0, -EINVAL, or -ENOENT if absent. */
int k_mem_domain_remove_partition(struct k_mem_domain *domain, struct k_mem_partition *part);

/*
 * How many partitions any domain can hold wherever they lie (Zephyr's call):
 * the PMP entries of a domain at two per partition (TOR), within
 * CONFIG_MAX_DOMAIN_PARTITIONS. Naturally aligned power-of-two partitions, or
 * partitions that follow each other in memory, take fewer: more may fit.
 */
int arch_mem_domain_max_partitions_get(void);

/* Move @thread into @domain (out of its current one): 0 or -EINVAL. */
int k_mem_domain_add_thread(struct k_mem_domain *domain, struct k_thread *thread);

typedef void (*k_mem_domain_cb_t)(const struct k_mem_domain *domain,
				  const struct k_mem_domain *copy, void *user_data);

/*
 * Call @cb for every initialised domain (the default one first), with a copy
 * of it taken under the domains' lock (its partitions as they were at one
 * instant) and the lock released: the callback may print or block. Breeze's,
 * for shells and debugging; supervisor only.
 */
void k_mem_domain_foreach(k_mem_domain_cb_t cb, void *user_data);
#endif /* CONFIG_USERSPACE */

#endif /* BREEZE_APP_MEMORY_MEM_DOMAIN_H */
