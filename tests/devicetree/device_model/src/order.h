/* The order init functions ran in, shared by the test's files. */
#ifndef ORDER_H
#define ORDER_H

#define MAX_STEPS 16

extern const char *init_steps[MAX_STEPS];
extern int init_step_count;

static inline void init_step(const char *what)
{
	if (init_step_count < MAX_STEPS) {
		init_steps[init_step_count++] = what;
	}
}

#endif
