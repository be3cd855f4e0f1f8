# The bounded fuzzing run of `make test` (`make fuzz` runs a long one). It must
# end with faults but no corruption and no kernel fault, the fault reports
# muted while the fuzzers run. Its supervisor relies on one CPU (main and the
# reapers are cooperative so that a respawn never interleaves with main's
# reordering of the fuzzers), so it has no SMP runs (tests/smp/isolation races
# system calls across CPUs).
set(nl "\\r?\\n")
# The fuzzers hold the RTC too where the board has one.
set(_rtc)
file(STRINGS ${BOARD_DIR}/Kconfig _has_rtc REGEX "select HAS_RTC")
if(_has_rtc)
  set(_rtc -DOVERLAY_CONFIG=${TEST_DIR}/rtc.conf)
endif()
# main's oops as the fatal error handler prints it: an ecall; an SVC.
if(BOARD_ARCH STREQUAL "arm")
  set(_oops_state "fuzz:   exception 11, cfsr 0x[0-9a-f]+, pc 0x[0-9a-f]+")
else()
  set(_oops_state "fuzz:   mcause 11, mtval 0x[0-9a-f]+, mepc 0x[0-9a-f]+")
endif()
set(_clean
  "FUZZ SUMMARY: seed [^,]*, 4[0-9]{4} calls, [1-9][0-9]* faults, .*, 0 corruptions, 0 kernel faults"
  "(?s)fuzz: console muted while fuzzing${nl}(?:(?!FATAL ERROR).)*fuzz: console unmuted"
  "PROJECT EXECUTION SUCCESSFUL")
breeze_test(default ARGS -DFUZZ_CALLS=40000 ${_rtc}
  NO_SMP "its supervisor's scheduling games assume one CPU" REGEX ${_clean})
# Built for speed: the checks' inline fast paths under the same calls (tests/speed.conf).
breeze_test(speed ARGS -DFUZZ_CALLS=40000 ${_rtc}
                       -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf REGEX ${_clean})

# Main oopses in the middle of the muted run: the fuzzer's fatal error handler
# unmutes, reports it as a kernel fault with the calls under way, and halts.
breeze_test(kernel_fault ARGS -DFUZZ_CALLS=4000 -DFUZZ_KERNEL_FAULT=ON ${_rtc} EXIT 19 REGEX
  "fuzz: KERNEL FAULT: fatal error 3 in supervisor mode, thread 0x[0-9a-f]+ 'main'"
  "${_oops_state}"
  "FUZZ RESULT: FAIL \\(kernel fault; seed 0x5eed1234, [0-9]+ calls made\\)"
  "System halted \\(exit status 19\\)")
