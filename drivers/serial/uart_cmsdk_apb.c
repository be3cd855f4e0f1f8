/*
 * Arm CMSDK APB UART, one device per enabled "arm,cmsdk-uart" node: registers,
 * clock, baud rate and its two interrupt lines (receive, transmit) come from
 * the tree. The instance that is the tree's zephyr,console carries printk and
 * printf.
 *
 * The UART has a one-byte buffer each way and fixed 8N1 framing; only the
 * baud rate can be configured. Its interrupts are events (a byte arrived,
 * the transmit buffer emptied), cleared in INTCLEAR, so enabling the transmit
 * interrupt pends its line once by hand: an empty buffer would otherwise
 * never announce itself.
 */
#include <breeze/kernel.h>
#include <breeze/sys/console.h>
#include <breeze/drivers/uart.h>
#include <cortex_m.h>

#define DT_DRV_COMPAT arm_cmsdk_uart

struct cmsdk_uart_regs {
	volatile uint32_t data;
	volatile uint32_t state;
	volatile uint32_t ctrl;
	volatile uint32_t intstatus; /* INTCLEAR when written */
	volatile uint32_t bauddiv;
};

#define STATE_TX_FULL    (1U << 0)
#define STATE_RX_FULL    (1U << 1)
#define STATE_TX_OVERRUN (1U << 2)
#define STATE_RX_OVERRUN (1U << 3)

#define CTRL_TX_EN    (1U << 0)
#define CTRL_RX_EN    (1U << 1)
#define CTRL_TX_INTEN (1U << 2)
#define CTRL_RX_INTEN (1U << 3)

#define INT_TX (1U << 0)
#define INT_RX (1U << 1)

#define MIN_BAUDDIV 16U

struct cmsdk_uart_config {
	struct cmsdk_uart_regs *regs;
	uint32_t clock_frequency;
	uint32_t current_speed;
	bool is_console;
#ifdef CONFIG_UART_INTERRUPT_DRIVEN
	unsigned int tx_irq;
	void (*irq_config)(const struct device *dev);
#endif
};

struct cmsdk_uart_data {
	struct k_spinlock lock;
	struct uart_config cfg;
	uint8_t errors; /* UART_ERROR_* seen since the last uart_err_check() */
#ifdef CONFIG_UART_INTERRUPT_DRIVEN
	uart_irq_callback_user_data_t cb;
	void *cb_data;
#endif
};

static struct cmsdk_uart_regs *uart_regs_of(const struct device *dev)
{
	return ((const struct cmsdk_uart_config *)dev->config)->regs;
}

/* Read STATE, keeping (and clearing) its overrun bits for uart_err_check(). */
static uint32_t state_read(const struct device *dev)
{
	struct cmsdk_uart_data *data = dev->data;
	struct cmsdk_uart_regs *r = uart_regs_of(dev);
	uint32_t state = r->state;

	if ((state & STATE_RX_OVERRUN) != 0U) {
		data->errors |= UART_ERROR_OVERRUN;
		r->state = STATE_RX_OVERRUN | STATE_TX_OVERRUN; /* write one to clear */
	}
	return state;
}

static int cmsdk_uart_poll_in(const struct device *dev, unsigned char *c)
{
	struct cmsdk_uart_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);
	int ret = -1;

	if ((state_read(dev) & STATE_RX_FULL) != 0U) {
		*c = (unsigned char)uart_regs_of(dev)->data;
		ret = 0;
	}
	k_spin_unlock(&data->lock, key);
	return ret;
}

static void cmsdk_uart_poll_out(const struct device *dev, unsigned char c)
{
	struct cmsdk_uart_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	while ((state_read(dev) & STATE_TX_FULL) != 0U) {
	}
	uart_regs_of(dev)->data = c;
	k_spin_unlock(&data->lock, key);
}

static int cmsdk_uart_err_check(const struct device *dev)
{
	struct cmsdk_uart_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	(void)state_read(dev);
	int errors = data->errors;

	data->errors = 0;
	k_spin_unlock(&data->lock, key);
	return errors;
}

static int cmsdk_uart_configure(const struct device *dev, const struct uart_config *ucfg)
{
	const struct cmsdk_uart_config *cfg = dev->config;
	struct cmsdk_uart_data *data = dev->data;

	/* The framing is fixed: 8 data bits, no parity, one stop bit, no flow control. */
	if (ucfg->parity != UART_CFG_PARITY_NONE || ucfg->stop_bits != UART_CFG_STOP_BITS_1 ||
	    ucfg->data_bits != UART_CFG_DATA_BITS_8 || ucfg->flow_ctrl != UART_CFG_FLOW_CTRL_NONE) {
		return -ENOTSUP;
	}
	if (ucfg->baudrate == 0U || cfg->clock_frequency / ucfg->baudrate < MIN_BAUDDIV) {
		return -ENOTSUP;
	}
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	uart_regs_of(dev)->bauddiv = cfg->clock_frequency / ucfg->baudrate;
	data->cfg = *ucfg;
	k_spin_unlock(&data->lock, key);
	return 0;
}

