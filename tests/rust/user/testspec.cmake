# The two user faults are reported (an oops each), and main goes on.
breeze_test(default REGEX
  "rust user: granted objects used from user mode"
  "rust user: messages from a user thread"
  "rust user: condition variable and guarded data from a user thread"
  "rust user: allocated objects, supervisor and user"
  "rust user: a user thread created and joined a thread"
  "FATAL ERROR 3: kernel oops"
  "rust user: ungranted object: the thread died alone"
  "rust panic: panicked at [^ ]*tests/rust/user/src/lib.rs:[0-9]+:[0-9]+:" "user thread panics on purpose"
  "rust user: panic: the thread died alone"
  "PROJECT EXECUTION SUCCESSFUL")
