/*
 * Tab completion. Of the words before the cursor, all but the last must each
 * name a command one level further down the tree; the last is a prefix of
 * the names at that level. One name matches: the rest of it and a blank are
 * typed. Several match: their common part is typed, and if there is none to
 * add they are listed on a line of their own.
 */
#include <string.h>
#include <breeze/sys/util.h>
#include "shell_internal.h"

/* The length of what all names of @level starting with @prefix share, and how many there are. */
static size_t common_part(const struct shell_static_entry *level, const char *prefix,
			  const char **first, unsigned int *matches)
{
	size_t n = strlen(prefix);
	size_t common = 0;
	const char *name;

	*first = NULL;
	*matches = 0;
	for (size_t i = 0; (name = z_shell_name_at(level, i)) != NULL; i++) {
		if (strncmp(name, prefix, n) != 0) {
			continue;
		}
		if (*first == NULL) {
			*first = name;
			common = strlen(name);
		} else {
			size_t k = n;

			while (k < common && name[k] == (*first)[k]) {
				k++;
			}
			common = k;
		}
		(*matches)++;
	}
	return common;
}

static void list(const struct shell *sh, const struct shell_static_entry *level, const char *prefix)
{
	size_t n = strlen(prefix);
	const char *name;

	shell_print(sh, "");
	for (size_t i = 0; (name = z_shell_name_at(level, i)) != NULL; i++) {
		if (strncmp(name, prefix, n) == 0) {
			shell_fprintf(sh, SHELL_NORMAL, "%s  ", name);
		}
	}
	shell_print(sh, "");
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
	int argc = z_shell_split(copy, argv, CONFIG_SHELL_ARGC_MAX);

	if (argc < 0 || (new_word && argc == CONFIG_SHELL_ARGC_MAX)) {
		return false;
	}
	if (new_word) {
		argv[argc++] = "";
	}
	const struct shell_static_entry *level = NULL; /* the roots */

	for (int i = 0; i < argc - 1; i++) {
		level = z_shell_find(level, argv[i]);
		if (level == NULL || level->subcmd == NULL) {
			return false; /* not a command, or one without subcommands: nothing to offer
				       */
		}
	}
	const char *prefix = argv[argc - 1];
	const char *first;
	unsigned int matches;
	size_t common = common_part(level, prefix, &first, &matches);

	if (first == NULL) {
		return false;
	}
	size_t add = MIN(common - strlen(prefix), size - 2U);

	memcpy(insert, first + strlen(prefix), add);
	insert[add] = '\0';
	if (matches == 1U) {
		strcat(insert, " ");
		return false;
	}
	if (add == 0U) {
		list(sh, level, prefix);
		return true;
	}
	return false;
}
