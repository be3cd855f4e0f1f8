/*
 * The table of kernel object variables (CONFIG_USERSPACE): every static or
 * global variable of a kernel object type in the image, initialised or not,
 * by address and type.
 *
 * The registry learns of an object when it is defined (K_*_DEFINE),
 * initialised, allocated or granted. A plain `static struct k_sem s;` that
 * none of these has touched yet is still a kernel object, as in Zephyr's
 * generated object table: a user thread naming it lacks permission (-EPERM,
 * not "not an object"), and a supervisor may grant it before it is
 * initialised, through any pointer type.
 *
 * The link reserves the table (section .kobj_table, CONFIG_KOBJECT_TABLE_SIZE
 * entries) and scripts/gen_kobject_table.py fills it in place afterwards from
 * the image's debug information, sorted by address: no second link, no
 * registry slot spent on an object nobody uses, and the registry's O(1) check
 * stays the only one on the path of a valid object. The table is consulted,
 * by binary search, only for a pointer the registry does not know.
 */
#include <kobject_internal.h>

struct z_kobj_entry {
	uintptr_t addr;
	uint32_t type; /* enum k_objects */
};

struct z_kobj_table {
	uint32_t magic;
	uint32_t count;
	struct z_kobj_entry entries[CONFIG_KOBJECT_TABLE_SIZE];
};

/* Filled after the link; kernel memory, out of user reach (not in the ROM region). */
static const volatile struct z_kobj_table kobj_table __used __aligned(8)
    __attribute__((section(".kobj_table"))) = { .magic = 0 };

#define KOBJ_TABLE_MAGIC 0x6b6f626aU

enum k_objects z_object_static_type(const void *obj)
{
	uintptr_t p = (uintptr_t)obj;
	uint32_t lo = 0U;
	uint32_t hi = kobj_table.count;

	if (kobj_table.magic != KOBJ_TABLE_MAGIC || hi > CONFIG_KOBJECT_TABLE_SIZE) {
		return K_OBJ_ANY; /* not filled: an image linked without the post-link step */
	}
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2U;
		uintptr_t a = kobj_table.entries[mid].addr;

		if (a == p) {
			return (enum k_objects)kobj_table.entries[mid].type;
		}
		if (a < p) {
			lo = mid + 1U;
		} else {
			hi = mid;
		}
	}
	return K_OBJ_ANY;
}
