/*
 * Attacks on the pool and k_msgq system calls: objects not granted, of the
 * wrong type, already initialised, not objects at all; message buffers in
 * kernel memory, in read-only memory, NULL; a stack of no entries. Each is an
 * oops of the caller that leaves the objects, the pool and the memory named
 * as they were. Sizes that cannot be allocated are errors, not oopses.
 */
#include "user_util.h"

K_HEAP_DEFINE(attack_pool, 512);

K_MSGQ_DEFINE(granted_q, sizeof(uint32_t), 4, 4);
K_MSGQ_DEFINE(ungranted_q, sizeof(uint32_t), 4, 4);
K_STACK_DEFINE(granted_stack, 4);
K_SEM_DEFINE(granted_sem, 1, 1);

static struct k_msgq fresh_q;
static struct k_msgq fresh_q2;
static struct k_stack fresh_stack;
static struct k_stack fresh_stack2;
static struct k_stack ungranted_stack;

/* Kernel memory and read-only memory user buffers must not name. */
static uint32_t kernel_word = 0x5afe;
static const uint32_t ro_word = 0x0bad;

RESULT static volatile int r[4];

typedef void (*attack_fn)(void);

static void attacker(void *fn, void *b, void *c)
{
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	((attack_fn)fn)();
	r[0] = 0x1eaf; /* only reached if the call returned */
}

static size_t pool_allocated(void)
{
	struct sys_memory_stats stats;

	sys_heap_runtime_stats_get(&attack_pool.heap, &stats);
	return stats.allocated_bytes;
}

/* Run @fn in a user thread with the pool and the granted objects; it must oops. */
static void expect_oops(attack_fn fn)
{
	k_tid_t t = user_create(0, attacker, (void *)fn, NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &attack_pool);
	k_thread_access_grant(t, &granted_q, &granted_stack, &granted_sem, &fresh_q, &fresh_q2,
			      &fresh_stack, &fresh_stack2);
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(r[0], NOT_REACHED, "the call returned");
	zassert_equal(pool_allocated(), 0, "the pool lost memory");
}

static void run_ok(attack_fn fn)
{
	k_tid_t t = user_create(0, attacker, (void *)fn, NULL, NULL, USER_PRIO, 0);

	k_thread_heap_assign(t, &attack_pool);
	k_thread_access_grant(t, &granted_q, &fresh_q, &fresh_q2, &fresh_stack, &fresh_stack2);
	run_to_end(t);
	zassert_equal(r[0], 0x1eaf);
}

static void check_granted_q_intact(void)
{
	uint32_t v = 0;

	zassert_equal(k_msgq_num_used_get(&granted_q), 1, "the queue changed");
	zassert_equal(k_msgq_peek(&granted_q, &v), 0);
	zassert_equal(v, 77);
}

static void before(void *fixture)
{
	uint32_t v = 77;

	ARG_UNUSED(fixture);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
	k_msgq_purge(&granted_q);
	k_msgq_put(&granted_q, &v, K_NO_WAIT);
}

ZTEST_SUITE(pool_attacks, NULL, NULL, before, NULL, NULL);

static void alloc_init_ungranted(void)
{
	(void)k_msgq_alloc_init(&ungranted_q, 4, 4);
}

ZTEST(pool_attacks, test_msgq_alloc_init_ungranted) {
	expect_oops(alloc_init_ungranted);
}

/* Re-initialising a queue in use would drop its messages and leak its ring. */
static void alloc_init_initialised(void)
{
	(void)k_msgq_alloc_init(&granted_q, 4, 1);
}

ZTEST(pool_attacks, test_msgq_alloc_init_of_an_initialised_queue) {
	expect_oops(alloc_init_initialised);
	check_granted_q_intact();
}

static void alloc_init_sem(void)
{
	(void)k_msgq_alloc_init((struct k_msgq *)&granted_sem, 4, 4);
}

ZTEST(pool_attacks, test_msgq_alloc_init_of_a_sem) {
	expect_oops(alloc_init_sem);
	zassert_equal(k_sem_count_get(&granted_sem), 1);
}

static void alloc_init_not_an_object(void)
{
	(void)k_msgq_alloc_init((struct k_msgq *)&kernel_word, 4, 4);
}

ZTEST(pool_attacks, test_msgq_alloc_init_of_kernel_memory) {
	expect_oops(alloc_init_not_an_object);
	zassert_equal(kernel_word, 0x5afe);
}

static void alloc_init_null(void)
{
	(void)k_msgq_alloc_init(NULL, 4, 4);
}

ZTEST(pool_attacks, test_msgq_alloc_init_null) {
	expect_oops(alloc_init_null);
}

static void put_front_kernel_buffer(void)
{
	(void)k_msgq_put_front(&granted_q, &kernel_word);
}

ZTEST(pool_attacks, test_put_front_from_kernel_memory) {
	expect_oops(put_front_kernel_buffer);
	check_granted_q_intact();
}

static void put_front_null(void)
{
	(void)k_msgq_put_front(&granted_q, NULL);
}

ZTEST(pool_attacks, test_put_front_from_null) {
	expect_oops(put_front_null);
	check_granted_q_intact();
}

static void put_front_ungranted(void)
{
	uint32_t v = 1;

	(void)k_msgq_put_front(&ungranted_q, &v);
}

ZTEST(pool_attacks, test_put_front_ungranted) {
	expect_oops(put_front_ungranted);
	zassert_equal(k_msgq_num_used_get(&ungranted_q), 0);
}

