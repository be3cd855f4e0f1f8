/*
 * LOG_HEXDUMP_*: the message line, then one line per 16 bytes, each whole
 * in one printk() so that lines from different threads do not mix. Runs in
 * the caller's mode: a user thread reads @data itself (a buffer it may not
 * read faults it, as any access would).
 */
#include <breeze/logging/log.h>

#define BYTES_PER_LINE 16U

void z_log_hexdump(const char *tag, const char *module, const void *data, size_t length,
		   const char *str)
{
	const uint8_t *p = data;
	static const char hex[] = "0123456789abcdef";

	printk("<%s> %s: %s\n", tag, module, str);
	for (size_t off = 0; off < length; off += BYTES_PER_LINE) {
		/* "xx " per byte, a gap, "|" ASCII "|" */
		char line[BYTES_PER_LINE * 3U + 2U + BYTES_PER_LINE + 2U + 1U];
		size_t n = MIN(length - off, (size_t)BYTES_PER_LINE);
		char *h = line;
		char *a = line + BYTES_PER_LINE * 3U + 2U;

		for (size_t i = 0; i < BYTES_PER_LINE; i++) {
			if (i < n) {
				uint8_t b = p[off + i];

				h[0] = hex[b >> 4];
				h[1] = hex[b & 0xfU];
				a[1 + i] = (b >= 0x20U && b < 0x7fU) ? (char)b : '.';
			} else {
				h[0] = ' ';
				h[1] = ' ';
			}
			h[2] = ' ';
			h += 3;
		}
		h[0] = ' ';
		h[1] = ' ';
		a[0] = '|';
		a[1 + n] = '|';
		a[2 + n] = '\0';
		printk("      %08x: %s\n", (unsigned int)off, line);
	}
}
