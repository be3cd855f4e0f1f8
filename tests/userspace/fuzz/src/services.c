/*
 * The objects of the further services: queues, stacks, events, timers,
 * pipes, condition variables, poll signals and devices.
 *
 * Each domain gets one initialised object of each (granted to its fuzzers)
 * and one left uninitialised for a user thread's *_init to be first; both
 * domains share one more of each; the supervisor keeps one of each, never
 * granted, in a known state that the end of the run checks. The fuzzers also
 * get a resource pool, so that the alloc_ variants and the *_alloc_init calls
 * have memory to take.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/devicetree.h>
#include "supervisor.h"

#define KSTACK_ENTRIES 4
#define PIPE_BYTES     32

struct domain_services {
	struct k_queue queue_rt;
	struct k_queue queue_uninit;
	struct k_stack kstack_rt;
	stack_data_t kstack_buf[KSTACK_ENTRIES];
	struct k_stack kstack_uninit; /* for a user's k_stack_alloc_init */
	struct k_event event_rt;
	struct k_event event_uninit;
	struct k_timer timer_rt;
	struct k_pipe pipe_rt;
	uint8_t pipe_buf[PIPE_BYTES];
	struct k_pipe pipe_uninit; /* for a user's k_pipe_init on its own memory */
	struct k_condvar condvar_rt;
	struct k_condvar condvar_uninit;
	struct k_poll_signal signal_rt;
	struct k_poll_signal signal_uninit;
};

static struct domain_services svc[NUM_DOMAINS];

/* Shared by both domains. */
K_QUEUE_DEFINE(shared_queue);
K_STACK_DEFINE(shared_kstack, KSTACK_ENTRIES);
K_EVENT_DEFINE(shared_event);
K_TIMER_DEFINE(shared_timer, NULL, NULL);
K_PIPE_DEFINE(shared_pipe, PIPE_BYTES, 4);
K_CONDVAR_DEFINE(shared_condvar);
static struct k_poll_signal shared_signal;

/* The supervisor's, never granted: their state at the end must be the one set here. */
#define SUP_EVENTS     0x5a5aU
#define SUP_SIGNAL_RES 42
static const char sup_pipe_data[] = "pipe-data";
static struct {
	void *reserved; /* the queue's link word */
	uint32_t value;
} sup_items[2] = { { NULL, 11U }, { NULL, 22U } };
K_QUEUE_DEFINE(sup_queue);
K_STACK_DEFINE(sup_kstack, KSTACK_ENTRIES);
K_EVENT_DEFINE(sup_event);
K_TIMER_DEFINE(sup_timer, NULL, NULL);
K_PIPE_DEFINE(sup_pipe, PIPE_BYTES, 4);
K_CONDVAR_DEFINE(sup_condvar);
static struct k_poll_signal sup_signal;

/* The fuzzers' resource pool. */
K_HEAP_DEFINE(fuzz_pool, 2048);

#define UART_DEV DEVICE_DT_GET(DT_CHOSEN(zephyr_console))

#define U(x) ((uintptr_t)(x))

/*
 * The devices the fuzzers hold: the board's entropy device and RTC where it
 * has them (QEMU virt), a UART that is not the console where it has one
 * (mps2: uart1, connected to nothing).
 */
#if DT_HAS_CHOSEN(zephyr_entropy)
#define ENTROPY_DEVS U(DEVICE_DT_GET(DT_CHOSEN(zephyr_entropy))),
#else
#define ENTROPY_DEVS
#endif
#if defined(CONFIG_RTC) && DT_NODE_EXISTS(DT_NODELABEL(rtc))
#define RTC_DEVS U(DEVICE_DT_GET(DT_NODELABEL(rtc))),
#else
#define RTC_DEVS
#endif
#if DT_NODE_EXISTS(DT_NODELABEL(uart1))
#define SPARE_UART_DEVS U(DEVICE_DT_GET(DT_NODELABEL(uart1))),
#else
#define SPARE_UART_DEVS
#endif
#define HELD_DEVS ENTROPY_DEVS RTC_DEVS SPARE_UART_DEVS

