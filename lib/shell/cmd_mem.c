/*
 * "mem domains": every memory domain, its member threads and its partitions
 * with their user-mode rights. Without CONFIG_USERSPACE there are none, and
 * the command says so.
 */
#include <errno.h>
#include <breeze/kernel.h>
#include "shell_internal.h"

#ifdef CONFIG_USERSPACE
struct members {
	const struct k_mem_domain *domain;
	unsigned int count;
};

static void count_member(const struct k_thread *t, void *user_data)
{
	struct members *m = user_data;

	m->count += t->userspace.domain == m->domain ? 1U : 0U;
}

static void domain_lines(const struct k_mem_domain *domain, const struct k_mem_domain *copy,
			 void *user_data)
{
	const struct shell *sh = user_data;
	struct members m = { domain, 0 };

	k_thread_foreach_unlocked(count_member, &m);
	shell_print(sh, "domain %p%s: %u thread(s), %u partition(s)", (const void *)domain,
		    domain == &k_mem_domain_default ? " (default)" : "", m.count,
		    copy->num_partitions);
	for (unsigned int i = 0; i < copy->num_partitions; i++) {
		const struct k_mem_partition *p = &copy->partitions[i];
		uint8_t perm = p->attr.perm;

		shell_print(sh, "  %u: 0x%08lx-0x%08lx %6u bytes user %c%c%c", i,
			    (unsigned long)p->start, (unsigned long)(p->start + p->size - 1U),
			    (unsigned int)p->size, (perm & Z_MEM_R) != 0U ? 'r' : '-',
			    (perm & Z_MEM_W) != 0U ? 'w' : '-', (perm & Z_MEM_X) != 0U ? 'x' : '-');
	}
}

static int cmd_domains(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	k_mem_domain_foreach(domain_lines, (void *)sh);
	return 0;
}
#else
static int cmd_domains(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	shell_error(sh, "no memory domains: CONFIG_USERSPACE is off");
	return -ENOTSUP;
}
#endif

SHELL_STATIC_SUBCMD_SET_CREATE(sub_mem,
			       SHELL_CMD(domains, NULL, "Memory domains and their partitions.",
					 cmd_domains),
			       SHELL_SUBCMD_SET_END);
SHELL_CMD_REGISTER(mem, &sub_mem, "Memory commands", NULL);
