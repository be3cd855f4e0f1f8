# The CMSDK GPIO ports are those of mps2_an385 (with CONFIG_GPIO_CMSDK_AHB,
# on by default where the board selects HAS_GPIO). On other boards only the
# class's system calls are tested, from user mode, on a stand-in port of the
# test's own.
if(BOARD STREQUAL "mps2_an385")
  breeze_test(default)
else()
  breeze_skip("the board has no CMSDK GPIO: only the user-mode image runs, on a stand-in port")
endif()
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
