/*
 * Attacks on the pipe system calls: pipes not granted, of the wrong type,
 * not objects at all, initialised again; data buffers in kernel memory, in
 * read-only memory, in another domain, wrapping around the address space,
 * NULL; a ring on the caller's own stack or in kernel memory. Each is an oops
 * of the caller that leaves the pipe, its bytes and the memory named as they
 * were. A deadline already past is not an error: the call does not wait. A
 * reader whose buffer leaves its domain while it waits gets the bytes only in
 * the kernel's copy, and faults copying them out.
 */
#include <string.h>
#include "user_util.h"

K_PIPE_DEFINE(granted_pipe, 32, 4);
K_PIPE_DEFINE(ungranted_pipe, 32, 4);
K_SEM_DEFINE(a_sem, 1, 1);

static struct k_pipe fresh_pipe;

K_APPMEM_PARTITION_DEFINE(other_part);
K_APP_BMEM(other_part) static uint8_t other_domain_buf[16];

static uint8_t kernel_buf[16] = "kernel secret";
static const uint8_t ro_buf[16] = "read only";

RESULT static uint8_t user_buf[16];

typedef void (*attack_fn)(void);

static void attacker(void *fn, void *b, void *c)
{
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	((attack_fn)fn)();
	user_buf[0] = 0xee; /* only if the call returned */
}

static void run(attack_fn fn, bool oops)
{
	k_tid_t t = user_create(0, attacker, (void *)fn, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &granted_pipe, &a_sem, &fresh_pipe);
	user_buf[0] = 0;
	if (oops) {
		run_expect_fault(t, K_ERR_KERNEL_OOPS);
		zassert_equal(user_buf[0], 0, "the call returned");
	} else {
		run_to_end(t);
		zassert_equal(user_buf[0], 0xee);
	}
}

/* granted_pipe holds "abc" before each attack and must still hold it after. */
static void check_granted_intact(void)
{
	uint8_t b[8] = { 0 };

	zassert_equal(k_pipe_read(&granted_pipe, b, sizeof(b), K_NO_WAIT), 3,
		      "the bytes in the pipe changed");
	zassert_mem_equal(b, "abc", 3);
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_pipe_reset(&granted_pipe);
	zassert_equal(k_pipe_write(&granted_pipe, (const uint8_t *)"abc", 3, K_NO_WAIT), 3);
}

ZTEST_SUITE(pipe_attacks, NULL, NULL, before, NULL, NULL);

static void write_ungranted(void)
{
	(void)k_pipe_write(&ungranted_pipe, user_buf, 4, K_NO_WAIT);
}

ZTEST(pipe_attacks, test_write_ungranted) {
	uint8_t b[4];

	run(write_ungranted, true);
	zassert_equal(k_pipe_read(&ungranted_pipe, b, 4, K_NO_WAIT), -EAGAIN);
	check_granted_intact();
}

static void read_ungranted(void)
{
	(void)k_pipe_read(&ungranted_pipe, user_buf, 4, K_NO_WAIT);
}

ZTEST(pipe_attacks, test_read_ungranted) {
	k_pipe_write(&ungranted_pipe, (const uint8_t *)"xy", 2, K_NO_WAIT);
	run(read_ungranted, true);
	zassert_equal(k_pipe_read(&ungranted_pipe, user_buf, 4, K_NO_WAIT), 2, "bytes taken");
	check_granted_intact();
}

static void close_ungranted(void)
{
	k_pipe_close(&ungranted_pipe);
}

static void reset_ungranted(void)
{
	k_pipe_reset(&ungranted_pipe);
}

ZTEST(pipe_attacks, test_close_and_reset_ungranted) {
	run(close_ungranted, true);
	run(reset_ungranted, true);
	zassert_equal(k_pipe_write(&ungranted_pipe, (const uint8_t *)"q", 1, K_NO_WAIT), 1,
		      "closed by an attacker");
	zassert_equal(k_pipe_read(&ungranted_pipe, user_buf, 1, K_NO_WAIT), 1);
	check_granted_intact();
}