static int cmsdk_uart_config_get(const struct device *dev, struct uart_config *ucfg)
{
	struct cmsdk_uart_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	*ucfg = data->cfg;
	k_spin_unlock(&data->lock, key);
	return 0;
}

#ifdef CONFIG_UART_INTERRUPT_DRIVEN

static int cmsdk_uart_fifo_fill(const struct device *dev, const uint8_t *tx, int len)
{
	if (len > 0 && (state_read(dev) & STATE_TX_FULL) == 0U) {
		uart_regs_of(dev)->data = tx[0];
		return 1;
	}
	return 0;
}

static int cmsdk_uart_fifo_read(const struct device *dev, uint8_t *rx, const int size)
{
	int n = 0;

	while (n < size && (state_read(dev) & STATE_RX_FULL) != 0U) {
		rx[n++] = (uint8_t)uart_regs_of(dev)->data;
	}
	return n;
}

static void ctrl_update(const struct device *dev, uint32_t set, uint32_t clear)
{
	struct cmsdk_uart_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);
	struct cmsdk_uart_regs *r = uart_regs_of(dev);

	r->ctrl = (r->ctrl | set) & ~clear;
	k_spin_unlock(&data->lock, key);
}

static void cmsdk_uart_irq_tx_enable(const struct device *dev)
{
	const struct cmsdk_uart_config *cfg = dev->config;

	ctrl_update(dev, CTRL_TX_INTEN, 0);
	/* An empty buffer raises no event: let the handler run once now. */
	if ((state_read(dev) & STATE_TX_FULL) == 0U) {
		NVIC_ISPR(cfg->tx_irq / 32U) = 1U << (cfg->tx_irq % 32U);
	}
}

static void cmsdk_uart_irq_tx_disable(const struct device *dev)
{
	ctrl_update(dev, 0, CTRL_TX_INTEN);
}

static void cmsdk_uart_irq_rx_enable(const struct device *dev)
{
	ctrl_update(dev, CTRL_RX_INTEN, 0);
}

static void cmsdk_uart_irq_rx_disable(const struct device *dev)
{
	ctrl_update(dev, 0, CTRL_RX_INTEN);
}

static void cmsdk_uart_irq_err_enable(const struct device *dev)
{
	ARG_UNUSED(dev); /* overruns are reported through uart_err_check() */
}

static void cmsdk_uart_irq_err_disable(const struct device *dev)
{
	ARG_UNUSED(dev);
}

static int cmsdk_uart_irq_tx_ready(const struct device *dev)
{
	return (uart_regs_of(dev)->ctrl & CTRL_TX_INTEN) != 0U &&
	       (state_read(dev) & STATE_TX_FULL) == 0U;
}

static int cmsdk_uart_irq_tx_complete(const struct device *dev)
{
	return (state_read(dev) & STATE_TX_FULL) == 0U;
}

static int cmsdk_uart_irq_rx_ready(const struct device *dev)
{
	return (uart_regs_of(dev)->ctrl & CTRL_RX_INTEN) != 0U &&
	       (state_read(dev) & STATE_RX_FULL) != 0U;
}

static int cmsdk_uart_irq_is_pending(const struct device *dev)
{
	return cmsdk_uart_irq_tx_ready(dev) || cmsdk_uart_irq_rx_ready(dev);
}

static int cmsdk_uart_irq_update(const struct device *dev)
{
	ARG_UNUSED(dev);
	return 1;
}

static void cmsdk_uart_irq_callback_set(const struct device *dev, uart_irq_callback_user_data_t cb,
					void *user_data)
{
	struct cmsdk_uart_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	data->cb = cb;
	data->cb_data = user_data;
	k_spin_unlock(&data->lock, key);
}

/* Both lines of an instance come here. */
static void cmsdk_uart_isr(const void *arg)
{
	const struct device *dev = arg;
	struct cmsdk_uart_data *data = dev->data;
	struct cmsdk_uart_regs *r = uart_regs_of(dev);

	r->intstatus = INT_TX | INT_RX; /* the events are taken: the callback looks at the state */
	if (data->cb != NULL) {
		data->cb(dev, data->cb_data);
	} else {
		/* Nobody listens: mask everything rather than interrupt forever. */
		r->ctrl &= ~(CTRL_TX_INTEN | CTRL_RX_INTEN);
	}
}

#endif /* CONFIG_UART_INTERRUPT_DRIVEN */

