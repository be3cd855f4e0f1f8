/*
 * The history: the last CONFIG_SHELL_HISTORY_ENTRIES command lines in a ring,
 * browsed with Up and Down. "pos" counts back from the newest entry while
 * browsing (1 is the newest) and is 0 otherwise.
 */
#include <string.h>
#include "shell_internal.h"

#define ENTRIES CONFIG_SHELL_HISTORY_ENTRIES

static char lines[ENTRIES][CONFIG_SHELL_CMD_BUFF_SIZE + 1];
static unsigned int newest; /* index of the newest entry in lines[] */
static unsigned int count;  /* entries kept */
static unsigned int pos;

/* The entry @back steps before the newest (1: the newest). */
static const char *entry(unsigned int back)
{
	return lines[(newest + ENTRIES + 1U - back) % ENTRIES];
}

void z_shell_history_add(const char *line)
{
	pos = 0;
	if (line[0] == '\0' || (count > 0U && strcmp(entry(1), line) == 0)) {
		return;
	}
	newest = count == 0U ? 0U : (newest + 1U) % ENTRIES;
	strncpy(lines[newest], line, sizeof(lines[0]) - 1U);
	lines[newest][sizeof(lines[0]) - 1U] = '\0';
	if (count < ENTRIES) {
		count++;
	}
}

const char *z_shell_history_older(void)
{
	if (pos >= count) {
		return NULL;
	}
	pos++;
	return entry(pos);
}

const char *z_shell_history_newer(void)
{
	if (pos == 0U) {
		return NULL;
	}
	pos--;
	return pos == 0U ? "" : entry(pos);
}

void z_shell_history_rewind(void)
{
	pos = 0;
}
