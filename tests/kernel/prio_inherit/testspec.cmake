# The default image, the same with user mode compiled in (as for every kernel
# test), one with a priority ceiling (ceiling.c then checks it), and one with
# Zephyr's chain rules instead of the strict ones (chain_cap.c, not chain.c).
breeze_test_and_userspace()
breeze_test(ceiling ARGS -DOVERLAY_CONFIG=${TEST_DIR}/ceiling.conf)
breeze_test(zephyr_chains ARGS -DOVERLAY_CONFIG=${TEST_DIR}/zephyr_chains.conf)
