/*
 * Host tests of the shell's line editor and history (lib/shell/shell_line.c,
 * shell_history.c): what each key does to the line, the exact echo a
 * terminal gets, escape sequences split anywhere, CR LF as one Enter, the
 * line's limit, and the history ring (skipped empties and repeats, wrap,
 * browsing both ways). The terminal is a buffer here.
 */
#include "../../lib/shell/shell_internal.h" /* first: the header must be self-contained */

#include <string.h>

#include "check.h"

static char term[4096];
static size_t term_len;

void z_shell_write(const char *s, size_t len)
{
	CHECK(term_len + len < sizeof(term));
	memcpy(&term[term_len], s, len);
	term_len += len;
	term[term_len] = '\0';
}

void z_shell_puts(const char *s)
{
	z_shell_write(s, strlen(s));
}

static struct shell_line line;

/* Feed @keys; the key code of the last one. The echo is in term. */
static enum shell_key feed(const char *keys)
{
	enum shell_key k = SHELL_KEY_NONE;

	term_len = 0;
	term[0] = '\0';
	while (*keys != '\0') {
		k = z_shell_line_feed(&line, *keys++);
	}
	return k;
}

static void check_line(const char *text, unsigned int cursor)
{
	CHECK(strcmp(line.buf, text) == 0);
	CHECK_EQ(line.len, strlen(text));
	CHECK_EQ(line.cursor, cursor);
}

static void test_typing_and_backspace(void)
{
	z_shell_line_reset(&line);
	CHECK_EQ_INT(feed("kernel threadz"), SHELL_KEY_NONE);
	CHECK(strcmp(term, "kernel threadz") == 0);
	feed("\x7f");
	check_line("kernel thread", 13);
	CHECK(strcmp(term, "\b \b") == 0);
	feed("\b"); /* ^H deletes too */
	check_line("kernel threa", 12);
	feed("ds");
	check_line("kernel threads", 14);
	CHECK_EQ_INT(feed("\r"), SHELL_KEY_ENTER);
	check_line("kernel threads", 14); /* the shell takes the line, then resets it */
}

static void test_cursor_editing(void)
{
	z_shell_line_reset(&line);
	feed("uptme");
	feed("\x1b[D\x1b[D");
	check_line("uptme", 3);
	CHECK(strcmp(term, "\b\b") == 0);
	feed("i");
	check_line("uptime", 4);
	CHECK(strcmp(term, "ime\b\b") == 0); /* the rest reprinted, the cursor back */
	feed("\x1b[C");
	check_line("uptime", 5);
	CHECK(strcmp(term, "m") == 0); /* right: the passed character reprinted */
	feed("\x1b[C\x1b[C\x1b[C");    /* past the end: nothing */
	check_line("uptime", 6);
	feed("\x01"); /* ^A: home */
	check_line("uptime", 0);
	feed("\x7f"); /* nothing before the cursor */
	check_line("uptime", 0);
	CHECK_EQ(term_len, 0);
	feed("\x05"); /* ^E: end */
	check_line("uptime", 6);
	feed("\x1b[H");
	check_line("uptime", 0);
	feed("\x1b[F");
	check_line("uptime", 6);
	/* Delete in the middle: the tail moves left and the last column is blanked. */
	feed("\x1b[D\x1b[D\x7f");
	check_line("uptme", 3);
	CHECK(strcmp(term, "\b\b\b"
			   "me \b\b\b") == 0);
}

static void test_escape_sequences(void)
{
	z_shell_line_reset(&line);
	CHECK_EQ_INT(feed("\x1b[A"), SHELL_KEY_UP);
	CHECK_EQ_INT(feed("\x1b[B"), SHELL_KEY_DOWN);
	/* A sequence split over several feeds is still one key. */
	CHECK_EQ_INT(feed("\x1b"), SHELL_KEY_NONE);
	CHECK_EQ_INT(feed("["), SHELL_KEY_NONE);
	CHECK_EQ_INT(feed("A"), SHELL_KEY_UP);
	/* Delete (ESC [ 3 ~) and others with parameters are skipped whole. */
	feed("ab\x1b[3~c");
	check_line("abc", 3);
	feed("\x1b[1;5C"); /* ctrl-right: ignored, not typed */
	check_line("abc", 3);
	feed("\x1bOx"); /* ESC O and a key that is no arrow: ignored */
	check_line("abc", 3);
	feed("\x1bOD"); /* an arrow of a terminal in application mode */
	check_line("abc", 2);
	feed("\x1bq"); /* ESC and anything but [ or O: both dropped */
	check_line("abc", 2);
	feed("\x05");
	CHECK_EQ_INT(feed("\t"), SHELL_KEY_TAB);
	feed("\x07\x02"); /* other control characters: ignored */
	check_line("abc", 3);
}