static const uintptr_t held_devs[] = { HELD_DEVS };
BUILD_ASSERT(ARRAY_SIZE(held_devs) > 0, "no device for the fuzzers to hold");

void services_setup(void)
{
	k_poll_signal_init(&shared_signal);
	k_poll_signal_init(&sup_signal);
	for (unsigned int i = 0; i < ARRAY_SIZE(sup_items); i++) {
		k_queue_append(&sup_queue, &sup_items[i]);
		(void)k_stack_push(&sup_kstack, sup_items[i].value);
	}
	k_event_set(&sup_event, SUP_EVENTS);
	k_timer_user_data_set(&sup_timer, &sup_items[0]);
	if (k_pipe_write(&sup_pipe, (const uint8_t *)sup_pipe_data, sizeof(sup_pipe_data),
			 K_NO_WAIT) != (int)sizeof(sup_pipe_data)) {
		k_panic();
	}
	(void)k_poll_signal_raise(&sup_signal, SUP_SIGNAL_RES);
}

void services_domain_objects(unsigned int i, struct domain *d)
{
	struct domain_services *s = &svc[i];

	k_queue_init(&s->queue_rt);
	k_stack_init(&s->kstack_rt, s->kstack_buf, KSTACK_ENTRIES);
	k_event_init(&s->event_rt);
	k_timer_init(&s->timer_rt, NULL, NULL);
	k_pipe_init(&s->pipe_rt, s->pipe_buf, sizeof(s->pipe_buf));
	k_condvar_init(&s->condvar_rt);
	k_poll_signal_init(&s->signal_rt);

	const void *uninit[] = { &s->queue_uninit, &s->kstack_uninit,  &s->event_uninit,
				 &s->pipe_uninit,  &s->condvar_uninit, &s->signal_uninit };

	/* Registered, not initialised: a user thread's init may be first. */
	for (unsigned int o = 0; o < ARRAY_SIZE(uninit); o++) {
		k_object_access_grant(uninit[o], k_current_get());
	}

	const void *objs[] = { &s->queue_rt,    &s->kstack_rt,  &s->event_rt,  &s->timer_rt,
			       &s->pipe_rt,     &s->condvar_rt, &s->signal_rt, &shared_queue,
			       &shared_kstack,  &shared_event,  &shared_timer, &shared_pipe,
			       &shared_condvar, &shared_signal };

	for (unsigned int o = 0; o < ARRAY_SIZE(objs); o++) {
		domain_grant(d, objs[o]);
	}
	for (unsigned int o = 0; o < ARRAY_SIZE(held_devs); o++) {
		domain_grant(d, (const void *)held_devs[o]);
	}
	for (unsigned int o = 0; o < ARRAY_SIZE(uninit); o++) {
		domain_grant(d, uninit[o]);
	}
}

void services_own_pools(struct domain_cfg *cfg, unsigned int i)
{
	struct domain_services *s = &svc[i];

	ADD_VALID(cfg, POOL_QUEUE, U(&s->queue_rt), U(&shared_queue));
	ADD(cfg, POOL_QUEUE, U(&s->queue_uninit));
	ADD_VALID(cfg, POOL_KSTACK, U(&s->kstack_rt), U(&shared_kstack));
	ADD(cfg, POOL_KSTACK, U(&s->kstack_uninit));
	ADD_VALID(cfg, POOL_EVENT, U(&s->event_rt), U(&shared_event));
	ADD(cfg, POOL_EVENT, U(&s->event_uninit));
	ADD_VALID(cfg, POOL_TIMER, U(&s->timer_rt), U(&shared_timer));
	ADD_VALID(cfg, POOL_PIPE, U(&s->pipe_rt), U(&shared_pipe));
	ADD(cfg, POOL_PIPE, U(&s->pipe_uninit));
	ADD_VALID(cfg, POOL_CONDVAR, U(&s->condvar_rt), U(&shared_condvar));
	ADD(cfg, POOL_CONDVAR, U(&s->condvar_uninit));
	ADD_VALID(cfg, POOL_SIGNAL, U(&s->signal_rt), U(&shared_signal));
	ADD(cfg, POOL_SIGNAL, U(&s->signal_uninit));
	for (unsigned int o = 0; o < ARRAY_SIZE(held_devs); o++) {
		ADD_VALID(cfg, POOL_DEVICE, held_devs[o]);
	}
	/* The console: never granted (its output must stay readable). */
	ADD(cfg, POOL_DEVICE, U(UART_DEV));
}

