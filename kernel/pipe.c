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
 * When the ring is empty, bytes go straight between a caller and the threads
 * waiting on the other side (so a pipe of 0 bytes works as a rendezvous):
 * each waiter publishes its transfer (struct xfer, on its own kernel stack)
 * in its swap_data while it waits, and the other side copies into or out of
 * that transfer's buffer and counts the bytes in it, under the lock, only
 * while the waiter is still queued. That buffer is kernel memory: a user
 * thread's bytes go through a PIPE_CHUNK buffer on its kernel stack (see the
 * verifiers), so the kernel never copies between a user buffer and the pipe
 * under the lock, nor to or from another thread's user memory.
 */
#include <string.h>
#include <limits.h>
#include <ksched.h>
#include <kobject_init.h>
#include <kuser.h>
#include <poll_internal.h>

#define PIPE_CHUNK 64U

/* One read or write: @len bytes at @buf, @done of them moved so far. */
struct xfer {
	uint8_t *buf;
	size_t len;
	size_t done;
};

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
 * Hand up to @n bytes of @src straight to the readers waiting on an empty
 * pipe, most urgent first, waking each one served: how many were taken.
 */
static size_t give_to_readers(struct k_pipe *p, const uint8_t *src, size_t n)
{
	size_t given = 0;
	struct k_thread *t = z_waitq_head(&p->data);

	while (t != NULL && given < n) {
		struct k_thread *next = z_waitq_next(t);
		struct xfer *x = t->base.swap_data;
		size_t k = MIN(n - given, x->len - x->done);

		memcpy(x->buf + x->done, src + given, k);
		x->done += k;
		given += k;
		z_wake_thread(t, 0);
		t = next;
	}
	return given;
}

/* Take up to @n bytes into @dst straight from the writers waiting on a pipe that is empty. */
static size_t take_from_writers(struct k_pipe *p, uint8_t *dst, size_t n)
{
	size_t taken = 0;
	struct k_thread *t = z_waitq_head(&p->space);

	while (t != NULL && taken < n) {
		struct k_thread *next = z_waitq_next(t);
		struct xfer *x = t->base.swap_data;
		size_t k = MIN(n - taken, x->len - x->done);

		memcpy(dst + taken, x->buf + x->done, k);
		x->done += k;
		taken += k;
		z_wake_thread(t, 0);
		t = next;
	}
	return taken;
}

