# The default image, the same with user mode compiled in (as for every kernel
# test), and one with a priority ceiling (ceiling.c then checks it).
breeze_test(default)
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
breeze_test(ceiling ARGS -DOVERLAY_CONFIG=${TEST_DIR}/ceiling.conf)
