/*
 * Message queues.
 *
 * Invariants, under _sched_spinlock: readers wait only while the queue is
 * empty, and a put hands its message to the first of them directly, so the
 * queue stays empty while any reader waits; writers wait only while it is
 * full, and a get refills the slot it frees from the first of them. Hence the
 * waiters of one queue are either all readers or all writers, and one wait
 * queue serves both.
 *
 * A waker copies to or from the buffer of the thread it wakes: a blocked
 * thread leaves its buffer in base.swap_data.
 */
#include <string.h>
#include <ksched.h>
#include <kobject_init.h>
#include <thread_pool.h>
#include <poll_internal.h>
#include <breeze/tracing.h>

/* The buffer of @t, a thread just found in a queue's wait queue. */
static void *waiter_data(const struct k_thread *t)
{
	return t->base.swap_data;
}

/* Block the current thread on @msgq with its message buffer @data. */
static int pend_with_data(k_spinlock_key_t key, struct k_msgq *msgq, void *data,
			  k_timeout_t timeout)
{
	__ASSERT(!k_is_in_isr(), "a message queue may only wait in a thread");
	_current->base.swap_data = data;
	return z_pend_curr(key, &msgq->wait_q, timeout);
}

/* Claim and set up @msgq: 0, or why the claim failed (another initialiser raced). */
static int init(struct k_msgq *msgq, char *buffer, size_t msg_size, uint32_t max_msgs,
		uint8_t flags)
{
	int ret = z_object_init_begin_for(msgq, K_OBJ_MSGQ);

	if (ret != 0) {
		return ret;
	}
	sys_dlist_init(&msgq->wait_q.waitq);
	msgq->msg_size = msg_size;
	msgq->max_msgs = max_msgs;
	msgq->buffer_start = buffer;
	msgq->buffer_end = buffer + (size_t)max_msgs * msg_size;
	msgq->read_ptr = buffer;
	msgq->write_ptr = buffer;
	msgq->used_msgs = 0;
	msgq->flags = flags;
	z_object_init_end_for(msgq);
	return 0;
}

void k_msgq_init(struct k_msgq *msgq, char *buffer, size_t msg_size, uint32_t max_msgs)
{
	int ret = init(msgq, buffer, msg_size, max_msgs, 0);

	__ASSERT(ret == 0, "message queue %p being initialised twice at once", (void *)msgq);
	ARG_UNUSED(ret);
}

int z_impl_k_msgq_alloc_init(struct k_msgq *msgq, size_t msg_size, uint32_t max_msgs)
{
	size_t bytes;

	if (__builtin_mul_overflow(msg_size, (size_t)max_msgs, &bytes)) {
		return -EINVAL;
	}
	char *buffer = z_thread_malloc(bytes);

	if (buffer == NULL) {
		return -ENOMEM;
	}
	int ret = init(msgq, buffer, msg_size, max_msgs, K_MSGQ_FLAG_ALLOC);

	if (ret != 0) {
		k_free(buffer); /* lost a race for a never-initialised queue */
	}
	return ret;
}

/*
 * The buffer is detached under the lock (the queue then holds nothing and
 * has room for nothing, so a call already past its checks finds no message
 * and no slot) and freed after it: nothing can reach it any more.
 */
int z_impl_k_msgq_cleanup(struct k_msgq *msgq)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (z_waitq_head(&msgq->wait_q) != NULL) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EBUSY;
	}
	char *buffer = NULL;

	if ((msgq->flags & K_MSGQ_FLAG_ALLOC) != 0U) {
		buffer = msgq->buffer_start;
		msgq->flags &= ~K_MSGQ_FLAG_ALLOC;
		msgq->max_msgs = 0;
		msgq->used_msgs = 0;
		msgq->buffer_start = NULL;
		msgq->buffer_end = NULL;
		msgq->read_ptr = NULL;
		msgq->write_ptr = NULL;
	}
	k_spin_unlock(&_sched_spinlock, key);
	k_free(buffer);
	return 0;
}

/*
 * The message size a caller's buffer was made for. A user thread's buffer is
 * sized by its verifier, before the lock is taken; the calls below check the
 * size again under the lock, so that a queue a supervisor re-initialised
 * meanwhile with another size never makes them copy past that buffer.
 * Supervisor callers size their buffers for the queue by contract.
 */
#define SIZE_OF_QUEUE SIZE_MAX

static bool size_changed(const struct k_msgq *msgq, size_t size)
{
	return size != SIZE_OF_QUEUE && size != msgq->msg_size;
}

/*
 * A message's copy. Messages are mostly a few words, word-aligned at both
 * ends: then a word loop, which beats memcpy()'s set-up at that size.
 */
