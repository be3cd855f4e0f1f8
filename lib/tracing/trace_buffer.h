/*
 * The per-CPU event buffers of lib/tracing and the one way into them.
 *
 * Each CPU writes only its own buffer, with its interrupts masked for the
 * few stores of one event: no lock, and no other CPU ever waits. An event
 * is a whole number of 32-bit words: the CTF event header (ID, 64-bit cycle
 * timestamp) and the fields, in the layout lib/tracing/metadata.tsdl.in
 * declares.
 */
#ifndef BREEZE_TRACE_BUFFER_H
#define BREEZE_TRACE_BUFFER_H

#include <stdint.h>
#include <kernel_structs.h>
#include <arch_interface.h>

#define TRACE_HEADER_WORDS    3U
#define TRACE_BUFFER_WORDS    (CONFIG_TRACING_BUFFER_SIZE / 4)
/* The longest event: header, thread record, two more fields (fatal_error). */
#define TRACE_MAX_EVENT_WORDS (TRACE_HEADER_WORDS + 8U)

/*
 * Invariant: a buffer always has room for the longest event. An event is
 * written first and the buffer flushed after it if that room is gone, so the
 * common path makes no call (and needs no saved registers).
 *
 * Whatever the emulator reads for a semihosting request lies in whole pages
 * of its own (Z_TRACE_PAGE): QEMU fails requests whose data shares a 4 KiB
 * page with a PMP boundary (a stack guard, a partition's end), on RISC-V.
 */
#define Z_TRACE_PAGE 4096U

BUILD_ASSERT(CONFIG_TRACING_BUFFER_SIZE % Z_TRACE_PAGE == 0U,
	     "CONFIG_TRACING_BUFFER_SIZE must be a multiple of 4096");

struct trace_buffer {
	uint32_t words[TRACE_BUFFER_WORDS];
};

extern struct trace_buffer z_trace_buffers[CONFIG_MP_MAX_NUM_CPUS];
/* Words used in each CPU's buffer. */
extern uint32_t z_trace_used[CONFIG_MP_MAX_NUM_CPUS];

/* Write out and empty the buffer of CPU @cpu (interrupts masked). */
void z_trace_flush(unsigned int cpu);

/* z_trace_flush() of this CPU's buffer, then arch_irq_unlock(@key). */
void z_trace_flush_unlock(unsigned int key);

/*
 * Start event @id with @nfields field words on this CPU: masks interrupts
 * (into *key) and writes the header; the caller stores the fields at the
 * returned address, then calls trace_end(*key).
 */
static ALWAYS_INLINE uint32_t *trace_begin(uint32_t id, uint32_t nfields, unsigned int *key)
{
	*key = arch_irq_lock();

	unsigned int cpu = CPU_INDEX(_current_cpu);
	uint32_t *w = &z_trace_buffers[cpu].words[z_trace_used[cpu]];
	uint64_t now = k_cycle_get_64();

	z_trace_used[cpu] += TRACE_HEADER_WORDS + nfields;
	w[0] = id;
	w[1] = (uint32_t)now;
	w[2] = (uint32_t)(now >> 32);
	return w + TRACE_HEADER_WORDS;
}

static ALWAYS_INLINE void trace_end(unsigned int key)
{
	if (z_trace_used[CPU_INDEX(_current_cpu)] > TRACE_BUFFER_WORDS - TRACE_MAX_EVENT_WORDS) {
		z_trace_flush_unlock(key);
		return;
	}
	arch_irq_unlock(key);
}

/* Backend: append @nbytes at @data to the stream of CPU @cpu. */
void z_trace_backend_write(unsigned int cpu, const void *data, uint32_t nbytes);

#endif /* BREEZE_TRACE_BUFFER_H */
