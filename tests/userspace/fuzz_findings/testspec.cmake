# KNOWN KERNEL BUGS found by the system call fuzzer (tests/userspace/fuzz),
# whose fixes belong to files other work is changing. Each test states the
# right behaviour and fails today; the expectations below pin those failures.
# Once a bug is fixed its expectation fails in turn: drop it, and when all are
# gone, EXIT too.
#
# killed_in_call.c: a user thread killed inside a system call by a sibling
# that holds it (or by any supervisor thread) leaves half-done state behind.
# - k_thread_create() (kernel/thread_user.c, kernel/kobject.c): once the
#   verifier has claimed the thread object, it stays INITIALIZING for good: no
#   thread can be created on it any more (a supervisor's attempt is a kernel
#   oops), and from z_thread_perms_init() on the new thread's permission index
#   leaks too.
# - k_object_alloc() (kernel/kobject.c): the block taken from the pool before
#   it is registered is lost; the pool runs dry, for every thread.
#
# loaned_priority.c (kernel/thread_user.c, kernel/mutex.c): a priority lent to
# a mutex owner by a more urgent waiter outlives the loan. The verifier of
# k_thread_priority_set() checks against the caller's current, lent priority,
# so the owner can raise a sibling to it; and a mutex the owner locks while
# lent the priority "restores" it when unlocked (owner_orig_prio).
breeze_test(default EXIT 1 REGEX
  "thread object [0-9]+ left half made: its creator was killed in the call"
  " FAIL - test_creator_killed_anywhere_in_k_thread_create "
  "[0-9]+ of the [0-9]+ blocks of the object pool lost: their allocators were killed in the call"
  " FAIL - test_allocator_killed_anywhere_in_k_object_alloc "
  "a user thread of priority [0-9]+ kept the lent priority [0-9]+ after the loan"
  " FAIL - test_loaned_priority_not_kept "
  "a user thread of priority [0-9]+ raised its sibling to [0-9]+ with a lent priority"
  " FAIL - test_loaned_priority_not_passed_on "
  "^TESTS: 4 run, 0 passed, 4 failed, 0 skipped")