static ALWAYS_INLINE void msg_copy(void *dst, const void *src, size_t size)
{
	if ((((uintptr_t)dst | (uintptr_t)src | size) & 3U) == 0U) {
		uint32_t *d = dst;
		const uint32_t *s = src;

		for (size_t n = size / 4U; n > 0U; n--) {
			*d++ = *s++;
		}
	} else {
		memcpy(dst, src, size);
	}
}

/* Append @data at the write end (the queue is not full). True if a poller may have woken. */
static Z_HOT_INLINE bool ring_write(struct k_msgq *msgq, const void *data)
{
	msg_copy(msgq->write_ptr, data, msgq->msg_size);
	msgq->write_ptr += msgq->msg_size;
	if (msgq->write_ptr == msgq->buffer_end) {
		msgq->write_ptr = msgq->buffer_start;
	}
	msgq->used_msgs++;
	return z_poll_notify_locked(msgq, K_POLL_STATE_MSGQ_DATA_AVAILABLE);
}

/* Insert @data before the oldest message (the queue is not full). As ring_write(). */
static bool ring_write_front(struct k_msgq *msgq, const void *data)
{
	if (msgq->read_ptr == msgq->buffer_start) {
		msgq->read_ptr = msgq->buffer_end;
	}
	msgq->read_ptr -= msgq->msg_size;
	msg_copy(msgq->read_ptr, data, msgq->msg_size);
	msgq->used_msgs++;
	return z_poll_notify_locked(msgq, K_POLL_STATE_MSGQ_DATA_AVAILABLE);
}

/* Take the oldest message into @data (the queue is not empty). */
static Z_HOT_INLINE void ring_read(struct k_msgq *msgq, void *data)
{
	msg_copy(data, msgq->read_ptr, msgq->msg_size);
	msgq->read_ptr += msgq->msg_size;
	if (msgq->read_ptr == msgq->buffer_end) {
		msgq->read_ptr = msgq->buffer_start;
	}
	msgq->used_msgs--;
}

/*
 * -EINVAL: the messages are not @size bytes (any more). A put at the front
 * never waits (@timeout is K_NO_WAIT), so the writers that wait for room all
 * put at the back.
 *
 * Built for speed, the plain put and get (and so a user call tried in the
 * trap, whose verifier ends in them) have their own copy of the body, with
 * the size test and the front test folded away and no arguments on the
 * stack; every other caller shares put() and get().
 */
static Z_HOT_INLINE int put_body(struct k_msgq *msgq, const void *data, size_t size,
				 k_timeout_t timeout, bool front)
{
	sys_port_trace_k_msgq_put(msgq, timeout);
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (size_changed(msgq, size)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EINVAL;
	}
	if (msgq->used_msgs < msgq->max_msgs) {
		struct k_thread *reader = z_waitq_head(&msgq->wait_q);

		if (reader != NULL) {
			msg_copy(waiter_data(reader), data, msgq->msg_size);
			z_wake_thread(reader, 0);
			z_reschedule(key);
			return 0;
		}
		bool polled = front ? ring_write_front(msgq, data) : ring_write(msgq, data);

		if (polled) {
			z_reschedule(key); /* a poller may have been woken */
		} else {
			k_spin_unlock(&_sched_spinlock, key);
		}
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -ENOMSG;
	}
	/* The reader that frees a slot copies from here: the buffer is read-only to it. */
	return pend_with_data(key, msgq, (void *)data, timeout);
}

static int put(struct k_msgq *msgq, const void *data, size_t size, k_timeout_t timeout, bool front)
{
	return put_body(msgq, data, size, timeout, front);
}

int z_impl_k_msgq_put(struct k_msgq *msgq, const void *data, k_timeout_t timeout)
{
	return put_body(msgq, data, SIZE_OF_QUEUE, timeout, false);
}

int z_impl_k_msgq_put_front(struct k_msgq *msgq, const void *data)
{
	return put(msgq, data, SIZE_OF_QUEUE, K_NO_WAIT, true);
}

static Z_HOT_INLINE int get_body(struct k_msgq *msgq, void *data, size_t size, k_timeout_t timeout)
{
	sys_port_trace_k_msgq_get(msgq, timeout);
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	if (size_changed(msgq, size)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -EINVAL;
	}
	if (msgq->used_msgs > 0U) {
		ring_read(msgq, data);

		struct k_thread *writer = z_waitq_head(&msgq->wait_q);

		if (writer != NULL) {
			(void)ring_write(msgq, waiter_data(writer)); /* rescheduled below anyway */
			z_wake_thread(writer, 0);
			z_reschedule(key);
			return 0;
		}
		k_spin_unlock(&_sched_spinlock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&_sched_spinlock, key);
		return -ENOMSG;
	}
	return pend_with_data(key, msgq, data, timeout);
}

