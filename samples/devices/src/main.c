/*
 * A user thread that owns the UART and the RTC uses them through their
 * system calls; a user thread that owns nothing, and one that passes the RTC
 * as a UART, are stopped by the kernel. See README.md.
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/uart.h>
#include <zephyr/drivers/rtc.h>
#include <zephyr/sys/printk.h>

#define STACK_SIZE 1024

static const struct device *const uart = DEVICE_DT_GET(DT_CHOSEN(zephyr_console));
static const struct device *const rtc = DEVICE_DT_GET(DT_ALIAS(rtc));

K_THREAD_STACK_DEFINE(owner_stack, STACK_SIZE);
K_THREAD_STACK_DEFINE(stranger_stack, STACK_SIZE);
K_THREAD_STACK_DEFINE(confused_stack, STACK_SIZE);
static struct k_thread owner_thread;
static struct k_thread stranger_thread;
static struct k_thread confused_thread;

static unsigned int faults;

/* Breeze's policy ends only a faulting user thread; count them on the way. */
void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	if (reason == K_ERR_KERNEL_OOPS && k_current_get() != &owner_thread) {
		faults++;
		return; /* the faulting thread is aborted */
	}
	printk("unexpected fatal error %u\n", reason);
	sys_exit(1);
}

static void uart_puts(const char *s)
{
	while (*s != '\0') {
		uart_poll_out(uart, *s++);
	}
}

static void uart_put_number(int n, int width)
{
	char digits[12];
	int i = 0;

	do {
		digits[i++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0 && i < (int)sizeof(digits));
	while (width-- > i) {
		uart_poll_out(uart, '0');
	}
	while (i > 0) {
		uart_poll_out(uart, digits[--i]);
	}
}

static void owner(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	const struct rtc_time set = {
		.tm_year = 2026 - 1900,
		.tm_mon = 11,
		.tm_mday = 2,
		.tm_hour = 9,
		.tm_min = 30,
	};
	struct rtc_time now;

	if (rtc_set_time(rtc, &set) != 0 || rtc_get_time(rtc, &now) != 0) {
		uart_puts("owner: the RTC failed\n");
		return;
	}
	uart_puts("owner: the RTC says ");
	uart_put_number(now.tm_year + 1900, 4);
	uart_poll_out(uart, '-');
	uart_put_number(now.tm_mon + 1, 2);
	uart_poll_out(uart, '-');
	uart_put_number(now.tm_mday, 2);
	uart_poll_out(uart, ' ');
	uart_put_number(now.tm_hour, 2);
	uart_poll_out(uart, ':');
	uart_put_number(now.tm_min, 2);
	uart_puts(", printed with uart_poll_out\n");
}

static void stranger(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uart_poll_out(uart, '!'); /* not granted: the kernel ends this thread here */
	printk("stranger: not stopped\n");
}

static void confused(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	uart_poll_out(rtc, '!'); /* granted, but an RTC is not a UART */
	printk("confused: not stopped\n");
}

static k_tid_t start_user(struct k_thread *t, k_thread_stack_t *stack, k_thread_entry_t entry,
			  const char *name)
{
	k_tid_t tid = k_thread_create(t, stack, STACK_SIZE, entry, NULL, NULL, NULL,
				      K_PRIO_PREEMPT(1), K_USER, K_FOREVER);

	k_thread_name_set(tid, name);
	return tid;
}

int main(void)
{
	printk("console: %s at %#lx, IRQ %d, %d baud\n", uart->name,
	       (unsigned long)DT_REG_ADDR(DT_CHOSEN(zephyr_console)),
	       DT_IRQ(DT_CHOSEN(zephyr_console), irq),
	       DT_PROP(DT_CHOSEN(zephyr_console), current_speed));
	printk("rtc: %s at %#lx, %s\n", rtc->name, (unsigned long)DT_REG_ADDR(DT_ALIAS(rtc)),
	       device_is_ready(rtc) ? "ready" : "not ready");

	k_tid_t o = start_user(&owner_thread, owner_stack, owner, "owner");
	k_tid_t s = start_user(&stranger_thread, stranger_stack, stranger, "stranger");
	k_tid_t c = start_user(&confused_thread, confused_stack, confused, "confused");

	k_thread_access_grant(o, uart, rtc);
	k_thread_access_grant(c, rtc);

	k_thread_start(o);
	k_thread_join(o, K_FOREVER);
	k_thread_start(s);
	k_thread_join(s, K_FOREVER);
	k_thread_start(c);
	k_thread_join(c, K_FOREVER);

	printk("stopped by the kernel: %u of 2\n", faults);
	printk("RESULT: %s\n", faults == 2 ? "PASS" : "FAIL");
	sys_exit(faults == 2 ? 0 : 1);
	return 0;
}
