/*
 * The "kernel" commands: threads, stacks, uptime, cycles. Threads are walked
 * with k_thread_foreach_unlocked(), so printing never holds the scheduler
 * lock; a thread that ends meanwhile may cut the list short, as in Zephyr.
 */
#include <stdio.h>
#include <breeze/kernel.h>
#include "shell_internal.h"

/* The CPU running @t, or -1 when it is not running. */
static int cpu_of(const struct k_thread *t)
{
#ifdef CONFIG_SMP
	return t->base.cpu;
#else
	return t == k_current_get() ? 0 : -1;
#endif
}

static bool is_user(const struct k_thread *t)
{
	return (t->base.user_options & K_USER) != 0U;
}

/* "default", the domain's address, or "-" without user mode. */
static const char *domain_of(const struct k_thread *t, char *buf, size_t size)
{
#ifdef CONFIG_USERSPACE
	if (t->userspace.domain == &k_mem_domain_default) {
		return "default";
	}
	snprintf(buf, size, "%p", (void *)t->userspace.domain);
	return buf;
#else
	ARG_UNUSED(t);
	ARG_UNUSED(buf);
	ARG_UNUSED(size);
	return "-";
#endif
}

static const char *name_of(const struct k_thread *t)
{
	const char *name = k_thread_name_get((k_tid_t)t);

	return name != NULL && name[0] != '\0' ? name : "(unnamed)";
}

static void thread_line(const struct k_thread *t, void *user_data)
{
	const struct shell *sh = user_data;
	char state[40];
	char domain[12];
	char cpu[8] = "-";
	size_t unused = 0;
	size_t size = t->stack_info.size;

	if (cpu_of(t) >= 0) {
		snprintf(cpu, sizeof(cpu), "%d", cpu_of(t));
	}
	if (k_thread_stack_space_get(t, &unused) != 0 || unused > size) {
		unused = size;
	}
	const char *st = k_thread_state_str((k_tid_t)t, state, sizeof(state));

	if (st[0] == '\0') {
		st = cpu_of(t) >= 0 ? "running" : "ready"; /* no state bit set */
	}
	shell_print(sh, "%c%-16s %4d %-10s %3s %-4s %-10s %5u/%u", t == k_current_get() ? '*' : ' ',
		    name_of(t), t->base.prio, st, cpu, is_user(t) ? "user" : "sup",
		    domain_of(t, domain, sizeof(domain)), (unsigned int)(size - unused),
		    (unsigned int)size);
}

static int cmd_threads(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	shell_print(sh, "Threads (* current):");
	shell_print(sh, " %-16s %4s %-10s %3s %-4s %-10s %s", "name", "prio", "state", "cpu",
		    "mode", "domain", "stack used/size");
	k_thread_foreach_unlocked(thread_line, (void *)sh);
	return 0;
}

static void usage_line(const struct shell *sh, const char *name, size_t size, size_t unused)
{
	size_t used = size - unused;

	shell_print(sh, "  %-18s %6u %6u %6u %3u%%", name, (unsigned int)size, (unsigned int)used,
		    (unsigned int)unused, size != 0U ? (unsigned int)(used * 100U / size) : 0U);
}

static void stack_line(const struct k_thread *t, void *user_data)
{
	const struct shell *sh = user_data;
	size_t unused;
	size_t size = t->stack_info.size;

	if (k_thread_stack_space_get(t, &unused) != 0 || unused > size) {
		shell_print(sh, "  %-18s (not measured)", name_of(t));
		return;
	}
	usage_line(sh, name_of(t), size, unused);
	if (is_user(t) && k_thread_priv_stack_space_get(t, &size, &unused) == 0) {
		usage_line(sh, "  (privileged)", size, unused);
	}
}

static int cmd_stacks(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	shell_print(sh, "  %-18s %6s %6s %6s %4s", "thread", "size", "used", "unused", "use");
	k_thread_foreach_unlocked(stack_line, (void *)sh);
	return 0;
}

static int cmd_uptime(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	shell_print(sh, "Uptime: %u ms", (unsigned int)k_uptime_get());
	return 0;
}

static int cmd_cycles(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	shell_print(sh, "cycles: %u hw cycles", k_cycle_get_32());
	return 0;
}

SHELL_STATIC_SUBCMD_SET_CREATE(sub_kernel,
			       SHELL_CMD(cycles, NULL, "Hardware cycle counter.", cmd_cycles),
			       SHELL_CMD(stacks, NULL, "Stack usage of every thread.", cmd_stacks),
			       SHELL_CMD(threads, NULL, "List the threads.", cmd_threads),
			       SHELL_CMD(uptime, NULL, "Time since boot.", cmd_uptime),
			       SHELL_SUBCMD_SET_END);
SHELL_CMD_REGISTER(kernel, &sub_kernel, "Kernel commands", NULL);