int z_impl_k_msgq_get(struct k_msgq *msgq, void *data, k_timeout_t timeout)
{
	return get_body(msgq, data, SIZE_OF_QUEUE, timeout);
}

/* Copy message @idx (0: the oldest) without taking it. */
static int msgq_peek_at(struct k_msgq *msgq, void *data, size_t size, uint32_t idx)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	int ret = -ENOMSG;

	if (size_changed(msgq, size)) {
		ret = -EINVAL;
	} else if (idx < msgq->used_msgs) {
		/* idx < used_msgs <= max_msgs: the offset stays inside the buffer. */
		size_t offset =
		    (size_t)(msgq->read_ptr - msgq->buffer_start) + (size_t)idx * msgq->msg_size;
		size_t span = (size_t)(msgq->buffer_end - msgq->buffer_start);

		if (offset >= span) {
			offset -= span;
		}
		memcpy(data, msgq->buffer_start + offset, msgq->msg_size);
		ret = 0;
	}
	k_spin_unlock(&_sched_spinlock, key);
	return ret;
}

int z_impl_k_msgq_peek(struct k_msgq *msgq, void *data)
{
	return msgq_peek_at(msgq, data, SIZE_OF_QUEUE, 0);
}

int z_impl_k_msgq_peek_at(struct k_msgq *msgq, void *data, uint32_t idx)
{
	return msgq_peek_at(msgq, data, SIZE_OF_QUEUE, idx);
}

void z_impl_k_msgq_purge(struct k_msgq *msgq)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	(void)z_wake_all(&msgq->wait_q, -ENOMSG);
	msgq->read_ptr = msgq->write_ptr;
	msgq->used_msgs = 0;
	z_reschedule(key);
}

uint32_t z_impl_k_msgq_num_free_get(struct k_msgq *msgq)
{
	return msgq->max_msgs - msgq->used_msgs;
}

uint32_t z_impl_k_msgq_num_used_get(struct k_msgq *msgq)
{
	return msgq->used_msgs;
}

void z_impl_k_msgq_get_attrs(struct k_msgq *msgq, struct k_msgq_attrs *attrs)
{
	attrs->msg_size = msgq->msg_size;
	attrs->max_msgs = msgq->max_msgs;
	attrs->used_msgs = msgq->used_msgs;
}

#ifdef CONFIG_USERSPACE
#include <syscall_attempt.h>

/*
 * A user thread's message goes through a copy on its kernel stack: a thread
 * blocked in put or get is woken by another thread that copies its message,
 * and that copy must never touch user memory, whose access rules belong to
 * the blocked thread, not to the waker. A call tried in the trap
 * (syscall_attempt.h) copies straight between the caller's buffer and the
 * queue: were it to wait, it would start again here with the copy.
 */
static ALWAYS_INLINE size_t user_msg_size(struct k_msgq *msgq)
{
	K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));

	size_t size = msgq->msg_size;

	K_OOPS(K_SYSCALL_VERIFY_MSG(size <= CONFIG_MSGQ_MAX_USER_MSG_SIZE,
				    "messages of %u bytes, user threads may use at most %u",
				    (unsigned int)size, CONFIG_MSGQ_MAX_USER_MSG_SIZE));
	return size;
}

/* The queue's message size changed during the call: the verifier's check no longer holds. */
static int check_size_kept(int ret)
{
	K_OOPS(K_SYSCALL_VERIFY_MSG(ret != -EINVAL, "message size changed during the call"));
	return ret;
}

/*
 * Tried in the trap (one CPU), nothing else runs until the call ends: the
 * buffer checked is the one copied, and the message size just read stays the
 * queue's, so put and get need not check it again (nor -EINVAL after). When
 * the queue, its size and the buffer pass the inline checks, a verifier is
 * then a tail call of the implementation (three arguments, all in registers
 * on Arm too), with no stack frame of its own; anything else (a call that
 * runs again after a declined wait, SMP, a failed check) takes the full path,
 * out of line with its bounce buffer.
 */
static ALWAYS_INLINE bool attempt_fast(struct k_msgq *msgq, const void *data, bool write)
{
	ARG_UNUSED(write); /* without the partition cache */
	return z_syscall_attempting() && K_SYSCALL_OBJ_FAST(msgq, K_OBJ_MSGQ) &&
	       msgq->msg_size <= CONFIG_MSGQ_MAX_USER_MSG_SIZE &&
	       K_SYSCALL_MEMORY_FAST(data, msgq->msg_size, write);
}