static void write_sem(void)
{
	(void)k_pipe_write((struct k_pipe *)&a_sem, user_buf, 4, K_NO_WAIT);
}

static void read_sem(void)
{
	(void)k_pipe_read((struct k_pipe *)&a_sem, user_buf, 4, K_NO_WAIT);
}

static void close_sem(void)
{
	k_pipe_close((struct k_pipe *)&a_sem);
}

ZTEST(pipe_attacks, test_wrong_type) {
	run(write_sem, true);
	run(read_sem, true);
	run(close_sem, true);
	zassert_equal(k_sem_count_get(&a_sem), 1);
	check_granted_intact();
}

static void write_not_an_object(void)
{
	(void)k_pipe_write((struct k_pipe *)kernel_buf, user_buf, 4, K_NO_WAIT);
}

static void reset_null(void)
{
	k_pipe_reset(NULL);
}

ZTEST(pipe_attacks, test_not_an_object) {
	run(write_not_an_object, true);
	run(reset_null, true);
	zassert_mem_equal(kernel_buf, "kernel secret", 14);
	check_granted_intact();
}

static void write_from_kernel(void)
{
	(void)k_pipe_write(&granted_pipe, kernel_buf, sizeof(kernel_buf), K_NO_WAIT);
}

ZTEST(pipe_attacks, test_write_from_kernel_memory) {
	run(write_from_kernel, true);
	check_granted_intact();
}

static void write_from_other_domain(void)
{
	(void)k_pipe_write(&granted_pipe, other_domain_buf, sizeof(other_domain_buf), K_NO_WAIT);
}

ZTEST(pipe_attacks, test_write_from_another_domain) {
	run(write_from_other_domain, true);
	check_granted_intact();
}

static void write_wrapping(void)
{
	(void)k_pipe_write(&granted_pipe, user_buf, SIZE_MAX - 8, K_NO_WAIT);
}

ZTEST(pipe_attacks, test_write_wrapping_range) {
	run(write_wrapping, true);
	check_granted_intact();
}

static void write_null(void)
{
	(void)k_pipe_write(&granted_pipe, NULL, 4, K_NO_WAIT);
}

ZTEST(pipe_attacks, test_write_from_null) {
	run(write_null, true);
	check_granted_intact();
}

static void read_into_kernel(void)
{
	(void)k_pipe_read(&granted_pipe, kernel_buf, 3, K_NO_WAIT);
}

ZTEST(pipe_attacks, test_read_into_kernel_memory) {
	run(read_into_kernel, true);
	zassert_mem_equal(kernel_buf, "kernel secret", 14, "kernel memory was written");
	check_granted_intact();
}

static void read_into_rodata(void)
{
	(void)k_pipe_read(&granted_pipe, (uint8_t *)ro_buf, 3, K_NO_WAIT);
}

ZTEST(pipe_attacks, test_read_into_read_only_memory) {
	run(read_into_rodata, true);
	zassert_mem_equal(ro_buf, "read only", 10);
	check_granted_intact();
}

static void read_into_other_domain(void)
{
	(void)k_pipe_read(&granted_pipe, other_domain_buf, 3, K_NO_WAIT);
}

ZTEST(pipe_attacks, test_read_into_another_domain) {
	run(read_into_other_domain, true);
	check_granted_intact();
}

/* A large read whose end is out of reach: refused before any byte is taken. */
static void read_partly_out_of_reach(void)
{
	(void)k_pipe_read(&granted_pipe, user_buf, 4096, K_NO_WAIT);
}

ZTEST(pipe_attacks, test_read_partly_out_of_reach) {
	run(read_partly_out_of_reach, true);
	check_granted_intact();
}

static void init_again(void)
{
	k_pipe_init(&granted_pipe, user_buf, sizeof(user_buf));
}

ZTEST(pipe_attacks, test_init_of_an_initialised_pipe) {
	run(init_again, true);
	check_granted_intact();
}