/* Wait on @q with what is left until @end: false when the time is up. */
static bool wait_locked(k_spinlock_key_t key, _wait_q_t *q, struct xfer *x, k_timepoint_t end,
			int *rc)
{
	k_timeout_t left = sys_timepoint_timeout(end);

	if (K_TIMEOUT_EQ(left, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return false;
	}
	__ASSERT(!k_is_in_isr(), "a pipe may only wait in a thread");
	_current->base.swap_data = x; /* read by the other side while we are queued */
	*rc = z_pend_curr(key, q, left);
	return true;
}

/*
 * Write the @len bytes of kernel memory @data before @end: the count, or
 * -EAGAIN (none in time), -EPIPE, -ECANCELED.
 */
static int transfer_write(struct k_pipe *p, const uint8_t *data, size_t len, k_timepoint_t end)
{
	struct xfer x = { .buf = (uint8_t *)data, .len = len, .done = 0 };

	if (len == 0U) {
		return (p->flags & PIPE_FLAG_OPEN) != 0U ? 0 : -EPIPE;
	}
	while (x.done < len) {
		k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

		if ((p->flags & PIPE_FLAG_OPEN) == 0U) {
			k_spin_unlock(&_sched_spinlock, key);
			return -EPIPE;
		}
		size_t want = MIN(len - x.done, PIPE_CHUNK);
		size_t n = p->used == 0U ? give_to_readers(p, data + x.done, want) : 0U;
		bool woke = n > 0U;
		size_t put = ring_put(p, data + x.done + n, want - n);

		/* Bytes left in the ring: readers and pollers may take them. */
		woke = (put > 0U && (z_wake_all(&p->data, 0) | notify_pollers(p))) || woke;
		n += put;
		x.done += n;
		if (n > 0U) {
			unlock(key, woke);
			continue;
		}
		int rc = 0;

		if (!wait_locked(key, &p->space, &x, end, &rc)) {
			break; /* the time is up */
		}
		if (rc == -ECANCELED) {
			return -ECANCELED;
		}
		/* Woken: a reader may have taken bytes straight from x, counted in x.done. */
	}
	return x.done > 0U ? (int)x.done : -EAGAIN;
}

/*
 * Read @len bytes into kernel memory @data before @end: the count, or
 * -EAGAIN (none in time), -EPIPE (closed and empty), -ECANCELED.
 */
static int transfer_read(struct k_pipe *p, uint8_t *data, size_t len, k_timepoint_t end)
{
	struct xfer x = { .buf = data, .len = len, .done = 0 };

	if (len == 0U) {
		return 0;
	}
	while (x.done < len) {
		k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
		size_t want = MIN(len - x.done, PIPE_CHUNK);
		size_t n = ring_get(p, data + x.done, want);
		/* Once the ring is empty, the waiting writers' bytes come next. */
		size_t taken =
		    p->used == 0U ? take_from_writers(p, data + x.done + n, want - n) : 0U;
		bool woke = taken > 0U;

		n += taken;
		woke = (n > 0U && z_wake_all(&p->space, 0)) || woke;
		x.done += n;
		if (n > 0U) {
			unlock(key, woke);
			continue;
		}
		if ((p->flags & PIPE_FLAG_OPEN) == 0U) {
			k_spin_unlock(&_sched_spinlock, key);
			return x.done > 0U ? (int)x.done : -EPIPE;
		}
		int rc = 0;

		if (!wait_locked(key, &p->data, &x, end, &rc)) {
			break; /* the time is up */
		}
		if (rc == -ECANCELED) {
			return -ECANCELED;
		}
		/* Woken: a writer may have put bytes straight into x, counted in x.done. */
	}
	return x.done > 0U ? (int)x.done : -EAGAIN;
}

void z_impl_k_pipe_init(struct k_pipe *pipe, uint8_t *buffer, size_t buffer_size)
{
	if (z_object_init_begin_for(pipe, K_OBJ_PIPE) != 0) {
		return;
	}
	/*
	 * In one hold of the lock: a supervisor may set up again a pipe that a
	 * transfer on another CPU holds the lock for, chunk by chunk; each chunk
	 * must find the old ring or the new one whole, never the new buffer with
	 * the old size.
	 */
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	sys_dlist_init(&pipe->data.waitq);
	sys_dlist_init(&pipe->space.waitq);
	pipe->buffer = buffer;
	pipe->size = buffer_size;
	pipe->read = 0;
	pipe->used = 0;
	pipe->flags = PIPE_FLAG_OPEN;
	k_spin_unlock(&_sched_spinlock, key);
	z_object_init_end_for(pipe);
}

int z_impl_k_pipe_write(struct k_pipe *pipe, const uint8_t *data, size_t len, k_timeout_t timeout)
{
	if (len > INT_MAX) {
		return -EOVERFLOW;
	}
	return transfer_write(pipe, data, len, sys_timepoint_calc(timeout));
}

int z_impl_k_pipe_read(struct k_pipe *pipe, uint8_t *data, size_t len, k_timeout_t timeout)
{
	if (len > INT_MAX) {
		return -EOVERFLOW;
	}
	return transfer_read(pipe, data, len, sys_timepoint_calc(timeout));
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

/*
 * A user thread's transfer of @len bytes at @data, through a PIPE_CHUNK
 * buffer on its kernel stack: each chunk is copied in (a write) or out (a
 * read) with the caller's rights, checked again as it is copied, and only the
 * copy is used. The pipe and the buffer were checked by the caller.
 */
static int user_transfer(struct k_pipe *pipe, uint8_t *data, size_t len, k_timeout_t timeout,
			 bool write)
{
	if (len > INT_MAX) {
		return -EOVERFLOW;
	}
	k_timepoint_t end = sys_timepoint_calc(timeout); /* one budget for every chunk */
	size_t done = 0;

	while (done < len) {
		uint8_t chunk[PIPE_CHUNK];
		size_t n = MIN(len - done, PIPE_CHUNK);
		int rc;

		if (write) {
			K_OOPS(k_usermode_from_copy(chunk, data + done, n));
			rc = transfer_write(pipe, chunk, n, end);
		} else {
			rc = transfer_read(pipe, chunk, n, end);
			if (rc > 0) {
				K_OOPS(k_usermode_to_copy(data + done, chunk, (size_t)rc));
			}
		}
		if (rc < 0) {
			/*
			 * After some bytes, a timeout (or for a read a close) still
			 * counts them; a write into a closed pipe is -EPIPE, as for a
			 * supervisor.
			 */
			bool counts = rc == -EAGAIN || (!write && rc == -EPIPE);

			return done > 0U && counts ? (int)done : rc;
		}
		done += (size_t)rc;
		if ((size_t)rc < n) {
			break; /* the timeout came, or the pipe closed */
		}
	}
	return (int)done;
}

int z_vrfy_k_pipe_write(struct k_pipe *pipe, const uint8_t *data, size_t len, k_timeout_t timeout)
{
	PIPE_CHECK(pipe);
	K_OOPS(K_SYSCALL_MEMORY_READ(data, len)); /* fail before writing anything */
	return user_transfer(pipe, (uint8_t *)data, len, timeout, true);
}

int z_vrfy_k_pipe_read(struct k_pipe *pipe, uint8_t *data, size_t len, k_timeout_t timeout)
{
	PIPE_CHECK(pipe);
	K_OOPS(K_SYSCALL_MEMORY_WRITE(data, len)); /* fail before taking anything */
	return user_transfer(pipe, data, len, timeout, false);
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
