/*
 * Commands: a line is split into words (blanks separate them, double quotes
 * group them), the first word names a root command (SHELL_CMD_REGISTER, found
 * in the iterable section), each following word that names a subcommand
 * descends one level, and the deepest command's handler gets the rest. A
 * command without a handler prints its subcommands; "help" and "-h" print
 * help. Every failure is reported on the terminal with a reason.
 */
#include <errno.h>
#include <string.h>
#include <breeze/sys/util.h>
#include "shell_internal.h"

/* The command being run, for shell_help(). */
static const struct shell_static_entry *running;

static const struct shell_static_entry *find_root(const char *name)
{
	STRUCT_SECTION_FOREACH(shell_cmd_root, root) {
		if (strcmp(root->entry->syntax, name) == 0) {
			return root->entry;
		}
	}
	return NULL;
}

static const struct shell_static_entry *find_sub(const struct shell_static_entry *parent,
						 const char *name)
{
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

/* Split @line into at most @max words: their count, or -E2BIG / -EINVAL (open quote). */
static int split(char *line, char **argv, size_t max)
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

static void help_all(const struct shell *sh)
{
	shell_print(sh, "Available commands:");
	STRUCT_SECTION_FOREACH(shell_cmd_root, root) {
		shell_print(sh, "  %-14s: %s", root->entry->syntax,
			    root->entry->help != NULL ? root->entry->help : "");
	}
	shell_print(sh, "  %-14s: %s", "help",
		    "Print this list; <command> -h for a command's help");
}

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
	return ret;
}

int z_shell_execute(const struct shell *sh, char *line)
{
	char *argv[CONFIG_SHELL_ARGC_MAX + 1];
	int argc = split(line, argv, CONFIG_SHELL_ARGC_MAX);

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
	if (strcmp(argv[0], "help") == 0) {
		help_all(sh);
		return 0;
	}
	const struct shell_static_entry *cmd = find_root(argv[0]);

	if (cmd == NULL) {
		shell_error(sh, "%s: command not found", argv[0]);
		shell_print(sh, "Type 'help' for the list of commands.");
		return -ENOEXEC;
	}
	int depth = 0;

	for (const struct shell_static_entry *sub;
	     depth + 1 < argc && (sub = find_sub(cmd, argv[depth + 1])) != NULL; cmd = sub) {
		depth++;
	}
	return run(sh, cmd, (size_t)(argc - depth), &argv[depth]);
}

/*
 * Completion: of the words before the last, each must name a command one
 * level down; the last is a prefix. One match: its rest and a blank. Several:
 * they are listed, and their common prefix completed.
 */
static bool complete_in(const struct shell *sh, const struct shell_static_entry *set,
			const char *prefix, char *insert, size_t size)
{
	size_t n = strlen(prefix);
	const struct shell_static_entry *first = NULL;
	size_t common = 0;
	int matches = 0;

	for (const struct shell_static_entry *e = set; e->syntax != NULL; e++) {
		if (strncmp(e->syntax, prefix, n) != 0) {
			continue;
		}
		if (first == NULL) {
			first = e;
			common = strlen(e->syntax);
		} else {
			size_t i = n;

			while (i < common && e->syntax[i] == first->syntax[i]) {
				i++;
			}
			common = i;
		}
		matches++;
	}
	if (first == NULL) {
		return false;
	}
	size_t len = MIN(common - n, size - 2U);

	memcpy(insert, first->syntax + n, len);
	insert[len] = '\0';
	if (matches == 1) {
		strcat(insert, " ");
	} else if (len == 0U) {
		shell_print(sh, "");
		for (const struct shell_static_entry *e = set; e->syntax != NULL; e++) {
			if (strncmp(e->syntax, prefix, n) == 0) {
				shell_fprintf(sh, SHELL_NORMAL, "%s  ", e->syntax);
			}
		}
		shell_print(sh, "");
		return true;
	}
	return false;
}

bool z_shell_complete(const struct shell *sh, const char *line, char *insert, size_t size)
{
	char copy[CONFIG_SHELL_CMD_BUFF_SIZE + 1];
	char *argv[CONFIG_SHELL_ARGC_MAX + 1];

	insert[0] = '\0';
	strncpy(copy, line, sizeof(copy) - 1U);
	copy[sizeof(copy) - 1U] = '\0';
	size_t len = strlen(copy);
	bool new_word = len == 0U || copy[len - 1U] == ' ';
	int argc = split(copy, argv, CONFIG_SHELL_ARGC_MAX - 1);

	if (argc < 0) {
		return false;
	}
	if (new_word) {
		argv[argc++] = "";
	}
	/* The roots are an array of pointers, not of entries: build the level by hand. */
	if (argc == 1) {
		static struct shell_static_entry roots[16 + 1]; /* the first 16 roots complete */
		size_t i = 0;

		STRUCT_SECTION_FOREACH(shell_cmd_root, root) {
			if (i < ARRAY_SIZE(roots) - 1U) {
				roots[i++] = *root->entry;
			}
		}
		roots[i].syntax = NULL;
		return complete_in(sh, roots, argv[0], insert, size);
	}
	const struct shell_static_entry *cmd = find_root(argv[0]);

	for (int i = 1; cmd != NULL && i < argc - 1; i++) {
		cmd = find_sub(cmd, argv[i]);
	}
	return cmd != NULL && cmd->subcmd != NULL &&
	       complete_in(sh, cmd->subcmd->entry, argv[argc - 1], insert, size);
}
