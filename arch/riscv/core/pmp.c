/*
 * Physical memory protection: user threads' memory, kernel stack guards, and
 * (with Smepmp) what machine mode may execute.
 *
 * The 16 entries are used as:
 *
 *   0      the running thread's stack guard                  per thread
 *   1-2    the running thread's user stack, RW (NAPOT in one  per thread
 *          entry when the region allows, else a TOR pair)
 *   3      the interrupt stack's guard                       fixed
 *   4-12   the thread's memory domain, as precomputed by      per domain
 *          arch_mem_domain_encode() whenever it changes; built
 *          for speed, two small images (four entries or fewer)
 *          stay resident in 4-7 and 8-11, one of them off
 *   13-15  kernel code (13-14, TOR) and read-only data (15)  fixed
 *
 * Without Smepmp, machine mode ignores every unlocked entry: entries only say
 * what user mode may touch, anything they do not cover is denied to it, and
 * the guard entries stay off. With Smepmp (mseccfg.MML set at boot), entries
 * bind machine mode too:
 *
 *   - machine mode executes only the kernel code rule (locked, M: R-X, user:
 *     --X); the read-only data rule is shared read-only; memory no rule
 *     covers (kernel data, devices) stays read/write for machine mode and
 *     out of user reach, but is never executable;
 *   - user-writable memory (user stacks, partitions) uses the "shared data"
 *     encodings: machine mode may read and write it, as system calls and
 *     interrupt handlers sharing buffers with user threads must, but never
 *     execute it;
 *   - stack guards are locked rules without permissions: machine mode faults
 *     on them. mseccfg.RLB stays set so that the thread guard can follow the
 *     running thread.
 *
 * Switching threads therefore writes a fixed sequence of CSRs (pmpaddr0-2 and
 * pmpcfg0; when the domain image differs, pmpcfg1-2 alone if the new one is
 * resident, else its pmpaddr entries and configuration words) from
 * ready-made values and computes nothing.
 */
#include <string.h>
#include <arch_interface.h>
#include <kernel_structs.h>
#include <riscv_csr.h>
#include <riscv_hart.h>

#define PMP_R     0x01U
#define PMP_W     0x02U
#define PMP_X     0x04U
#define PMP_TOR   0x08U
#define PMP_NAPOT 0x18U
#define PMP_L     0x80U

#define MSECCFG_MML 0x1U
#define MSECCFG_RLB 0x4U

extern char __text_region_start[];
extern char __rodata_region_start[];
extern char __rom_region_end[];

#ifdef CONFIG_RISCV_PMP_SMEPMP
#define SMEPMP 1
#else
#define SMEPMP 0
#endif

/* The fixed entries 13-15 (pmpcfg3 bytes 1-3): code, then read-only data. */
#define CODE_CFG   (SMEPMP ? (PMP_L | PMP_TOR | PMP_W | PMP_X) : (PMP_TOR | PMP_R | PMP_X))
#define RODATA_CFG (SMEPMP ? (PMP_L | PMP_TOR | PMP_R | PMP_W | PMP_X) : (PMP_TOR | PMP_R))
static const unsigned long fixed_cfg3 =
    ((unsigned long)CODE_CFG << 16) | ((unsigned long)RODATA_CFG << 24);

#ifdef CONFIG_HW_STACK_PROTECTION
#define GUARD_CFG (PMP_L | PMP_NAPOT)
/* pmpcfg0 byte 3: the interrupt stack's guard, the same for every thread. */
static const unsigned long isr_guard_cfg0 = (unsigned long)GUARD_CFG << 24;

#ifndef CONFIG_SMP
/* Traps in machine mode below this stack pointer are stack overflows (see isr.S). */
unsigned long z_riscv_stack_limit;
#endif
#else
static const unsigned long isr_guard_cfg0;
#endif

static __maybe_unused unsigned long napot_addr(uintptr_t start, size_t size)
{
	return (start >> 2) | ((size >> 3) - 1U);
}

#ifdef CONFIG_USERSPACE
/*
 * What user access @perm (PMP_R/W/X) becomes in an unlocked rule. With Smepmp,
 * writable or read-only data uses the shared-data encodings (machine mode
 * RW, user RW or R); executable memory stays user-only (machine mode denied).
 */
static uint8_t user_cfg(uint8_t perm)
{
	if (!SMEPMP || (perm & PMP_X) != 0U) {
		return perm;
	}
	return (perm & PMP_W) != 0U ? (PMP_W | PMP_X) : PMP_W;
}

static bool napot_ok(uintptr_t start, size_t size)
{
	return size >= 8U && IS_POWER_OF_TWO(size) && (start & (size - 1U)) == 0U;
}

/* Entries being filled: addr[i] and cfg[i] for i < n, at most max. */
struct pmp_encoding {
	unsigned long *addr;
	uint8_t *cfg;
	unsigned int n;
	unsigned int max;
	uintptr_t tor_end; /* where the last entry, a TOR one, ends (0: it is not one) */
};

