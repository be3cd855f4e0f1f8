/*
 * Pipes (k_pipe): a byte ring under the scheduler lock, with two wait queues.
 *
 * Each hold of the lock moves at most PIPE_CHUNK bytes, so the time spent
 * with interrupts masked is bounded whatever a caller asks for; a transfer
 * that needs more takes the lock again. A transfer that moved bytes wakes
 * every thread waiting on the other side; each retries, and one that finds
 * nothing to do waits again with what is left of its own timeout. A reset
 * wakes the waiters with -ECANCELED; a close wakes them to see the pipe
 * closed.
 *
 * A user thread's bytes go through a PIPE_CHUNK buffer on its kernel stack:
 * the kernel never copies between a user buffer and the ring under the lock,
 * and never on another thread's behalf.
 */
#include <string.h>
#include <limits.h>
#include <ksched.h>
#include <kobject_init.h>
#include <kuser.h>
#include <poll_internal.h>

#define PIPE_CHUNK 64U

static int64_t deadline_of(k_timeout_t timeout)
{
	if (K_TIMEOUT_EQ(timeout, K_FOREVER)) {
		return INT64_MAX;
	}
	if (!Z_IS_TIMEOUT_RELATIVE(timeout)) {
		return Z_TICK_ABS(timeout.ticks); /* K_TIMEOUT_ABS_TICKS(): the tick itself */
	}
	return z_impl_k_uptime_ticks() + timeout.ticks;
}

static k_timeout_t remaining(int64_t deadline)
{
	if (deadline == INT64_MAX) {
		return K_FOREVER;
	}
	int64_t left = deadline - z_impl_k_uptime_ticks();

	return left > 0 ? K_TICKS(left) : K_NO_WAIT;
}

/* Copy up to @n bytes of @src into the ring: how many fit. */
static size_t ring_put(struct k_pipe *p, const uint8_t *src, size_t n)
{
	size_t k = MIN(n, p->size - p->used);

	if (k == 0U) {
		return 0;
	}
	size_t at = (p->read + p->used) % p->size;
	size_t first = MIN(k, p->size - at);

	memcpy(p->buffer + at, src, first);
	memcpy(p->buffer, src + first, k - first);
	p->used += k;
	return k;
}

/* Take up to @n bytes out of the ring into @dst: how many there were. */
static size_t ring_get(struct k_pipe *p, uint8_t *dst, size_t n)
{
	size_t k = MIN(n, p->used);

	if (k == 0U) {
		return 0;
	}
	size_t first = MIN(k, p->size - p->read);

	memcpy(dst, p->buffer + p->read, first);
	memcpy(dst + first, p->buffer, k - first);
	p->read = p->used == k ? 0U : (p->read + k) % p->size;
	p->used -= k;
	return k;
}

/*
 * Bytes arrived: tell the threads polling @p (K_POLL_TYPE_PIPE_DATA_AVAILABLE).
 * Whether any thread polls at all, so that the caller reschedules.
 */
static bool notify_pollers(struct k_pipe *p)
{
#ifdef CONFIG_POLL
	extern sys_dlist_t z_poll_registered;

	if (!sys_dlist_is_empty(&z_poll_registered)) {
		z_poll_notify_locked(p, K_POLL_STATE_PIPE_DATA_AVAILABLE);
		return true;
	}
#endif
	ARG_UNUSED(p);
	return false;
}

/* Release the lock, letting woken threads run if there are any. */
static void unlock(k_spinlock_key_t key, bool woke)
{
	if (woke) {
		z_reschedule(key);
	} else {
		k_spin_unlock(&_sched_spinlock, key);
	}
}

/*
 * Write @len bytes of kernel memory @data before @deadline: the count, or
 * -EAGAIN (none in time), -EPIPE, -ECANCELED.
 */
static int transfer_write(struct k_pipe *p, const uint8_t *data, size_t len, int64_t deadline)
{
	size_t done = 0;

	for (;;) {
		k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

		if ((p->flags & PIPE_FLAG_OPEN) == 0U) {
			k_spin_unlock(&_sched_spinlock, key);
			return -EPIPE;
		}
		size_t n = ring_put(p, data + done, MIN(len - done, PIPE_CHUNK));
		bool woke = n > 0U && (z_wake_all(&p->data, 0) | notify_pollers(p));

		done += n;
		if (done == len || n > 0U) {
			unlock(key, woke);
			if (done == len) {
				return (int)done;
			}
			continue;
		}
		k_timeout_t left = remaining(deadline);

		if (K_TIMEOUT_EQ(left, K_NO_WAIT)) {
			k_spin_unlock(&_sched_spinlock, key);
			return done > 0U ? (int)done : -EAGAIN;
		}
		__ASSERT(!k_is_in_isr(), "a pipe may only wait in a thread");
		if (z_pend_curr(key, &p->space, left) == -ECANCELED) {
			return -ECANCELED;
		}
	}
}

/*
 * Read @len bytes into kernel memory @data before @deadline: the count, or
 * -EAGAIN (none in time), -EPIPE (closed and empty), -ECANCELED.
 */
static int transfer_read(struct k_pipe *p, uint8_t *data, size_t len, int64_t deadline)
{
	size_t done = 0;

	for (;;) {
		k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
		size_t n = ring_get(p, data + done, MIN(len - done, PIPE_CHUNK));
		bool woke = n > 0U && z_wake_all(&p->space, 0);

		done += n;
		if (done == len || n > 0U) {
			unlock(key, woke);
			if (done == len) {
				return (int)done;
			}
			continue;
		}
		if ((p->flags & PIPE_FLAG_OPEN) == 0U) {
			k_spin_unlock(&_sched_spinlock, key);
			return done > 0U ? (int)done : -EPIPE;
		}
		k_timeout_t left = remaining(deadline);

		if (K_TIMEOUT_EQ(left, K_NO_WAIT)) {
			k_spin_unlock(&_sched_spinlock, key);
			return done > 0U ? (int)done : -EAGAIN;
		}
		__ASSERT(!k_is_in_isr(), "a pipe may only wait in a thread");
		if (z_pend_curr(key, &p->data, left) == -ECANCELED) {
			return -ECANCELED;
		}
	}
}

