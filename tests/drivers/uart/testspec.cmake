breeze_test(default REGEX "PROJECT EXECUTION SUCCESSFUL" "uart_poll_out: through the console device")
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
breeze_test(interrupt_driven ARGS -DOVERLAY_CONFIG=${TEST_DIR}/irq.conf)
