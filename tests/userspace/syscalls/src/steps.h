/*
 * The order in which threads (user or not) reach their steps, for the suites
 * that check who runs first around a system call (nonblocking.c, attempt.c):
 * each step notes a number, the test body compares the sequence. The record
 * is in the results partition, which every user thread may write.
 */
#ifndef SYSCALLS_STEPS_H
#define SYSCALLS_STEPS_H

#include "user_util.h"

#define STEPS_MAX 8

extern volatile int steps[STEPS_MAX];
extern volatile unsigned int steps_n;

/* Note step @what (user or supervisor). */
void note(int what);

/* Forget the steps so far. */
void steps_reset(void);

/* Check that exactly steps 1, 2, ..., @n were noted, in that order. */
void steps_check_sequence(unsigned int n);

#endif /* SYSCALLS_STEPS_H */