void z_impl_k_pipe_init(struct k_pipe *pipe, uint8_t *buffer, size_t buffer_size)
{
	if (z_object_init_begin_for(pipe, K_OBJ_PIPE) != 0) {
		return;
	}
	sys_dlist_init(&pipe->data.waitq);
	sys_dlist_init(&pipe->space.waitq);
	pipe->buffer = buffer;
	pipe->size = buffer_size;
	pipe->read = 0;
	pipe->used = 0;
	pipe->flags = PIPE_FLAG_OPEN;
	z_object_init_end_for(pipe);
}

int z_impl_k_pipe_write(struct k_pipe *pipe, const uint8_t *data, size_t len, k_timeout_t timeout)
{
	if (len > INT_MAX) {
		return -EOVERFLOW;
	}
	return transfer_write(pipe, data, len, deadline_of(timeout));
}

int z_impl_k_pipe_read(struct k_pipe *pipe, uint8_t *data, size_t len, k_timeout_t timeout)
{
	if (len > INT_MAX) {
		return -EOVERFLOW;
	}
	return transfer_read(pipe, data, len, deadline_of(timeout));
}

void z_impl_k_pipe_reset(struct k_pipe *pipe)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	pipe->read = 0;
	pipe->used = 0;
	bool woke = z_wake_all(&pipe->data, -ECANCELED);

	woke = z_wake_all(&pipe->space, -ECANCELED) || woke;
	unlock(key, woke);
}

void z_impl_k_pipe_close(struct k_pipe *pipe)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	pipe->flags &= ~PIPE_FLAG_OPEN;
	bool woke = z_wake_all(&pipe->data, 0);

	woke = z_wake_all(&pipe->space, 0) || woke;
	unlock(key, woke);
}

#ifdef CONFIG_USERSPACE
#define PIPE_CHECK(p) K_OOPS(K_SYSCALL_OBJ(p, K_OBJ_PIPE))

void z_vrfy_k_pipe_init(struct k_pipe *pipe, uint8_t *buffer, size_t buffer_size)
{
	K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(pipe, K_OBJ_PIPE));
	K_OOPS(K_SYSCALL_MEMORY_WRITE(buffer, buffer_size));
	/* A stack is reused by the next thread created on it, maybe in another domain. */
	K_OOPS(K_SYSCALL_VERIFY_MSG(buffer_size == 0U ||
					!z_stack_is_user_capable((k_thread_stack_t *)buffer),
				    "a pipe buffer on a thread stack"));
	z_impl_k_pipe_init(pipe, buffer, buffer_size);
}

/* The result of a user transfer that moved @done bytes before a chunk returned @rc. */
static int user_result(size_t done, int rc)
{
	/* A timeout, or for a read a close, after some bytes: the bytes count. */
	return done > 0U && (rc == -EAGAIN || rc == -EPIPE) ? (int)done : rc;
}

int z_vrfy_k_pipe_write(struct k_pipe *pipe, const uint8_t *data, size_t len, k_timeout_t timeout)
{
	PIPE_CHECK(pipe);
	K_OOPS(K_SYSCALL_MEMORY_READ(data, len)); /* fail before writing anything */
	if (len > INT_MAX) {
		return -EOVERFLOW;
	}
	int64_t deadline = deadline_of(timeout);
	size_t done = 0;

	while (done < len) {
		uint8_t chunk[PIPE_CHUNK];
		size_t n = MIN(len - done, PIPE_CHUNK);

		K_OOPS(
		    k_usermode_from_copy(chunk, data + done, n)); /* checked again, copied once */
		int rc = transfer_write(pipe, chunk, n, deadline);

		if (rc < 0) {
			/* A close after some chunks is still -EPIPE, as for a supervisor. */
			return done > 0U && rc == -EAGAIN ? (int)done : rc;
		}
		done += (size_t)rc;
		if ((size_t)rc < n) {
			break; /* the timeout came */
		}
	}
	return (int)done;
}

int z_vrfy_k_pipe_read(struct k_pipe *pipe, uint8_t *data, size_t len, k_timeout_t timeout)
{
	PIPE_CHECK(pipe);
	K_OOPS(K_SYSCALL_MEMORY_WRITE(data, len)); /* fail before taking anything */
	if (len > INT_MAX) {
		return -EOVERFLOW;
	}
	int64_t deadline = deadline_of(timeout);
	size_t done = 0;

	while (done < len) {
		uint8_t chunk[PIPE_CHUNK];
		size_t n = MIN(len - done, PIPE_CHUNK);
		int rc = transfer_read(pipe, chunk, n, deadline);

		if (rc < 0) {
			return user_result(done, rc);
		}
		K_OOPS(k_usermode_to_copy(data + done, chunk, (size_t)rc));
		done += (size_t)rc;
		if ((size_t)rc < n) {
			break; /* the timeout came, or the pipe closed */
		}
	}
	return (int)done;
}

void z_vrfy_k_pipe_reset(struct k_pipe *pipe)
{
	PIPE_CHECK(pipe);
	z_impl_k_pipe_reset(pipe);
}

void z_vrfy_k_pipe_close(struct k_pipe *pipe)
{
	PIPE_CHECK(pipe);
	z_impl_k_pipe_close(pipe);
}
#endif
