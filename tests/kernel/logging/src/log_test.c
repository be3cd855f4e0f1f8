/*
 * What each module prints, exactly: the "<lvl> module: message" lines of the
 * levels its file allows (the module's own, a declaring file's, or
 * CONFIG_LOG_DEFAULT_LEVEL), nothing for the others, whose arguments are not
 * evaluated; hexdumps in 16-byte lines; with CONFIG_LOG off, nothing at all.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include "capture.h"

void alpha_log_all(int *evaluated);
void alpha_hexdump(const void *data, size_t len);
void alpha_more_log_all(void);
void beta_log_all(int value);
void gamma_log_error(void);
void delta_log_debug(void);

#define ON(s) (IS_ENABLED(CONFIG_LOG) ? (s) : "")

ZTEST_SUITE(logging, NULL, NULL, NULL, NULL, NULL);

ZTEST(logging, test_module_level_filters) {
	int evaluated = 0;

	capture_start();
	alpha_log_all(&evaluated);
	zassert_str_equal(capture_stop(), ON("<err> alpha: error 1\n<wrn> alpha: warning two\n"));
	zassert_equal(evaluated, 0, "a filtered message's arguments were evaluated");
}

ZTEST(logging, test_declaring_file_has_its_own_level) {
	capture_start();
	alpha_more_log_all();
	zassert_str_equal(capture_stop(),
			  ON("<err> alpha: e\n<wrn> alpha: w\n<inf> alpha: i\n<dbg> alpha: d 4\n"));
}

ZTEST(logging, test_default_level) {
	capture_start();
	beta_log_all(-7);
	zassert_str_equal(capture_stop(), ON("<wrn> beta: value -7\n"));
}

ZTEST(logging, test_level_from_log_level_macro) {
	capture_start();
	delta_log_debug();
	zassert_str_equal(capture_stop(), ON("<dbg> delta: debug via LOG_LEVEL\n"));
}

ZTEST(logging, test_level_none) {
	capture_start();
	gamma_log_error();
	zassert_str_equal(capture_stop(), "");
}

ZTEST(logging, test_hexdump) {
	static const char data[] = "Breeze\x01\x7f logs 20 bytes";

	capture_start();
	alpha_hexdump(data, 20);
	zassert_str_equal(
	    capture_stop(),
	    ON("<wrn> alpha: frame\n"
	       "      00000000: 42 72 65 65 7a 65 01 7f 20 6c 6f 67 73 20 32 30   |Breeze.. logs "
	       "20|\n"
	       "      00000010: 20 62 79 74                                       | byt|\n"));
}

ZTEST(logging, test_empty_hexdump) {
	capture_start();
	alpha_hexdump("", 0);
	zassert_str_equal(capture_stop(), ON("<wrn> alpha: frame\n"));
}
