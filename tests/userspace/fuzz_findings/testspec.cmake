# What the system call fuzzer (tests/userspace/fuzz) found, kept as tests of
# the right behaviour: each failed on the kernel the fuzzer first ran against.
#
# killed_in_call.c: a user thread killed inside a system call by a sibling
# that holds it leaves no half-done state behind (k_thread_create(): the
# claims and the set-up run under the scheduler lock; k_object_alloc(): the
# block, slot, permission and quota charge are taken in one lock hold).
#
# loaned_priority.c: a priority lent to a mutex owner by a more urgent waiter
# is the owner's only while the waiter waits: it can neither pass it on (the
# verifier of k_thread_priority_set() compares with the caller's base
# priority) nor keep it (effective priorities are recomputed, never restored).
breeze_test(default)
