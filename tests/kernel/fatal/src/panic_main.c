/*
 * k_panic() in the main thread: K_ERR_KERNEL_PANIC, reported against 'main',
 * the run halts with exit status 20.
 */
#include <breeze/kernel.h>
#include "scenario.h"

void run_scenario(void)
{
	k_panic();
}
