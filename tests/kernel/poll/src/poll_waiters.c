/*
 * k_poll that waits: a give, a put, a raise (from an interrupt too) or a
 * cancel wakes the poller with that event's state alone; a waiting taker gets
 * a given unit before any poller is told; every poller of an object is woken;
 * a poller that times out or is aborted leaves nothing behind.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define POLLERS    2
#define STACK_SIZE 1024
#define TEST_PRIO  CONFIG_ZTEST_THREAD_PRIORITY

static struct k_sem sem;
static struct k_fifo fifo;
static struct k_poll_signal sig;
K_MSGQ_DEFINE(wmsgq, sizeof(int), 2, 4);

static struct k_thread threads[POLLERS];
static K_THREAD_STACK_ARRAY_DEFINE(stacks, POLLERS, STACK_SIZE);
static struct k_poll_event events[POLLERS][4];
static volatile int ret[POLLERS];

static void poller(void *index, void *timeout_ms, void *p3)
{
	ARG_UNUSED(p3);
	int i = (int)(intptr_t)index;
	int ms = (int)(intptr_t)timeout_ms;

	ret[i] = k_poll(events[i], 4, ms < 0 ? K_FOREVER : K_MSEC(ms));
}

/* More urgent than the test thread: it polls when this returns. */
static void start_poller(int i, int timeout_ms)
{
	k_poll_event_init(&events[i][0], K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &sem);
	k_poll_event_init(&events[i][1], K_POLL_TYPE_FIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
			  &fifo);
	k_poll_event_init(&events[i][2], K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, &sig);
	k_poll_event_init(&events[i][3], K_POLL_TYPE_MSGQ_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY,
			  &wmsgq);
	ret[i] = 0xdead;
	k_thread_create(&threads[i], stacks[i], STACK_SIZE, poller, (void *)(intptr_t)i,
			(void *)(intptr_t)timeout_ms, NULL, TEST_PRIO - 1, 0, K_NO_WAIT);
}

/* Poller @i returned @expected with only event @ready (or none, -1) ready. */
static void check_poller(int i, int expected, int ready, uint32_t state)
{
	zassert_equal(k_thread_join(&threads[i], K_MSEC(10)), 0, "poller %d still polls", i);
	zassert_equal(ret[i], expected, "poller %d returned %d", i, ret[i]);
	for (int e = 0; e < 4; e++) {
		zassert_equal(events[i][e].state, e == ready ? state : K_POLL_STATE_NOT_READY,
			      "poller %d event %d state %u", i, e, events[i][e].state);
	}
}

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	k_sem_init(&sem, 0, 1);
	k_fifo_init(&fifo);
	k_poll_signal_init(&sig);
	k_msgq_purge(&wmsgq);
}

static void after(void *fixture)
{
	ARG_UNUSED(fixture);
	for (int i = 0; i < POLLERS; i++) {
		k_thread_abort(&threads[i]);
	}
}

ZTEST_SUITE(poll_waiters, NULL, NULL, before, after, NULL);

ZTEST(poll_waiters, test_give_wakes_every_poller) {
	start_poller(0, -1);
	start_poller(1, -1);
	zassert_equal(ret[0], 0xdead);
	k_sem_give(&sem);
	check_poller(0, 0, 0, K_POLL_STATE_SEM_AVAILABLE);
	check_poller(1, 0, 0, K_POLL_STATE_SEM_AVAILABLE);
	zassert_equal(k_sem_take(&sem, K_NO_WAIT), 0, "the unit is for whoever takes it");
}

ZTEST(poll_waiters, test_put_wakes_poller) {
	static struct {
		void *reserved;
	} item;

	start_poller(0, -1);
	k_fifo_put(&fifo, &item);
	check_poller(0, 0, 1, K_POLL_STATE_FIFO_DATA_AVAILABLE);
	zassert_equal_ptr(k_fifo_get(&fifo, K_NO_WAIT), &item);
}

ZTEST(poll_waiters, test_msgq_put_wakes_poller) {
	int msg = 3;

	start_poller(0, -1);
	zassert_ok(k_msgq_put(&wmsgq, &msg, K_NO_WAIT));
	check_poller(0, 0, 3, K_POLL_STATE_MSGQ_DATA_AVAILABLE);
}

static void raise_from_isr(struct k_timer *t)
{
	ARG_UNUSED(t);
	k_poll_signal_raise(&sig, 77);
}

ZTEST(poll_waiters, test_signal_from_interrupt_wakes_poller) {
	static struct k_timer timer;
	unsigned int signaled;
	int result;

	k_timer_init(&timer, raise_from_isr, NULL);
	start_poller(0, -1);
	k_timer_start(&timer, K_MSEC(2), K_NO_WAIT);
	check_poller(0, 0, 2, K_POLL_STATE_SIGNALED);
	k_poll_signal_check(&sig, &signaled, &result);
	zassert_equal(signaled, 1);
	zassert_equal(result, 77);
}

ZTEST(poll_waiters, test_cancel_wait_interrupts_poller) {
	start_poller(0, -1);
	k_fifo_cancel_wait(&fifo);
	check_poller(0, -EINTR, 1, K_POLL_STATE_CANCELLED);
}

/* A thread in k_sem_take() gets the unit; pollers are told only of units left over. */
static void taker(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	ret[1] = k_sem_take(&sem, K_FOREVER);
}

ZTEST(poll_waiters, test_waiting_taker_goes_first) {
	start_poller(0, -1);
	ret[1] = 0xdead;
	k_thread_create(&threads[1], stacks[1], STACK_SIZE, taker, NULL, NULL, NULL, TEST_PRIO - 1,
			0, K_NO_WAIT);
	k_sem_give(&sem);
	zassert_equal(k_thread_join(&threads[1], K_MSEC(10)), 0);
	zassert_equal(ret[1], 0);
	zassert_equal(ret[0], 0xdead, "the poller was told of a unit already taken");
	k_sem_give(&sem);
	check_poller(0, 0, 0, K_POLL_STATE_SEM_AVAILABLE);
}

ZTEST(poll_waiters, test_timed_out_and_aborted_pollers_leave_nothing) {
	start_poller(0, 5);
	start_poller(1, -1);
	k_msleep(10);
	zassert_equal(ret[0], -EAGAIN);
	k_thread_abort(&threads[1]);
	/* Their events were on stacks now reused: nothing may point there any more. */
	memset(stacks, 0x5a, sizeof(stacks));
	memset(events, 0x5a, sizeof(events));
	k_sem_give(&sem);
	k_poll_signal_raise(&sig, 1);
	k_poll_signal_reset(&sig);
	start_poller(0, -1);
	check_poller(0, 0, 0, K_POLL_STATE_SEM_AVAILABLE);
}
