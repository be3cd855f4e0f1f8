# The harness's own checks pass, and the skips and expected faults among them
# are reported as such.
breeze_test(default REGEX
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
