if(NOT BOARD STREQUAL "qemu_riscv32")
  breeze_skip("the test drives the syscon poweroff and reboot devices of QEMU virt")
  return()
endif()
# sys_poweroff() and sys_reboot() end QEMU (started with -no-reboot) with
# status 0 through the syscon devices; had they returned, the image would
# print "still running" and exit with 3.
breeze_test(poweroff ARGS -DPOWER_CALL=poweroff REGEX "devices: poweroff ready, reboot ready" "calling sys_poweroff")
breeze_test(reboot ARGS -DPOWER_CALL=reboot REGEX "devices: poweroff ready, reboot ready" "calling sys_reboot")
set_tests_properties(${BOARD}.drivers.power.poweroff ${BOARD}.drivers.power.reboot PROPERTIES
  FAIL_REGULAR_EXPRESSION "still running")