static void init_over_kernel(void)
{
	k_pipe_init(&fresh_pipe, kernel_buf, sizeof(kernel_buf));
}

ZTEST(pipe_attacks, test_init_over_kernel_memory) {
	run(init_over_kernel, true);
	zassert_mem_equal(kernel_buf, "kernel secret", 14);
}

static void init_over_own_stack(void)
{
	uint8_t on_stack[16];

	k_pipe_init(&fresh_pipe, on_stack, sizeof(on_stack));
}

ZTEST(pipe_attacks, test_init_over_own_stack) {
	run(init_over_own_stack, true);
}

static void init_sem(void)
{
	k_pipe_init((struct k_pipe *)&a_sem, user_buf, sizeof(user_buf));
}

ZTEST(pipe_attacks, test_init_of_a_sem) {
	run(init_sem, true);
	zassert_equal(k_sem_count_get(&a_sem), 1);
}

/*
 * Not an oops, nor an error: a negative tick count other than K_FOREVER is an
 * absolute deadline (K_TIMEOUT_ABS_TICKS()), here one long past, so neither
 * call waits: the read takes what is there, the write puts it back.
 */
static void bad_values(void)
{
	int a = k_pipe_read(&granted_pipe, user_buf, 8, (k_timeout_t){ .ticks = -5 });
	int b = k_pipe_write(&granted_pipe, user_buf, 3, (k_timeout_t){ .ticks = -5 });

	if (a != 3 || b != 3) {
		k_oops();
	}
}

ZTEST(pipe_attacks, test_past_deadline_does_not_wait) {
	run(bad_values, false);
	check_granted_intact();
}

/*
 * A reader waits on a pipe of 0 bytes for a buffer in a partition its domain
 * then loses: the writer's bytes reach only the kernel's copy of the read,
 * and the reader's copy out (checked again) is its own oops. The partition,
 * now another domain's alone, keeps its bytes.
 */
K_PIPE_DEFINE(wait_pipe, 0, 4);
K_APPMEM_PARTITION_DEFINE(lost_part);
K_APP_BMEM(lost_part) static uint8_t lost_buf[16];
static struct k_mem_domain lost_dom;

static void read_into_lost_buf(void *a, void *b, void *c)
{
	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	(void)k_pipe_read(&wait_pipe, lost_buf, sizeof(lost_buf), K_FOREVER);
	user_buf[0] = 0xee; /* only if the call returned */
}

ZTEST(pipe_attacks, test_read_buffer_lost_while_waiting) {
	struct k_mem_partition *parts[] = { &lost_part, &results_part };
	static bool ready;

	if (!ready) {
		zassert_ok(k_mem_domain_init(&lost_dom, ARRAY_SIZE(parts), parts));
		ready = true;
	}
	k_pipe_init(&wait_pipe, NULL, 0);
	memset(lost_buf, 0x5a, sizeof(lost_buf));
	user_buf[0] = 0;

	k_tid_t t = user_create(0, read_into_lost_buf, NULL, NULL, NULL, USER_PRIO, 0);

	k_mem_domain_add_thread(&lost_dom, t);
	k_object_access_grant(&wait_pipe, t);
	unsigned int faults = expect_fault(K_ERR_KERNEL_OOPS);

	k_thread_start(t); /* more urgent: it waits at once */
	zassert_ok(k_mem_domain_remove_partition(&lost_dom, &lost_part));
	zassert_equal(k_pipe_write(&wait_pipe, (const uint8_t *)"0123456789abcdef", 16, K_NO_WAIT),
		      16, "the waiting reader took the bytes");
	join_faulted(t, faults);
	zassert_equal(user_buf[0], 0, "the read returned");
	for (size_t i = 0; i < sizeof(lost_buf); i++) {
		zassert_equal(lost_buf[i], 0x5a, "written through the lost partition");
	}
	zassert_ok(k_mem_domain_add_partition(&lost_dom, &lost_part));
	check_granted_intact();
}
