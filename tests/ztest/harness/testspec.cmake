# The harness's own checks pass, and the skips and expected faults among them
# are reported as such; the same with user mode compiled in (every body here
# runs in supervisor mode: tests/ztest/user covers user mode).
set(harness_expects
  "^ SKIP - test_never_runs_1 "
  "^ SKIP - test_never_runs_2 "
  "^ SKIP - test_1_assume_skips "
  "^ SKIP - test_2_skip_call "
  "^ PASS - test_3_pass_call "
  "fatal error 3 was expected"
  "fatal error 4 was expected"
  "fatal error 0 was expected"
  "^TESTS: 21 run, 17 passed, 0 failed, 4 skipped"
  "^PROJECT EXECUTION SUCCESSFUL")
breeze_test(default REGEX ${harness_expects})
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf
  REGEX ${harness_expects})
