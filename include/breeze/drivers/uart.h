/*
 * UART driver class, Zephyr's API: polling, configuration, error flags and
 * the interrupt-driven calls.
 *
 * Polling, error and configuration calls are system calls (a user thread needs
 * a grant on the device, which must be a UART). The interrupt-driven calls are
 * for supervisor code: they run inside the driver's interrupt callback.
 */
#ifndef BREEZE_DRIVERS_UART_H
#define BREEZE_DRIVERS_UART_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <breeze/kernel.h>
#include <breeze/device.h>

/* Line errors, uart_err_check()'s bits. */
enum uart_rx_stop_reason {
	UART_ERROR_OVERRUN = (1 << 0),
	UART_ERROR_PARITY = (1 << 1),
	UART_ERROR_FRAMING = (1 << 2),
	UART_BREAK = (1 << 3),
	UART_ERROR_COLLISION = (1 << 4),
	UART_ERROR_NOISE = (1 << 5),
};

enum uart_config_parity {
	UART_CFG_PARITY_NONE,
	UART_CFG_PARITY_ODD,
	UART_CFG_PARITY_EVEN,
	UART_CFG_PARITY_MARK,
	UART_CFG_PARITY_SPACE,
};

enum uart_config_stop_bits {
	UART_CFG_STOP_BITS_0_5,
	UART_CFG_STOP_BITS_1,
	UART_CFG_STOP_BITS_1_5,
	UART_CFG_STOP_BITS_2,
};

enum uart_config_data_bits {
	UART_CFG_DATA_BITS_5,
	UART_CFG_DATA_BITS_6,
	UART_CFG_DATA_BITS_7,
	UART_CFG_DATA_BITS_8,
	UART_CFG_DATA_BITS_9,
};

enum uart_config_flow_control {
	UART_CFG_FLOW_CTRL_NONE,
	UART_CFG_FLOW_CTRL_RTS_CTS,
	UART_CFG_FLOW_CTRL_DTR_DSR,
	UART_CFG_FLOW_CTRL_RS485,
};

struct uart_config {
	uint32_t baudrate;
	uint8_t parity;    /* enum uart_config_parity */
	uint8_t stop_bits; /* enum uart_config_stop_bits */
	uint8_t data_bits; /* enum uart_config_data_bits */
	uint8_t flow_ctrl; /* enum uart_config_flow_control */
};

typedef void (*uart_irq_callback_user_data_t)(const struct device *dev, void *user_data);
typedef void (*uart_irq_config_func_t)(const struct device *dev);

/* What a UART driver provides; NULL entries are "not supported" (-ENOSYS). */
struct uart_driver_api {
	int (*poll_in)(const struct device *dev, unsigned char *p_char);
	void (*poll_out)(const struct device *dev, unsigned char out_char);
	int (*err_check)(const struct device *dev);
	int (*configure)(const struct device *dev, const struct uart_config *cfg);
	int (*config_get)(const struct device *dev, struct uart_config *cfg);
	int (*fifo_fill)(const struct device *dev, const uint8_t *tx_data, int len);
	int (*fifo_read)(const struct device *dev, uint8_t *rx_data, const int size);
	void (*irq_tx_enable)(const struct device *dev);
	void (*irq_tx_disable)(const struct device *dev);
	int (*irq_tx_ready)(const struct device *dev);
	void (*irq_rx_enable)(const struct device *dev);
	void (*irq_rx_disable)(const struct device *dev);
	int (*irq_tx_complete)(const struct device *dev);
	int (*irq_rx_ready)(const struct device *dev);
	void (*irq_err_enable)(const struct device *dev);
	void (*irq_err_disable)(const struct device *dev);
	int (*irq_is_pending)(const struct device *dev);
	int (*irq_update)(const struct device *dev);
	void (*irq_callback_set)(const struct device *dev, uart_irq_callback_user_data_t cb,
				 void *user_data);
};

static inline const struct uart_driver_api *z_uart_api(const struct device *dev)
{
	return (const struct uart_driver_api *)dev->api;
}

/* 0 and the character in *p_char, -1 when none is waiting, -ENOSYS. */
__syscall int uart_poll_in(const struct device *dev, unsigned char *p_char);

