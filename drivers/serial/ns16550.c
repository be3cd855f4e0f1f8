/*
 * NS16550 UART, one device per enabled "ns16550" node: registers, register
 * spacing, input clock, baud rate and interrupt all come from the tree. The
 * instance that is the tree's zephyr,console carries printk and printf.
 *
 * Polling API always; the interrupt-driven API with
 * CONFIG_UART_INTERRUPT_DRIVEN (the handler calls the callback the
 * application set, which then uses uart_fifo_fill/read and friends).
 */
#include <breeze/kernel.h>
#include <breeze/sys/console.h>
#include <breeze/drivers/uart.h>

#define DT_DRV_COMPAT ns16550

/* Register numbers (times 1 << reg-shift for the offset). */
#define RBR 0 /* receive buffer (read, DLAB = 0) */
#define THR 0 /* transmit holding (write, DLAB = 0) */
#define DLL 0 /* divisor latch low (DLAB = 1) */
#define IER 1 /* interrupt enable (DLAB = 0) */
#define DLM 1 /* divisor latch high (DLAB = 1) */
#define IIR 2 /* interrupt identification (read) */
#define FCR 2 /* FIFO control (write) */
#define LCR 3
#define MCR 4
#define LSR 5

#define IER_RDA  0x01 /* received data available */
#define IER_THRE 0x02 /* transmit holding register empty */
#define IER_RLS  0x04 /* receiver line status (errors) */

#define IIR_NO_INT 0x01

#define FCR_ENABLE 0x01
#define FCR_CLEAR  0x06

#define LCR_PARITY_ENABLE 0x08
#define LCR_PARITY_EVEN   0x10
#define LCR_PARITY_STICK  0x20
#define LCR_DLAB          0x80
#define LCR_STOP_2        0x04

#define MCR_DTR_RTS_OUT2 0x0b /* OUT2 gates the interrupt line on PC-style parts */

#define LSR_DR   0x01
#define LSR_OE   0x02
#define LSR_PE   0x04
#define LSR_FE   0x08
#define LSR_BI   0x10
#define LSR_THRE 0x20
#define LSR_TEMT 0x40

struct ns16550_config {
	uintptr_t base;
	uint32_t reg_shift;
	uint32_t clock_frequency;
	uint32_t current_speed;
	bool is_console;
#ifdef CONFIG_UART_INTERRUPT_DRIVEN
	void (*irq_config)(const struct device *dev);
#endif
};

struct ns16550_data {
	struct k_spinlock lock;
	struct uart_config cfg;
	uint8_t errors; /* UART_ERROR_* seen since the last uart_err_check() */
#ifdef CONFIG_UART_INTERRUPT_DRIVEN
	uart_irq_callback_user_data_t cb;
	void *cb_data;
	uint8_t ier;
#endif
};

static volatile uint8_t *uart_reg(const struct device *dev, unsigned int r)
{
	const struct ns16550_config *cfg = dev->config;

	return (volatile uint8_t *)(cfg->base + (r << cfg->reg_shift));
}

/* Read LSR, keeping the error bits it clears for uart_err_check(). */
static uint8_t lsr_read(const struct device *dev)
{
	struct ns16550_data *data = dev->data;
	uint8_t lsr = *uart_reg(dev, LSR);

	data->errors |=
	    ((lsr & LSR_OE) ? UART_ERROR_OVERRUN : 0) | ((lsr & LSR_PE) ? UART_ERROR_PARITY : 0) |
	    ((lsr & LSR_FE) ? UART_ERROR_FRAMING : 0) | ((lsr & LSR_BI) ? UART_BREAK : 0);
	return lsr;
}

static int ns16550_poll_in(const struct device *dev, unsigned char *c)
{
	struct ns16550_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);
	int ret = -1;

	if ((lsr_read(dev) & LSR_DR) != 0U) {
		*c = *uart_reg(dev, RBR);
		ret = 0;
	}
	k_spin_unlock(&data->lock, key);
	return ret;
}

static void ns16550_poll_out(const struct device *dev, unsigned char c)
{
	struct ns16550_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	while ((lsr_read(dev) & LSR_THRE) == 0U) {
	}
	*uart_reg(dev, THR) = c;
	k_spin_unlock(&data->lock, key);
}

static int ns16550_err_check(const struct device *dev)
{
	struct ns16550_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	(void)lsr_read(dev);
	int errors = data->errors;

	data->errors = 0;
	k_spin_unlock(&data->lock, key);
	return errors;
}

