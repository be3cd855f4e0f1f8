/*
 * Physical memory protection for user threads (CONFIG_USERSPACE).
 *
 * The kernel runs in machine mode, which no unlocked PMP entry restricts;
 * entries only describe what user mode may touch, and anything they do not
 * cover is denied. The 16 entries are used as:
 *
 *   0-1   shared code and read-only data, R-X (TOR; written once at boot)
 *   2-3   the running thread's stack, RW- (NAPOT in one entry when the
 *         region allows, else a TOR pair)
 *   4-15  the thread's memory domain, as precomputed by
 *         arch_mem_domain_encode() whenever the domain changes
 *
 * Switching to a user thread therefore writes a fixed sequence of CSRs
 * (pmpaddr2..15, pmpcfg0..3) from ready-made values and computes nothing.
 */
#include <string.h>
#include <arch_interface.h>
#include <kernel_structs.h>
#include <mem_domain_internal.h>
#include <riscv_csr.h>

#define PMP_R     0x01U
#define PMP_W     0x02U
#define PMP_X     0x04U
#define PMP_TOR   0x08U
#define PMP_NAPOT 0x18U

extern char __rom_region_start[];
extern char __rom_region_end[];

/* pmpcfg0 bytes 0-1: the code/rodata pair, the same for every thread. */
static const unsigned long rom_cfg = (unsigned long)(PMP_TOR | PMP_R | PMP_X) << 8;

static bool napot_ok(uintptr_t start, size_t size)
{
	return size >= 8U && IS_POWER_OF_TWO(size) && (start & (size - 1U)) == 0U;
}

static unsigned long napot_addr(uintptr_t start, size_t size)
{
	return (start >> 2) | ((size >> 3) - 1U);
}

/* Encode [start, start + size) into entries, from *n on; -ENOSPC past max. */
static int encode_region(unsigned long *addr, uint8_t *cfg, unsigned int *n, unsigned int max,
			 uintptr_t start, size_t size, uint8_t perm, bool *prev_tor_end_valid,
			 uintptr_t *prev_end)
{
	uintptr_t end = start + size;

	if (napot_ok(start, size)) {
		if (*n + 1U > max) {
			return -ENOSPC;
		}
		addr[*n] = napot_addr(start, size);
		cfg[*n] = (uint8_t)(PMP_NAPOT | perm);
		(*n)++;
		*prev_tor_end_valid = false;
		return 0;
	}
	if (*prev_tor_end_valid && *prev_end == start) {
		/* The previous entry's address already marks our start. */
		if (*n + 1U > max) {
			return -ENOSPC;
		}
	} else {
		if (*n + 2U > max) {
			return -ENOSPC;
		}
		addr[*n] = start >> 2;
		cfg[*n] = 0;
		(*n)++;
	}
	addr[*n] = end >> 2;
	cfg[*n] = (uint8_t)(PMP_TOR | perm);
	(*n)++;
	*prev_tor_end_valid = true;
	*prev_end = end;
	return 0;
}

int arch_mem_domain_encode(struct k_mem_domain *domain)
{
	struct k_mem_partition *sorted[CONFIG_MAX_DOMAIN_PARTITIONS];
	unsigned long addr[Z_PMP_DOMAIN_ENTRIES] = { 0 };
	uint8_t cfg[Z_PMP_DOMAIN_ENTRIES] = { 0 };
	unsigned int n = 0;
	unsigned int count = 0;
	bool tor_valid = false;
	uintptr_t prev_end = 0;

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
		uint8_t perm = sorted[i]->attr.pmp_attr & (PMP_R | PMP_W | PMP_X);

		if (perm == 0U) {
			continue; /* no user access: the default already denies it */
		}
		int ret = encode_region(addr, cfg, &n, Z_PMP_DOMAIN_ENTRIES, sorted[i]->start,
					sorted[i]->size, perm, &tor_valid, &prev_end);
		if (ret != 0) {
			return ret;
		}
	}
	static uint32_t versions;

	memcpy(domain->arch.pmpaddr, addr, sizeof(addr));
	domain->arch.entries = (uint8_t)n;
	domain->arch.version = ++versions;
	for (unsigned int w = 0; w < Z_PMP_DOMAIN_ENTRIES / 4U; w++) {
		domain->arch.pmpcfg[w] =
		    (unsigned long)cfg[4 * w] | ((unsigned long)cfg[4 * w + 1] << 8) |
		    ((unsigned long)cfg[4 * w + 2] << 16) | ((unsigned long)cfg[4 * w + 3] << 24);
	}
	return 0;
}

