/*
 * The kernel shell (CONFIG_SHELL): an interactive command line on the
 * console UART, with Zephyr's API for commands.
 *
 * A command is a static entry: its name (syntax), a help line, an optional
 * set of subcommands and an optional handler. Root commands are registered
 * with SHELL_CMD_REGISTER() anywhere in the image: the linker gathers them
 * into one array (iterable section), so there is no central table. A set of
 * subcommands is an array ending with SHELL_SUBCMD_SET_END:
 *
 *   SHELL_STATIC_SUBCMD_SET_CREATE(sub_demo,
 *           SHELL_CMD(ping, NULL, "Answer pong.", cmd_ping),
 *           SHELL_SUBCMD_SET_END);
 *   SHELL_CMD_REGISTER(demo, &sub_demo, "Demo commands", NULL);
 *
 * A handler gets the shell and the words of the line from its own name on
 * (argv[0] is the command's name); it returns 0, or a negative errno that the
 * shell reports. Handlers run in the shell's thread, in supervisor mode.
 */
#ifndef BREEZE_SHELL_SHELL_H
#define BREEZE_SHELL_SHELL_H

#include <stddef.h>
#include <stdint.h>
#include <breeze/toolchain.h>
#include <breeze/sys/iterable_sections.h>

struct shell;

typedef int (*shell_cmd_handler)(const struct shell *sh, size_t argc, char **argv);

/* How many words a command takes after its name: required, then optional. */
struct shell_static_args {
	uint8_t mandatory; /* including the command's own name */
	uint8_t optional;
};

union shell_cmd_entry;

struct shell_static_entry {
	const char *syntax; /* NULL ends a subcommand set */
	const char *help;
	const union shell_cmd_entry *subcmd;
	shell_cmd_handler handler;
	struct shell_static_args args;
};

/* A set of subcommands (Zephyr's union also has dynamic sets, Breeze has not). */
union shell_cmd_entry {
	const struct shell_static_entry *entry;
};

/* One root command: an element of the iterable section the shell walks. */
struct shell_cmd_root {
	const struct shell_static_entry *entry;
};

/* A shell instance: Breeze has one, on the console UART. */
struct shell {
	const char *name;
};

#define SHELL_OPT_ARG_RAW 0xfe /* Zephyr's "the rest of the line" count; taken as "any" */

#define SHELL_CMD_ARG(_syntax, _subcmd, _help, _handler, _mand, _opt)                             \
	{                                                                                         \
		.syntax = (const char *)STRINGIFY(_syntax), .help = (_help), .subcmd = (_subcmd), \
		.handler = (_handler), .args = {                                                  \
			.mandatory = (_mand),                                                     \
			.optional = (_opt)                                                        \
		}                                                                                 \
	}
#define SHELL_CMD(_syntax, _subcmd, _help, _handler) \
	SHELL_CMD_ARG(_syntax, _subcmd, _help, _handler, 0, 0)
#define SHELL_SUBCMD_SET_END \
	{                    \
		NULL         \
	}

#define SHELL_STATIC_SUBCMD_SET_CREATE(name, ...)                                \
	static const struct shell_static_entry shell_##name[] = { __VA_ARGS__ }; \
	static const union shell_cmd_entry name = { .entry = shell_##name }

#define SHELL_CMD_ARG_REGISTER(_syntax, _subcmd, _help, _handler, _mand, _opt) \
	static const struct shell_static_entry _shell_entry_##_syntax =        \
	    SHELL_CMD_ARG(_syntax, _subcmd, _help, _handler, _mand, _opt);     \
	static const STRUCT_SECTION_ITERABLE(shell_cmd_root,                   \
					     _shell_root_##_syntax) = { &_shell_entry_##_syntax }
#define SHELL_CMD_REGISTER(_syntax, _subcmd, _help, _handler) \
	SHELL_CMD_ARG_REGISTER(_syntax, _subcmd, _help, _handler, 0, 0)

/* Output colours of Zephyr's shell; Breeze prints plain text and ignores them. */
enum shell_vt100_color {
	SHELL_NORMAL,
	SHELL_INFO,
	SHELL_OPTION,
	SHELL_WARNING,
	SHELL_ERROR,
};

/* Print on the shell's terminal, with "\n" turned into "\r\n". */
void shell_fprintf(const struct shell *sh, enum shell_vt100_color color, const char *fmt, ...)
    __printf_like(3, 4);

#define shell_print(_sh, _fmt, ...) shell_fprintf(_sh, SHELL_NORMAL, _fmt "\n", ##__VA_ARGS__)
#define shell_info(_sh, _fmt, ...)  shell_fprintf(_sh, SHELL_INFO, _fmt "\n", ##__VA_ARGS__)
#define shell_warn(_sh, _fmt, ...)  shell_fprintf(_sh, SHELL_WARNING, _fmt "\n", ##__VA_ARGS__)
#define shell_error(_sh, _fmt, ...) shell_fprintf(_sh, SHELL_ERROR, _fmt "\n", ##__VA_ARGS__)

/* Print the help of the command @sh is running (its subcommands, if any). */
void shell_help(const struct shell *sh);

#endif /* BREEZE_SHELL_SHELL_H */
