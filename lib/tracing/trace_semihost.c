/*
 * The tracing backend: semihosting files. Each CPU's stream is a file
 * stream_cpu<N> in the emulator's working folder, opened at its first write;
 * it begins with the CTF packet header and context (magic, stream 0, the
 * CPU), and the rest is events, one packet to the end of the file.
 *
 * Under QEMU a semihosting request is served outside the guest: it costs the
 * traced system a few instructions however much it writes, so writing a full
 * buffer barely moves the timing of what follows.
 */
#include <breeze/kernel.h>
#include "trace_buffer.h"

#define SYS_OPEN  0x01UL
#define SYS_WRITE 0x05UL
#define OPEN_WB   5U /* fopen() mode "wb" */
#define CTF_MAGIC 0xc1fc1fc1U

/* Host file handle + 1 of each CPU's stream; 0 until it is open. */
static long handles[CONFIG_MP_MAX_NUM_CPUS];

static void host_write(long handle, const void *data, uint32_t nbytes)
{
	uint32_t block[3] = { (uint32_t)handle, (uint32_t)(uintptr_t)data, nbytes };

	(void)arch_semihost_call(SYS_WRITE, block);
}

static long open_stream(unsigned int cpu)
{
	char name[] = "stream_cpu0";
	uint32_t block[3] = { (uint32_t)(uintptr_t)name, OPEN_WB, sizeof(name) - 1U };

	name[sizeof(name) - 2U] = (char)('0' + cpu);

	long handle = arch_semihost_call(SYS_OPEN, block);

	if (handle >= 0) {
		const uint32_t head[3] = { CTF_MAGIC, 0, cpu };

		host_write(handle, head, sizeof(head));
	}
	return handle + 1;
}

void z_trace_backend_write(unsigned int cpu, const void *data, uint32_t nbytes)
{
	if (handles[cpu] == 0) {
		handles[cpu] = open_stream(cpu);
	}
	if (handles[cpu] > 0) {
		host_write(handles[cpu] - 1, data, nbytes);
	}
}
