# The CMSDK timers are tested where the board has them (mps2_an385); on other
# boards that suite reports itself skipped. The user-mode suite runs against
# the board's timer or, lacking one, a stand-in counter of the test's own.
# One device and its interrupt: nothing an SMP image would add.
breeze_test(default NO_SMP "a device test: nothing per CPU")
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
