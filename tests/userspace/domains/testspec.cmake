# Partitions laid out without padding (the default), and as naturally aligned
# powers of two (one PMP entry each).
breeze_test(default)
breeze_test(pow2 ARGS -DOVERLAY_CONFIG=${TEST_DIR}/pow2.conf)
