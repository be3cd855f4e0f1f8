# Only where the ARMv8-M MPU back end runs (arch/arm/core/mpu_v8m.c).
if(BOARD STREQUAL "mps2_an505")
  breeze_test(default NO_SMP "a Cortex-M33 board: one CPU")
endif()
