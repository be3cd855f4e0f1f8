/*
 * k_thread_user_mode_enter() as Zephyr has it, with or without user mode
 * compiled in: the entry runs (unprivileged when there is user mode), the
 * thread ends when it returns, and an essential thread stops being essential
 * (its end would otherwise be a fatal error of the whole system).
 */
#include <zephyr/ztest.h>

static struct k_thread dropper;
static K_THREAD_STACK_DEFINE(dropper_stack, 1024);

#ifdef CONFIG_USERSPACE
#include <zephyr/app_memory/app_memdomain.h>

K_APPMEM_PARTITION_DEFINE(enter_part);
#define ENTER_DATA K_APP_BMEM(enter_part)
#else
#define ENTER_DATA
#endif

ENTER_DATA static volatile int entry_args;
ENTER_DATA static volatile bool entry_user;

static void entry(void *p1, void *p2, void *p3)
{
	entry_args = (int)(intptr_t)p1 + (int)(intptr_t)p2 + (int)(intptr_t)p3;
	entry_user = k_is_user_context();
}

static void drop(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_thread_user_mode_enter(entry, (void *)1, (void *)20, (void *)300);
}

ZTEST_SUITE(thread_user_mode_enter, NULL, NULL, NULL, NULL, NULL);

ZTEST(thread_user_mode_enter, test_essential_thread_enters_and_ends) {
#ifdef CONFIG_USERSPACE
	zassert_equal(k_mem_domain_add_partition(&k_mem_domain_default, &enter_part), 0);
#endif
	k_thread_create(&dropper, dropper_stack, K_THREAD_STACK_SIZEOF(dropper_stack), drop, NULL,
			NULL, NULL, 0, K_ESSENTIAL, K_NO_WAIT);
	zassert_equal(k_thread_join(&dropper, K_FOREVER), 0);
	zassert_equal(entry_args, 321);
	zassert_equal(entry_user, IS_ENABLED(CONFIG_USERSPACE));
#ifdef CONFIG_USERSPACE
	zassert_equal(k_mem_domain_remove_partition(&k_mem_domain_default, &enter_part), 0);
#endif
}
