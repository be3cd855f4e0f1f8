/*
 * The reference model (see model.h).
 */
#include <errno.h>
#include <breeze/kernel.h>
#include "model.h"

#ifdef CONFIG_PRIORITY_CEILING
#define CEILING CONFIG_PRIORITY_CEILING
#else
#define CEILING INT32_MIN
#endif

void model_init(struct model *s, const int base[N_WORKERS])
{
	for (int w = 0; w < N_WORKERS; w++) {
		s->base[w] = base[w];
		s->waits[w] = NONE;
		s->deadline[w] = UINT64_MAX;
	}
	for (int m = 0; m < N_MUTEXES; m++) {
		s->owner[m] = NONE;
		s->count[m] = 0;
	}
}

int model_eff(const struct model *s, int w)
{
	int prio = s->base[w];

	for (int x = 0; x < N_WORKERS; x++) {
		if (s->waits[x] != NONE && s->owner[s->waits[x]] == w) {
			prio = MIN(prio, MAX(model_eff(s, x), CEILING));
		}
	}
	return prio;
}

/* Mutexes in the chain that starts with @w (0 if it waits for none). */
static int chain_below(const struct model *s, int w)
{
	int n = 0;

	for (int t = w; s->waits[t] != NONE; t = s->owner[s->waits[t]]) {
		n++;
	}
	return n;
}

/* Mutexes in the longest chain that ends at @w. */
static int chain_above(const struct model *s, int w)
{
	int n = 0;

	for (int x = 0; x < N_WORKERS; x++) {
		if (s->waits[x] != NONE && s->owner[s->waits[x]] == w) {
			n = MAX(n, 1 + chain_above(s, x));
		}
	}
	return n;
}

/* Whether @w, waiting for @m, would wait (transitively) for itself. */
static bool closes_cycle(const struct model *s, int w, int m)
{
	for (int t = s->owner[m]; t != NONE;
	     t = s->waits[t] == NONE ? NONE : s->owner[s->waits[t]]) {
		if (t == w) {
			return true;
		}
	}
	return false;
}

static void emit(struct events *ev, int w, enum event_kind kind, int m, int ret)
{
	if (ev->n < MAX_EVENTS) {
		ev->e[ev->n] = (struct event){
			.worker = (int8_t)w, .kind = (int8_t)kind, .mutex = (int8_t)m, .ret = ret
		};
	}
	ev->n++;
}

void model_lock(struct model *s, int w, int m, bool no_wait, uint64_t deadline, struct events *ev)
{
	if (s->owner[m] == NONE || s->owner[m] == w) {
		s->owner[m] = w;
		s->count[m]++;
		emit(ev, w, EV_LOCK, m, 0);
	} else if (no_wait) {
		emit(ev, w, EV_LOCK, m, -EBUSY);
	} else if (IS_ENABLED(CONFIG_PRIORITY_INHERITANCE) &&
		   (closes_cycle(s, w, m) || chain_above(s, w) + 1 + chain_below(s, s->owner[m]) >
						 CONFIG_PRIORITY_INHERITANCE_MAX_DEPTH)) {
		emit(ev, w, EV_LOCK, m, -EDEADLK);
	} else {
		s->waits[w] = m;
		s->deadline[w] = deadline;
	}
}

/* The most urgent waiter of @m, or NONE. */
static int head_waiter(const struct model *s, int m)
{
	int head = NONE;

	for (int x = 0; x < N_WORKERS; x++) {
		if (s->waits[x] == m && (head == NONE || model_eff(s, x) < model_eff(s, head))) {
			head = x;
		}
	}
	return head;
}

static void stop_waiting(struct model *s, int w)
{
	s->waits[w] = NONE;
	s->deadline[w] = UINT64_MAX;
}

void model_unlock(struct model *s, int w, int m, struct events *ev)
{
	if (s->owner[m] != w) {
		emit(ev, w, EV_UNLOCK, m, s->owner[m] == NONE ? -EINVAL : -EPERM);
		return;
	}
	if (--s->count[m] > 0) {
		emit(ev, w, EV_UNLOCK, m, 0);
		return;
	}
	int next = head_waiter(s, m);

	s->owner[m] = next;
	if (next == NONE) {
		emit(ev, w, EV_UNLOCK, m, 0);
		return;
	}
	stop_waiting(s, next);
	s->count[m] = 1;
	/* Both ready now: the more urgent runs first (effective priorities of ready threads
	 * differ). */
	if (model_eff(s, next) < model_eff(s, w)) {
		emit(ev, next, EV_LOCK, m, 0);
		emit(ev, w, EV_UNLOCK, m, 0);
	} else {
		emit(ev, w, EV_UNLOCK, m, 0);
		emit(ev, next, EV_LOCK, m, 0);
	}
}

void model_prio_set(struct model *s, int w, int prio)
{
	s->base[w] = prio;
}

void model_abort(struct model *s, int w, int new_base, struct events *ev)
{
	int woken_on[N_WORKERS];

	for (int x = 0; x < N_WORKERS; x++) {
		woken_on[x] = NONE;
	}
	stop_waiting(s, w);
	for (int m = 0; m < N_MUTEXES; m++) {
		if (s->owner[m] != w) {
			continue;
		}
		s->owner[m] = NONE;
		s->count[m] = 0;
		for (int x = 0; x < N_WORKERS; x++) {
			if (s->waits[x] == m) {
				stop_waiting(s, x);
				woken_on[x] = m;
			}
		}
	}
	s->base[w] = new_base;
	/* The woken threads run most urgent first, each reporting -EOWNERDEAD. */
	for (;;) {
		int first = NONE;

		for (int x = 0; x < N_WORKERS; x++) {
			if (woken_on[x] != NONE &&
			    (first == NONE || model_eff(s, x) < model_eff(s, first))) {
				first = x;
			}
		}
		if (first == NONE) {
			break;
		}
		emit(ev, first, EV_LOCK, woken_on[first], -EOWNERDEAD);
		woken_on[first] = NONE;
	}
}

void model_advance(struct model *s, uint64_t now, struct events *ev)
{
	for (;;) {
		int first = NONE;

		for (int x = 0; x < N_WORKERS; x++) {
			if (s->deadline[x] <= now &&
			    (first == NONE || s->deadline[x] < s->deadline[first])) {
				first = x;
			}
		}
		if (first == NONE) {
			return;
		}
		emit(ev, first, EV_LOCK, s->waits[first], -EAGAIN);
		stop_waiting(s, first);
	}
}

int model_longest_chain(const struct model *s)
{
	int n = 0;

	for (int w = 0; w < N_WORKERS; w++) {
		n = MAX(n, chain_below(s, w));
	}
	return n;
}
