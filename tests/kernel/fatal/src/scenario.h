/*
 * One fatal-error scenario per image: src/<name>.c provides run_scenario().
 */
#ifndef FATAL_SCENARIO_H
#define FATAL_SCENARIO_H

/* Cause the scenario's fatal error; returns only if the error did not happen. */
void run_scenario(void);

#endif /* FATAL_SCENARIO_H */
