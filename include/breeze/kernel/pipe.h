/*
 * Pipes (k_pipe), Zephyr's current API: a byte stream through a ring buffer,
 * with writers waiting for room and readers waiting for data, each up to its
 * timeout. A transfer moves as many bytes as it can, then waits for the rest.
 *
 * With an empty pipe, bytes pass straight from a writer to waiting readers
 * and from waiting writers to a reader, so a pipe of 0 bytes (NULL buffer)
 * carries data from a writer to a reader that wait for each other.
 *
 * Every call is a system call. From user mode the pipe must be a granted
 * kernel object (K_PIPE_DEFINE, or a pipe the thread initialises itself, never
 * initialised before); user data is copied through the kernel in bounded
 * chunks, each checked as it is copied. A user thread's k_pipe_init() buffer
 * must be memory it may write in a partition (not its stack, which outlives
 * the thread in another thread's hands): the pipe keeps using it, so a
 * supervisor must not hand that memory to another domain while the pipe is
 * in use.
 */
#ifndef BREEZE_KERNEL_PIPE_H
#define BREEZE_KERNEL_PIPE_H

#include <breeze/kernel/thread.h>

#define PIPE_FLAG_OPEN  BIT(0)
/*
 * Zephyr's flag for a reset still waking its waiters. Breeze resets in one
 * step under the lock, so it is never seen set; it is there for code that
 * tests it.
 */
#define PIPE_FLAG_RESET BIT(1)

struct k_pipe {
	Z_OBJECT_HDR
	_wait_q_t data;  /* readers waiting for bytes */
	_wait_q_t space; /* writers waiting for room */
	uint8_t *buffer;
	size_t size;
	size_t read; /* offset of the oldest byte */
	size_t used; /* bytes in the pipe */
	uint8_t flags;
};

#define Z_PIPE_INITIALIZER(obj, pipe_buffer, pipe_buffer_size)                            \
	{                                                                                 \
		Z_OBJECT_HDR_INIT.data = Z_WAIT_Q_INIT(&(obj).data),                      \
		.space = Z_WAIT_Q_INIT(&(obj).space), .buffer = (pipe_buffer),            \
		.size = (pipe_buffer_size), .read = 0, .used = 0, .flags = PIPE_FLAG_OPEN \
	}

/* A pipe of @pipe_buffer_size bytes, its buffer aligned to @pipe_align. */
#define K_PIPE_DEFINE(name, pipe_buffer_size, pipe_align)                                         \
	static unsigned char __noinit __aligned(pipe_align) _k_pipe_buf_##name[pipe_buffer_size]; \
	STRUCT_SECTION_ITERABLE(k_pipe, name) =                                                   \
	    Z_PIPE_INITIALIZER(name, _k_pipe_buf_##name, pipe_buffer_size)

/*
 * The calls, only with CONFIG_PIPES: without it, a call of any is an undeclared
 * function and fails to build and link, naming the call.
 */
#ifdef CONFIG_PIPES

/* An open, empty pipe over @buffer (@buffer_size bytes). */
__syscall void k_pipe_init(struct k_pipe *pipe, uint8_t *buffer, size_t buffer_size);

/*
 * Write @len bytes, waiting up to @timeout for room: the number written (all
 * of them, or fewer when the timeout came first); -EAGAIN when none could be
 * written in time; -EPIPE when the pipe is or gets closed; -ECANCELED when it
 * is reset while the call waits; -EOVERFLOW when @len exceeds INT_MAX.
 */
__syscall int k_pipe_write(struct k_pipe *pipe, const uint8_t *data, size_t len,
			   k_timeout_t timeout);

/*
 * Read @len bytes, waiting up to @timeout for them: the number read (all, or
 * fewer when the timeout came first or the pipe was closed with less left);
 * -EAGAIN when none came in time; -EPIPE when the pipe is closed and empty;
 * -ECANCELED when it is reset while the call waits; -EOVERFLOW when @len
 * exceeds INT_MAX.
 */
__syscall int k_pipe_read(struct k_pipe *pipe, uint8_t *data, size_t len, k_timeout_t timeout);

/* Drop the bytes in the pipe; the calls waiting on it return -ECANCELED. */
__syscall void k_pipe_reset(struct k_pipe *pipe);

/*
 * Close the pipe: writes fail with -EPIPE from now on; reads take what is
 * left, then fail with -EPIPE. The waiting calls are woken to see it.
 */
__syscall void k_pipe_close(struct k_pipe *pipe);

#endif /* CONFIG_PIPES */

#endif /* BREEZE_KERNEL_PIPE_H */
