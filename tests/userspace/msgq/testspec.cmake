# The image as every folder has it, and the same built for speed (tests/speed.conf):
# there a call tried in the trap passes the verifier's inline checks straight into
# the queue, the block or the caller's result word, with no bounce copy; every bad
# buffer, result pointer, queue and slab must still be refused.
breeze_test(default)
breeze_test(speed ARGS -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf)
