# SMP-only: run on 4 harts (the image's own -smp) and on 2, interleaved by
# -icount, then with real parallelism on 2 and on 4 (harts on host threads).
if(NOT BOARD_SMP)
  breeze_skip("an SMP test: the board's port runs one CPU")
  return()
endif()
breeze_test(default NO_SMP "the image is SMP already" SMP_STRESS TIMEOUT 240)
