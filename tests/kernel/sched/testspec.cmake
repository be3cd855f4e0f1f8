# The default image, the same with user mode compiled in (as for every kernel
# test), and the scheduler built without time slicing (timeslice.c then checks
# that nothing is sliced).
breeze_test_and_userspace()
breeze_test(no_timeslicing ARGS -DOVERLAY_CONFIG=${TEST_DIR}/no_timeslicing.conf)
# Built for speed on Cortex-M, where a switch between two threads that both yielded or
# waited is then a call and a return instead of an exception (arch/arm/core/switch.S):
# the scheduling tests through that path too.
if(BOARD_ARCH STREQUAL "arm")
  breeze_test(speed ARGS -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf)
endif()
