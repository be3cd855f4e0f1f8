/*
 * Machine software interrupt through the CLINT's msip registers.
 */
#include <stdint.h>
#include <breeze/devicetree.h>
#include <breeze/drivers/clint.h>

#define MSIP(hart) ((volatile uint32_t *)(DT_REG_ADDR(DT_INST(0, riscv_clint0)) + 4U * (hart)))

void riscv_clint_soft_irq_raise(unsigned int hart)
{
	*MSIP(hart) = 1;
}

void riscv_clint_soft_irq_clear(unsigned int hart)
{
	*MSIP(hart) = 0;
}
