/*
 * ARMv7-M MPU: eight regions, each a power of two of at least 32 bytes,
 * aligned to its size, cut in eight equal subregions that can each be left
 * out. A higher-numbered region wins where regions overlap.
 *
 * The packing rule for a partition: the smallest region that contains it and
 * whose left-out subregions trim it exactly. A partition that is itself a
 * naturally aligned power of two takes a whole region; otherwise its start
 * and end must fall on subregion boundaries (an eighth of a region of at
 * least 256 bytes) inside one aligned region. Anything else cannot be
 * expressed and is refused with -EINVAL, never widened.
 * (K_APPMEM_PARTITION_DEFINE partitions are laid out as naturally aligned
 * powers of two on this MPU: CONFIG_MPU_REQUIRES_POWER_OF_TWO_ALIGNMENT.)
 */
#include <arch_interface.h>
#include <kernel_structs.h>
#include <cortex_m.h>
#include <arm_mpu.h>
#include <breeze/devicetree.h>

#define MPU_RASR Z_ARM_REG(0xe000eda0)

#define RASR_ENABLE    (1U << 0)
#define RASR_SIZE(log) (((uint32_t)(log)-1U) << 1) /* region of 2^log bytes */
#define RASR_SRD(bits) ((uint32_t)(bits) << 8)
#define RASR_NORMAL    ((1U << 17) | (1U << 16)) /* TEX 0, C, B: normal write-back memory */
#define RASR_XN        (1U << 28)

/* Access permissions (AP, bits 26:24). */
#define AP_PRW_URW (3U << 24)
#define AP_PRW_URO (2U << 24)
#define AP_PRO_URO (6U << 24)

#define REGIONS 8U

/* The null-pointer guard: 256 bytes, the vector table of 16 + CONFIG_NUM_IRQS words and more. */
#define NULL_GUARD_LOG 8
BUILD_ASSERT(4 * (16 + CONFIG_NUM_IRQS) <= (1 << NULL_GUARD_LOG), "vector table past the guard");
BUILD_ASSERT(Z_ARM_MPU_REGION_DOMAIN + Z_ARM_MPU_DOMAIN_REGIONS == REGIONS);

extern char __rom_region_start[];
extern char __rom_region_end[];
extern char __user_tp_start[];

/*
 * The region (RBAR without its number, RASR without its permissions) that
 * holds exactly [start, start + size); -EINVAL if none can. In 32-bit
 * arithmetic: the range is kept by its last byte and a region of 2^log bytes
 * by its mask (all of memory for log 32). The search starts at the smallest
 * aligned region holding both ends (the bit length of start ^ last, at least
 * 32 bytes); only that one can be the range itself, a larger one can only
 * trim it with subregions.
 */
static int encode(uintptr_t start, size_t size, uint32_t *rbar, uint32_t *rasr)
{
	uint32_t last = start + size - 1U;

	if (size == 0U || last < start) {
		return -EINVAL; /* empty, or wrapping around the address space */
	}
	for (unsigned int log = 32U - (unsigned int)__builtin_clz((start ^ last) | 31U); log <= 32U;
	     log++) {
		uint32_t span = UINT32_MAX >> (32U - log); /* the region's length - 1 */
		uint32_t base = start & ~span;

		if (base == start && (last & span) == span) {
			*rbar = base;
			*rasr = RASR_SIZE(log) | RASR_ENABLE;
			return 0;
		}
		/* Subregions (regions of 256 bytes or more): both ends on their boundaries. */
		if (log >= 8U && ((start | (last + 1U)) & (span >> 3)) == 0U) {
			uint32_t keep = (2U << ((last & span) >> (log - 3U))) -
					(1U << ((start & span) >> (log - 3U)));

			*rbar = base;
			*rasr = RASR_SIZE(log) | RASR_SRD(~keep & 0xffU) | RASR_ENABLE;
			return 0;
		}
	}
	return -EINVAL;
}

#ifdef CONFIG_USERSPACE
static uint32_t user_attrs(uint8_t perm)
{
	uint32_t ap = (perm & Z_MEM_W) != 0U ? AP_PRW_URW : AP_PRW_URO;

	return RASR_NORMAL | ap | ((perm & Z_MEM_X) != 0U ? 0U : RASR_XN);
}

int arch_mem_domain_max_partitions_get(void)
{
	return MIN(CONFIG_MAX_DOMAIN_PARTITIONS, Z_ARM_MPU_DOMAIN_REGIONS);
}

/*
 * Written straight into @domain's image: the kernel encodes a scratch copy of
 * the domain (mem_domain.c), so an image left half-written by a refusal is
 * never loaded.
 */
