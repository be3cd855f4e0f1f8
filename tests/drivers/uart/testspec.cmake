# The console's driver through the UART API, polling, with user mode compiled
# in, and interrupt-driven. A UART without loopback (the CMSDK UART of the
# mps2 boards) sends the interrupt-driven message to the console.
breeze_test(default REGEX "PROJECT EXECUTION SUCCESSFUL" "uart_poll_out: through the console device")
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
if(BOARD_ARCH STREQUAL "arm")
  breeze_test(interrupt_driven ARGS -DOVERLAY_CONFIG=${TEST_DIR}/irq.conf
    REGEX "PROJECT EXECUTION SUCCESSFUL" "\nsent by transmit interrupts\r?\n")
else()
  breeze_test(interrupt_driven ARGS -DOVERLAY_CONFIG=${TEST_DIR}/irq.conf)
endif()
