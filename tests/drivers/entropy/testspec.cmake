# The entropy device is the virtio-rng of QEMU virt.
if(NOT BOARD STREQUAL "qemu_riscv32")
  breeze_skip("the board has no entropy device (HAS_ENTROPY)")
  return()
endif()
breeze_test(default)
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
# Two boots of the same image: the bytes and the kernel's canary differ.
add_test(NAME ${BOARD}.drivers.entropy.two_boots
  COMMAND ${CMAKE_COMMAND} -DPYTHON=${PYTHON3} -DRUN=${BREEZE_BASE}/scripts/run_image.py
          -DQEMU_CMD=${CMAKE_BINARY_DIR}/images/${BOARD}.drivers.entropy/qemu.cmd
          -P ${TEST_DIR}/two_boots.cmake)
set_tests_properties(${BOARD}.drivers.entropy.two_boots PROPERTIES TIMEOUT 120 LABELS target
  PASS_REGULAR_EXPRESSION "two boots differ")