static Z_SYSCALL_OUT_OF_LINE int put_checked(struct k_msgq *msgq, const void *data,
					     k_timeout_t timeout)
{
	size_t size = user_msg_size(msgq);
	char msg[CONFIG_MSGQ_MAX_USER_MSG_SIZE];

	if (z_syscall_attempting()) {
		K_OOPS(K_SYSCALL_MEMORY_READ(data, size));
		return put(msgq, data, size, timeout, false);
	}
	K_OOPS(k_usermode_from_copy(msg, data, size)); /* checks that the caller may read it */
	return check_size_kept(put(msgq, msg, size, timeout, false));
}

int z_vrfy_k_msgq_put(struct k_msgq *msgq, const void *data, k_timeout_t timeout)
{
	return attempt_fast(msgq, data, false) ? z_impl_k_msgq_put(msgq, data, timeout)
					       : put_checked(msgq, data, timeout);
}

int z_vrfy_k_msgq_put_front(struct k_msgq *msgq, const void *data)
{
	size_t size = user_msg_size(msgq);
	char msg[CONFIG_MSGQ_MAX_USER_MSG_SIZE];

	K_OOPS(k_usermode_from_copy(msg, data, size));
	return check_size_kept(put(msgq, msg, size, K_NO_WAIT, true));
}

/* get() for a user thread's buffer of the size it checked (-EINVAL if it changed). */
static int get(struct k_msgq *msgq, void *data, size_t size, k_timeout_t timeout)
{
	return get_body(msgq, data, size, timeout);
}

static Z_SYSCALL_OUT_OF_LINE int get_checked(struct k_msgq *msgq, void *data, k_timeout_t timeout)
{
	size_t size = user_msg_size(msgq);
	char msg[CONFIG_MSGQ_MAX_USER_MSG_SIZE];

	/* Checked before taking a message, which a failed copy would lose. */
	K_OOPS(K_SYSCALL_MEMORY_WRITE(data, size));
	if (z_syscall_attempting()) {
		return get(msgq, data, size, timeout);
	}

	int ret = check_size_kept(get(msgq, msg, size, timeout));

	if (ret == 0) {
		K_OOPS(k_usermode_to_copy(data, msg, size));
	}
	return ret;
}

int z_vrfy_k_msgq_get(struct k_msgq *msgq, void *data, k_timeout_t timeout)
{
	return attempt_fast(msgq, data, true) ? z_impl_k_msgq_get(msgq, data, timeout)
					      : get_checked(msgq, data, timeout);
}

int z_vrfy_k_msgq_peek_at(struct k_msgq *msgq, void *data, uint32_t idx)
{
	size_t size = user_msg_size(msgq);
	char msg[CONFIG_MSGQ_MAX_USER_MSG_SIZE];

	K_OOPS(K_SYSCALL_MEMORY_WRITE(data, size));

	int ret = check_size_kept(msgq_peek_at(msgq, msg, size, idx));

	if (ret == 0) {
		K_OOPS(k_usermode_to_copy(data, msg, size));
	}
	return ret;
}

int z_vrfy_k_msgq_peek(struct k_msgq *msgq, void *data)
{
	return z_vrfy_k_msgq_peek_at(msgq, data, 0);
}

int z_vrfy_k_msgq_alloc_init(struct k_msgq *msgq, size_t msg_size, uint32_t max_msgs)
{
	K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(msgq, K_OBJ_MSGQ));
	return z_impl_k_msgq_alloc_init(msgq, msg_size, max_msgs);
}

int z_vrfy_k_msgq_cleanup(struct k_msgq *msgq)
{
	K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
	return z_impl_k_msgq_cleanup(msgq);
}

void z_vrfy_k_msgq_purge(struct k_msgq *msgq)
{
	K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
	z_impl_k_msgq_purge(msgq);
}

uint32_t z_vrfy_k_msgq_num_free_get(struct k_msgq *msgq)
{
	K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
	return z_impl_k_msgq_num_free_get(msgq);
}

uint32_t z_vrfy_k_msgq_num_used_get(struct k_msgq *msgq)
{
	K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
	return z_impl_k_msgq_num_used_get(msgq);
}

void z_vrfy_k_msgq_get_attrs(struct k_msgq *msgq, struct k_msgq_attrs *attrs)
{
	struct k_msgq_attrs a;

	K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
	z_impl_k_msgq_get_attrs(msgq, &a);
	K_OOPS(k_usermode_to_copy(attrs, &a, sizeof(a)));
}
#endif
