/*
 * Message queues: a ring of fixed-size messages copied in and out, with
 * threads blocking on a full queue (writers) or an empty one (readers).
 *
 * A put while a reader waits copies the message straight into the reader's
 * buffer; a get from a full queue while a writer waits moves the writer's
 * message into the queue. Either way the woken thread already has its result
 * and nobody arriving later can take it away.
 *
 * From user mode (CONFIG_USERSPACE) a queue must be a kernel object the thread
 * was granted: K_MSGQ_DEFINE, or a queue a supervisor thread set up with
 * k_msgq_init() (not a system call, as in Zephyr). The ring buffer is kernel
 * memory user threads never see: the kernel copies each message through a
 * buffer of its own, so a user thread's messages are limited to
 * CONFIG_MSGQ_MAX_USER_MSG_SIZE bytes (a larger queue is refused with an
 * oops), and a message buffer the caller may not read (put) or write (get,
 * peek) is an oops before anything is taken from or added to the queue.
 */
#ifndef BREEZE_KERNEL_MSGQ_H
#define BREEZE_KERNEL_MSGQ_H

#include <breeze/kernel/thread.h>

struct k_msgq {
	Z_OBJECT_HDR
	_wait_q_t wait_q; /* readers when empty, writers when full: never both */
	size_t msg_size;
	uint32_t max_msgs;
	char *buffer_start;
	char *buffer_end;
	char *read_ptr;
	char *write_ptr;
	uint32_t used_msgs;
	uint8_t flags; /* K_MSGQ_FLAG_* */
};

/* The buffer came from k_msgq_alloc_init(): k_msgq_cleanup() frees it. */
#define K_MSGQ_FLAG_ALLOC BIT(0)

struct k_msgq_attrs {
	size_t msg_size;
	uint32_t max_msgs;
	uint32_t used_msgs;
};

#define Z_MSGQ_INITIALIZER(obj, q_buffer, q_msg_size, q_max_msgs)                                  \
	{                                                                                          \
		Z_OBJECT_HDR_INIT.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .msg_size = (q_msg_size), \
		.max_msgs = (q_max_msgs), .buffer_start = (q_buffer),                              \
		.buffer_end = (q_buffer) + (size_t)(q_max_msgs) * (q_msg_size),                    \
		.read_ptr = (q_buffer), .write_ptr = (q_buffer), .used_msgs = 0                    \
	}

#define Z_MSGQ_DEFINE(storage, q_name, q_msg_size, q_max_msgs, q_align)                            \
	static char __noinit __aligned(q_align) _k_msgq_buf_##q_name[(q_max_msgs) * (q_msg_size)]; \
	storage STRUCT_SECTION_ITERABLE(k_msgq, q_name) =                                          \
	    Z_MSGQ_INITIALIZER(q_name, _k_msgq_buf_##q_name, q_msg_size, q_max_msgs);              \
	BUILD_ASSERT((q_msg_size) > 0 && (q_max_msgs) > 0 && IS_POWER_OF_TWO(q_align),             \
		     "K_MSGQ_DEFINE: empty queue or bad alignment")

/*
 * A queue of @q_max_msgs messages of @q_msg_size bytes, its ring buffer
 * aligned to @q_align (a power of two) so that messages holding aligned types
 * can be used in place by supervisor code.
 */
#define K_MSGQ_DEFINE(q_name, q_msg_size, q_max_msgs, q_align) \
	Z_MSGQ_DEFINE(, q_name, q_msg_size, q_max_msgs, q_align)

/* The same, with the queue private to its file. */
#define K_MSGQ_DEFINE_STATIC(q_name, q_msg_size, q_max_msgs, q_align) \
	Z_MSGQ_DEFINE(static, q_name, q_msg_size, q_max_msgs, q_align)

/* A queue of @q_max_msgs messages of type @q_type: its size and alignment. */
#define K_MSGQ_DEFINE_TYPE(q_name, q_type, q_max_msgs) \
	K_MSGQ_DEFINE(q_name, sizeof(q_type), q_max_msgs, __alignof__(q_type))

/* The same, with the queue private to its file. */
#define K_MSGQ_DEFINE_STATIC_TYPE(q_name, q_type, q_max_msgs) \
	K_MSGQ_DEFINE_STATIC(q_name, sizeof(q_type), q_max_msgs, __alignof__(q_type))

/*
 * Set up @msgq over @buffer (@max_msgs * @msg_size bytes). Supervisor mode
 * only; the queue must not be in use (no waiter) when it is re-initialised.
 */
void k_msgq_init(struct k_msgq *msgq, char *buffer, size_t msg_size, uint32_t max_msgs);

/*
 * Copy the message at @data into the queue (also from an ISR with K_NO_WAIT):
 * 0, -ENOMSG when the queue is full with K_NO_WAIT or was purged while
 * waiting, -EAGAIN on timeout.
 */
__syscall int k_msgq_put(struct k_msgq *msgq, const void *data, k_timeout_t timeout);

/*
 * Take the oldest message into @data (also from an ISR with K_NO_WAIT): 0,
 * -ENOMSG when the queue is empty with K_NO_WAIT or was purged while waiting,
 * -EAGAIN on timeout.
 */
__syscall int k_msgq_get(struct k_msgq *msgq, void *data, k_timeout_t timeout);

/* Copy the oldest message into @data and leave it queued: 0, -ENOMSG when empty. */
__syscall int k_msgq_peek(struct k_msgq *msgq, void *data);

/*
 * Set up @msgq over a buffer of @max_msgs * @msg_size bytes from the caller's
 * resource pool (k_thread_heap_assign()): 0, -EINVAL when the size overflows,
 * -ENOMEM without a pool or room in it. From user mode the queue must be
 * granted and never initialised.
 */
__syscall int k_msgq_alloc_init(struct k_msgq *msgq, size_t msg_size, uint32_t max_msgs);

/*
 * Give back the buffer k_msgq_alloc_init() took: 0, or -EBUSY while threads
 * wait on the queue. The queue then has room for no message (a system call in
 * Breeze, so that a user thread can free what it allocated).
 */
__syscall int k_msgq_cleanup(struct k_msgq *msgq);

/*
 * Copy the message at @data to the front of the queue, where the next get
 * takes it (or hand it to a waiting reader): 0, -ENOMSG when the queue is
 * full. Never waits.
 */
__syscall int k_msgq_put_front(struct k_msgq *msgq, const void *data);

/* Copy message @idx (0: the oldest) into @data, leaving it queued: 0, -ENOMSG if absent. */
__syscall int k_msgq_peek_at(struct k_msgq *msgq, void *data, uint32_t idx);

/* Drop every queued message; threads waiting on the queue return -ENOMSG. */
__syscall void k_msgq_purge(struct k_msgq *msgq);

__syscall uint32_t k_msgq_num_free_get(struct k_msgq *msgq);
__syscall uint32_t k_msgq_num_used_get(struct k_msgq *msgq);

/* Message size, capacity and messages queued now. */
__syscall void k_msgq_get_attrs(struct k_msgq *msgq, struct k_msgq_attrs *attrs);

#endif /* BREEZE_KERNEL_MSGQ_H */
