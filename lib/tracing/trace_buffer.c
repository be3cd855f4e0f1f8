/*
 * The per-CPU buffers (trace_buffer.h) and their way out: a full buffer, and
 * every buffer at the end of the run, goes to the backend.
 */
#include <breeze/kernel.h>
#include <breeze/tracing.h>
#include "trace_buffer.h"

struct trace_buffer z_trace_buffers[CONFIG_MP_MAX_NUM_CPUS] __aligned(Z_TRACE_PAGE);
uint32_t z_trace_used[CONFIG_MP_MAX_NUM_CPUS];

/*
 * A fault while writing out (semihosting off: the request is a breakpoint)
 * ends in k_fatal_halt(), which writes out every buffer: that inner write
 * drops the buffer instead, so the halt completes rather than faulting again,
 * and the events of the fault path still find room.
 */
static bool writing[CONFIG_MP_MAX_NUM_CPUS];

void z_trace_flush(unsigned int cpu)
{
	if (z_trace_used[cpu] != 0U && !writing[cpu]) {
		writing[cpu] = true;
		z_trace_backend_write(cpu, z_trace_buffers[cpu].words, z_trace_used[cpu] * 4U);
		writing[cpu] = false;
	}
	z_trace_used[cpu] = 0;
}

void z_trace_flush_unlock(unsigned int key)
{
	z_trace_flush(CPU_INDEX(_current_cpu));
	arch_irq_unlock(key);
}

/*
 * The run ends: the last event, then every CPU's buffer. Under SMP another CPU
 * may be writing an event meanwhile; it would be cut short, which only the
 * last instants of a run could see.
 */
void sys_trace_sys_exit(int status)
{
	sys_trace_event1(TRACE_SYS_EXIT, (uint32_t)status);

	unsigned int key = arch_irq_lock();

	for (unsigned int cpu = 0; cpu < CONFIG_MP_MAX_NUM_CPUS; cpu++) {
		z_trace_flush(cpu);
	}
	arch_irq_unlock(key);
}
