/*
 * Polling (k_poll): wait until any of several conditions holds — a semaphore
 * is available, a queue (k_fifo, k_lifo), a message queue or a pipe holds
 * data, a poll signal was raised. k_poll() only says which conditions hold;
 * the caller then takes the semaphore or the data itself (with K_NO_WAIT:
 * another thread may have been quicker).
 *
 * k_poll() and the signal calls are system calls. From user mode the events
 * are copied into the kernel (at most CONFIG_POLL_MAX_USER_EVENTS of them),
 * each object is checked like any other system call argument, and the
 * events, with their states, are copied back.
 */
#ifndef BREEZE_KERNEL_POLL_H
#define BREEZE_KERNEL_POLL_H

#include <breeze/kernel/thread.h>

struct k_sem;
struct k_queue;
struct k_fifo;
struct k_msgq;
struct k_lifo;
struct k_pipe;
struct z_poller;

/* Types (one per event), bit positions as in Zephyr. */
#define Z_POLL_TYPE_BIT(n)              (1U << ((n)-1U))
#define K_POLL_TYPE_IGNORE              0U
#define K_POLL_TYPE_SIGNAL              Z_POLL_TYPE_BIT(1)
#define K_POLL_TYPE_SEM_AVAILABLE       Z_POLL_TYPE_BIT(2)
#define K_POLL_TYPE_DATA_AVAILABLE      Z_POLL_TYPE_BIT(3) /* k_queue, k_fifo, k_lifo */
#define K_POLL_TYPE_FIFO_DATA_AVAILABLE K_POLL_TYPE_DATA_AVAILABLE
#define K_POLL_TYPE_MSGQ_DATA_AVAILABLE Z_POLL_TYPE_BIT(4)
#define K_POLL_TYPE_PIPE_DATA_AVAILABLE Z_POLL_TYPE_BIT(5) /* a k_pipe holds bytes */
#define K_POLL_TYPE_LIFO_DATA_AVAILABLE K_POLL_TYPE_DATA_AVAILABLE
#define Z_POLL_NUM_TYPES                6

/* States: what k_poll() found (0 when the event is not ready). */
#define Z_POLL_STATE_BIT(n)              (1U << ((n)-1U))
#define K_POLL_STATE_NOT_READY           0U
#define K_POLL_STATE_SIGNALED            Z_POLL_STATE_BIT(1)
#define K_POLL_STATE_SEM_AVAILABLE       Z_POLL_STATE_BIT(2)
#define K_POLL_STATE_DATA_AVAILABLE      Z_POLL_STATE_BIT(3)
#define K_POLL_STATE_FIFO_DATA_AVAILABLE K_POLL_STATE_DATA_AVAILABLE
#define K_POLL_STATE_CANCELLED           Z_POLL_STATE_BIT(4) /* k_queue_cancel_wait() */
#define K_POLL_STATE_MSGQ_DATA_AVAILABLE Z_POLL_STATE_BIT(5)
#define K_POLL_STATE_PIPE_DATA_AVAILABLE Z_POLL_STATE_BIT(6)
#define K_POLL_STATE_LIFO_DATA_AVAILABLE K_POLL_STATE_DATA_AVAILABLE
#define Z_POLL_NUM_STATES                7

enum k_poll_modes { K_POLL_MODE_NOTIFY_ONLY = 0, K_POLL_NUM_MODES };

/* Raised (signaled, with a result) by k_poll_signal_raise(), for pollers to see. */
struct k_poll_signal {
	Z_OBJECT_HDR
	unsigned int signaled;
	int result;
};

#define K_POLL_SIGNAL_INITIALIZER(obj)                      \
	{                                                   \
		Z_OBJECT_HDR_INIT.signaled = 0, .result = 0 \
	}

struct k_poll_event {
	sys_dnode_t _node;       /* the kernel's: in its list of registered events */
	struct z_poller *poller; /* the kernel's: the thread in k_poll() */
	uint32_t tag : 8;        /* the application's */
	uint32_t type : Z_POLL_NUM_TYPES;
	uint32_t state : Z_POLL_NUM_STATES;
	uint32_t mode : 1;
	uint32_t unused : 32 - (8 + Z_POLL_NUM_TYPES + Z_POLL_NUM_STATES + 1);
	union {
		void *obj;
		void *typed_K_POLL_TYPE_IGNORE;
		struct k_poll_signal *signal;
		struct k_poll_signal *typed_K_POLL_TYPE_SIGNAL;
		struct k_sem *sem;
		struct k_sem *typed_K_POLL_TYPE_SEM_AVAILABLE;
		struct k_fifo *fifo;
		struct k_queue *queue;
		struct k_queue *typed_K_POLL_TYPE_DATA_AVAILABLE;
		struct k_msgq *msgq;
		struct k_msgq *typed_K_POLL_TYPE_MSGQ_DATA_AVAILABLE;
		/* The initializers paste the type's macro name: one member per name. */
		struct k_fifo *typed_K_POLL_TYPE_FIFO_DATA_AVAILABLE;
		struct k_lifo *lifo;
		struct k_lifo *typed_K_POLL_TYPE_LIFO_DATA_AVAILABLE;
		struct k_pipe *pipe;
		struct k_pipe *typed_K_POLL_TYPE_PIPE_DATA_AVAILABLE;
	};
};

/* @_event_type is written as its macro name (K_POLL_TYPE_...): it picks the union member. */
#define K_POLL_EVENT_INITIALIZER(_event_type, _event_mode, _event_obj)                   \
	{                                                                                \
		.poller = NULL, .type = _event_type, .state = K_POLL_STATE_NOT_READY,    \
		.mode = _event_mode, .unused = 0, { .typed_##_event_type = _event_obj }, \
	}

#define K_POLL_EVENT_STATIC_INITIALIZER(_event_type, _event_mode, _event_obj, event_tag) \
	{                                                                                \
		.tag = event_tag, .type = _event_type, .state = K_POLL_STATE_NOT_READY,  \
		.mode = _event_mode, .unused = 0, { .typed_##_event_type = _event_obj }, \
	}

#ifdef CONFIG_POLL
/* Set up @event to watch @obj for a condition of @type; its state is NOT_READY. */
void k_poll_event_init(struct k_poll_event *event, uint32_t type, int mode, void *obj);

/*
 * Wait until at least one of @events is ready, or @timeout. Each ready event
 * gets its state (the caller resets states to K_POLL_STATE_NOT_READY before
 * polling again). 0 when one is ready; -EAGAIN on timeout (at once with
 * K_NO_WAIT); -EINTR when a queue polled for data was cancelled
 * (k_queue_cancel_wait(); that event's state is K_POLL_STATE_CANCELLED).
 * From user mode also: -EINVAL for a negative @num_events, an unknown type or
 * mode; -ENOMEM for more than CONFIG_POLL_MAX_USER_EVENTS events; an oops for
 * an events array the caller may not write or an object it may not use.
 */
__syscall int k_poll(struct k_poll_event *events, int num_events, k_timeout_t timeout);

__syscall void k_poll_signal_init(struct k_poll_signal *sig);

/* Clear the signaled flag (the result stays). */
__syscall void k_poll_signal_reset(struct k_poll_signal *sig);

/* Whether @sig is signaled, and the result it was raised with. */
__syscall void k_poll_signal_check(struct k_poll_signal *sig, unsigned int *signaled, int *result);

/* Signal @sig with @result, and make every thread polling it ready. Always 0. */
__syscall int k_poll_signal_raise(struct k_poll_signal *sig, int result);
#endif /* CONFIG_POLL */

#endif /* BREEZE_KERNEL_POLL_H */
