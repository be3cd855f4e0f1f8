# Partitions laid out without padding (the default), and as naturally aligned
# powers of two (one PMP entry each). ARMv7-M lays them out as powers of two
# always (CONFIG_MPU_REQUIRES_POWER_OF_TWO_ALIGNMENT).
breeze_test(default)
# Built for speed: the buffer checks' fast paths (tests/speed.conf).
breeze_test(speed ARGS -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf)
if(BOARD_ARCH STREQUAL "riscv")
  breeze_test(pow2 ARGS -DOVERLAY_CONFIG=${TEST_DIR}/pow2.conf)
else()
  breeze_skip("variant pow2: a layout option of the RISC-V PMP (the default test covers the MPU's)")
endif()
