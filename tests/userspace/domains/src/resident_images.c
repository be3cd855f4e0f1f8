/*
 * More domains than a hart keeps resident: on RISC-V built for speed, two
 * small domain images stay in the PMP, the one not in force with its entries
 * off, and a switch between them writes configuration words only; a third
 * domain evicts one. Three domains taking turns therefore switch by every
 * path (a flip to a resident image, a load beside the one in force, an
 * eviction), and each thread must reach its own partition and not the
 * others', above all not one whose image is still in the PMP, switched off.
 * A domain changed while its image waits there, off, must come back as it is
 * now, not as it was.
 */
#include "agent.h"

#define DOMAINS 3

K_APPMEM_PARTITION_DEFINE(part_r0);
K_APPMEM_PARTITION_DEFINE(part_r1);
K_APPMEM_PARTITION_DEFINE(part_r2);
K_APPMEM_PARTITION_DEFINE(part_extra);

K_APP_BMEM(part_r0) static uint32_t word_r0;
K_APP_BMEM(part_r1) static uint32_t word_r1;
K_APP_BMEM(part_r2) static uint32_t word_r2;
K_APP_BMEM(part_extra) static uint32_t word_extra;

K_APP_BMEM(part_ctl) static struct agent_ctl ctl_r[DOMAINS];

static struct k_mem_partition *const own_part[DOMAINS] = { &part_r0, &part_r1, &part_r2 };
static uint32_t *const own_word[DOMAINS] = { &word_r0, &word_r1, &word_r2 };
static struct k_mem_domain dom_r[DOMAINS];
static struct agent agent_r[DOMAINS];

/* What domain @i's word holds after @round rounds. */
static uint32_t value_of(unsigned int round, unsigned int i)
{
	return 0x7e500000U | round << 8 | i;
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < DOMAINS; i++) {
		struct k_mem_partition *parts[] = { &part_ctl, own_part[i] };

		zassert_equal(k_mem_domain_init(&dom_r[i], ARRAY_SIZE(parts), parts), 0);
		*own_word[i] = value_of(0, i);
	}
	word_extra = 0xe7000001;
}

ZTEST_SUITE(resident_images, NULL, NULL, before, NULL, NULL);

ZTEST(resident_images, test_three_domains_in_turn) {
	for (unsigned int i = 0; i < DOMAINS; i++) {
		agent_start(&agent_r[i], i, &ctl_r[i], &dom_r[i]);
	}
	/* In turn, forwards and backwards: every pair of images meets in the PMP both ways. */
	for (unsigned int round = 1; round <= 4U; round++) {
		for (unsigned int k = 0; k < DOMAINS; k++) {
			unsigned int i = (round & 1U) != 0U ? k : DOMAINS - 1U - k;

			zassert_equal(agent_read(&agent_r[i], own_word[i]),
				      value_of(round - 1U, i));
			agent_write(&agent_r[i], own_word[i], value_of(round, i));
			zassert_equal(*own_word[i], value_of(round, i));
		}
	}
	/*
	 * Then each must fail on the image in force just before its own came in.
	 * Written into a slot: the two others' images are the resident ones, so
	 * its own is written over the older, and the newer stays, off.
	 */
	for (unsigned int i = 0; i < DOMAINS; i++) {
		unsigned int older = (i + 1U) % DOMAINS;
		unsigned int newer = (i + 2U) % DOMAINS;

		zassert_equal(agent_read(&agent_r[older], own_word[older]), value_of(4, older));
		zassert_equal(agent_read(&agent_r[newer], own_word[newer]), value_of(4, newer));
		agent_read_faults(&agent_r[i], own_word[newer]);
		zassert_equal(*own_word[newer], value_of(4, newer));
		agent_start(&agent_r[i], i, &ctl_r[i], &dom_r[i]); /* a new one, for what follows */
	}
	/* Flipped to, already resident: the image flipped off stays out of reach. */
	zassert_equal(agent_read(&agent_r[0], own_word[0]), value_of(4, 0));
	zassert_equal(agent_read(&agent_r[1], own_word[1]), value_of(4, 1));
	agent_read_faults(&agent_r[0], own_word[1]);
	agent_write_faults(&agent_r[1], own_word[0]);
	zassert_equal(*own_word[0], value_of(4, 0));
	agent_stop(&agent_r[2]);
}

ZTEST(resident_images, test_change_while_resident_and_off) {
	agent_start(&agent_r[0], 0, &ctl_r[0], &dom_r[0]);
	agent_start(&agent_r[1], 1, &ctl_r[1], &dom_r[1]);
	zassert_equal(agent_read(&agent_r[0], own_word[0]), value_of(0, 0));
	zassert_equal(agent_read(&agent_r[1], own_word[1]), value_of(0, 1));

	/* Domain 0's image waits, off, while domain 1's is in force: it grows meanwhile. */
	zassert_equal(k_mem_domain_add_partition(&dom_r[0], &part_extra), 0);
	zassert_equal(agent_read(&agent_r[0], &word_extra), 0xe7000001);
	agent_write(&agent_r[0], &word_extra, 0xe7000002);
	zassert_equal(word_extra, 0xe7000002);

	/* And shrinks again, its grown image off in the PMP meanwhile. */
	zassert_equal(agent_read(&agent_r[1], own_word[1]), value_of(0, 1));
	zassert_equal(k_mem_domain_remove_partition(&dom_r[0], &part_extra), 0);
	zassert_equal(agent_read(&agent_r[0], own_word[0]), value_of(0, 0));
	agent_read_faults(&agent_r[0], &word_extra);
	zassert_equal(word_extra, 0xe7000002);

	/* Domain 1 never had it. */
	agent_read_faults(&agent_r[1], &word_extra);
}
