/*
 * The intruder (user mode, its own domain): two attempts to break isolation,
 * each in a thread of its own. Both must fault; the kernel reports the fault
 * and ends only the offending thread.
 */
#include "shared.h"

K_APPMEM_PARTITION_DEFINE(intruder_part);
K_APP_BMEM(intruder_part) volatile uint32_t intruder_loot;

/* Read the producer's private state: producer_part is not in this domain. */
void intruder_read_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	printk("  [intruder] reading the producer's private state at %p...\n",
	       (void *)&producer.next_value);
	intruder_loot = *(volatile uint32_t *)&producer.next_value;
	printk("  [intruder] read %u: isolation is broken!\n", (unsigned int)intruder_loot);
}

/* Scribble over the shared ring: shared_part is not in this domain either. */
void intruder_write_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	printk("  [intruder] writing into the shared ring at %p...\n", (void *)&ring);
	memset((void *)&ring, 0xff, sizeof(ring));
	printk("  [intruder] wrote the ring: isolation is broken!\n");
}
