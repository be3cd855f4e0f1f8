# The CMSDK watchdog is tested where the board has it (mps2_an385); on other
# boards that suite reports itself skipped. The user-mode suite runs against
# the board's watchdog or, lacking one, a stand-in of the test's own. One
# device: nothing an SMP image would add.
breeze_test(default NO_SMP "a device test: nothing per CPU")
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
