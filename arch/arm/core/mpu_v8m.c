/*
 * ARMv8-M MPU (PMSAv8): each region is a base and a limit at 32-byte
 * granularity, so any partition whose start and size are multiples of 32
 * takes exactly one region: no power-of-two padding, no subregions.
 *
 * Two rules differ from ARMv7-M and shape this file:
 *
 * - Regions must not overlap. An address that two enabled regions match
 *   faults for everyone, privileged code included. The fixed regions (code
 *   and read-only data, the user TLS pointer's block, the running thread's
 *   user stack, the null-pointer guard, see arm_mpu.h) are therefore kept
 *   apart from every partition: a partition that touches the code region,
 *   the TLS pointer's block, any user-capable stack or the guard is refused
 *   with -EINVAL (the guard itself uses the rule on purpose). Partitions of
 *   one domain never overlap each other (kernel/mem_domain.c). A domain
 *   image is loaded with the MPU off, so no half-written state can overlap
 *   either.
 *
 * - Access permissions are two bits: read-only or not, and whether
 *   unprivileged code may access at all. There is no "privileged read/write,
 *   unprivileged read-only". A partition user mode may only read is
 *   therefore read-only for privileged code as well while it is loaded:
 *   the system calls of a thread of that domain, and interrupts taken while
 *   it runs, cannot write there (an attempt is a MemManage fault, a kernel
 *   fatal error). Supervisor threads are not bound: switching to one turns
 *   such regions off (z_arm_mpu_ro_unload()), so they keep "supervisor mode
 *   may do anything" (<breeze/app_memory/mem_domain.h>).
 *
 * Privileged code keeps the default memory map wherever no region matches
 * (PRIVDEFENA). Every region uses attribute 0 of MAIR0: normal memory,
 * write-back, as the ARMv7-M back end's regions.
 */
#include <string.h>
#include <arch_interface.h>
#include <kernel_structs.h>
#include <cortex_m.h>
#include <arm_mpu.h>

#define MPU_RLAR  Z_ARM_REG(0xe000eda0)
#define MPU_MAIR0 Z_ARM_REG(0xe000edc0)

#define GRAIN 32U

/* RBAR: base (31:5), shareability (4:3, 0: non-shareable), AP (2:1), XN (0). */
#define RBAR_XN     (1U << 0)
#define AP_RW_ANY   (1U << 1) /* read/write, privileged and unprivileged */
#define AP_RO_ANY   (3U << 1) /* read-only, privileged and unprivileged */
#define AP_RO_BIT   (1U << 2)
#define RBAR(start) ((uint32_t)(start) & ~(GRAIN - 1U))

/* RLAR: limit (31:5, the last 32-byte block), attribute index (3:1), enable (0). */
#define RLAR_EN        (1U << 0)
#define RLAR(end)      (((uint32_t)(end)-GRAIN) | RLAR_EN) /* end: one past, 32-aligned */
#define MAIR_NORMAL_WB 0xffU /* attribute 0: inner and outer write-back, allocating */

/*
 * The null-pointer guard (region 3, arm_mpu.h). On mps2-an505 address 0 is
 * the non-secure alias of the code's SSRAM, which the secure state reaches
 * as well, so a null pointer would read, or write, the code. PMSAv8 has no
 * "no access" for privileged code, but an address that two regions match
 * faults for everyone: the guard is two regions over the same bytes, region
 * 3 and its twin past the domain's. 64 KiB catch a null pointer plus any
 * small offset (a member, an index); the guard is set only where the code
 * region starts above it.
 */
#define NULL_GUARD_SIZE  0x10000U
#define REGION_NULL_TWIN (Z_ARM_MPU_REGION_DOMAIN + Z_ARM_MPU_DOMAIN_REGIONS)
#define REGIONS          (REGION_NULL_TWIN + 1U)

extern char __rom_region_start[];
extern char __rom_region_end[];
extern char __user_tp_start[];
extern char __user_stacks_start[];
extern char __user_stacks_end[];

static void region_set(unsigned int i, uint32_t rbar, uint32_t rlar)
{
	MPU_RNR = i;
	MPU_RBAR = rbar;
	MPU_RLAR = rlar;
}

static bool null_guard_set(void)
{
	return (uintptr_t)__rom_region_start >= NULL_GUARD_SIZE;
}

/*
 * Region 2 (arch_thread_switch_prepare(), arch_user_mode_enter()): off while
 * its base changes, as the half-written region could overlap another. The
 * thread's user stack whether it resumes in user mode or in a system call
 * (stack_region and guard_region are the same here: ARMv8-M guards stacks with
 * PSPLIM, not with region 2), nothing for a supervisor thread.
 */
void z_arm_mpu_region2_load(const uint32_t region[2])
{
	MPU_RNR = Z_ARM_MPU_REGION_STACK;
	MPU_RLAR = 0;
	MPU_RBAR = region[0];
	MPU_RLAR = region[1];
}

#ifdef CONFIG_USERSPACE
/*
 * The version of the image now in the MPU (0: none), to skip reloading it;
 * its read-only regions.
 */
uint32_t z_arm_mpu_loaded_version;
uint32_t z_arm_mpu_ro_loaded;

static bool overlap(uintptr_t a, uintptr_t a_end, uintptr_t b, uintptr_t b_end)
{
	return a < b_end && b < a_end;
}

