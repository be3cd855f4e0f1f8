# The default image, the same with user mode compiled in (as for every kernel
# test), and the scheduler built without time slicing (timeslice.c then checks
# that nothing is sliced).
breeze_test_and_userspace()
breeze_test(no_timeslicing ARGS -DOVERLAY_CONFIG=${TEST_DIR}/no_timeslicing.conf)