static void entry_add(struct pmp_encoding *e, unsigned long addr, uint8_t cfg)
{
	e->addr[e->n] = addr;
	e->cfg[e->n] = cfg;
	e->n++;
}

/*
 * Encode [start, start + size) as the next entries: one NAPOT entry if it is
 * a power of two aligned to its size, else a TOR pair, whose first entry (the
 * start) the previous TOR entry gives when it ends there. -ENOSPC past max.
 */
static Z_HOT_INLINE int encode_region(struct pmp_encoding *e, uintptr_t start, size_t size,
				      uint8_t perm)
{
	uintptr_t end = start + size;
	bool napot = napot_ok(start, size);
	bool start_given = !napot && e->tor_end != 0U && e->tor_end == start;

	if (e->n + (napot || start_given ? 1U : 2U) > e->max) {
		return -ENOSPC;
	}
	if (napot) {
		entry_add(e, napot_addr(start, size), (uint8_t)(PMP_NAPOT | user_cfg(perm)));
		e->tor_end = 0U;
		return 0;
	}
	if (!start_given) {
		entry_add(e, start >> 2, 0U);
	}
	entry_add(e, end >> 2, (uint8_t)(PMP_TOR | user_cfg(perm)));
	e->tor_end = end;
	return 0;
}

int arch_mem_domain_max_partitions_get(void)
{
	return MIN(CONFIG_MAX_DOMAIN_PARTITIONS, Z_PMP_DOMAIN_ENTRIES / 2);
}

int arch_mem_domain_encode(struct k_mem_domain *domain)
{
	struct k_mem_partition *sorted[CONFIG_MAX_DOMAIN_PARTITIONS];
	unsigned long addr[Z_PMP_DOMAIN_ENTRIES] = { 0 };
	uint8_t cfg[Z_PMP_DOMAIN_CFG_WORDS * 4] = { 0 };
	struct pmp_encoding e = { addr, cfg, 0U, Z_PMP_DOMAIN_ENTRIES, 0U };
	unsigned int count = 0;

	/* In address order, so that neighbours can share a TOR boundary. */
	for (unsigned int i = 0; i < domain->num_partitions; i++) {
		struct k_mem_partition *p = &domain->partitions[i];
		unsigned int j = count++;

		while (j > 0U && sorted[j - 1U]->start > p->start) {
			sorted[j] = sorted[j - 1U];
			j--;
		}
		sorted[j] = p;
	}
	for (unsigned int i = 0; i < count; i++) {
		uint8_t perm = sorted[i]->attr.perm & (PMP_R | PMP_W | PMP_X);

		if (perm == 0U) {
			continue; /* no user access: the default already denies it */
		}
		int ret = encode_region(&e, sorted[i]->start, sorted[i]->size, perm);
		if (ret != 0) {
			return ret;
		}
	}
	static uint32_t versions;

	memcpy(domain->arch.pmpaddr, addr, sizeof(addr));
	domain->arch.entries = (uint8_t)e.n;
	domain->arch.version = ++versions;
	/* Byte i of a pmpcfg word configures entry i: RV32 is little-endian, so a copy packs them.
	 */
	BUILD_ASSERT(sizeof(domain->arch.pmpcfg) == sizeof(cfg));
	memcpy(domain->arch.pmpcfg, cfg, sizeof(cfg));
	/* pmpcfg3 also holds the fixed code entries. */
	domain->arch.pmpcfg[Z_PMP_DOMAIN_CFG_WORDS - 1U] |= fixed_cfg3;
	return 0;
}

void arch_thread_stack_encode(struct k_thread *t)
{
	unsigned long addr[2] = { 0 };
	uint8_t cfg[2] = { 0 };
	struct pmp_encoding e = { addr, cfg, 0U, 2U, 0U };

	(void)encode_region(&e, t->userspace.user_stack_start, t->userspace.user_stack_size,
			    PMP_R | PMP_W);
	t->arch.pmp_addr[1] = addr[0];
	t->arch.pmp_addr[2] = addr[1];
	t->arch.pmp_cfg0 = (t->arch.pmp_cfg0 & ~0x00ffff00UL) | ((unsigned long)cfg[0] << 8) |
			   ((unsigned long)cfg[1] << 16);
}

/*
 * With the small variables (.sbss), near gp, where every switch to a user
 * thread reads it with one instruction (linker relaxation; placed there by
 * name, as an array of them may exceed GCC's 8-byte limit for small data).
 */
Z_GENERIC_SECTION(.sbss.z_riscv_loaded_images)
struct z_riscv_loaded_image z_riscv_loaded_images[CONFIG_MP_MAX_NUM_CPUS];

