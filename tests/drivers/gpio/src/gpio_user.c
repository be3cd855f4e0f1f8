/*
 * The GPIO system calls from user mode. A user thread granted the port uses
 * it with the same checks as supervisor code. A thread that was not granted
 * it, names a device of another class or hands a buffer it cannot write is
 * killed with an oops before the driver runs. Callbacks are supervisor-only:
 * gpio_add_callback() is no system call, and in user mode it faults on the
 * device, which is kernel memory.
 */
#include <string.h>
#include <zephyr/drivers/gpio.h>
#include "user_util.h"
#include "dut.h"

#define OTHER_CLASS DEVICE_DT_GET(DT_CHOSEN(zephyr_console))

RESULT static int ret[9];
RESULT static gpio_port_value_t user_value;
RESULT static struct gpio_callback user_cb;

static void granted_user(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	ret[0] = gpio_pin_configure(DUT, 1, GPIO_OUTPUT_LOW);
	ret[1] = gpio_pin_configure(DUT, 99, GPIO_OUTPUT);
	ret[2] =
	    gpio_pin_configure(DUT, 1, GPIO_OUTPUT | GPIO_OUTPUT_INIT_LOW | GPIO_OUTPUT_INIT_HIGH);
	ret[3] = gpio_port_set_bits_raw(DUT, BIT(1));
	ret[4] = gpio_pin_toggle(DUT, 1);
	ret[5] = gpio_pin_set(DUT, 16, 1);
	ret[6] = gpio_pin_interrupt_configure(DUT, 1, GPIO_INT_DISABLE);
	ret[7] = gpio_pin_get_raw(DUT, 1);
	ret[8] = gpio_port_get_raw(DUT, &user_value);
}

ZTEST(gpio_user, test_granted_port) {
	k_tid_t t = user_create(0, granted_user, NULL, NULL, NULL, USER_PRIO, 0);
	gpio_port_value_t value;

	memset(ret, 0x55, sizeof(ret));
	k_object_access_grant(DUT, t);
	run_to_end(t);
	zassert_equal(ret[0], 0);
	zassert_equal(ret[1], -EINVAL, "no pin 99");
	zassert_equal(ret[2], -EINVAL, "low and high at once");
	zassert_equal(ret[3], 0);
	zassert_equal(ret[4], 0);
	zassert_equal(ret[5], -EINVAL, "no pin 16");
	zassert_equal(ret[6], 0);
	zassert_ok(gpio_port_get_raw(DUT, &value));
	zassert_equal(ret[7], (value >> 1) & 1U, "what supervisor mode reads");
	zassert_equal(ret[8], 0);
	zassert_equal(user_value, value, "the same port read from both modes");
}

enum attack {
	NOT_GRANTED,
	WRONG_CLASS,
	VALUE_KERNEL_PTR,
	VALUE_NULL,
	ADD_CALLBACK,
};

static uint32_t kernel_word;
RESULT static volatile int survived;

static void ignore(const struct device *port, struct gpio_callback *cb, gpio_port_pins_t pins)
{
	ARG_UNUSED(port);
	ARG_UNUSED(cb);
	ARG_UNUSED(pins);
}

static void attacker(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	switch ((enum attack)ARG_INT(p1)) {
	case NOT_GRANTED:
		(void)gpio_pin_set(DUT, 1, 1);
		break;
	case WRONG_CLASS:
		(void)gpio_pin_get(OTHER_CLASS, 0);
		break;
	case VALUE_KERNEL_PTR:
		(void)gpio_port_get_raw(DUT, (gpio_port_value_t *)&kernel_word);
		break;
	case VALUE_NULL:
		(void)gpio_port_get_raw(DUT, NULL);
		break;
	case ADD_CALLBACK:
		gpio_init_callback(&user_cb, ignore, BIT(1));
		(void)gpio_add_callback(DUT, &user_cb);
		break;
	}
	survived++;
}

static void run_attack(enum attack a, unsigned int reason)
{
	k_tid_t t = user_create(0, attacker, INT_ARG(a), NULL, NULL, USER_PRIO, 0);

	/* Everything the call needs but the one thing that is wrong. */
	if (a == WRONG_CLASS) {
		k_object_access_grant(OTHER_CLASS, t);
	} else if (a != NOT_GRANTED) {
		k_object_access_grant(DUT, t);
	}
	survived = 0;
	kernel_word = 0x5a5a5a5a;
	run_expect_fault(t, reason);
	zassert_equal(survived, 0, "attack %d: the thread went on", a);
	zassert_equal(kernel_word, 0x5a5a5a5a, "attack %d: kernel memory written", a);
}

ZTEST(gpio_user, test_refused) {
	run_attack(NOT_GRANTED, K_ERR_KERNEL_OOPS);
	run_attack(WRONG_CLASS, K_ERR_KERNEL_OOPS);
	run_attack(VALUE_KERNEL_PTR, K_ERR_KERNEL_OOPS);
	run_attack(VALUE_NULL, K_ERR_KERNEL_OOPS);
}

ZTEST(gpio_user, test_callbacks_supervisor_only) {
	run_attack(ADD_CALLBACK, K_ERR_CPU_EXCEPTION);
}

ZTEST_SUITE(gpio_user, NULL, NULL, NULL, NULL, NULL);
