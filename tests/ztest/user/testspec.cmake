# tests/ztest/user: ztest in user mode (CONFIG_USERSPACE=y).
set(seconds "in [0-9]+\\.[0-9][0-9][0-9] seconds")

# Every user-mode test passes; the skip and the expected faults are reported as such.
breeze_test(default REGEX
  "^ PASS - test_01_is_user ${seconds}"
  "fatal error 0 was expected"
  "fatal error 3 was expected"
  "^ PASS - test_03_kernel_ram_faults ${seconds}"
  "^ PASS - test_05_ungranted_object_oopses ${seconds}"
  "^ PASS - test_07_pass_call ${seconds}"
  "^ SKIP - test_08_assume_skips ${seconds}"
  "^ PASS - test_3_before_grant_was_per_test ${seconds}"
  "^ PASS - test_6_user_helper_fault_expected ${seconds}"
  "^SUITE PASS - \\[user_fixture\\]: pass = 3, fail = 0, skip = 0"
  "^SUITE PASS - \\[user_grants\\]: pass = 6, fail = 0, skip = 0"
  "^SUITE PASS - \\[user_memory\\]: pass = 5, fail = 0, skip = 0"
  "^SUITE PASS - \\[user_mode\\]: pass = 9, fail = 0, skip = 1"
  "^TESTS: 24 run, 23 passed, 0 failed, 1 skipped"
  "^PROJECT EXECUTION SUCCESSFUL")

# Each deliberate failure in user mode is reported exactly so; the run ends with status 1.
breeze_test(failures ARGS -DSCENARIO=failures EXIT 1 REGEX
  "(?s)FAIL - test_1_.*FAIL - test_2_.*FAIL - test_3_.*FAIL - test_4_.*FAIL - test_5_.*FAIL - test_6_.*PASS - test_7_"
  "Assertion failed at [^ ]*failures\\.c:[0-9]+: user_failures_test_1_assert_in_user_body: v not equal to 3"
  "^    v is 4"
  "^ FAIL - test_1_assert_in_user_body ${seconds}"
  "START - test_2_assert_in_user_helper[\\r\\n]+    Assertion failed at [^ ]*failures\\.c:[0-9]+: failing_helper: false is false[\\r\\n]+    failed in a user helper thread[\\r\\n]+ FAIL - test_2_assert_in_user_helper ${seconds}"
  "START - test_3_assert_in_helper_of_user_body[\\r\\n]+    Assertion failed at [^ ]*failures\\.c:[0-9]+: failing_helper: false is false[\\r\\n]+    failed in a user helper thread[\\r\\n]+ FAIL - test_3_assert_in_helper_of_user_body ${seconds}"
  "Expectation failed at [^ ]*failures\\.c:[0-9]+: user_failures_test_4_expect_goes_on: 1 not equal to 2"
  "^after a failed expectation the user body goes on"
  "^ FAIL - test_4_expect_goes_on ${seconds}"
  "^ FAIL - test_5_test_fail ${seconds}"
  "^    Expected fatal error 0 did not happen"
  "^ FAIL - test_6_expected_fault_missing ${seconds}"
  "^ PASS - test_7_aftermath ${seconds}"
  "^SUITE FAIL - \\[user_failures\\]: pass = 1, fail = 6, skip = 0"
  "^TESTS: 7 run, 1 passed, 6 failed, 0 skipped"
  "^PROJECT EXECUTION FAILED")

# A user-mode fault nobody expected ends the run at once: test_9 never runs.
breeze_test(unexpected_fault ARGS -DSCENARIO=unexpected_fault EXIT 1 REGEX
  "thread 'test_8_unexpect' \\([0-9a-fx]+\\), priority 1, user mode"
  "^    Unexpected fatal error 0: ending the run"
  "^ FAIL - test_8_unexpected_fault ${seconds}"
  "^TESTS: 8 run, 1 passed, 7 failed, 0 skipped"
  "^PROJECT EXECUTION FAILED")
