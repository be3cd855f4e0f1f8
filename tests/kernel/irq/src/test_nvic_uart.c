/*
 * An external interrupt through the NVIC: a CMSDK UART (uart1 of mps2_an385,
 * which nothing else uses: what it sends goes nowhere) raises its transmit
 * interrupt when a byte has gone out while that interrupt is enabled in its
 * CTRL. The ISR reads INTSTATUS, clears the event (INTCLEAR) and disables the
 * interrupt so it does not repeat. Without CONFIG_UART_INTERRUPT_DRIVEN the
 * UART driver connects none of its lines.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define UART        DT_NODELABEL(uart1)
#define UART_IRQ    DT_IRQN_BY_IDX(UART, 1) /* transmit */
#define UART_REG(o) ((volatile uint32_t *)(DT_REG_ADDR(UART) + (o)))
#define UART_DATA   UART_REG(0x0)
#define UART_CTRL   UART_REG(0x8)
#define UART_INT    UART_REG(0xc) /* INTSTATUS; INTCLEAR when written */
#define CTRL_TXINT  0x04
#define INT_TX      0x01

BUILD_ASSERT(DT_NODE_HAS_COMPAT(UART, arm_cmsdk_uart));
BUILD_ASSERT(!IS_ENABLED(CONFIG_UART_INTERRUPT_DRIVEN), "the driver would own the line");

static const int uart_token = 0xc3d5;
static K_SEM_DEFINE(uart_sem, 0, 10);
static volatile unsigned int uart_isr_runs;
static volatile uint32_t uart_intstatus;
static const void *volatile uart_isr_arg;
static volatile bool uart_isr_in_isr;

static void uart_isr(const void *arg)
{
	uart_intstatus = *UART_INT;
	*UART_INT = INT_TX;
	*UART_CTRL &= ~CTRL_TXINT;
	uart_isr_runs++;
	uart_isr_arg = arg;
	uart_isr_in_isr = k_is_in_isr();
	k_sem_give(&uart_sem);
}

IRQ_CONNECT(UART_IRQ, 1, uart_isr, &uart_token, 0);

/* Send one byte with the transmit interrupt enabled: its end is the event. */
static void send_with_interrupt(void)
{
	*UART_CTRL |= CTRL_TXINT;
	*UART_DATA = 'x';
}

static void uart_irq_reset(void *fixture)
{
	ARG_UNUSED(fixture);

	*UART_CTRL &= ~CTRL_TXINT;
	*UART_INT = INT_TX;
	irq_disable(UART_IRQ);
	/* An event cleared at the UART may still be pending at the NVIC. */
	*(volatile uint32_t *)(0xe000e280U + 4U * (UART_IRQ / 32U)) = 1U << (UART_IRQ % 32U);
	k_sem_reset(&uart_sem);
	uart_isr_runs = 0;
	uart_intstatus = 0;
	uart_isr_arg = NULL;
	uart_isr_in_isr = false;
}

ZTEST_SUITE(irq_nvic, NULL, NULL, uart_irq_reset, uart_irq_reset, NULL);

ZTEST(irq_nvic, test_nvic_line_enable_state) {
	zassert_false(irq_is_enabled(UART_IRQ), "enabled before irq_enable");
	irq_enable(UART_IRQ);
	zassert_true(irq_is_enabled(UART_IRQ));
	irq_disable(UART_IRQ);
	zassert_false(irq_is_enabled(UART_IRQ));
}

ZTEST(irq_nvic, test_uart_tx_interrupt) {
	irq_enable(UART_IRQ);
	send_with_interrupt();

	zassert_equal(k_sem_take(&uart_sem, K_MSEC(10)), 0, "no UART interrupt");
	/* Any repeat would come at once; wait a little to catch one. */
	k_msleep(1);
	zassert_equal(uart_isr_runs, 1, "ISR ran %u times", uart_isr_runs);
	zassert_equal(uart_intstatus & INT_TX, INT_TX, "INTSTATUS 0x%x", uart_intstatus);
	zassert_equal_ptr(uart_isr_arg, &uart_token);
	zassert_true(uart_isr_in_isr);
	zassert_equal(*UART_CTRL & CTRL_TXINT, 0);
}

ZTEST(irq_nvic, test_disabled_nvic_line_stays_pending) {
	send_with_interrupt();
	zassert_equal(k_sem_take(&uart_sem, K_MSEC(1)), -EAGAIN, "ISR ran on a disabled line");
	zassert_equal(uart_isr_runs, 0);

	irq_enable(UART_IRQ);
	zassert_equal(k_sem_take(&uart_sem, K_MSEC(10)), 0, "pending interrupt lost");
	zassert_equal(uart_isr_runs, 1, "ISR ran %u times", uart_isr_runs);
	zassert_equal(uart_intstatus & INT_TX, INT_TX, "INTSTATUS 0x%x", uart_intstatus);
}
