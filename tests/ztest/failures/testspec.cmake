# Every deliberate failure must be reported exactly so, and the run must end
# with status 1. The first regex pins the order of the result lines.
set(seconds "in [0-9]+\\.[0-9][0-9][0-9] seconds")
set(failures_expects
  "(?s)FAIL - test_1_.*FAIL - test_2_.*FAIL - test_3_.*FAIL - test_4_.*FAIL - test_5_.*SKIP - test_6_.*PASS - test_7_.*FAIL - test_not_run.*PASS - test_body_not_run"
  "Assertion failed at [^ ]*failures\\.c:[0-9]+: failures_test_1_assert_in_test_thread: v not equal to 3"
  "^    v is 4"
  "^ FAIL - test_1_assert_in_test_thread ${seconds}"
  "Assertion failed at [^ ]*failures\\.c:[0-9]+: failing_helper: false is false"
  "^    failed in a helper thread"
  "^ FAIL - test_2_assert_in_helper_thread ${seconds}"
  "Expectation failed at [^ ]*failures\\.c:[0-9]+: failures_test_3_expect_goes_on: 1 not equal to 2"
  "^after a failed expectation the body goes on"
  "^ FAIL - test_3_expect_goes_on ${seconds}"
  "^ FAIL - test_4_test_fail ${seconds}"
  "^    Expected fatal error 3 did not happen"
  "^ FAIL - test_5_expected_fault_missing ${seconds}"
  "Assumption failed at [^ ]*failures\\.c:[0-9]+: failures_test_6_assume_skips: false is false"
  "^ SKIP - test_6_assume_skips ${seconds}"
  "^ PASS - test_7_aftermath ${seconds}"
  "^TESTSUITE setup_fails setup failed: its tests do not run"
  "^ FAIL - test_not_run ${seconds}"
  "^ PASS - test_body_not_run ${seconds}"
  "^SUITE FAIL - \\[failures\\]: pass = 1, fail = 5, skip = 1"
  "^TESTS: 9 run, 2 passed, 6 failed, 1 skipped"
  "^PROJECT EXECUTION FAILED")
breeze_test(default EXIT 1 REGEX ${failures_expects})
# The same with user mode compiled in: supervisor tests must not notice.
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf EXIT 1
  REGEX ${failures_expects})

# A fatal error nobody expected ends the run at once: test_9 never runs.
breeze_test(unexpected_fault ARGS -DSCENARIO=unexpected_fault EXIT 1 REGEX
  "^    Unexpected fatal error 4: ending the run"
  "^ FAIL - test_8_unexpected_fault ${seconds}"
  "^TESTS: 8 run, 1 passed, 6 failed, 1 skipped"
  "^PROJECT EXECUTION FAILED")

# So does one with another reason than the expected one.
breeze_test(wrong_reason ARGS -DSCENARIO=wrong_reason EXIT 1 REGEX
  "^    Unexpected fatal error 4 \\(error 3 was expected\\): ending the run"
  "^ FAIL - test_8_unexpected_fault ${seconds}"
  "^TESTS: 8 run, 1 passed, 6 failed, 1 skipped"
  "^PROJECT EXECUTION FAILED")

# An image without a single test has tested nothing: that is a failure.
breeze_test(no_tests ARGS -DSCENARIO=no_tests EXIT 1 REGEX
  "^No tests in this image: nothing was tested"
  "^TESTS: 0 run, 0 passed, 0 failed, 0 skipped"
  "^PROJECT EXECUTION FAILED")
