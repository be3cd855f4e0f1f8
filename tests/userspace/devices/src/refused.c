/*
 * Attack cases of the driver system calls: each user thread does one
 * forbidden thing and must end by an oops (K_ERR_KERNEL_OOPS) without doing
 * it: a device it was not granted, a device of another class, a device whose
 * init failed, something that is not a device, and buffers it may not
 * read or write.
 */
#include <string.h>
#include "user_util.h"
#include "devices.h"

static int never_called;

static int broken_init(const struct device *dev)
{
	ARG_UNUSED(dev);
	return -EIO;
}

static void broken_poll_out(const struct device *dev, unsigned char c)
{
	ARG_UNUSED(dev);
	ARG_UNUSED(c);
	never_called++;
}

static const struct uart_driver_api broken_api = { .poll_out = broken_poll_out };
DEVICE_DEFINE(broken_uart, "broken_uart", broken_init, NULL, NULL, NULL, POST_KERNEL, 0,
	      &broken_api);

K_SEM_DEFINE(some_sem, 0, 1);
static uint32_t kernel_word;
static const struct uart_config rodata_config = { .baudrate = 115200 };

enum attack {
	UART_NOT_GRANTED,
	RTC_AS_UART,
	UART_AS_RTC,
	UART_AS_ENTROPY,
	BROKEN_UART_OUT,
	SEM_AS_UART,
	NULL_DEVICE,
	READY_NOT_GRANTED,
	READY_NOT_A_DEVICE,
	POLL_IN_KERNEL_PTR,
	CONFIG_GET_NULL,
	CONFIG_GET_RODATA,
	CONFIGURE_KERNEL_PTR,
	RTC_GET_KERNEL_PTR,
	RTC_SET_NULL,
	ENTROPY_KERNEL_PTR,
	ENTROPY_TOO_LONG,
	ATTACKS
};

RESULT static volatile int survived;

static void attacker(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct rtc_time t;
	uint8_t small[16];

	switch ((enum attack)ARG_INT(p1)) {
	case UART_NOT_GRANTED:
		uart_poll_out(UART, '!');
		break;
	case RTC_AS_UART:
		uart_poll_out(RTC, '!');
		break;
	case UART_AS_RTC:
		(void)rtc_get_time(UART, &t);
		break;
	case UART_AS_ENTROPY:
		(void)entropy_get_entropy(UART, small, sizeof(small));
		break;
	case BROKEN_UART_OUT:
		uart_poll_out(BROKEN_UART, '!');
		break;
	case SEM_AS_UART:
		uart_poll_out((const struct device *)&some_sem, '!');
		break;
	case NULL_DEVICE:
		uart_poll_out(NULL, '!');
		break;
	case READY_NOT_GRANTED:
		(void)device_is_ready(RTC);
		break;
	case READY_NOT_A_DEVICE:
		(void)device_is_ready((const struct device *)&some_sem);
		break;
	case POLL_IN_KERNEL_PTR:
		(void)uart_poll_in(UART, (unsigned char *)&kernel_word);
		break;
	case CONFIG_GET_NULL:
		(void)uart_config_get(UART, NULL);
		break;
	case CONFIG_GET_RODATA:
		(void)uart_config_get(UART, (struct uart_config *)&rodata_config);
		break;
	case CONFIGURE_KERNEL_PTR:
		(void)uart_configure(UART, (const struct uart_config *)&kernel_word);
		break;
	case RTC_GET_KERNEL_PTR:
		(void)rtc_get_time(RTC, (struct rtc_time *)&kernel_word);
		break;
	case RTC_SET_NULL:
		(void)rtc_set_time(RTC, NULL);
		break;
	case ENTROPY_KERNEL_PTR:
		(void)entropy_get_entropy(RNG, (uint8_t *)&kernel_word, sizeof(kernel_word));
		break;
	case ENTROPY_TOO_LONG:
		(void)entropy_get_entropy(RNG, small, UINT16_MAX);
		break;
	default:
		break;
	}
	survived++;
}

static void run_attack(enum attack a)
{
	k_tid_t t = user_create(0, attacker, INT_ARG(a), NULL, NULL, USER_PRIO, 0);

	/* Everything a case needs besides the refused object, so only that is wrong. */
	switch (a) {
	case RTC_AS_UART:
	case READY_NOT_GRANTED:
		k_thread_access_grant(t, UART);
		if (a == RTC_AS_UART) {
			k_thread_access_grant(t, RTC);
		}
		break;
	case UART_NOT_GRANTED:
		k_thread_access_grant(t, RTC, RNG);
		break;
	case SEM_AS_UART:
	case READY_NOT_A_DEVICE:
		k_thread_access_grant(t, &some_sem);
		break;
	case BROKEN_UART_OUT:
		k_thread_access_grant(t, BROKEN_UART);
		break;
	default:
		k_thread_access_grant(t, UART, RTC, RNG);
		break;
	}
	survived = 0;
	kernel_word = 0x5a5a5a5a;
	run_expect_fault(t, K_ERR_KERNEL_OOPS);
	zassert_equal(survived, 0, "attack %d: the thread went on", a);
	zassert_equal(kernel_word, 0x5a5a5a5a, "attack %d: kernel memory written", a);
	zassert_equal(never_called, 0, "attack %d: a failed device's driver ran", a);
}

ZTEST(devices_refused, test_not_granted) {
	run_attack(UART_NOT_GRANTED);
	run_attack(READY_NOT_GRANTED);
}

ZTEST(devices_refused, test_wrong_class) {
	run_attack(RTC_AS_UART);
	run_attack(UART_AS_RTC);
	run_attack(UART_AS_ENTROPY);
}

ZTEST(devices_refused, test_not_ready_or_not_a_device) {
	run_attack(BROKEN_UART_OUT);
	run_attack(SEM_AS_UART);
	run_attack(NULL_DEVICE);
	run_attack(READY_NOT_A_DEVICE);
}

ZTEST(devices_refused, test_bad_buffers) {
	run_attack(POLL_IN_KERNEL_PTR);
	run_attack(CONFIG_GET_NULL);
	run_attack(CONFIG_GET_RODATA);
	run_attack(CONFIGURE_KERNEL_PTR);
	run_attack(RTC_GET_KERNEL_PTR);
	run_attack(RTC_SET_NULL);
	run_attack(ENTROPY_KERNEL_PTR);
	run_attack(ENTROPY_TOO_LONG);
}

ZTEST(devices_refused, test_supervisor_sees_broken_uart) {
	zassert_false(device_is_ready(BROKEN_UART));
	zassert_is_null(device_get_binding("broken_uart"));
}

ZTEST_SUITE(devices_refused, NULL, NULL, NULL, NULL, NULL);
