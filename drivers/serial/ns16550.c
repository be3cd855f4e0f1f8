/*
 * NS16550 UART as the console: polled output, 8N1. QEMU's model needs no baud
 * rate setup; the divisor is still programmed for real parts.
 */
#include <breeze/kernel.h>
#include <breeze/sys/console.h>

#define REG(off) ((volatile uint8_t *)(CONFIG_NS16550_BASE + (off)))
#define THR      REG(0) /* transmit holding (DLAB = 0) */
#define IER      REG(1)
#define LCR      REG(3)
#define LSR      REG(5)
#define DLL      REG(0) /* divisor latch (DLAB = 1) */
#define DLM      REG(1)

#define LCR_8N1  0x03
#define LCR_DLAB 0x80
#define LSR_THRE 0x20

static struct k_spinlock lock;

static int ns16550_out(int c)
{
	k_spinlock_key_t key = k_spin_lock(&lock);

	while ((*LSR & LSR_THRE) == 0U) {
	}
	*THR = (uint8_t)c;
	k_spin_unlock(&lock, key);
	return c;
}

static int ns16550_init(void)
{
	*IER = 0;
	*LCR = LCR_DLAB;
	*DLL = 1;
	*DLM = 0;
	*LCR = LCR_8N1;
	z_console_out_install(ns16550_out);
	return 0;
}

SYS_INIT(ns16550_init, PRE_KERNEL_1, 10);
