/*
 * One fatal-error scenario per image: src/<name>.c provides run_scenario().
 */
#ifndef FATAL_SCENARIO_H
#define FATAL_SCENARIO_H

#include <breeze/kernel.h>

/* Cause the scenario's fatal error; returns only if the error did not happen. */
void run_scenario(void);

/*
 * Run @entry in a supervisor thread named @name at priority -1 on
 * scenario_stack, and wait for it to end.
 */
void run_in_thread(const char *name, k_thread_entry_t entry);
K_KERNEL_STACK_EXTERN(scenario_stack);

/* Recurse @depth times with a 64-byte frame each: enough to run off any stack here. */
int stack_eater(int depth);

#endif /* FATAL_SCENARIO_H */
