# printk() and printf() print 64-bit integers whole, in supervisor mode and (in
# the userspace image) from a user thread: the lines must appear as written.
set(_values "-1234567890123 18446744073709551615 123456789abcdef -9223372036854775808")
set(_lines "printk: ${_values}" "printf: ${_values}" "PROJECT EXECUTION SUCCESSFUL")
breeze_test(default REGEX ${_lines})
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf
            REGEX ${_lines} "user printk: ${_values}")