/* The line control value for @cfg, or -ENOTSUP. */
static int lcr_for(const struct uart_config *cfg)
{
	static const uint8_t parity[] = {
		[UART_CFG_PARITY_NONE] = 0,
		[UART_CFG_PARITY_ODD] = LCR_PARITY_ENABLE,
		[UART_CFG_PARITY_EVEN] = LCR_PARITY_ENABLE | LCR_PARITY_EVEN,
		[UART_CFG_PARITY_MARK] = LCR_PARITY_ENABLE | LCR_PARITY_STICK,
		[UART_CFG_PARITY_SPACE] = LCR_PARITY_ENABLE | LCR_PARITY_EVEN | LCR_PARITY_STICK,
	};

	if (cfg->parity >= ARRAY_SIZE(parity) || cfg->data_bits > UART_CFG_DATA_BITS_8 ||
	    cfg->flow_ctrl != UART_CFG_FLOW_CTRL_NONE) {
		return -ENOTSUP;
	}
	int lcr = parity[cfg->parity] | (cfg->data_bits - UART_CFG_DATA_BITS_5);

	switch (cfg->stop_bits) {
	case UART_CFG_STOP_BITS_1:
		return lcr;
	case UART_CFG_STOP_BITS_1_5: /* what "2" means with 5 data bits */
		return cfg->data_bits == UART_CFG_DATA_BITS_5 ? lcr | LCR_STOP_2 : -ENOTSUP;
	case UART_CFG_STOP_BITS_2:
		return cfg->data_bits != UART_CFG_DATA_BITS_5 ? lcr | LCR_STOP_2 : -ENOTSUP;
	default:
		return -ENOTSUP;
	}
}

static int ns16550_configure(const struct device *dev, const struct uart_config *ucfg)
{
	const struct ns16550_config *cfg = dev->config;
	struct ns16550_data *data = dev->data;
	int lcr = lcr_for(ucfg);

	if (lcr < 0) {
		return lcr;
	}
	if (ucfg->baudrate == 0U || ucfg->baudrate > cfg->clock_frequency / 16U) {
		return -ENOTSUP;
	}
	uint32_t divisor = (cfg->clock_frequency + 8U * ucfg->baudrate) / (16U * ucfg->baudrate);

	if (divisor > UINT16_MAX) {
		return -ENOTSUP;
	}
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	/* Let the last character leave before the line changes. */
	while ((lsr_read(dev) & LSR_TEMT) == 0U) {
	}
	*uart_reg(dev, LCR) = LCR_DLAB;
	*uart_reg(dev, DLL) = (uint8_t)divisor;
	*uart_reg(dev, DLM) = (uint8_t)(divisor >> 8);
	*uart_reg(dev, LCR) = (uint8_t)lcr;
	data->cfg = *ucfg;
	k_spin_unlock(&data->lock, key);
	return 0;
}

static int ns16550_config_get(const struct device *dev, struct uart_config *ucfg)
{
	struct ns16550_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	*ucfg = data->cfg;
	k_spin_unlock(&data->lock, key);
	return 0;
}

#ifdef CONFIG_UART_INTERRUPT_DRIVEN

static int ns16550_fifo_fill(const struct device *dev, const uint8_t *tx, int len)
{
	int n = 0;

	/* One byte per THRE: QEMU's model and the plain 16450 have no deeper FIFO to count on. */
	if (len > 0 && (lsr_read(dev) & LSR_THRE) != 0U) {
		*uart_reg(dev, THR) = tx[n++];
	}
	return n;
}

static int ns16550_fifo_read(const struct device *dev, uint8_t *rx, const int size)
{
	int n = 0;

	while (n < size && (lsr_read(dev) & LSR_DR) != 0U) {
		rx[n++] = *uart_reg(dev, RBR);
	}
	return n;
}

static void ier_update(const struct device *dev, uint8_t set, uint8_t clear)
{
	struct ns16550_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	data->ier = (uint8_t)((data->ier | set) & ~clear);
	*uart_reg(dev, IER) = data->ier;
	k_spin_unlock(&data->lock, key);
}

static void ns16550_irq_tx_enable(const struct device *dev)
{
	ier_update(dev, IER_THRE, 0);
}

static void ns16550_irq_tx_disable(const struct device *dev)
{
	ier_update(dev, 0, IER_THRE);
}

static void ns16550_irq_rx_enable(const struct device *dev)
{
	ier_update(dev, IER_RDA, 0);
}

static void ns16550_irq_rx_disable(const struct device *dev)
{
	ier_update(dev, 0, IER_RDA);
}

static void ns16550_irq_err_enable(const struct device *dev)
{
	ier_update(dev, IER_RLS, 0);
}

static void ns16550_irq_err_disable(const struct device *dev)
{
	ier_update(dev, 0, IER_RLS);
}

static int ns16550_irq_tx_ready(const struct device *dev)
{
	struct ns16550_data *data = dev->data;

	return (data->ier & IER_THRE) != 0U && (lsr_read(dev) & LSR_THRE) != 0U;
}

static int ns16550_irq_tx_complete(const struct device *dev)
{
	return (lsr_read(dev) & (LSR_TEMT | LSR_THRE)) == (LSR_TEMT | LSR_THRE);
}

static int ns16550_irq_rx_ready(const struct device *dev)
{
	struct ns16550_data *data = dev->data;

	return (data->ier & IER_RDA) != 0U && (lsr_read(dev) & LSR_DR) != 0U;
}

static int ns16550_irq_is_pending(const struct device *dev)
{
	return (*uart_reg(dev, IIR) & IIR_NO_INT) == 0U;
}