static void test_clear_abort_enter(void)
{
	z_shell_line_reset(&line);
	feed("garbage\x1b[D\x1b[D");
	feed("\x15"); /* ^U */
	check_line("", 0);
	CHECK(strcmp(term, "\b\b\b\b\b       \b\b\b\b\b\b\b") == 0);
	feed("junk");
	CHECK_EQ_INT(feed("\x03"), SHELL_KEY_ABORT);
	check_line("", 0);
	/* CR LF is one Enter; LF alone is one; CR CR two. */
	CHECK_EQ_INT(feed("\r"), SHELL_KEY_ENTER);
	CHECK_EQ_INT(feed("\n"), SHELL_KEY_NONE);
	CHECK_EQ_INT(feed("\n"), SHELL_KEY_ENTER);
	CHECK_EQ_INT(feed("\r"), SHELL_KEY_ENTER);
	CHECK_EQ_INT(feed("\r"), SHELL_KEY_ENTER);
}

static void test_limit_and_replace(void)
{
	char full[CONFIG_SHELL_CMD_BUFF_SIZE + 1];

	memset(full, 'x', CONFIG_SHELL_CMD_BUFF_SIZE);
	full[CONFIG_SHELL_CMD_BUFF_SIZE] = '\0';
	z_shell_line_reset(&line);
	feed(full);
	feed("y");
	check_line(full, CONFIG_SHELL_CMD_BUFF_SIZE);
	CHECK(strcmp(term, "\a") == 0); /* full: the bell, nothing inserted */

	z_shell_line_reset(&line);
	feed("kernel uptime\x1b[D");
	term_len = 0;
	z_shell_line_replace(&line, "help");
	check_line("help", 4);
	/* Back to the start, the new text, the old tail blanked and the cursor back. */
	CHECK(strcmp(term, "\b\b\b\b\b\b\b\b\b\b\b\b"
			   "help"
			   "         \b\b\b\b\b\b\b\b\b") == 0);
	term_len = 0;
	z_shell_line_replace(&line, full);
	check_line(full, CONFIG_SHELL_CMD_BUFF_SIZE);
	z_shell_line_reset(&line);
	feed("ker");
	z_shell_line_insert(&line, "nel ");
	check_line("kernel ", 7);
}

static void test_history(void)
{
	CHECK(z_shell_history_older() == NULL); /* empty */
	CHECK(z_shell_history_newer() == NULL);
	z_shell_history_add("");
	CHECK(z_shell_history_older() == NULL); /* empty lines are not kept */
	z_shell_history_add("one");
	z_shell_history_add("two");
	z_shell_history_add("two"); /* the newest again: kept once */
	z_shell_history_add("three");
	CHECK(strcmp(z_shell_history_older(), "three") == 0);
	CHECK(strcmp(z_shell_history_older(), "two") == 0);
	CHECK(strcmp(z_shell_history_older(), "one") == 0);
	CHECK(z_shell_history_older() == NULL); /* the oldest: stays */
	CHECK(strcmp(z_shell_history_newer(), "two") == 0);
	CHECK(strcmp(z_shell_history_newer(), "three") == 0);
	CHECK(strcmp(z_shell_history_newer(), "") == 0); /* past the newest: an empty line */
	CHECK(z_shell_history_newer() == NULL);
	CHECK(strcmp(z_shell_history_older(), "three") == 0);
	z_shell_history_rewind();
	CHECK(strcmp(z_shell_history_older(), "three") == 0); /* from the newest again */
	z_shell_history_add("four");                          /* adding ends browsing too */
	CHECK(strcmp(z_shell_history_older(), "four") == 0);
	z_shell_history_rewind();

	/* Wrap: only the last CONFIG_SHELL_HISTORY_ENTRIES stay, newest first. */
	char buf[16];

	for (int i = 0; i < 3 * CONFIG_SHELL_HISTORY_ENTRIES + 1; i++) {
		snprintf(buf, sizeof(buf), "cmd %d", i);
		z_shell_history_add(buf);
	}
	for (int i = 3 * CONFIG_SHELL_HISTORY_ENTRIES; i > 2 * CONFIG_SHELL_HISTORY_ENTRIES; i--) {
		const char *e = z_shell_history_older();

		snprintf(buf, sizeof(buf), "cmd %d", i);
		CHECK(e != NULL && strcmp(e, buf) == 0);
	}
	CHECK(z_shell_history_older() == NULL);
	z_shell_history_rewind();

	/* A line as long as the editor's is kept whole. */
	char full[CONFIG_SHELL_CMD_BUFF_SIZE + 1];

	memset(full, 'z', CONFIG_SHELL_CMD_BUFF_SIZE);
	full[CONFIG_SHELL_CMD_BUFF_SIZE] = '\0';
	z_shell_history_add(full);
	CHECK(strcmp(z_shell_history_older(), full) == 0);
}

int main(void)
{
	test_typing_and_backspace();
	test_cursor_editing();
	test_escape_sequences();
	test_clear_abort_enter();
	test_limit_and_replace();
	test_history();
	return check_done("shell_line");
}