/* Whether [start, end) would overlap a fixed region, or any user stack's region. */
static bool hits_fixed_region(uintptr_t start, uintptr_t end)
{
	uintptr_t rom_end = ROUND_UP((uintptr_t)__rom_region_end, GRAIN);

	return overlap(start, end, (uintptr_t)__rom_region_start, rom_end) ||
	       (null_guard_set() && overlap(start, end, 0U, NULL_GUARD_SIZE)) ||
	       overlap(start, end, (uintptr_t)__user_tp_start,
		       (uintptr_t)__user_tp_start + GRAIN) ||
	       overlap(start, end, (uintptr_t)__user_stacks_start, (uintptr_t)__user_stacks_end);
}

static uint32_t user_rbar(uintptr_t start, uint8_t perm)
{
	uint32_t ap = (perm & Z_MEM_W) != 0U ? AP_RW_ANY : AP_RO_ANY;

	return RBAR(start) | ap | ((perm & Z_MEM_X) != 0U ? 0U : RBAR_XN);
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
	uint32_t ro = 0;

	memset(regs, 0, sizeof(domain->arch.regs)); /* RLAR 0: disabled */
	for (unsigned int i = 0; i < domain->num_partitions; i++) {
		const struct k_mem_partition *p = &domain->partitions[i];

		if (p->attr.perm == 0U) {
			continue; /* no user access: the default already denies it */
		}
		/* The kernel checked the 32-byte alignment (ARCH_MEM_PARTITION_ALIGN). */
		if (hits_fixed_region(p->start, p->start + p->size)) {
			return -EINVAL;
		}
		if (n == Z_ARM_MPU_DOMAIN_REGIONS) {
			return -ENOSPC;
		}
		regs[n][0] = user_rbar(p->start, p->attr.perm);
		regs[n][1] = RLAR(p->start + p->size);
		if ((regs[n][0] & AP_RO_BIT) != 0U) {
			ro |= 1U << n;
		}
		n++;
	}
	static uint32_t versions;

	domain->arch.ro = ro;
	domain->arch.version = ++versions;
	return 0;
}

void arch_thread_stack_encode(struct k_thread *t)
{
	uintptr_t start = t->userspace.user_stack_start;
	size_t len = ARCH_USER_STACK_LEN(t->userspace.user_stack_size);

	__ASSERT(start % GRAIN == 0U && len % GRAIN == 0U,
		 "user stack %p of %u bytes is not a region", (void *)start, (unsigned int)len);
	t->callee_saved.stack_region[0] = RBAR(start) | AP_RW_ANY | RBAR_XN;
	t->callee_saved.stack_region[1] = RLAR(start + len);
	t->callee_saved.guard_region[0] = t->callee_saved.stack_region[0];
	t->callee_saved.guard_region[1] = t->callee_saved.stack_region[1];
}

void z_arm_mpu_ro_unload(void)
{
	MPU_CTRL = 0;
	__asm__ volatile("dsb" ::: "memory");
	for (unsigned int i = 0; i < Z_ARM_MPU_DOMAIN_REGIONS; i++) {
		if ((z_arm_mpu_ro_loaded & (1U << i)) != 0U) {
			MPU_RNR = Z_ARM_MPU_REGION_DOMAIN + i;
			MPU_RLAR = 0;
		}
	}
	z_arm_mpu_loaded_version = 0; /* the next user thread loads its image whole */
	z_arm_mpu_ro_loaded = 0;
	MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
	z_arm_dsb_isb();
}

#endif /* CONFIG_USERSPACE */

void z_arm_mpu_init(void)
{
	uintptr_t rom_end = ROUND_UP((uintptr_t)__rom_region_end, GRAIN);

	/* Checked at boot: QEMU's mps2-an505 has 16 regions, a Cortex-M33 up to 16. */
	__ASSERT((MPU_TYPE >> 8 & 0xffU) >= REGIONS, "MPU has %u regions, the port needs %u",
		 (unsigned int)(MPU_TYPE >> 8 & 0xffU), (unsigned int)REGIONS);
	__ASSERT((uintptr_t)__rom_region_start % GRAIN == 0U, "code region not 32-byte aligned");
	MPU_CTRL = 0;
	__asm__ volatile("dsb" ::: "memory");
	MPU_MAIR0 = MAIR_NORMAL_WB;
	for (unsigned int i = 0; i < REGIONS; i++) {
		region_set(i, 0, 0);
	}
	/* Code and read-only data: read-only for everyone, executable. */
	region_set(Z_ARM_MPU_REGION_ROM, RBAR(__rom_region_start) | AP_RO_ANY, RLAR(rom_end));
	/* The user TLS pointer's block. */
	region_set(Z_ARM_MPU_REGION_USER_TP, RBAR(__user_tp_start) | AP_RW_ANY | RBAR_XN,
		   RLAR((uintptr_t)__user_tp_start + GRAIN));
	if (null_guard_set()) {
		region_set(Z_ARM_MPU_REGION_NULL, RBAR(0) | AP_RO_ANY | RBAR_XN,
			   RLAR(NULL_GUARD_SIZE));
		region_set(REGION_NULL_TWIN, RBAR(0) | AP_RO_ANY | RBAR_XN, RLAR(NULL_GUARD_SIZE));
	}
	MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
	z_arm_dsb_isb();
}