/* Write the first @n domain entries (pmpaddr4 onwards), last first. */
static void write_domain_addrs(const unsigned long *a, unsigned int n)
{
	switch (n) {
	case 9:
		csr_write(pmpaddr12, a[8]);
		Z_FALLTHROUGH;
	case 8:
		csr_write(pmpaddr11, a[7]);
		Z_FALLTHROUGH;
	case 7:
		csr_write(pmpaddr10, a[6]);
		Z_FALLTHROUGH;
	case 6:
		csr_write(pmpaddr9, a[5]);
		Z_FALLTHROUGH;
	case 5:
		csr_write(pmpaddr8, a[4]);
		Z_FALLTHROUGH;
	case 4:
		csr_write(pmpaddr7, a[3]);
		Z_FALLTHROUGH;
	case 3:
		csr_write(pmpaddr6, a[2]);
		Z_FALLTHROUGH;
	case 2:
		csr_write(pmpaddr5, a[1]);
		Z_FALLTHROUGH;
	case 1:
		csr_write(pmpaddr4, a[0]);
		Z_FALLTHROUGH;
	default:
		break;
	}
}

/* A user thread's PMP: its stack's entries always, its domain's image if another is in force. */
void arch_mem_domain_thread_load(struct k_thread *t)
{
	z_riscv_user_stack_pmp_load(t);
	if (!z_riscv_domain_is_loaded(t->userspace.domain)) {
		z_riscv_domain_image_load(t->userspace.domain);
	}
}

/* The switch's call when arch_thread_switch_load() could not load inline (arch_inlines.h). */
void arch_thread_switch_load_call(struct k_thread *new)
{
	if (IS_ENABLED(CONFIG_SPEED_OPTIMIZATIONS)) {
		z_riscv_domain_image_load(new->userspace.domain); /* its stack's entries are in */
	} else {
		arch_mem_domain_thread_load(new); /* built for size, all of it here */
	}
}

void z_riscv_domain_image_load(const struct k_mem_domain *domain)
{
	const struct arch_mem_domain *d = &domain->arch;

	if (IS_ENABLED(CONFIG_SPEED_OPTIMIZATIONS) && likely(d->entries <= 4U)) {
		/* Built for speed, a small image goes into a slot (arch_inlines.h). */
		if (unlikely(Z_RISCV_LOADED_GET(large) != 0U)) {
			/* After a large one: entry 12 off, the fixed ones kept. */
			csr_write(pmpcfg3, d->pmpcfg[2]);
			Z_RISCV_LOADED_SET(large, 0U);
		}
		if (!z_riscv_resident_image_switch(domain)) {
			(void)z_riscv_small_image_load(domain);
		}
		return;
	}
	/* A large image (or built for size, any): one straight run of writes, no slot left. */
	write_domain_addrs(
	    d->pmpaddr, IS_ENABLED(CONFIG_SPEED_OPTIMIZATIONS) ? d->entries : Z_PMP_DOMAIN_ENTRIES);
	/* Entries past the new image's end only need their configuration cleared. */
	csr_write(pmpcfg1, d->pmpcfg[0]);
	csr_write(pmpcfg2, d->pmpcfg[1]);
	csr_write(pmpcfg3, d->pmpcfg[2]);
	Z_RISCV_LOADED_SET(version, d->version);
	if (IS_ENABLED(CONFIG_SPEED_OPTIMIZATIONS)) {
		Z_RISCV_LOADED_SET(slot[0], 0U);
		Z_RISCV_LOADED_SET(slot[1], 0U);
		Z_RISCV_LOADED_SET(large, 1U);
	}
}
#endif /* CONFIG_USERSPACE */

#ifdef CONFIG_HW_STACK_PROTECTION
void arch_stack_guard_set(struct k_thread *t, uintptr_t guard)
{
	t->arch.pmp_addr[0] = napot_addr(guard, Z_STACK_GUARD_SIZE);
	t->arch.pmp_cfg0 = (t->arch.pmp_cfg0 & ~0xffUL) | GUARD_CFG | isr_guard_cfg0;
	t->arch.stack_limit = guard + Z_STACK_GUARD_SIZE + ESF_SIZE;
}
#endif

void z_riscv_pmp_init(void)
{
	if (SMEPMP) {
		/* Rule locking bypass first: locked rules can then still change. */
		csr_write(0x747, MSECCFG_RLB);
	}
	csr_write(pmpaddr13, (uintptr_t)__text_region_start >> 2);
	csr_write(pmpaddr14, (uintptr_t)__rodata_region_start >> 2);
	csr_write(pmpaddr15, (uintptr_t)__rom_region_end >> 2);
#ifdef CONFIG_HW_STACK_PROTECTION
	/* This hart's interrupt stack (each hart sets up its own PMP). */
	csr_write(pmpaddr3, napot_addr((uintptr_t)Z_RISCV_ISR_STACK, Z_STACK_GUARD_SIZE));
	Z_RISCV_STACK_LIMIT = (uintptr_t)Z_RISCV_ISR_STACK + Z_STACK_GUARD_SIZE + ESF_SIZE;
#endif
	csr_write(pmpcfg0, isr_guard_cfg0);
	csr_write(pmpcfg1, 0);
	csr_write(pmpcfg2, 0);
	csr_write(pmpcfg3, fixed_cfg3);
	if (SMEPMP) {
		/* From here on machine mode executes the kernel's code and nothing else. */
		csr_set(0x747, MSECCFG_MML);
	}
}
