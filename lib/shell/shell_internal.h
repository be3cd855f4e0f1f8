/*
 * The parts of the shell, each in its own file: the line editor (shell_line.c),
 * the history (shell_history.c), the parser and dispatcher (shell_cmd.c) and
 * the thread that ties them to the UART (shell.c). Only the shell thread
 * touches their state, so none of it is locked.
 */
#ifndef BREEZE_SHELL_INTERNAL_H
#define BREEZE_SHELL_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breeze/shell/shell.h>

/* Write @len bytes to the shell's terminal, as they are. */
void z_shell_write(const char *s, size_t len);
void z_shell_puts(const char *s);

/* Line editor */

/* What the shell must do after a key, beyond the editing the editor did itself. */
enum shell_key {
	SHELL_KEY_NONE,
	SHELL_KEY_ENTER, /* the line is complete */
	SHELL_KEY_UP,    /* recall an older line */
	SHELL_KEY_DOWN,  /* recall a newer one */
	SHELL_KEY_TAB,   /* complete the word at the cursor */
	SHELL_KEY_ABORT, /* Ctrl-C: line dropped */
};

struct shell_line {
	char buf[CONFIG_SHELL_CMD_BUFF_SIZE + 1]; /* always NUL-terminated at len */
	uint16_t len;
	uint16_t cursor;
	uint8_t esc;  /* where in an escape sequence: 0 none, 1 after ESC, 2 after ESC [ */
	bool last_cr; /* the previous key was CR: the LF of a CR LF pair is no second Enter */
};

/* Feed one received byte: edit the line and echo the change. */
enum shell_key z_shell_line_feed(struct shell_line *l, char c);

/* Empty the line (nothing is printed). */
void z_shell_line_reset(struct shell_line *l);

/* Replace what the terminal shows of the line by @text, the cursor at its end. */
void z_shell_line_replace(struct shell_line *l, const char *text);

/* Insert @text at the cursor, as if typed. */
void z_shell_line_insert(struct shell_line *l, const char *text);

/* History */

/* Keep @line as the newest entry (not an empty one, nor the newest again). */
void z_shell_history_add(const char *line);

/* Up: the next older entry, or NULL at the oldest. */
const char *z_shell_history_older(void);

/* Down: the next newer entry, "" past the newest, NULL when not browsing. */
const char *z_shell_history_newer(void);

/* End browsing: the next Up starts from the newest entry again. */
void z_shell_history_rewind(void);

/* Commands */

/*
 * Split @line in place into at most @max words (blanks separate them, double
 * quotes group them): their count, -E2BIG for more, -EINVAL for an open quote.
 */
int z_shell_split(char *line, char **argv, size_t max);

/* The command named @name among @parent's subcommands (NULL: the root commands). */
const struct shell_static_entry *z_shell_find(const struct shell_static_entry *parent,
					      const char *name);

/* The name of @parent's @i-th subcommand (NULL: of the @i-th root), NULL past the last. */
const char *z_shell_name_at(const struct shell_static_entry *parent, size_t i);

/* Split @line (changed in place) into words and run the command, reporting any failure. */
int z_shell_execute(const struct shell *sh, char *line);

/*
 * Complete the last word of @line (the text before the cursor): in @insert
 * what to type for it (maybe ""). True if the candidates were listed instead,
 * on lines of their own.
 */
bool z_shell_complete(const struct shell *sh, const char *line, char *insert, size_t size);

#endif /* BREEZE_SHELL_INTERNAL_H */