static int ns16550_irq_update(const struct device *dev)
{
	ARG_UNUSED(dev);
	return 1;
}

static void ns16550_irq_callback_set(const struct device *dev, uart_irq_callback_user_data_t cb,
				     void *user_data)
{
	struct ns16550_data *data = dev->data;
	k_spinlock_key_t key = k_spin_lock(&data->lock);

	data->cb = cb;
	data->cb_data = user_data;
	k_spin_unlock(&data->lock, key);
}

static void ns16550_isr(const void *arg)
{
	const struct device *dev = arg;
	struct ns16550_data *data = dev->data;

	if (data->cb != NULL) {
		data->cb(dev, data->cb_data);
	} else {
		/* Nobody listens: mask everything rather than interrupt forever. */
		data->ier = 0;
		*uart_reg(dev, IER) = 0;
	}
}

#endif /* CONFIG_UART_INTERRUPT_DRIVEN */

static const struct uart_driver_api ns16550_api = {
	.poll_in = ns16550_poll_in,
	.poll_out = ns16550_poll_out,
	.err_check = ns16550_err_check,
	.configure = ns16550_configure,
	.config_get = ns16550_config_get,
#ifdef CONFIG_UART_INTERRUPT_DRIVEN
	.fifo_fill = ns16550_fifo_fill,
	.fifo_read = ns16550_fifo_read,
	.irq_tx_enable = ns16550_irq_tx_enable,
	.irq_tx_disable = ns16550_irq_tx_disable,
	.irq_tx_ready = ns16550_irq_tx_ready,
	.irq_rx_enable = ns16550_irq_rx_enable,
	.irq_rx_disable = ns16550_irq_rx_disable,
	.irq_tx_complete = ns16550_irq_tx_complete,
	.irq_rx_ready = ns16550_irq_rx_ready,
	.irq_err_enable = ns16550_irq_err_enable,
	.irq_err_disable = ns16550_irq_err_disable,
	.irq_is_pending = ns16550_irq_is_pending,
	.irq_update = ns16550_irq_update,
	.irq_callback_set = ns16550_irq_callback_set,
#endif
};

/* The console's character output: through its device, like any other caller. */
static const struct device *console_dev;

static int console_out(int c)
{
	ns16550_poll_out(console_dev, (unsigned char)c);
	return c;
}

static int ns16550_init(const struct device *dev)
{
	const struct ns16550_config *cfg = dev->config;
	const struct uart_config line = {
		.baudrate = cfg->current_speed,
		.parity = UART_CFG_PARITY_NONE,
		.stop_bits = UART_CFG_STOP_BITS_1,
		.data_bits = UART_CFG_DATA_BITS_8,
		.flow_ctrl = UART_CFG_FLOW_CTRL_NONE,
	};

	*uart_reg(dev, IER) = 0;
	*uart_reg(dev, FCR) = FCR_ENABLE | FCR_CLEAR;
	*uart_reg(dev, MCR) = MCR_DTR_RTS_OUT2;
	int ret = ns16550_configure(dev, &line);

	if (ret != 0) {
		return ret;
	}
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
#define NS16550_IS_CONSOLE(inst)               \
	Z_DT_IF(DT_HAS_CHOSEN(zephyr_console), \
		(DT_SAME_NODE(DT_DRV_INST(inst), DT_CHOSEN(zephyr_console))), (0))

#ifdef CONFIG_UART_INTERRUPT_DRIVEN
#define NS16550_IRQ_CONFIG(inst)                                                              \
	static void ns16550_irq_config_##inst(const struct device *dev)                       \
	{                                                                                     \
		ARG_UNUSED(dev);                                                              \
		IRQ_CONNECT(DT_INST_IRQN(inst), 0, ns16550_isr, DEVICE_DT_INST_GET(inst), 0); \
		irq_enable(DT_INST_IRQN(inst));                                               \
	}
#define NS16550_IRQ_CONFIG_FIELD(inst) .irq_config = ns16550_irq_config_##inst,
#else
#define NS16550_IRQ_CONFIG(inst)
#define NS16550_IRQ_CONFIG_FIELD(inst)
#endif

#define NS16550_DEFINE(inst)                                                  \
	NS16550_IRQ_CONFIG(inst)                                              \
	static struct ns16550_data ns16550_data_##inst;                       \
	static const struct ns16550_config ns16550_config_##inst = {          \
		.base = DT_INST_REG_ADDR(inst),                               \
		.reg_shift = DT_INST_PROP(inst, reg_shift),                   \
		.clock_frequency = DT_INST_PROP(inst, clock_frequency),       \
		.current_speed = DT_INST_PROP(inst, current_speed),           \
		.is_console = NS16550_IS_CONSOLE(inst),                       \
		NS16550_IRQ_CONFIG_FIELD(inst)                                \
	};                                                                    \
	DEVICE_DT_INST_DEFINE(inst, ns16550_init, NULL, &ns16550_data_##inst, \
			      &ns16550_config_##inst, PRE_KERNEL_1, 10, &ns16550_api);

DT_INST_FOREACH_STATUS_OKAY(NS16550_DEFINE)
