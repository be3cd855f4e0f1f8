# TC_PRINT and TC_ERROR reach the console (TC_ERROR says where); the same with user
# mode compiled in.
set(r "PROJECT EXECUTION SUCCESSFUL" "tc_print: 42 ok" "ERROR - suite_compat_test_tc_error@[0-9]+\\. tc_error: 7")
breeze_test(default REGEX ${r})
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf REGEX ${r})
