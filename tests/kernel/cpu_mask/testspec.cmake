# Masks of any shape, the same with user mode compiled in, and masks of one
# CPU at most (CONFIG_SCHED_CPU_MASK_PIN_ONLY).
breeze_test_and_userspace()
breeze_test(pin_only ARGS -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/pin_only.conf)
