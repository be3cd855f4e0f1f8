# 40 preemptible levels as Zephyr applications configure them, with and
# without user mode, and the widest range a priority can name.
breeze_test_and_userspace()
breeze_test(widest ARGS -DOVERLAY_CONFIG=${TEST_DIR}/widest.conf)
