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
#include <string.h>
#include <breeze/kernel.h>
#include "trace_buffer.h"

#define SYS_OPEN  0x01UL
#define SYS_WRITE 0x05UL
#define OPEN_WB   5U /* fopen() mode "wb" */
#define CTF_MAGIC 0xc1fc1fc1U

/*
 * What QEMU reads for a request (the parameter block, the file name, the
 * stream's header) is never on a stack but in a page of its own per CPU
 * (trace_buffer.h says why). An event's write runs with interrupts masked.
 */
struct semihost_cpu {
	long handle; /* host file handle + 1; 0 until the stream is open */
	uint32_t block[3];
	uint32_t head[3];
	char name[12];
};

static union {
	struct semihost_cpu c;
	uint8_t page[Z_TRACE_PAGE];
} cpus[CONFIG_MP_MAX_NUM_CPUS] __aligned(Z_TRACE_PAGE);

static void host_write(struct semihost_cpu *c, const void *data, uint32_t nbytes)
{
	c->block[0] = (uint32_t)(c->handle - 1);
	c->block[1] = (uint32_t)(uintptr_t)data;
	c->block[2] = nbytes;
	(void)arch_semihost_call(SYS_WRITE, c->block);
}

static void open_stream(struct semihost_cpu *c, unsigned int cpu)
{
	memcpy(c->name, "stream_cpu0", sizeof(c->name));
	c->name[sizeof(c->name) - 2U] = (char)('0' + cpu);
	c->block[0] = (uint32_t)(uintptr_t)c->name;
	c->block[1] = OPEN_WB;
	c->block[2] = sizeof(c->name) - 1U;

	long handle = arch_semihost_call(SYS_OPEN, c->block);

	c->handle = handle + 1;
	if (handle >= 0) {
		c->head[0] = CTF_MAGIC;
		c->head[1] = 0;
		c->head[2] = cpu;
		host_write(c, c->head, sizeof(c->head));
	}
}

void z_trace_backend_write(unsigned int cpu, const void *data, uint32_t nbytes)
{
	struct semihost_cpu *c = &cpus[cpu].c;

	if (c->handle == 0) {
		open_stream(c, cpu);
	}
	if (c->handle > 0) {
		host_write(c, data, nbytes);
	}
}
