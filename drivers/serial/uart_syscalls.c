/*
 * The UART class's system calls: the implementations dispatch through the
 * device's API table (-ENOSYS where the driver has no such operation); the
 * verifiers accept only a ready UART device the caller holds, and copy the
 * caller's buffers in or out once.
 */
#include <breeze/kernel.h>
#include <breeze/drivers/uart.h>
#ifdef CONFIG_USERSPACE
#include <syscall_handler.h>
#endif

int z_impl_uart_poll_in(const struct device *dev, unsigned char *p_char)
{
	return Z_UART_CALL(dev, poll_in, -ENOSYS, dev, p_char);
}

void z_impl_uart_poll_out(const struct device *dev, unsigned char out_char)
{
	Z_UART_CALL_VOID(dev, poll_out, dev, out_char);
}

int z_impl_uart_err_check(const struct device *dev)
{
	return Z_UART_CALL(dev, err_check, -ENOSYS, dev);
}

int z_impl_uart_configure(const struct device *dev, const struct uart_config *cfg)
{
	return Z_UART_CALL(dev, configure, -ENOSYS, dev, cfg);
}

int z_impl_uart_config_get(const struct device *dev, struct uart_config *cfg)
{
	return Z_UART_CALL(dev, config_get, -ENOSYS, dev, cfg);
}

#ifdef CONFIG_USERSPACE

int z_vrfy_uart_poll_in(const struct device *dev, unsigned char *p_char)
{
	unsigned char c = 0;

	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_UART));
	K_OOPS(K_SYSCALL_MEMORY_WRITE(p_char, sizeof(*p_char)));
	int ret = z_impl_uart_poll_in(dev, &c);

	if (ret == 0) {
		K_OOPS(k_usermode_to_copy(p_char, &c, sizeof(c)));
	}
	return ret;
}

void z_vrfy_uart_poll_out(const struct device *dev, unsigned char out_char)
{
	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_UART));
	z_impl_uart_poll_out(dev, out_char);
}

int z_vrfy_uart_err_check(const struct device *dev)
{
	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_UART));
	return z_impl_uart_err_check(dev);
}

int z_vrfy_uart_configure(const struct device *dev, const struct uart_config *cfg)
{
	struct uart_config copy;

	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_UART));
	K_OOPS(k_usermode_from_copy(&copy, cfg, sizeof(copy)));
	return z_impl_uart_configure(dev, &copy);
}

int z_vrfy_uart_config_get(const struct device *dev, struct uart_config *cfg)
{
	struct uart_config copy = { 0 };

	K_OOPS(K_SYSCALL_OBJ(dev, K_OBJ_DRIVER_UART));
	K_OOPS(K_SYSCALL_MEMORY_WRITE(cfg, sizeof(*cfg)));
	int ret = z_impl_uart_config_get(dev, &copy);

	if (ret == 0) {
		K_OOPS(k_usermode_to_copy(cfg, &copy, sizeof(copy)));
	}
	return ret;
}

#endif /* CONFIG_USERSPACE */
