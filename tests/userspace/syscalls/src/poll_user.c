/*
 * k_poll and poll signals from user mode: a user thread initialises, raises,
 * checks and resets a signal; polls granted objects, ready at once or not,
 * and waits until a supervisor gives, raises or cancels; gets its states
 * copied back without a kernel link in them; and gets Zephyr's error codes
 * for a bad count, type or mode.
 */
#include "user_util.h"

static struct k_sem sem;
static struct k_fifo fifo;
static struct k_poll_signal sig;
static struct k_poll_signal fresh;
K_MSGQ_DEFINE(user_msgq, sizeof(int), 2, 4);

RESULT static volatile int r[12];
RESULT static struct k_poll_event ev[4];
RESULT static struct k_poll_event many[CONFIG_POLL_MAX_USER_EVENTS + 1];
RESULT static unsigned int signaled;
RESULT static int result;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_sem_init(&sem, 0, 1);
	k_fifo_init(&fifo);
	k_poll_signal_init(&sig);
	k_msgq_purge(&user_msgq);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		r[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(sys_poll, NULL, NULL, before, NULL, NULL);

static void init_events(void)
{
	k_poll_event_init(&ev[0], K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &sem);
	k_poll_event_init(&ev[1], K_POLL_TYPE_FIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &fifo);
	k_poll_event_init(&ev[2], K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, &sig);
	k_poll_event_init(&ev[3], K_POLL_TYPE_MSGQ_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
			  &user_msgq);
}

static void signal_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_poll_signal_init(&fresh);
	k_poll_signal_check(&fresh, &signaled, &result);
	r[0] = (int)signaled;
	r[1] = k_poll_signal_raise(&fresh, 1234);
	k_poll_signal_check(&fresh, &signaled, &result);
	r[2] = (int)signaled;
	r[3] = result;
	k_poll_signal_reset(&fresh);
	k_poll_signal_check(&fresh, &signaled, &result);
	r[4] = (int)signaled;
	r[5] = result;
	(void)k_poll_signal_raise(&fresh, 77);
	k_poll_signal_init(&fresh); /* re-initialising clears it, as in Zephyr */
	k_poll_signal_check(&fresh, &signaled, &result);
	r[6] = (int)signaled;
	r[7] = result;
}

ZTEST(sys_poll, test_signal_calls_from_user_mode) {
	k_tid_t t = user_create(0, signal_calls, NULL, NULL, NULL, USER_PRIO, 0);

	k_object_access_grant(&fresh, t);
	run_to_end(t);
	zassert_equal(r[0], 0);
	zassert_equal(r[1], 0);
	zassert_equal(r[2], 1);
	zassert_equal(r[3], 1234);
	zassert_equal(r[4], 0);
	zassert_equal(r[5], 1234);
	zassert_equal(r[6], 0, "re-initialised signal still signaled");
	zassert_equal(r[7], 0);
}

static void poll_calls(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	init_events();
	r[0] = k_poll(ev, 4, K_NO_WAIT);
	r[1] = k_poll(ev, 4, K_MSEC(1));
	r[2] = k_poll(ev, 4, K_FOREVER); /* the supervisor gives the semaphore */
	r[3] = ev[0].state;
	r[4] = ev[0]._node.next == NULL && ev[0]._node.prev == NULL && ev[0].poller == NULL;
	r[5] = k_sem_take(&sem, K_NO_WAIT);
	ev[0].state = K_POLL_STATE_NOT_READY;
	r[6] = k_poll(ev, 4, K_FOREVER); /* the supervisor raises the signal */
	r[7] = ev[2].state;
	ev[2].state = K_POLL_STATE_NOT_READY;
	k_poll_signal_reset(&sig);
	r[8] = k_poll(ev, 4, K_FOREVER); /* the supervisor cancels the fifo's waits */
	r[9] = ev[1].state;
}

