# The ring buffer image as it is, and again with user mode compiled in: then
# src/user.c also runs a user producer and consumer on a ring in a partition.
breeze_test_and_userspace()
# And with 32-bit indices (CONFIG_RING_BUFFER_LARGE).
breeze_test(large ARGS -DOVERLAY_CONFIG=${TEST_DIR}/large.conf)
