/*
 * User threads with grants use their devices through the driver system
 * calls: a UART (output, input in loopback, configuration, errors), the RTC,
 * the entropy source, and device_is_ready() on ready and failed devices.
 */
#include <string.h>
#include "user_util.h"
#include "devices.h"

#define UART_MCR ((volatile uint8_t *)(DT_REG_ADDR(DT_CHOSEN(zephyr_console)) + 4))
#define MCR_LOOP 0x10

RESULT static int poll_in_ret;
RESULT static unsigned char poll_in_char;
RESULT static int err_ret;
RESULT static int config_ret;
RESULT static struct uart_config config;
RESULT static int rtc_ret[2];
RESULT static struct rtc_time rtc_now;
RESULT static int entropy_ret[2];
RESULT static uint8_t entropy[2][16];
RESULT static int ready[3];

static void uart_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	static const char msg[] = "user uart: hello from user mode\n";

	for (const char *p = msg; *p != '\0'; p++) {
		uart_poll_out(UART, *p);
	}
	config_ret = uart_config_get(UART, &config);
	err_ret = uart_err_check(UART);
}

ZTEST(devices_granted, test_uart_output_and_config) {
	k_tid_t t = user_create(0, uart_user, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(UART, t);
	run_to_end(t);
	zassert_equal(config_ret, 0);
	zassert_equal(config.baudrate, 115200);
	zassert_equal(config.data_bits, UART_CFG_DATA_BITS_8);
	zassert_equal(err_ret, 0);
}

/* Sends one character in loopback and reads it back (nothing else may print). */
static void uart_loop_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	unsigned char c = 0;

	uart_poll_out(UART, 'q');
	poll_in_ret = uart_poll_in(UART, &c);
	poll_in_char = c;
}

ZTEST(devices_granted, test_uart_poll_in) {
	k_tid_t t = user_create(0, uart_loop_user, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(UART, t);
	*UART_MCR |= MCR_LOOP;
	k_thread_start(t);
	int ret = k_thread_join(t, K_MSEC(200));

	*UART_MCR &= ~MCR_LOOP;
	zassert_ok(ret);
	zassert_equal(poll_in_ret, 0);
	zassert_equal(poll_in_char, 'q');
}

static void rtc_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct rtc_time t = { .tm_year = 130, .tm_mon = 5, .tm_mday = 15, .tm_hour = 12 };

	rtc_ret[0] = rtc_set_time(RTC, &t);
	rtc_ret[1] = rtc_get_time(RTC, &rtc_now);
}

ZTEST(devices_granted, test_rtc) {
	k_tid_t t = user_create(0, rtc_user, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(RTC, t);
	run_to_end(t);
	zassert_equal(rtc_ret[0], 0);
	zassert_equal(rtc_ret[1], 0);
	zassert_equal(rtc_now.tm_year, 130);
	zassert_equal(rtc_now.tm_mday, 15);
	zassert_equal(rtc_now.tm_hour, 12);
}

static void entropy_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uint8_t local[16];

	/* Into a partition and into the thread's own stack. */
	entropy_ret[0] = entropy_get_entropy(RNG, entropy[0], sizeof(entropy[0]));
	entropy_ret[1] = entropy_get_entropy(RNG, local, sizeof(local));
	memcpy(entropy[1], local, sizeof(local));
	printk("user entropy: ");
	for (size_t i = 0; i < sizeof(local); i++) {
		printk("%02x", local[i]);
	}
	printk("\n");
}

ZTEST(devices_granted, test_entropy) {
	k_tid_t t = user_create(0, entropy_user, NULL, NULL, NULL, USER_PRIO, 0);

	memset(entropy, 0, sizeof(entropy));
	k_object_access_grant(RNG, t);
	run_to_end(t);
	zassert_equal(entropy_ret[0], 0);
	zassert_equal(entropy_ret[1], 0);
	zassert_true(memcmp(entropy[0], entropy[1], sizeof(entropy[0])) != 0);
}

static void ready_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	ready[0] = device_is_ready(UART);
	ready[1] = device_is_ready(BROKEN_UART);
	ready[2] = device_is_ready(DEVICE_DT_GET(DT_NODELABEL(plic)));
}

ZTEST(devices_granted, test_device_is_ready) {
	k_tid_t t = user_create(0, ready_user, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, UART, BROKEN_UART, DEVICE_DT_GET(DT_NODELABEL(plic)));
	run_to_end(t);
	zassert_equal(ready[0], 1);
	zassert_equal(ready[1], 0, "its init failed");
	zassert_equal(ready[2], 1, "a device of no driver class");
}

ZTEST_SUITE(devices_granted, NULL, NULL, NULL, NULL, NULL);
