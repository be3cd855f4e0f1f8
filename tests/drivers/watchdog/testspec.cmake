# The CMSDK watchdog is that of mps2_an385 (with CONFIG_WDT_CMSDK_APB, on by
# default where the board selects HAS_WATCHDOG). On other boards only the
# class's system calls are tested, from user mode, on a stand-in watchdog of
# the test's own.
if(BOARD STREQUAL "mps2_an385")
  breeze_test(default)
else()
  breeze_skip("the board has no CMSDK watchdog: only the user-mode image runs, on a stand-in")
endif()
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
