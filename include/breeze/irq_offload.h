/*
 * irq_offload(): run a function in interrupt context, now, from a thread.
 * For tests of code that behaves differently in an ISR (k_is_in_isr() is
 * true inside the routine, blocking calls may not wait, a thread the routine
 * makes ready runs when it returns if it is more urgent than the caller;
 * called with interrupts locked, only at the next scheduling point).
 *
 * With CONFIG_IRQ_OFFLOAD. Supervisor mode only: from a user thread the
 * trap it uses is an unknown system call, and the thread ends in an oops.
 */
#ifndef BREEZE_IRQ_OFFLOAD_H
#define BREEZE_IRQ_OFFLOAD_H

typedef void (*irq_offload_routine_t)(const void *parameter);

/* Run routine(parameter) in interrupt context and return when it has. */
void irq_offload(irq_offload_routine_t routine, const void *parameter);

#endif /* BREEZE_IRQ_OFFLOAD_H */