void services_foreign_pools(struct domain_cfg *cfg, unsigned int other)
{
	struct domain_services *o = &svc[other];

	ADD(cfg, POOL_FOREIGN, U(&o->queue_rt), U(&o->kstack_rt), U(&o->event_rt), U(&o->timer_rt),
	    U(&o->pipe_rt), U(&o->condvar_rt), U(&o->signal_rt));
}

void services_common_pools(struct domain_cfg *cfg)
{
	ADD(cfg, POOL_FOREIGN, U(&sup_queue), U(&sup_kstack), U(&sup_event), U(&sup_timer),
	    U(&sup_pipe), U(&sup_condvar), U(&sup_signal), U(UART_DEV));
}

void services_watch(void (*watch)(const void *obj))
{
	const void *sup[] = { &sup_queue, &sup_kstack,  &sup_event, &sup_timer,
			      &sup_pipe,  &sup_condvar, &sup_signal };

	for (unsigned int o = 0; o < ARRAY_SIZE(sup); o++) {
		watch(sup[o]);
	}
}

void services_pool_assign(struct k_thread *t)
{
	k_thread_heap_assign(t, &fuzz_pool);
}

/* The supervisor's objects are as services_setup() left them. */
uint32_t services_check(uint32_t (*corrupt)(const char *what, unsigned int which))
{
	uint32_t bad = 0;
	uint8_t got[PIPE_BYTES];
	stack_data_t v;
	unsigned int signaled;
	int result;

	for (unsigned int i = 0; i < ARRAY_SIZE(sup_items); i++) {
		if (k_queue_get(&sup_queue, K_NO_WAIT) != &sup_items[i]) {
			bad += corrupt("supervisor queue item", i);
		}
		if (k_stack_pop(&sup_kstack, &v, K_NO_WAIT) != 0 ||
		    v != sup_items[ARRAY_SIZE(sup_items) - 1U - i].value) {
			bad += corrupt("supervisor stack entry", i);
		}
	}
	if (!k_queue_is_empty(&sup_queue)) {
		bad += corrupt("supervisor queue holds more", 0);
	}
	if (k_stack_pop(&sup_kstack, &v, K_NO_WAIT) != -EBUSY) {
		bad += corrupt("supervisor stack holds more", 0);
	}
	if (k_event_test(&sup_event, UINT32_MAX) != SUP_EVENTS) {
		bad += corrupt("supervisor events", k_event_test(&sup_event, UINT32_MAX));
	}
	if (k_timer_status_get(&sup_timer) != 0U || k_timer_remaining_ticks(&sup_timer) != 0 ||
	    k_timer_user_data_get(&sup_timer) != &sup_items[0]) {
		bad += corrupt("supervisor timer", 0);
	}
	memset(got, 0, sizeof(got));
	if (k_pipe_read(&sup_pipe, got, sizeof(got), K_NO_WAIT) != (int)sizeof(sup_pipe_data) ||
	    memcmp(got, sup_pipe_data, sizeof(sup_pipe_data)) != 0) {
		bad += corrupt("supervisor pipe contents", 0);
	}
	k_poll_signal_check(&sup_signal, &signaled, &result);
	if (signaled != 1U || result != SUP_SIGNAL_RES) {
		bad += corrupt("supervisor poll signal", (unsigned int)result);
	}
	if (k_condvar_signal(&sup_condvar) != 0) {
		bad += corrupt("supervisor condition variable", 0);
	}
	return bad;
}
