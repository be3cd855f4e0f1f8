/*
 * k_poll on a pipe (K_POLL_TYPE_PIPE_DATA_AVAILABLE: ready while the pipe
 * holds bytes, woken by a write) and on a LIFO (the queue condition under its
 * LIFO name and union member). The initializers accept every type name,
 * each picking its own union member.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

K_PIPE_DEFINE(pipe, 16, 4);
K_LIFO_DEFINE(lifo);

static struct item {
	void *reserved;
	int value;
} item;

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_pipe_reset(&pipe);
	while (k_lifo_get(&lifo, K_NO_WAIT) != NULL) {
	}
}

ZTEST_SUITE(poll_pipe_lifo, NULL, NULL, before, NULL, NULL);

ZTEST(poll_pipe_lifo, test_initializers_pick_the_member) {
	struct k_poll_event ev[3] = {
		K_POLL_EVENT_INITIALIZER(K_POLL_TYPE_PIPE_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
					 &pipe),
		K_POLL_EVENT_INITIALIZER(K_POLL_TYPE_LIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
					 &lifo),
		K_POLL_EVENT_STATIC_INITIALIZER(K_POLL_TYPE_FIFO_DATA_AVAILABLE,
						K_POLL_MODE_NOTIFY_ONLY, NULL, 3),
	};

	zassert_equal_ptr(ev[0].pipe, &pipe);
	zassert_equal_ptr(ev[1].lifo, &lifo);
	zassert_equal(ev[1].type, K_POLL_TYPE_DATA_AVAILABLE, "a LIFO is a queue");
	zassert_equal(ev[2].tag, 3);
}

ZTEST(poll_pipe_lifo, test_pipe_with_bytes_is_ready) {
	struct k_poll_event ev;
	uint8_t buf[4];

	k_poll_event_init(&ev, K_POLL_TYPE_PIPE_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &pipe);
	zassert_equal(k_poll(&ev, 1, K_NO_WAIT), -EAGAIN, "an empty pipe is not ready");
	zassert_equal(k_pipe_write(&pipe, (const uint8_t *)"ab", 2, K_NO_WAIT), 2);
	zassert_equal(k_poll(&ev, 1, K_NO_WAIT), 0);
	zassert_equal(ev.state, K_POLL_STATE_PIPE_DATA_AVAILABLE);
	zassert_equal(k_pipe_read(&pipe, buf, sizeof(buf), K_NO_WAIT), 2, "k_poll takes nothing");
	ev.state = K_POLL_STATE_NOT_READY;
	zassert_equal(k_poll(&ev, 1, K_NO_WAIT), -EAGAIN, "read empty: not ready again");
}

static void write_later(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_msleep(5);
	(void)k_pipe_write(&pipe, (const uint8_t *)"x", 1, K_NO_WAIT);
}

static void put_later(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_msleep(5);
	k_lifo_put(&lifo, &item);
}

static K_THREAD_STACK_DEFINE(helper_stack, 1024);
static struct k_thread helper;

ZTEST(poll_pipe_lifo, test_pipe_write_wakes_the_poller) {
	struct k_poll_event ev;

	k_poll_event_init(&ev, K_POLL_TYPE_PIPE_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &pipe);
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), write_later,
			NULL, NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	zassert_equal(k_poll(&ev, 1, K_MSEC(500)), 0, "the write did not wake the poller");
	zassert_equal(ev.state, K_POLL_STATE_PIPE_DATA_AVAILABLE);
	zassert_ok(k_thread_join(&helper, K_FOREVER));
}

ZTEST(poll_pipe_lifo, test_lifo_put_wakes_the_poller) {
	struct k_poll_event ev;

	k_poll_event_init(&ev, K_POLL_TYPE_LIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &lifo);
	k_thread_create(&helper, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), put_later, NULL,
			NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	zassert_equal(k_poll(&ev, 1, K_MSEC(500)), 0, "the put did not wake the poller");
	zassert_equal(ev.state, K_POLL_STATE_LIFO_DATA_AVAILABLE);
	zassert_equal_ptr(k_lifo_get(&lifo, K_NO_WAIT), &item);
	zassert_ok(k_thread_join(&helper, K_FOREVER));
}
