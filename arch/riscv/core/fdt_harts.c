/*
 * How many harts the machine has, from the flattened devicetree the boot
 * ROM hands to every hart in a1 (QEMU's virt machine builds it from -smp):
 * the nodes /cpus/cpu@N. The image's own devicetree describes the board at
 * build time; this one says what this run of the machine has, so that one
 * image runs on any number of harts up to CONFIG_MP_MAX_NUM_CPUS.
 *
 * The walk reads only the structure block: tokens, node names and property
 * lengths (the FDT format: big-endian 32-bit words). Without a valid blob
 * the answer is 1: this hart alone.
 */
#include <string.h>
#include <stdint.h>
#include <breeze/sys/util.h>

#define FDT_MAGIC      0xd00dfeedU
#define FDT_BEGIN_NODE 1U
#define FDT_END_NODE   2U
#define FDT_PROP       3U
#define FDT_NOP        4U
#define FDT_END        9U
#define FDT_MAX_SIZE   0x100000U /* far beyond any machine's blob: a sanity bound */

uintptr_t z_riscv_boot_fdt; /* a1 at reset (start.S) */

static uint32_t be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

unsigned int z_riscv_fdt_harts(void)
{
	const uint8_t *fdt = (const uint8_t *)z_riscv_boot_fdt;

	if (fdt == NULL || be32(fdt) != FDT_MAGIC || be32(fdt + 4) > FDT_MAX_SIZE) {
		return 1;
	}
	const uint8_t *p = fdt + be32(fdt + 8);
	const uint8_t *end = fdt + be32(fdt + 4);
	unsigned int depth = 0;
	unsigned int cpus_depth = 0; /* depth of /cpus while inside it, else 0 */
	unsigned int harts = 0;

	while (p + 4 <= end) {
		uint32_t token = be32(p);

		p += 4;
		if (token == FDT_BEGIN_NODE) {
			const char *name = (const char *)p;
			size_t len = strnlen(name, (size_t)(end - p));

			depth++;
			if (depth == 2 && strcmp(name, "cpus") == 0) {
				cpus_depth = depth;
			} else if (cpus_depth != 0 && depth == cpus_depth + 1 &&
				   strncmp(name, "cpu@", 4) == 0) {
				harts++;
			}
			p += ROUND_UP(len + 1, 4);
		} else if (token == FDT_END_NODE) {
			if (depth == cpus_depth) {
				cpus_depth = 0;
			}
			depth--;
		} else if (token == FDT_PROP) {
			if (p + 8 > end) {
				break;
			}
			p += 8 + ROUND_UP(be32(p), 4);
		} else if (token != FDT_NOP) {
			break; /* FDT_END, or not a token: done */
		}
	}
	return harts > 0 ? harts : 1;
}