void arch_thread_stack_encode(struct k_thread *t)
{
	unsigned long addr[2] = { 0 };
	uint8_t cfg[2] = { 0 };
	unsigned int n = 0;
	bool tor_valid = false;
	uintptr_t prev_end = 0;

	(void)encode_region(addr, cfg, &n, 2, t->userspace.user_stack_start,
			    t->userspace.user_stack_size, PMP_R | PMP_W, &tor_valid, &prev_end);
	t->arch.pmp_stack_addr[0] = addr[0];
	t->arch.pmp_stack_addr[1] = addr[1];
	t->arch.pmp_cfg0 = rom_cfg | ((unsigned long)cfg[0] << 16) | ((unsigned long)cfg[1] << 24);
}

/* The domain image now in the PMP (one CPU), to skip what is already there. */
static struct {
	const struct k_mem_domain *domain;
	uint32_t version;
	uint8_t entries;
} loaded;

/* Write the first @n domain entries (pmpaddr4 onwards), last first. */
static void write_domain_addrs(const unsigned long *a, unsigned int n)
{
	switch (n) {
	case 12:
		csr_write(pmpaddr15, a[11]);
		Z_FALLTHROUGH;
	case 11:
		csr_write(pmpaddr14, a[10]);
		Z_FALLTHROUGH;
	case 10:
		csr_write(pmpaddr13, a[9]);
		Z_FALLTHROUGH;
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

void arch_mem_domain_thread_load(struct k_thread *t)
{
	const struct k_mem_domain *domain = t->userspace.domain;
	const struct arch_mem_domain *d = &domain->arch;

	csr_write(pmpaddr2, t->arch.pmp_stack_addr[0]);
	csr_write(pmpaddr3, t->arch.pmp_stack_addr[1]);
	csr_write(pmpcfg0, t->arch.pmp_cfg0);
	if (domain == loaded.domain && d->version == loaded.version) {
		return; /* same image: only the stack changed */
	}
	if (likely(d->entries <= 4U && loaded.entries <= 4U)) {
		/* Small domains (the usual case): one configuration word. */
		csr_write(pmpaddr4, d->pmpaddr[0]);
		csr_write(pmpaddr5, d->pmpaddr[1]);
		csr_write(pmpaddr6, d->pmpaddr[2]);
		csr_write(pmpaddr7, d->pmpaddr[3]);
		csr_write(pmpcfg1, d->pmpcfg[0]);
	} else {
		write_domain_addrs(d->pmpaddr, d->entries);
		/* Entries past the new image's end only need their configuration cleared. */
		csr_write(pmpcfg1, d->pmpcfg[0]);
		csr_write(pmpcfg2, d->pmpcfg[1]);
		csr_write(pmpcfg3, d->pmpcfg[2]);
	}
	loaded.domain = domain;
	loaded.version = d->version;
	loaded.entries = d->entries;
}

void z_riscv_pmp_init(void)
{
	csr_write(pmpaddr0, (uintptr_t)__rom_region_start >> 2);
	csr_write(pmpaddr1, (uintptr_t)__rom_region_end >> 2);
	csr_write(pmpcfg0, rom_cfg);
	csr_write(pmpcfg1, 0);
	csr_write(pmpcfg2, 0);
	csr_write(pmpcfg3, 0);
}

/* Buffer checks for system calls: the same regions the PMP gives the caller. */

struct user_region {
	uintptr_t start;
	uintptr_t end;
	uint8_t perm;
};

/* The region of the current thread that contains @addr, if any. */
static bool find_region(uintptr_t addr, struct user_region *r)
{
	const struct k_thread *t = _current;
	uintptr_t s = t->userspace.user_stack_start;

	if (addr >= s && addr - s < t->userspace.user_stack_size) {
		*r = (struct user_region){ s, s + t->userspace.user_stack_size, PMP_R | PMP_W };
		return true;
	}
	if (addr >= (uintptr_t)__rom_region_start && addr < (uintptr_t)__rom_region_end) {
		*r = (struct user_region){ (uintptr_t)__rom_region_start,
					   (uintptr_t)__rom_region_end, PMP_R | PMP_X };
		return true;
	}
	const struct k_mem_domain *d = t->userspace.domain;

	for (unsigned int i = 0; d != NULL && i < d->num_partitions; i++) {
		const struct k_mem_partition *p = &d->partitions[i];

		if (addr >= p->start && addr - p->start < p->size) {
			*r = (struct user_region){ p->start, p->start + p->size, p->attr.pmp_attr };
			return true;
		}
	}
	return false;
}

int arch_buffer_validate(const void *addr, size_t size, bool write)
{
	uintptr_t a = (uintptr_t)addr;
	struct user_region r;

	if (size == 0U) {
		return 0;
	}
	if (a + size - 1U < a || !find_region(a, &r)) {
		return -EFAULT;
	}
	if ((r.perm & (write ? PMP_W : PMP_R)) == 0U || size > r.end - a) {
		return -EFAULT;
	}
	return 0;
}

size_t arch_user_readable_len(const void *addr)
{
	struct user_region r;

	if (!find_region((uintptr_t)addr, &r) || (r.perm & PMP_R) == 0U) {
		return 0;
	}
	return r.end - (uintptr_t)addr;
}