static const struct uart_driver_api cmsdk_uart_api = {
	.poll_in = cmsdk_uart_poll_in,
	.poll_out = cmsdk_uart_poll_out,
	.err_check = cmsdk_uart_err_check,
	.configure = cmsdk_uart_configure,
	.config_get = cmsdk_uart_config_get,
#ifdef CONFIG_UART_INTERRUPT_DRIVEN
	.fifo_fill = cmsdk_uart_fifo_fill,
	.fifo_read = cmsdk_uart_fifo_read,
	.irq_tx_enable = cmsdk_uart_irq_tx_enable,
	.irq_tx_disable = cmsdk_uart_irq_tx_disable,
	.irq_tx_ready = cmsdk_uart_irq_tx_ready,
	.irq_rx_enable = cmsdk_uart_irq_rx_enable,
	.irq_rx_disable = cmsdk_uart_irq_rx_disable,
	.irq_tx_complete = cmsdk_uart_irq_tx_complete,
	.irq_rx_ready = cmsdk_uart_irq_rx_ready,
	.irq_err_enable = cmsdk_uart_irq_err_enable,
	.irq_err_disable = cmsdk_uart_irq_err_disable,
	.irq_is_pending = cmsdk_uart_irq_is_pending,
	.irq_update = cmsdk_uart_irq_update,
	.irq_callback_set = cmsdk_uart_irq_callback_set,
#endif
};

/* The console's character output: through its device, like any other caller. */
static const struct device *console_dev;

static int console_out(int c)
{
	cmsdk_uart_poll_out(console_dev, (unsigned char)c);
	return c;
}

static int cmsdk_uart_init(const struct device *dev)
{
	const struct cmsdk_uart_config *cfg = dev->config;
	const struct uart_config line = {
		.baudrate = cfg->current_speed,
		.parity = UART_CFG_PARITY_NONE,
		.stop_bits = UART_CFG_STOP_BITS_1,
		.data_bits = UART_CFG_DATA_BITS_8,
		.flow_ctrl = UART_CFG_FLOW_CTRL_NONE,
	};
	int ret = cmsdk_uart_configure(dev, &line);

	if (ret != 0) {
		return ret;
	}
	uart_regs_of(dev)->ctrl = CTRL_TX_EN | CTRL_RX_EN;
#ifdef CONFIG_UART_INTERRUPT_DRIVEN
	cfg->irq_config(dev);
#endif
	if (cfg->is_console) {
		console_dev = dev;
		z_console_out_install(console_out);
	}
	return 0;
}

/* Whether instance @inst is the chosen console (0 when no console is chosen). */
#define CMSDK_UART_IS_CONSOLE(inst)            \
	Z_DT_IF(DT_HAS_CHOSEN(zephyr_console), \
		(DT_SAME_NODE(DT_DRV_INST(inst), DT_CHOSEN(zephyr_console))), (0))

#ifdef CONFIG_UART_INTERRUPT_DRIVEN
#define CMSDK_UART_IRQ_CONFIG(inst)                                          \
	static void cmsdk_uart_irq_config_##inst(const struct device *dev)   \
	{                                                                    \
		ARG_UNUSED(dev);                                             \
		IRQ_CONNECT(DT_INST_IRQN_BY_IDX(inst, 0), 0, cmsdk_uart_isr, \
			    DEVICE_DT_INST_GET(inst), 0);                    \
		IRQ_CONNECT(DT_INST_IRQN_BY_IDX(inst, 1), 0, cmsdk_uart_isr, \
			    DEVICE_DT_INST_GET(inst), 0);                    \
		irq_enable(DT_INST_IRQN_BY_IDX(inst, 0));                    \
		irq_enable(DT_INST_IRQN_BY_IDX(inst, 1));                    \
	}
#define CMSDK_UART_IRQ_CONFIG_FIELD(inst) \
	.tx_irq = DT_INST_IRQN_BY_IDX(inst, 1), .irq_config = cmsdk_uart_irq_config_##inst,
#else
#define CMSDK_UART_IRQ_CONFIG(inst)
#define CMSDK_UART_IRQ_CONFIG_FIELD(inst)
#endif

#define CMSDK_UART_DEFINE(inst)                                                     \
	CMSDK_UART_IRQ_CONFIG(inst)                                                 \
	static struct cmsdk_uart_data cmsdk_uart_data_##inst;                       \
	static const struct cmsdk_uart_config cmsdk_uart_config_##inst = {          \
		.regs = (struct cmsdk_uart_regs *)DT_INST_REG_ADDR(inst),           \
		.clock_frequency = DT_INST_PROP(inst, clock_frequency),             \
		.current_speed = DT_INST_PROP(inst, current_speed),                 \
		.is_console = CMSDK_UART_IS_CONSOLE(inst),                          \
		CMSDK_UART_IRQ_CONFIG_FIELD(inst)                                   \
	};                                                                          \
	DEVICE_DT_INST_DEFINE(inst, cmsdk_uart_init, NULL, &cmsdk_uart_data_##inst, \
			      &cmsdk_uart_config_##inst, PRE_KERNEL_1, 10, &cmsdk_uart_api);

DT_INST_FOREACH_STATUS_OKAY(CMSDK_UART_DEFINE)
