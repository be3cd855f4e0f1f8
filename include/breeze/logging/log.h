/*
 * Logging, immediate mode (CONFIG_LOG): each message is one printk() line,
 * "<err> module: message", printed by the caller before the macro returns.
 *
 *   LOG_MODULE_REGISTER(net, LOG_LEVEL_WRN);   in one file of the module
 *   LOG_MODULE_DECLARE(net, LOG_LEVEL_DBG);    in its other files
 *   LOG_ERR("send failed: %d", err);
 *
 * A file's level (the second argument; without one, LOG_LEVEL if the file
 * defines it before including this header, else CONFIG_LOG_DEFAULT_LEVEL)
 * filters at compile time: messages above it cost nothing. Without
 * CONFIG_LOG every macro compiles to nothing, but its arguments are still
 * type-checked against the format (and count as used).
 *
 * The format must be a string literal. Works in user threads (printk's user
 * path: the line is formatted on the caller's stack and written through a
 * system call), in ISRs and before the kernel runs threads.
 */
#ifndef BREEZE_LOGGING_LOG_H
#define BREEZE_LOGGING_LOG_H

#include <stddef.h>
#include <stdint.h>
#include <breeze/toolchain.h>
#include <breeze/sys/util.h>
#include <breeze/sys/printk.h>

#define LOG_LEVEL_NONE 0
#define LOG_LEVEL_ERR  1
#define LOG_LEVEL_WRN  2
#define LOG_LEVEL_INF  3
#define LOG_LEVEL_DBG  4

#ifndef CONFIG_LOG_DEFAULT_LEVEL
#define CONFIG_LOG_DEFAULT_LEVEL LOG_LEVEL_INF
#endif

/*
 * The level of a module registered or declared without one: LOG_LEVEL if the
 * file defines it before including this header (Zephyr's convention), else
 * CONFIG_LOG_DEFAULT_LEVEL.
 */
#ifdef LOG_LEVEL
#define Z_LOG_FILE_DEFAULT_LEVEL LOG_LEVEL
#else
#define Z_LOG_FILE_DEFAULT_LEVEL CONFIG_LOG_DEFAULT_LEVEL
#endif

/* A module: its name, in read-only data (user threads read it when they log). */
struct log_source_const_data {
	const char *name;
};

#define Z_LOG_ITEM(name) _CONCAT(log_const_, name)

/* The file's view of its module: which one, and the level this file logs up to. */
#ifdef CONFIG_LOG
#define Z_LOG_LOCAL(name, level)                                                             \
	extern const struct log_source_const_data Z_LOG_ITEM(name);                          \
	static const struct log_source_const_data *const __log_current_const_data __unused = \
	    &Z_LOG_ITEM(name);                                                               \
	enum { __log_level = (level) }

#define Z_LOG_DEFINE(mod)                                          \
	extern const struct log_source_const_data Z_LOG_ITEM(mod); \
	const struct log_source_const_data Z_LOG_ITEM(mod) = { .name = STRINGIFY(mod) }
#else
/* Nothing refers to the module: it need not exist. */
#define Z_LOG_LOCAL(name, level)                                    \
	extern const struct log_source_const_data Z_LOG_ITEM(name); \
	enum { __log_level = (level) }
#define Z_LOG_DEFINE(name) extern const struct log_source_const_data Z_LOG_ITEM(name)
#endif

/* (name) or (name, level): the level defaults to Z_LOG_FILE_DEFAULT_LEVEL. */
#define Z_LOG_REGISTER(name, level, ...) \
	Z_LOG_DEFINE(name);              \
	Z_LOG_LOCAL(name, level)
#define Z_LOG_DECLARE(name, level, ...) Z_LOG_LOCAL(name, level)

#define LOG_MODULE_REGISTER(...) Z_LOG_REGISTER(__VA_ARGS__, Z_LOG_FILE_DEFAULT_LEVEL, ~)
#define LOG_MODULE_DECLARE(...)  Z_LOG_DECLARE(__VA_ARGS__, Z_LOG_FILE_DEFAULT_LEVEL, ~)

/* Type-checks what a disabled macro would have printed. */
static inline __printf_like(1, 2) void z_log_check(const char *fmt, ...)
{
	ARG_UNUSED(fmt);
}

static inline void z_log_hexdump_check(const void *data, size_t length, const char *str)
{
	ARG_UNUSED(data);
	ARG_UNUSED(length);
	ARG_UNUSED(str);
}

/* Print @str, then @data as lines of 16 hex bytes and their ASCII. */
void z_log_hexdump(const char *tag, const char *module, const void *data, size_t length,
		   const char *str);

#ifdef CONFIG_LOG
/* The level is a constant: a filtered message is dead code, arguments not evaluated. */
#define Z_LOG(level, tag, fmt, ...)                                                       \
	do {                                                                              \
		if ((level) <= __log_level) {                                             \
			printk("<" tag "> %s: " fmt "\n", __log_current_const_data->name, \
			       ##__VA_ARGS__);                                            \
		}                                                                         \
	} while (false)

#define Z_LOG_HEXDUMP(level, tag, data, length, str)                                         \
	do {                                                                                 \
		if ((level) <= __log_level) {                                                \
			z_log_hexdump(tag, __log_current_const_data->name, (data), (length), \
				      (str));                                                \
		}                                                                            \
	} while (false)
#else
#define Z_LOG(level, tag, fmt, ...)                      \
	do {                                             \
		if (false) {                             \
			z_log_check(fmt, ##__VA_ARGS__); \
		}                                        \
	} while (false)

#define Z_LOG_HEXDUMP(level, tag, data, length, str)                  \
	do {                                                          \
		if (false) {                                          \
			z_log_hexdump_check((data), (length), (str)); \
		}                                                     \
	} while (false)
#endif

#define LOG_ERR(...) Z_LOG(LOG_LEVEL_ERR, "err", __VA_ARGS__)
#define LOG_WRN(...) Z_LOG(LOG_LEVEL_WRN, "wrn", __VA_ARGS__)
#define LOG_INF(...) Z_LOG(LOG_LEVEL_INF, "inf", __VA_ARGS__)
#define LOG_DBG(...) Z_LOG(LOG_LEVEL_DBG, "dbg", __VA_ARGS__)

#define LOG_HEXDUMP_ERR(data, length, str) Z_LOG_HEXDUMP(LOG_LEVEL_ERR, "err", data, length, str)
#define LOG_HEXDUMP_WRN(data, length, str) Z_LOG_HEXDUMP(LOG_LEVEL_WRN, "wrn", data, length, str)
#define LOG_HEXDUMP_INF(data, length, str) Z_LOG_HEXDUMP(LOG_LEVEL_INF, "inf", data, length, str)
#define LOG_HEXDUMP_DBG(data, length, str) Z_LOG_HEXDUMP(LOG_LEVEL_DBG, "dbg", data, length, str)

/* Plain printk() output through the logging API. */
#define LOG_PRINTK(...) printk(__VA_ARGS__)

/*
 * Enter panic mode (before a fatal halt, say): output must no longer be
 * deferred. Immediate mode never defers, so there is nothing to flush.
 */
static inline void log_panic(void)
{
}

#define LOG_PANIC() log_panic()

#endif /* BREEZE_LOGGING_LOG_H */
