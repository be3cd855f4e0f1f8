# The devices are QEMU virt's RTC, entropy source and second UART.
if(NOT BOARD STREQUAL "qemu_riscv32")
  breeze_skip("the test drives the goldfish RTC and virtio entropy of QEMU virt, which the board lacks")
  return()
endif()
breeze_test(default REGEX "PROJECT EXECUTION SUCCESSFUL" "user uart: hello from user mode")
# Entropy from user mode differs between two boots of the image.
add_test(NAME ${BOARD}.userspace.devices.two_boots
  COMMAND ${CMAKE_COMMAND} -DPYTHON=${PYTHON3} -DRUN=${BREEZE_BASE}/scripts/run_image.py
          -DQEMU_CMD=${CMAKE_BINARY_DIR}/images/${BOARD}.userspace.devices/qemu.cmd
          "-DKEYS=user entropy" -P ${TEST_DIR}/../../drivers/entropy/two_boots.cmake)
set_tests_properties(${BOARD}.userspace.devices.two_boots PROPERTIES TIMEOUT 120 LABELS target
  PASS_REGULAR_EXPRESSION "two boots differ")
