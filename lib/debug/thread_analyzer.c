/*
 * The thread analyzer: walks the live threads (k_thread_foreach_unlocked(),
 * so the scheduler lock is not held while a stack is scanned or a line
 * printed) and measures each stack's high-water mark from its paint. With
 * CONFIG_THREAD_ANALYZER_AUTO a thread of its own prints the report
 * periodically.
 */
#include <stdio.h>
#include <breeze/kernel.h>
#include <breeze/debug/thread_analyzer.h>

struct run {
	thread_analyzer_cb cb;
};

static void visit(const struct k_thread *t, void *user_data)
{
	struct run *run = user_data;
	struct thread_analyzer_info info = { 0 };
	char addr[2 + 2 * sizeof(void *) + 1];
	size_t unused;
	const char *name = k_thread_name_get((k_tid_t)t);

	if (name == NULL || name[0] == '\0') {
		snprintf(addr, sizeof(addr), "%p", (const void *)t);
		name = addr;
	}
	info.name = name;
	info.stack_size = t->stack_info.size;
	if (k_thread_stack_space_get(t, &unused) == 0 && unused <= info.stack_size) {
		info.stack_used = info.stack_size - unused;
	}
	size_t size;

	/* Only a user thread runs system calls on it; a supervisor's would show 0 used. */
	if ((t->base.user_options & K_USER) != 0U &&
	    k_thread_priv_stack_space_get(t, &size, &unused) == 0 && unused <= size) {
		info.priv_stack_size = size;
		info.priv_stack_used = size - unused;
	}
	run->cb(&info);
}

void thread_analyzer_run(thread_analyzer_cb cb, unsigned int cpu)
{
	struct run run = { cb };

	ARG_UNUSED(cpu);
	if (cb != NULL) {
		k_thread_foreach_unlocked(visit, &run);
	}
}

static unsigned int percent(size_t used, size_t size)
{
	return size != 0U ? (unsigned int)(used * 100U / size) : 0U;
}

static void print_one(struct thread_analyzer_info *info)
{
	printk(" %-20s: STACK: unused %u usage %u / %u (%u %%)\n", info->name,
	       (unsigned int)(info->stack_size - info->stack_used), (unsigned int)info->stack_used,
	       (unsigned int)info->stack_size, percent(info->stack_used, info->stack_size));
	if (info->priv_stack_size != 0U) {
		printk(" %-20s: PRIV STACK: unused %u usage %u / %u (%u %%)\n", "",
		       (unsigned int)(info->priv_stack_size - info->priv_stack_used),
		       (unsigned int)info->priv_stack_used, (unsigned int)info->priv_stack_size,
		       percent(info->priv_stack_used, info->priv_stack_size));
	}
}

void thread_analyzer_print(unsigned int cpu)
{
	printk("Thread analyze:\n");
	thread_analyzer_run(print_one, cpu);
}

#ifdef CONFIG_THREAD_ANALYZER_AUTO
static void auto_thread(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (;;) {
		thread_analyzer_print(0);
		k_sleep(K_SECONDS(CONFIG_THREAD_ANALYZER_AUTO_INTERVAL));
	}
}

BUILD_ASSERT(CONFIG_THREAD_ANALYZER_AUTO_PRIORITY >= K_HIGHEST_APPLICATION_THREAD_PRIO &&
		 CONFIG_THREAD_ANALYZER_AUTO_PRIORITY <= K_LOWEST_APPLICATION_THREAD_PRIO,
	     "CONFIG_THREAD_ANALYZER_AUTO_PRIORITY is not a priority of this configuration "
	     "(see CONFIG_NUM_PREEMPT_PRIORITIES)");

K_THREAD_DEFINE(thread_analyzer, CONFIG_THREAD_ANALYZER_AUTO_STACK_SIZE, auto_thread, NULL, NULL,
		NULL, CONFIG_THREAD_ANALYZER_AUTO_PRIORITY, 0, 0);
#endif