int arch_mem_domain_encode(struct k_mem_domain *domain)
{
	uint32_t(*regs)[2] = domain->arch.regs;
	unsigned int n = 0;

	for (unsigned int i = 0; i < domain->num_partitions; i++) {
		const struct k_mem_partition *p = &domain->partitions[i];
		uint32_t rbar;
		uint32_t rasr;

		if (p->attr.perm == 0U) {
			continue; /* no user access: the default already denies it */
		}
		int ret = encode(p->start, p->size, &rbar, &rasr);

		if (ret != 0) {
			return ret;
		}
		if (n == Z_ARM_MPU_DOMAIN_REGIONS) {
			return -ENOSPC;
		}
		regs[n][0] = rbar | Z_ARM_MPU_RBAR_VALID | (Z_ARM_MPU_REGION_DOMAIN + n);
		regs[n][1] = rasr | user_attrs(p->attr.perm);
		n++;
	}
	for (; n < Z_ARM_MPU_DOMAIN_REGIONS; n++) {
		regs[n][0] = Z_ARM_MPU_RBAR_VALID | (Z_ARM_MPU_REGION_DOMAIN + n);
		regs[n][1] = 0; /* disabled */
	}
	static uint32_t versions;

	domain->arch.version = ++versions;
	return 0;
}

void arch_thread_stack_encode(struct k_thread *t)
{
	uint32_t rbar;
	uint32_t rasr;
	size_t len = arch_user_stack_len(t->userspace.user_stack_size);
	int ret = encode(t->userspace.user_stack_start, len, &rbar, &rasr);

	__ASSERT(ret == 0, "user stack %p of %u bytes is not a region",
		 (void *)t->userspace.user_stack_start, (unsigned int)len);
	ARG_UNUSED(ret);
	t->callee_saved.stack_region[0] = rbar | Z_ARM_MPU_RBAR_VALID | Z_ARM_MPU_REGION_STACK;
	t->callee_saved.stack_region[1] = rasr | RASR_NORMAL | AP_PRW_URW | RASR_XN;
#ifndef CONFIG_HW_STACK_PROTECTION
	/* No guard to swap in for the kernel's work: region 2 stays the user stack. */
	t->callee_saved.guard_region[0] = t->callee_saved.stack_region[0];
	t->callee_saved.guard_region[1] = t->callee_saved.stack_region[1];
#endif
}

#endif /* CONFIG_USERSPACE */

void z_arm_mpu_region2_load(const uint32_t region[2])
{
	MPU_RBAR = region[0];
	MPU_RASR = region[1];
}

#ifdef CONFIG_HW_STACK_PROTECTION
void arch_stack_guard_set(struct k_thread *t, uintptr_t guard)
{
	uint32_t rbar;
	uint32_t rasr;
	int ret = encode(guard, Z_STACK_GUARD_SIZE, &rbar, &rasr);

	__ASSERT(ret == 0, "stack guard %p is not a region", (void *)guard);
	ARG_UNUSED(ret);
	/* No access for anyone, the kernel included. */
	t->callee_saved.guard_region[0] = rbar | Z_ARM_MPU_RBAR_VALID | Z_ARM_MPU_REGION_STACK;
	t->callee_saved.guard_region[1] = rasr | RASR_NORMAL | RASR_XN;
	t->arch.guard = guard;
}
#endif

#ifdef CONFIG_USERSPACE
/* The version of the domain image now in the MPU (0: none), to skip reloading it. */
uint32_t z_arm_mpu_loaded_version;

#endif

void z_arm_mpu_init(void)
{
	uint32_t rbar;
	uint32_t rasr;
	int ret;

	__ASSERT((MPU_TYPE >> 8 & 0xffU) >= REGIONS, "MPU has %u regions",
		 (unsigned int)(MPU_TYPE >> 8 & 0xffU));
	MPU_CTRL = 0;
	for (unsigned int i = 0; i < REGIONS; i++) {
		MPU_RBAR = Z_ARM_MPU_RBAR_VALID | i;
		MPU_RASR = 0;
	}
	/* Code and read-only data: read-only for everyone, executable. */
	ret = encode((uintptr_t)__rom_region_start,
		     z_arm_pow2_ceil((uintptr_t)__rom_region_end - (uintptr_t)__rom_region_start),
		     &rbar, &rasr);
	__ASSERT(ret == 0, "the code region is not expressible");
	MPU_RBAR = rbar | Z_ARM_MPU_RBAR_VALID | Z_ARM_MPU_REGION_ROM;
	MPU_RASR = rasr | RASR_NORMAL | AP_PRO_URO;
	/* The user TLS pointer's block. */
	ret = encode((uintptr_t)__user_tp_start, 32, &rbar, &rasr);
	__ASSERT(ret == 0, "the user TLS pointer's block is not expressible");
	ARG_UNUSED(ret);
	MPU_RBAR = rbar | Z_ARM_MPU_RBAR_VALID | Z_ARM_MPU_REGION_USER_TP;
	MPU_RASR = rasr | RASR_NORMAL | AP_PRW_URW | RASR_XN;
	if (DT_REG_ADDR(DT_CHOSEN(zephyr_flash)) == 0U) {
		/*
		 * The image starts at address 0 (its vector table, which the core
		 * reads without the MPU): keep everyone off it, so that a null
		 * pointer, or a small offset from one, faults as it would where
		 * nothing is mapped at 0.
		 */
		MPU_RBAR = Z_ARM_MPU_RBAR_VALID | Z_ARM_MPU_REGION_NULL;
		MPU_RASR = RASR_SIZE(NULL_GUARD_LOG) | RASR_NORMAL | RASR_XN | RASR_ENABLE;
	}
	MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
	z_arm_dsb_isb();
}
