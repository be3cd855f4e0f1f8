/*
 * The reference model of the property test: the priority definition written
 * as plainly as possible, with no kernel code. Threads are workers 0..N-1,
 * mutexes 0..M-1.
 *
 * eff(t) = min(base(t), max(ceiling, eff(w)) for every w waiting for a mutex
 * t holds), computed by recursion over the (acyclic) waiting relation: not
 * the kernel's way (a recomputation per change, down the chain), so the two
 * check each other.
 */
#ifndef PRIO_MODEL_H
#define PRIO_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#define N_WORKERS 6
#define N_MUTEXES 4
#define NONE      (-1)

struct model {
	int base[N_WORKERS];
	int waits[N_WORKERS];         /* the mutex it waits for, or NONE */
	uint64_t deadline[N_WORKERS]; /* when that wait times out (cycles), UINT64_MAX: never */
	int owner[N_MUTEXES];         /* NONE when unlocked */
	int count[N_MUTEXES];         /* recursive lock count */
};

/* What one worker reports, in the order the workers ran. */
enum event_kind { EV_LOCK, EV_UNLOCK };

struct event {
	int8_t worker;
	int8_t kind;
	int8_t mutex;
	int ret;
};

#define MAX_EVENTS 8

struct events {
	unsigned int n;
	struct event e[MAX_EVENTS];
};

void model_init(struct model *s, const int base[N_WORKERS]);

/* Effective priority of worker @w by the definition. */
int model_eff(const struct model *s, int w);

/*
 * The steps. Each updates the model and appends to @ev the events the workers
 * report, in the order the scheduler must run them.
 */

/* Worker @w locks mutex @m: K_NO_WAIT if @no_wait, else until @deadline. */
void model_lock(struct model *s, int w, int m, bool no_wait, uint64_t deadline, struct events *ev);

/* Worker @w unlocks mutex @m. */
void model_unlock(struct model *s, int w, int m, struct events *ev);

/* Worker @w's base priority becomes @prio. */
void model_prio_set(struct model *s, int w, int prio);

/* Worker @w is aborted; a fresh idle worker at @new_base takes its place. */
void model_abort(struct model *s, int w, int new_base, struct events *ev);

/* Time passes until @now: waits due by then time out, earliest first. */
void model_advance(struct model *s, uint64_t now, struct events *ev);

/* Chain statistics, for the test's report. */
int model_longest_chain(const struct model *s);

#endif /* PRIO_MODEL_H */
