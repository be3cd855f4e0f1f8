# The harness as Zephyr tests expect it: priorities, setup in the main thread,
# the test's own fatal error handler, NULL messages; the same with user mode
# compiled in.
breeze_test(default)
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)

# A failed check with a NULL message reports the check alone and fails the test.
breeze_test(null_message ARGS -DSCENARIO=null_message EXIT 1 REGEX
  "Assertion failed at [^ ]*null_message\\.c:[0-9]+: compat_null_message_test_failing_check_null_message: false is false"
  "^ FAIL - test_failing_check_null_message "
  "^TESTS: [0-9]+ run, [0-9]+ passed, 1 failed, 0 skipped"
  "^PROJECT EXECUTION FAILED")
