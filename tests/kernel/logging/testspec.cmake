# Logging on (with and without user mode, the user variant logs from a user
# thread too) and off: the suites compare the captured console output with
# what each configuration must print.
breeze_test_and_userspace()
breeze_test(log_off ARGS -DOVERLAY_CONFIG=${TEST_DIR}/log_off.conf)
