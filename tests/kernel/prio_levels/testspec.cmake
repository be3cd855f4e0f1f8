# 40 preemptible levels as Zephyr applications configure them, with and
# without user mode, and the widest range a priority can name.
breeze_test(default)
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
breeze_test(widest ARGS -DOVERLAY_CONFIG=${TEST_DIR}/widest.conf)
