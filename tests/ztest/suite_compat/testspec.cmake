# TC_PRINT reaches the console; the same with user mode compiled in.
set(r "PROJECT EXECUTION SUCCESSFUL" "tc_print: 42 ok")
breeze_test(default REGEX ${r})
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf REGEX ${r})
