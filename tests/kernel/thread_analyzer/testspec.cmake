# The default image (supervisor threads only) and, as every kernel test, the
# userspace variant, where a user thread's privileged stack is reported too.
breeze_test(default REGEX "PROJECT EXECUTION SUCCESSFUL" "Thread analyze:"
            " idle +: STACK: unused [0-9]+ usage [0-9]+ / [0-9]+")
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/../../userspace.conf
            REGEX "PROJECT EXECUTION SUCCESSFUL" "Thread analyze:"
            " deep_user +: STACK: unused [0-9]+ usage [0-9]+ / 1024 "
            " +: PRIV STACK: unused [0-9]+ usage [0-9]+ / [0-9]+")
