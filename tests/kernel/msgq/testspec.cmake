# The default image, the same with user mode compiled in (as for every kernel
# test), and built for speed (tests/speed.conf): there the plain put and get have
# their own copy of the queue's body (kernel/msgq.c), which these tests must
# reach as well as the shared one. One board per architecture builds it (the
# C is the same on both Cortex-M boards).
breeze_test_and_userspace()
if(NOT BOARD STREQUAL "mps2_an505")
  breeze_test(speed ARGS -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf)
endif()