static void peek_at_into_kernel(void)
{
	(void)k_msgq_peek_at(&granted_q, &kernel_word, 0);
}

ZTEST(pool_attacks, test_peek_at_into_kernel_memory) {
	expect_oops(peek_at_into_kernel);
	zassert_equal(kernel_word, 0x5afe, "kernel memory was written");
	check_granted_q_intact();
}

static void peek_at_into_rodata(void)
{
	(void)k_msgq_peek_at(&granted_q, (void *)&ro_word, 0);
}

ZTEST(pool_attacks, test_peek_at_into_read_only_memory) {
	expect_oops(peek_at_into_rodata);
	zassert_equal(ro_word, 0x0bad);
}

static void peek_at_sem(void)
{
	uint32_t v;

	(void)k_msgq_peek_at((struct k_msgq *)&granted_sem, &v, 0);
}

ZTEST(pool_attacks, test_peek_at_of_a_sem) {
	expect_oops(peek_at_sem);
}

static void cleanup_ungranted(void)
{
	(void)k_msgq_cleanup(&ungranted_q);
}

ZTEST(pool_attacks, test_cleanup_ungranted) {
	expect_oops(cleanup_ungranted);
}

static void cleanup_sem(void)
{
	(void)k_msgq_cleanup((struct k_msgq *)&granted_sem);
}

ZTEST(pool_attacks, test_cleanup_of_a_sem) {
	expect_oops(cleanup_sem);
	zassert_equal(k_sem_count_get(&granted_sem), 1);
}

static void stack_alloc_no_entries(void)
{
	(void)k_stack_alloc_init(&fresh_stack, 0);
}

ZTEST(pool_attacks, test_stack_alloc_init_of_no_entries) {
	expect_oops(stack_alloc_no_entries);
}

static void stack_alloc_initialised(void)
{
	(void)k_stack_alloc_init(&granted_stack, 2);
}

ZTEST(pool_attacks, test_stack_alloc_init_of_an_initialised_stack) {
	zassert_equal(k_stack_push(&granted_stack, 5), 0);
	expect_oops(stack_alloc_initialised);
	stack_data_t v;

	zassert_equal(k_stack_pop(&granted_stack, &v, K_NO_WAIT), 0, "the entry is still there");
	zassert_equal(v, 5);
}

static void stack_alloc_ungranted(void)
{
	(void)k_stack_alloc_init(&ungranted_stack, 2);
}

ZTEST(pool_attacks, test_stack_alloc_init_ungranted) {
	expect_oops(stack_alloc_ungranted);
}

static void stack_alloc_queue(void)
{
	(void)k_stack_alloc_init((struct k_stack *)&granted_q, 2);
}

ZTEST(pool_attacks, test_stack_alloc_init_of_a_msgq) {
	expect_oops(stack_alloc_queue);
	check_granted_q_intact();
}

/* Sizes no pool can hold: errors, the objects stay never initialised. */
static void huge_sizes(void)
{
	uint32_t v;

	r[1] = k_msgq_alloc_init(&fresh_q, SIZE_MAX / 2, 4);
	r[2] = k_stack_alloc_init(&fresh_stack2, UINT32_MAX);
	r[3] = k_msgq_peek_at(&granted_q, &v, UINT32_MAX);
	/* Still never initialised: a real size works. */
	if (k_msgq_alloc_init(&fresh_q, 4, 2) != 0 || k_msgq_cleanup(&fresh_q) != 0) {
		r[3] = 0xbad;
	}
}

ZTEST(pool_attacks, test_huge_sizes_are_errors) {
	run_ok(huge_sizes);
	zassert_equal(r[1], -EINVAL);
	zassert_equal(r[2], -ENOMEM);
	zassert_equal(r[3], -ENOMSG);
	zassert_equal(pool_allocated(), 0);
}

/*
 * Two user threads initialise one queue: one wins; the other is refused (an
 * oops in the verifier, or the claim lost if it got past it) and leaks nothing.
 */
static void racer(void *ret, void *b, void *c)
{
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	*(volatile int *)ret = k_msgq_alloc_init(&fresh_q2, 4, 4);
}

ZTEST(pool_attacks, test_alloc_init_race) {
	k_tid_t a = user_create(0, racer, (void *)&r[1], NULL, NULL, TEST_PRIO + 1, 0);
	k_tid_t b = user_create(1, racer, (void *)&r[2], NULL, NULL, TEST_PRIO + 1, 0);

	k_thread_heap_assign(a, &attack_pool);
	k_thread_heap_assign(b, &attack_pool);
	k_thread_access_grant(a, &fresh_q2);
	k_thread_access_grant(b, &fresh_q2);
	unsigned int faults = ztest_fault_count();

	ztest_set_fault_valid(true); /* the loser may be refused by the verifier */
	k_thread_start(a);
	k_thread_start(b);
	k_thread_join(a, K_FOREVER);
	k_thread_join(b, K_FOREVER);
	ztest_set_fault_valid(false);
	/* The loser either oopsed in the verifier (already initialised) or lost the claim. */
	int wins = (r[1] == 0) + (r[2] == 0);

	zassert_equal(wins, 1, "exactly one initialises (%d, %d)", r[1], r[2]);
	zassert_true(ztest_fault_count() - faults <= 1);
	zassert_equal(k_msgq_cleanup(&fresh_q2), 0);
	zassert_equal(pool_allocated(), 0, "the loser's ring was given back");
}
