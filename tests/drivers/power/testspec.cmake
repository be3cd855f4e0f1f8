# sys_poweroff() and sys_reboot() end QEMU (started with -no-reboot) with
# status 0 through the syscon devices; had they returned, the image would
# print "still running" and exit with 3.
breeze_test(poweroff ARGS -DPOWER_CALL=poweroff REGEX "devices: poweroff ready, reboot ready" "calling sys_poweroff")
breeze_test(reboot ARGS -DPOWER_CALL=reboot REGEX "devices: poweroff ready, reboot ready" "calling sys_reboot")
set_tests_properties(drivers.power.poweroff drivers.power.reboot PROPERTIES
  FAIL_REGULAR_EXPRESSION "still running")
