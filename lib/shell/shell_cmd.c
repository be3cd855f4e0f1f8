/*
 * Commands: a line is split into words (blanks separate them, double quotes
 * group them), the first word names a root command (SHELL_CMD_REGISTER, found
 * in the iterable section), each following word that names a subcommand
 * descends one level, and the deepest command's handler gets the rest. A
 * command without a handler prints its subcommands; "help" and "-h" print
 * help. Every failure is reported on the terminal: the parser's with their
 * reason, a handler's with its error number (after what it printed itself).
 */
#include <errno.h>
#include <string.h>
#include <breeze/sys/util.h>
#include "shell_internal.h"

/* The command being run, for shell_help(). */
static const struct shell_static_entry *running;

const char *z_shell_name_at(const struct shell_static_entry *parent, size_t i)
{
	if (parent == NULL) {
		STRUCT_SECTION_START_EXTERN(shell_cmd_root);
		STRUCT_SECTION_END_EXTERN(shell_cmd_root);
		size_t count = (size_t)(_shell_cmd_root_list_end - _shell_cmd_root_list_start);

		return i < count ? _shell_cmd_root_list_start[i].entry->syntax : NULL;
	}
	return parent->subcmd != NULL ? parent->subcmd->entry[i].syntax : NULL;
}

const struct shell_static_entry *z_shell_find(const struct shell_static_entry *parent,
					      const char *name)
{
	if (parent == NULL) {
		STRUCT_SECTION_FOREACH(shell_cmd_root, root) {
			if (strcmp(root->entry->syntax, name) == 0) {
				return root->entry;
			}
		}
		return NULL;
	}
	if (parent->subcmd == NULL) {
		return NULL;
	}
	for (const struct shell_static_entry *e = parent->subcmd->entry; e->syntax != NULL; e++) {
		if (strcmp(e->syntax, name) == 0) {
			return e;
		}
	}
	return NULL;
}

int z_shell_split(char *line, char **argv, size_t max)
{
	size_t argc = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t') {
			p++;
		}
		if (*p == '\0') {
			return (int)argc;
		}
		if (argc == max) {
			return -E2BIG;
		}
		bool quoted = *p == '"';
		char *end;

		if (quoted) {
			argv[argc++] = ++p;
			end = strchr(p, '"');
			if (end == NULL) {
				return -EINVAL;
			}
		} else {
			argv[argc++] = p;
			end = p + strcspn(p, " \t");
		}
		if (*end == '\0') {
			return (int)argc;
		}
		*end = '\0';
		p = end + 1;
	}
}

static void print_entries(const struct shell *sh, const struct shell_static_entry *e)
{
	for (; e->syntax != NULL; e++) {
		shell_print(sh, "  %-14s: %s", e->syntax, e->help != NULL ? e->help : "");
	}
}

static void help_of(const struct shell *sh, const struct shell_static_entry *cmd)
{
	shell_print(sh, "%s - %s", cmd->syntax, cmd->help != NULL ? cmd->help : "");
	if (cmd->subcmd != NULL) {
		shell_print(sh, "Subcommands:");
		print_entries(sh, cmd->subcmd->entry);
	}
}

void shell_help(const struct shell *sh)
{
	if (running != NULL) {
		help_of(sh, running);
	}
}

/* "help": the root commands, this one included. */
static int cmd_help(const struct shell *sh, size_t argc, char **argv)
{
	ARG_UNUSED(argc);
	ARG_UNUSED(argv);
	shell_print(sh, "Available commands:");
	STRUCT_SECTION_FOREACH(shell_cmd_root, root) {
		shell_print(sh, "  %-14s: %s", root->entry->syntax,
			    root->entry->help != NULL ? root->entry->help : "");
	}
	return 0;
}

SHELL_CMD_REGISTER(help, NULL, "List the commands; <command> -h for a command's help.", cmd_help);

/* Whether @argc words (the command's name included) fit what @cmd declares. */
static bool args_fit(const struct shell_static_entry *cmd, size_t argc)
{
	const struct shell_static_args *a = &cmd->args;

	if (a->mandatory == 0U) {
		return true; /* Zephyr's SHELL_CMD(): the handler checks */
	}
	return argc >= a->mandatory &&
	       (a->optional == SHELL_OPT_ARG_RAW || argc <= (size_t)a->mandatory + a->optional);
}

static int run(const struct shell *sh, const struct shell_static_entry *cmd, size_t argc,
	       char **argv)
{
	if (argc > 1U && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		help_of(sh, cmd);
		return 0;
	}
	if (cmd->handler == NULL) {
		if (argc > 1U) {
			shell_error(sh, "%s: unknown subcommand: %s", cmd->syntax, argv[1]);
			return -EINVAL;
		}
		help_of(sh, cmd);
		return cmd->subcmd != NULL ? 0 : -ENOEXEC;
	}
	if (!args_fit(cmd, argc)) {
		shell_error(sh, "%s: wrong number of arguments", cmd->syntax);
		help_of(sh, cmd);
		return -EINVAL;
	}
	running = cmd;
	int ret = cmd->handler(sh, argc, argv);

	running = NULL;
	if (ret != 0) {
		shell_error(sh, "%s: failed (%d)", cmd->syntax, ret);
	}
	return ret;
}

int z_shell_execute(const struct shell *sh, char *line)
{
	char *argv[CONFIG_SHELL_ARGC_MAX + 1];
	int argc = z_shell_split(line, argv, CONFIG_SHELL_ARGC_MAX);

	if (argc == -E2BIG) {
		shell_error(sh, "too many words (at most %d)", CONFIG_SHELL_ARGC_MAX);
		return argc;
	}
	if (argc < 0) {
		shell_error(sh, "unterminated quote");
		return argc;
	}
	if (argc == 0) {
		return 0;
	}
	argv[argc] = NULL;
	const struct shell_static_entry *cmd = z_shell_find(NULL, argv[0]);

	if (cmd == NULL) {
		shell_error(sh, "%s: command not found", argv[0]);
		shell_print(sh, "Type 'help' for the list of commands.");
		return -ENOEXEC;
	}
	int depth = 0;

	for (const struct shell_static_entry *sub;
	     depth + 1 < argc && (sub = z_shell_find(cmd, argv[depth + 1])) != NULL; cmd = sub) {
		depth++;
	}
	return run(sh, cmd, (size_t)(argc - depth), &argv[depth]);
}
