# The API and the user threads' race for blocks; the race also runs with
# real parallelism on four harts (the SMP image, no -icount), where an
# allocator that is not atomic shows: under -icount the harts take turns.
breeze_test(default)
if(BREEZE_TEST_SMP AND BOARD_SMP)
  set(T_EXIT 0)
  set(T_TIMEOUT 120)
  set(T_REGEX "PROJECT EXECUTION SUCCESSFUL")
  set(T_SCRIPT)
  breeze_run(${BOARD}.lib.mem_blocks.smp.par4 ${BOARD}.lib.mem_blocks.smp --smp 4 --parallel)
  set_tests_properties(${BOARD}.lib.mem_blocks.smp.par4 PROPERTIES PROCESSORS 4 COST 100)
endif()