ZTEST(sys_poll, test_poll_from_user_mode) {
	k_tid_t t = user_create(0, poll_calls, NULL, NULL, NULL, TEST_PRIO - 1, 0);

	k_thread_access_grant(t, &sem, &fifo, &sig, &user_msgq);
	k_thread_start(t); /* more urgent: runs until it waits */
	k_msleep(2);       /* past its 1 ms poll */
	wait_until_waiting(t, &r[1]);
	zassert_equal(r[2], NOT_REACHED);
	k_sem_give(&sem);
	wait_until_waiting(t, &r[5]);
	zassert_equal(r[6], NOT_REACHED);
	k_poll_signal_raise(&sig, 9);
	wait_until_waiting(t, &r[7]);
	zassert_equal(r[8], NOT_REACHED);
	k_fifo_cancel_wait(&fifo); /* ends only the waits there are */
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[0], -EAGAIN);
	zassert_equal(r[1], -EAGAIN);
	zassert_equal(r[2], 0);
	zassert_equal(r[3], K_POLL_STATE_SEM_AVAILABLE);
	zassert_equal(r[4], 1, "kernel links were copied back");
	zassert_equal(r[5], 0);
	zassert_equal(r[6], 0);
	zassert_equal(r[7], K_POLL_STATE_SIGNALED);
	zassert_equal(r[8], -EINTR);
	zassert_equal(r[9], K_POLL_STATE_CANCELLED);
}

static void poll_errors(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	init_events();
	r[0] = k_poll(ev, -1, K_NO_WAIT);
	for (unsigned int i = 0; i < ARRAY_SIZE(many); i++) {
		k_poll_event_init(&many[i], K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
				  &sem);
	}
	r[1] = k_poll(many, ARRAY_SIZE(many), K_NO_WAIT);
	r[2] = k_poll(many, ARRAY_SIZE(many) - 1, K_NO_WAIT); /* the most there may be */
	ev[1].type = K_POLL_TYPE_SEM_AVAILABLE | K_POLL_TYPE_SIGNAL;
	r[3] = k_poll(ev, 4, K_NO_WAIT);
	init_events();
	ev[1].mode = 1;
	r[4] = k_poll(ev, 4, K_NO_WAIT);
	r[5] = k_poll(NULL, 0, K_NO_WAIT);
	r[6] = k_poll(ev, INT_MIN, K_NO_WAIT);
}

ZTEST(sys_poll, test_poll_error_codes) {
	k_tid_t t = user_create(0, poll_errors, NULL, NULL, NULL, USER_PRIO, 0);

	k_thread_access_grant(t, &sem, &fifo, &sig, &user_msgq);
	run_to_end(t);
	zassert_equal(r[0], -EINVAL, "negative count");
	zassert_equal(r[1], -ENOMEM, "more than CONFIG_POLL_MAX_USER_EVENTS");
	zassert_equal(r[2], -EAGAIN);
	zassert_equal(r[3], -EINVAL, "two types");
	zassert_equal(r[4], -EINVAL, "no such mode");
	zassert_equal(r[5], -EAGAIN, "no events");
	zassert_equal(r[6], -EINVAL, "most negative count");
}

K_PIPE_DEFINE(user_pipe, 8, 4);
RESULT static struct k_poll_event pipe_ev;

static void poll_pipe(void *unused1, void *unused2, void *unused3)
{
	ARG_UNUSED(unused1);
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	k_poll_event_init(&pipe_ev, K_POLL_TYPE_PIPE_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
			  &user_pipe);
	r[0] = k_poll(&pipe_ev, 1, K_NO_WAIT);
	r[1] = k_poll(&pipe_ev, 1, K_FOREVER); /* the supervisor writes */
	r[2] = pipe_ev.state;
}

ZTEST(sys_poll, test_poll_pipe_from_user_mode) {
	k_tid_t t = user_create(0, poll_pipe, NULL, NULL, NULL, TEST_PRIO - 1, 0);

	k_pipe_reset(&user_pipe);
	k_thread_access_grant(t, &user_pipe);
	k_thread_start(t); /* more urgent: runs until it waits */
	wait_until_waiting(t, &r[0]);
	zassert_equal(r[1], NOT_REACHED);
	zassert_equal(k_pipe_write(&user_pipe, (const uint8_t *)"p", 1, K_NO_WAIT), 1);
	zassert_equal(k_thread_join(t, K_FOREVER), 0);
	zassert_equal(r[0], -EAGAIN);
	zassert_equal(r[1], 0);
	zassert_equal(r[2], K_POLL_STATE_PIPE_DATA_AVAILABLE);
}
