/*
 * Helper threads of the priority tests (see prio_util.h).
 */
#include "prio_util.h"

static void locker_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct locker *l = p1;

	l->ret = k_mutex_lock(l->mutex, l->timeout);
	if (l->ret == 0) {
		event(l->letter);
		k_mutex_unlock(l->mutex);
	}
}

k_tid_t start_locker(struct locker *l, int prio)
{
	l->ret = 1;
	return spawn(locker_entry, l, NULL, prio);
}

k_tid_t own_with_waiter(struct k_mutex *mutex, struct locker *waiter, int prio)
{
	k_thread_priority_set(k_current_get(), L_PRIO);
	zassert_equal(k_mutex_lock(mutex, K_NO_WAIT), 0);

	k_tid_t t = start_locker(waiter, prio);

	zassert_equal(my_prio(), prio, "the owner was not boosted");
	return t;
}

static void link_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	struct link *l = p1;

	zassert_equal(k_mutex_lock(l->own, K_NO_WAIT), 0);
	if (l->gate != NULL) {
		k_sem_take(l->gate, K_FOREVER);
	}
	if (l->next != NULL) {
		l->ret = k_mutex_lock(l->next, l->wait_ms != 0 ? K_MSEC(l->wait_ms) : K_FOREVER);
	} else {
		l->ret = k_sem_take(l->release, K_FOREVER);
	}
	event(l->letter);
	if (l->next != NULL && l->ret == 0) {
		k_mutex_unlock(l->next);
	}
	k_mutex_unlock(l->own);
}

k_tid_t start_link(struct link *l, int prio)
{
	l->ret = 1;
	return spawn(link_entry, l, NULL, prio);
}

void log_letter(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	event(ARG_LETTER(p1));
}
