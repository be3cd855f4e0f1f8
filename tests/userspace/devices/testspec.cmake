breeze_test(default REGEX "PROJECT EXECUTION SUCCESSFUL" "user uart: hello from user mode")
# Entropy from user mode differs between two boots of the image.
add_test(NAME userspace.devices.two_boots
  COMMAND ${CMAKE_COMMAND} -DPYTHON=${PYTHON3} -DRUN=${BREEZE_BASE}/scripts/run_image.py
          -DQEMU_CMD=${CMAKE_BINARY_DIR}/images/userspace.devices/qemu.cmd
          "-DKEYS=user entropy" -P ${TEST_DIR}/../../drivers/entropy/two_boots.cmake)
set_tests_properties(userspace.devices.two_boots PROPERTIES TIMEOUT 120 LABELS target
  PASS_REGULAR_EXPRESSION "two boots differ")
