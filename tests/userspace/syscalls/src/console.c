/*
 * printk and printf from user mode: the characters reach the console through
 * the k_str_out system call (testspec.cmake checks the lines appear whole),
 * and printf returns the number of characters written.
 */
#include <stdio.h>
#include "user_util.h"

RESULT static volatile int printf_ret;
RESULT static volatile int done;

static void print_lines(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	printk("user printk: %d %s %#x %c\n", -42, "breeze", 0xbeefU, 'k');
	printf_ret = printf("user printf: %u|%5s|%-3d|%08x\n", 7U, "ab", 5, 0x1234U);
	/* Longer than the formatter's 64-byte chunk: must come out in one piece. */
	printk("user long line: %s%s%s\n", "0123456789abcdefghijklmnopqrstuvwxyz",
	       "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789-end");
	done = k_is_user_context();
}

ZTEST(sys_console, test_printk_printf_from_user_mode) {
	printf_ret = NOT_REACHED;
	done = 0;
	run_to_end(user_create(0, print_lines, NULL, NULL, NULL, USER_PRIO, 0));
	zassert_equal(done, 1);
	zassert_equal(printf_ret, (int)strlen("user printf: 7|   ab|5  |00001234\n"));
}

ZTEST_SUITE(sys_console, NULL, NULL, NULL, NULL, NULL);