/* Send one character, waiting until the transmitter takes it. */
__syscall void uart_poll_out(const struct device *dev, unsigned char out_char);

/* The line errors seen since the last call (UART_ERROR_* bits), and clear them. */
__syscall int uart_err_check(const struct device *dev);

/* Apply @cfg: 0, -ENOTSUP for a setting the hardware cannot do, -ENOSYS. */
__syscall int uart_configure(const struct device *dev, const struct uart_config *cfg);

/* The configuration in force: 0, -ENOSYS. */
__syscall int uart_config_get(const struct device *dev, struct uart_config *cfg);

/* Interrupt-driven API (supervisor mode) */

#define Z_UART_CALL(dev, op, none, ...) \
	(z_uart_api(dev)->op != NULL ? z_uart_api(dev)->op(__VA_ARGS__) : (none))
#define Z_UART_CALL_VOID(dev, op, ...)                    \
	do {                                              \
		if (z_uart_api(dev)->op != NULL) {        \
			z_uart_api(dev)->op(__VA_ARGS__); \
		}                                         \
	} while (false)

/* Put up to @len bytes in the transmit FIFO: how many went in. */
static inline int uart_fifo_fill(const struct device *dev, const uint8_t *tx_data, int len)
{
	return Z_UART_CALL(dev, fifo_fill, -ENOSYS, dev, tx_data, len);
}

/* Take up to @size received bytes: how many were read. */
static inline int uart_fifo_read(const struct device *dev, uint8_t *rx_data, const int size)
{
	return Z_UART_CALL(dev, fifo_read, -ENOSYS, dev, rx_data, size);
}

static inline void uart_irq_tx_enable(const struct device *dev)
{
	Z_UART_CALL_VOID(dev, irq_tx_enable, dev);
}

static inline void uart_irq_tx_disable(const struct device *dev)
{
	Z_UART_CALL_VOID(dev, irq_tx_disable, dev);
}

/* 1 if the transmitter accepts a byte now (inside the callback), 0 if not. */
static inline int uart_irq_tx_ready(const struct device *dev)
{
	return Z_UART_CALL(dev, irq_tx_ready, -ENOSYS, dev);
}

static inline void uart_irq_rx_enable(const struct device *dev)
{
	Z_UART_CALL_VOID(dev, irq_rx_enable, dev);
}

static inline void uart_irq_rx_disable(const struct device *dev)
{
	Z_UART_CALL_VOID(dev, irq_rx_disable, dev);
}

/* 1 once everything written has left the shift register, 0 before. */
static inline int uart_irq_tx_complete(const struct device *dev)
{
	return Z_UART_CALL(dev, irq_tx_complete, -ENOSYS, dev);
}

/* 1 if a received byte waits (inside the callback), 0 if not. */
static inline int uart_irq_rx_ready(const struct device *dev)
{
	return Z_UART_CALL(dev, irq_rx_ready, -ENOSYS, dev);
}

static inline void uart_irq_err_enable(const struct device *dev)
{
	Z_UART_CALL_VOID(dev, irq_err_enable, dev);
}

static inline void uart_irq_err_disable(const struct device *dev)
{
	Z_UART_CALL_VOID(dev, irq_err_disable, dev);
}

/* 1 if an enabled interrupt condition is pending. */
static inline int uart_irq_is_pending(const struct device *dev)
{
	return Z_UART_CALL(dev, irq_is_pending, -ENOSYS, dev);
}

/* Start processing interrupts in the callback; 1. */
static inline int uart_irq_update(const struct device *dev)
{
	return Z_UART_CALL(dev, irq_update, -ENOSYS, dev);
}

/* The function the driver's interrupt handler calls, with @user_data. */
static inline int uart_irq_callback_user_data_set(const struct device *dev,
						  uart_irq_callback_user_data_t cb, void *user_data)
{
	if (z_uart_api(dev)->irq_callback_set == NULL) {
		return -ENOSYS;
	}
	z_uart_api(dev)->irq_callback_set(dev, cb, user_data);
	return 0;
}

static inline int uart_irq_callback_set(const struct device *dev, uart_irq_callback_user_data_t cb)
{
	return uart_irq_callback_user_data_set(dev, cb, NULL);
}

#endif /* BREEZE_DRIVERS_UART_H */
