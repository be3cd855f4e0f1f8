# Each value runs as a test of its own, named after its instantiation and
# index; a parameterized test nobody instantiated is skipped.
set(r "PROJECT EXECUTION SUCCESSFUL"
  "^ PASS - test_int_values\\[ints/0\\] " "^ PASS - test_int_values\\[ints/3\\] "
  "^ PASS - test_int_values\\[more_ints/1\\] "
  "^ PASS - test_struct_values\\[cases/2\\] "
  "test_never_instantiated: parameterized, and never instantiated"
  "^ SKIP - test_never_instantiated "
  "^TESTS: 12 run, 11 passed, 0 failed, 1 skipped")
breeze_test(default REGEX ${r})
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf REGEX ${r})

# A failing value fails its own run only.
breeze_test(failing ARGS -DSCENARIO=failing EXIT 1 REGEX
  "^ PASS - test_fails_on_two\\[vals/1\\] "
  "^ FAIL - test_fails_on_two\\[vals/2\\] "
  "^ PASS - test_fails_on_two\\[vals/3\\] "
  "^PROJECT EXECUTION FAILED")
