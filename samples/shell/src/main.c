/*
 * The kernel shell on the console (docs/shell.md): something to look at.
 *
 * Besides the shell's own thread, main starts a user thread in a memory
 * domain of its own that counts, in its partition, the ticks "demo tick"
 * gives it through a semaphore (its system calls run on its privileged
 * stack), and a supervisor worker that waits on a semaphore. Then main
 * returns and the shell is the way in: try "help", "kernel threads",
 * "kernel stacks", "mem domains", "device list", and the "demo" commands
 * this file adds. Nothing runs until a key comes: an idle board sleeps.
 */
#include <errno.h>
#include <stdlib.h>
#include <breeze/kernel.h>
#include <breeze/app_memory/app_memdomain.h>
#include <breeze/shell/shell.h>

K_APPMEM_PARTITION_DEFINE(counter_part);
K_APP_BMEM(counter_part) static volatile unsigned int counts;

static struct k_mem_domain counter_domain;
K_THREAD_STACK_DEFINE(counter_stack, 1024);
static struct k_thread counter_thread;

K_SEM_DEFINE(tick_sem, 0, 1);
K_SEM_DEFINE(worker_sem, 0, 1);
K_THREAD_STACK_DEFINE(worker_stack, 1024);
static struct k_thread worker_thread;

static void counter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (;;) {
		(void)k_sem_take(&tick_sem, K_FOREVER);
		counts++;
	}
}

static void worker(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (;;) {
		(void)k_sem_take(&worker_sem, K_FOREVER);
	}
}

/* "demo counts": what the user thread counted, read from its partition. */
static int cmd_counts(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	shell_print(sh, "counter: %u", counts);
	return 0;
}

/* "demo tick": one more for the user thread to count. */
static int cmd_tick(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	k_sem_give(&tick_sem);
	k_yield(); /* let a counter of higher priority count before the next command */
	shell_print(sh, "ticked");
	return 0;
}

/* "demo sleep <ms>": the shell sleeps (time passes, other threads run). */
static int cmd_sleep(const struct shell *sh, size_t argc, char **argv)
{
	char *end;
	unsigned long ms = strtoul(argv[1], &end, 10);

	ARG_UNUSED(argc);
	if (*end != '\0' || end == argv[1] || ms > 10000U) {
		shell_error(sh, "%s: not a number of milliseconds up to 10000", argv[1]);
		return -EINVAL;
	}
	k_msleep((int32_t)ms);
	return 0;
}

/* "demo echo <word>...": the words, one per line. */
static int cmd_echo(const struct shell *sh, size_t argc, char **argv)
{
	for (size_t i = 1; i < argc; i++) {
		shell_print(sh, "argv[%u] = %s", (unsigned int)i, argv[i]);
	}
	return 0;
}

SHELL_STATIC_SUBCMD_SET_CREATE(
    sub_demo, SHELL_CMD(counts, NULL, "The user thread's count.", cmd_counts),
    SHELL_CMD_ARG(echo, NULL, "Print its arguments (1 to 4).", cmd_echo, 2, 3),
    SHELL_CMD_ARG(sleep, NULL, "Sleep <ms> milliseconds.", cmd_sleep, 2, 0),
    SHELL_CMD(tick, NULL, "Wake the user thread once.", cmd_tick), SHELL_SUBCMD_SET_END);
SHELL_CMD_REGISTER(demo, &sub_demo, "Commands of the shell sample", NULL);

int main(void)
{
	struct k_mem_partition *parts[] = { &counter_part };

	if (k_mem_domain_init(&counter_domain, ARRAY_SIZE(parts), parts) != 0) {
		printk("shell sample: no domain\n");
		return 1;
	}
	k_thread_create(&counter_thread, counter_stack, K_THREAD_STACK_SIZEOF(counter_stack),
			counter, NULL, NULL, NULL, 5, K_USER, K_FOREVER);
	k_thread_name_set(&counter_thread, "counter");
	k_object_access_grant(&tick_sem, &counter_thread);
	(void)k_mem_domain_add_thread(&counter_domain, &counter_thread);
	k_thread_start(&counter_thread);

	k_thread_create(&worker_thread, worker_stack, K_THREAD_STACK_SIZEOF(worker_stack), worker,
			NULL, NULL, NULL, 7, 0, K_NO_WAIT);
	k_thread_name_set(&worker_thread, "worker");
	printk("shell sample: type 'help'\n");
	return 0;
}
