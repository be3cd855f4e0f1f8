# The bounded fuzzing run of `make test` (`make fuzz` runs a long one). It must
# end with faults but no corruption and no kernel fault, the fault reports
# muted while the fuzzers run. Its supervisor relies on one CPU (main and the
# reapers are cooperative so that a respawn never interleaves with main's
# reordering of the fuzzers), so it has no SMP runs (tests/smp/isolation races
# system calls across CPUs).
set(nl "\\r?\\n")
breeze_test(default ARGS -DFUZZ_CALLS=40000
  NO_SMP "its supervisor's scheduling games assume one CPU" REGEX
  "FUZZ SUMMARY: seed [^,]*, 4[0-9]{4} calls, [1-9][0-9]* faults, .*, 0 corruptions, 0 kernel faults"
  "(?s)fuzz: console muted while fuzzing${nl}(?:(?!FATAL ERROR).)*fuzz: console unmuted"
  "PROJECT EXECUTION SUCCESSFUL")

# Main oopses in the middle of the muted run: the fuzzer's fatal error handler
# unmutes, reports it as a kernel fault with the calls under way, and halts.
breeze_test(kernel_fault ARGS -DFUZZ_CALLS=4000 -DFUZZ_KERNEL_FAULT=ON EXIT 19 REGEX
  "fuzz: KERNEL FAULT: fatal error 3 in supervisor mode, thread 0x[0-9a-f]+ 'main'"
  "fuzz:   mcause 11, mtval 0x[0-9a-f]+, mepc 0x[0-9a-f]+"
  "FUZZ RESULT: FAIL \\(kernel fault; seed 0x5eed1234, [0-9]+ calls made\\)"
  "System halted \\(exit status 19\\)")
