breeze_test(default)
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
# Two boots of the same image: the bytes and the kernel's canary differ.
add_test(NAME drivers.entropy.two_boots
  COMMAND ${CMAKE_COMMAND} -DPYTHON=${PYTHON3} -DRUN=${BREEZE_BASE}/scripts/run_image.py
          -DQEMU_CMD=${CMAKE_BINARY_DIR}/images/drivers.entropy/qemu.cmd
          -P ${TEST_DIR}/two_boots.cmake)
set_tests_properties(drivers.entropy.two_boots PROPERTIES TIMEOUT 120 LABELS target
  PASS_REGULAR_EXPRESSION "two boots differ")
