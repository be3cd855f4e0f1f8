/*
 * k_poll without waiting: conditions that hold at once (each ready event gets
 * its state, nothing is taken), none holding with K_NO_WAIT or a timeout,
 * ignored events, the initializers, and poll signals.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

static struct k_sem sem;
static struct k_fifo fifo;
static struct k_poll_signal sig;
K_MSGQ_DEFINE(msgq, sizeof(int), 2, 4);

static struct item {
	void *reserved;
	int value;
} item;

static struct k_poll_event events[4];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_sem_init(&sem, 0, 2);
	k_fifo_init(&fifo);
	k_poll_signal_init(&sig);
	k_msgq_purge(&msgq);
	k_poll_event_init(&events[0], K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &sem);
	k_poll_event_init(&events[1], K_POLL_TYPE_FIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
			  &fifo);
	k_poll_event_init(&events[2], K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, &sig);
	k_poll_event_init(&events[3], K_POLL_TYPE_MSGQ_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
			  &msgq);
}

ZTEST_SUITE(poll_basic, NULL, NULL, before, NULL, NULL);

ZTEST(poll_basic, test_nothing_ready) {
	int64_t start = k_uptime_get();

	zassert_equal(k_poll(events, 4, K_NO_WAIT), -EAGAIN);
	zassert_equal(k_poll(events, 4, K_MSEC(10)), -EAGAIN);
	zassert_true(k_uptime_get() - start >= 10);
	for (int i = 0; i < 4; i++) {
		zassert_equal(events[i].state, K_POLL_STATE_NOT_READY, "event %d", i);
	}
}

ZTEST(poll_basic, test_ready_at_once_nothing_taken) {
	k_sem_give(&sem);
	zassert_equal(k_poll(events, 4, K_FOREVER), 0);
	zassert_equal(events[0].state, K_POLL_STATE_SEM_AVAILABLE);
	zassert_equal(events[1].state, K_POLL_STATE_NOT_READY);
	zassert_equal(k_sem_count_get(&sem), 1, "k_poll takes nothing");
}

ZTEST(poll_basic, test_every_ready_event_gets_its_state) {
	int msg = 7;

	k_fifo_put(&fifo, &item);
	zassert_ok(k_msgq_put(&msgq, &msg, K_NO_WAIT));
	k_poll_signal_raise(&sig, 5);
	zassert_equal(k_poll(events, 4, K_NO_WAIT), 0);
	zassert_equal(events[0].state, K_POLL_STATE_NOT_READY);
	zassert_equal(events[1].state, K_POLL_STATE_FIFO_DATA_AVAILABLE);
	zassert_equal(events[2].state, K_POLL_STATE_SIGNALED);
	zassert_equal(events[3].state, K_POLL_STATE_MSGQ_DATA_AVAILABLE);
	zassert_equal_ptr(k_fifo_get(&fifo, K_NO_WAIT), &item, "the data is still there");
	zassert_equal(k_msgq_num_used_get(&msgq), 1);
}

ZTEST(poll_basic, test_ignored_event) {
	struct k_poll_event ev[2] = {
		K_POLL_EVENT_INITIALIZER(K_POLL_TYPE_IGNORE, K_POLL_MODE_NOTIFY_ONLY, NULL),
		K_POLL_EVENT_STATIC_INITIALIZER(K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
						&sem, 42),
	};

	zassert_equal(ev[1].tag, 42);
	zassert_equal(k_poll(ev, 2, K_NO_WAIT), -EAGAIN);
	k_sem_give(&sem);
	zassert_equal(k_poll(ev, 2, K_NO_WAIT), 0);
	zassert_equal(ev[0].state, K_POLL_STATE_NOT_READY);
	zassert_equal(ev[1].state, K_POLL_STATE_SEM_AVAILABLE);
	zassert_equal(ev[1].tag, 42, "the tag is the application's");
}

ZTEST(poll_basic, test_signal_raise_check_reset) {
	static struct k_poll_signal defined = K_POLL_SIGNAL_INITIALIZER(defined);
	unsigned int signaled = 99;
	int result = 99;

	k_poll_signal_check(&sig, &signaled, &result);
	zassert_equal(signaled, 0);
	zassert_equal(result, 0);
	zassert_equal(k_poll_signal_raise(&sig, -42), 0);
	k_poll_signal_check(&sig, &signaled, &result);
	zassert_equal(signaled, 1);
	zassert_equal(result, -42);
	k_poll_signal_reset(&sig);
	k_poll_signal_check(&sig, &signaled, &result);
	zassert_equal(signaled, 0, "reset");
	zassert_equal(result, -42, "the result stays");
	k_poll_signal_check(&defined, &signaled, &result);
	zassert_equal(signaled, 0);
}

ZTEST(poll_basic, test_no_events_times_out) {
	zassert_equal(k_poll(events, 0, K_MSEC(1)), -EAGAIN);
}
