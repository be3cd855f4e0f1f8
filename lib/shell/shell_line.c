/*
 * The line editor: keys in, the edited line and its echo out. It speaks
 * the VT100 subset every terminal emulator knows: the cursor moves left with
 * a backspace character (which erases nothing) and right by reprinting the
 * character it passes, so no terminal capability is assumed beyond that.
 *
 * Keys: printable characters insert at the cursor; Backspace (DEL or ^H)
 * deletes before it; Left/Right arrows and ^A/^E move it; ^U clears the
 * line; ^C drops it; Up/Down, Tab and Enter are handed back to the shell.
 * Invariant: buf[len] == '\0' and cursor <= len.
 */
#include <string.h>
#include "shell_internal.h"

#define KEY_CTRL_A 0x01
#define KEY_CTRL_C 0x03
#define KEY_CTRL_E 0x05
#define KEY_BS     0x08
#define KEY_TAB    0x09
#define KEY_LF     0x0a
#define KEY_CR     0x0d
#define KEY_CTRL_U 0x15
#define KEY_ESC    0x1b
#define KEY_DEL    0x7f

enum { ESC_NONE, ESC_START, ESC_CSI, ESC_PARAM };

static void back(size_t n)
{
	while (n-- > 0U) {
		z_shell_write("\b", 1);
	}
}

static void spaces(size_t n)
{
	while (n-- > 0U) {
		z_shell_write(" ", 1);
	}
}

void z_shell_line_reset(struct shell_line *l)
{
	l->len = 0;
	l->cursor = 0;
	l->buf[0] = '\0';
}

static void insert(struct shell_line *l, char c)
{
	if (l->len >= CONFIG_SHELL_CMD_BUFF_SIZE) {
		z_shell_write("\a", 1); /* full: ring the bell rather than drop silently */
		return;
	}
	memmove(&l->buf[l->cursor + 1], &l->buf[l->cursor], l->len - l->cursor + 1U);
	l->buf[l->cursor] = c;
	l->len++;
	/* Reprint from the new character to the end, then come back. */
	z_shell_write(&l->buf[l->cursor], l->len - l->cursor);
	l->cursor++;
	back(l->len - l->cursor);
}

static void delete_before_cursor(struct shell_line *l)
{
	if (l->cursor == 0U) {
		return;
	}
	memmove(&l->buf[l->cursor - 1], &l->buf[l->cursor], l->len - l->cursor + 1U);
	l->cursor--;
	l->len--;
	back(1);
	z_shell_write(&l->buf[l->cursor], l->len - l->cursor);
	spaces(1); /* over the last character, now one column too far right */
	back(l->len - l->cursor + 1U);
}

static void move_to(struct shell_line *l, uint16_t pos)
{
	if (pos < l->cursor) {
		back(l->cursor - pos);
	} else {
		z_shell_write(&l->buf[l->cursor], pos - l->cursor);
	}
	l->cursor = pos;
}

static void clear(struct shell_line *l)
{
	back(l->cursor);
	spaces(l->len);
	back(l->len);
	z_shell_line_reset(l);
}

void z_shell_line_replace(struct shell_line *l, const char *text)
{
	size_t n = strnlen(text, CONFIG_SHELL_CMD_BUFF_SIZE);
	uint16_t old = l->len;

	back(l->cursor);
	memcpy(l->buf, text, n);
	l->buf[n] = '\0';
	l->len = (uint16_t)n;
	l->cursor = (uint16_t)n;
	z_shell_write(l->buf, n);
	if (old > n) {
		spaces(old - n);
		back(old - n);
	}
}

void z_shell_line_insert(struct shell_line *l, const char *text)
{
	while (*text != '\0') {
		insert(l, *text++);
	}
}

/* The final byte of ESC [ ...: an arrow, or a sequence the editor ignores. */
static enum shell_key csi_final(struct shell_line *l, char c)
{
	switch (c) {
	case 'A':
		return SHELL_KEY_UP;
	case 'B':
		return SHELL_KEY_DOWN;
	case 'C':
		if (l->cursor < l->len) {
			move_to(l, l->cursor + 1U);
		}
		return SHELL_KEY_NONE;
	case 'D':
		if (l->cursor > 0U) {
			move_to(l, l->cursor - 1U);
		}
		return SHELL_KEY_NONE;
	case 'H':
		move_to(l, 0);
		return SHELL_KEY_NONE;
	case 'F':
		move_to(l, l->len);
		return SHELL_KEY_NONE;
	default:
		return SHELL_KEY_NONE;
	}
}

/*
 * After ESC [ (or ESC O): parameter and intermediate bytes (0x20-0x3f) up to a final
 * byte (0x40-0x7e). Only the plain arrows and Home/End act; a sequence with
 * parameters (Delete is ESC [ 3 ~, Ctrl-Right ESC [ 1 ; 5 C) is skipped whole.
 */
static enum shell_key escape(struct shell_line *l, char c)
{
	if (l->esc == ESC_START) {
		/* ESC O is how a terminal in application mode sends its arrows. */
		l->esc = c == '[' || c == 'O' ? ESC_CSI : ESC_NONE;
		return SHELL_KEY_NONE;
	}
	if (c >= 0x20 && c <= 0x3f) {
		l->esc = ESC_PARAM;
		return SHELL_KEY_NONE;
	}
	bool plain = l->esc == ESC_CSI;

	l->esc = ESC_NONE;
	return plain ? csi_final(l, c) : SHELL_KEY_NONE;
}

enum shell_key z_shell_line_feed(struct shell_line *l, char c)
{
	bool after_cr = l->last_cr;

	l->last_cr = c == KEY_CR;
	if (l->esc != ESC_NONE) {
		return escape(l, c);
	}
	switch (c) {
	case KEY_CR:
		return SHELL_KEY_ENTER;
	case KEY_LF:
		return after_cr ? SHELL_KEY_NONE : SHELL_KEY_ENTER;
	case KEY_TAB:
		return SHELL_KEY_TAB;
	case KEY_ESC:
		l->esc = ESC_START;
		return SHELL_KEY_NONE;
	case KEY_BS:
	case KEY_DEL:
		delete_before_cursor(l);
		return SHELL_KEY_NONE;
	case KEY_CTRL_A:
		move_to(l, 0);
		return SHELL_KEY_NONE;
	case KEY_CTRL_E:
		move_to(l, l->len);
		return SHELL_KEY_NONE;
	case KEY_CTRL_U:
		clear(l);
		return SHELL_KEY_NONE;
	case KEY_CTRL_C:
		z_shell_line_reset(l);
		return SHELL_KEY_ABORT;
	default:
		if (c >= 0x20 && c < KEY_DEL) {
			insert(l, c);
		}
		return SHELL_KEY_NONE;
	}
}
