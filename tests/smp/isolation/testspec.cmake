# SMP-only: run on 4 harts (the image's own -smp) and on 2, interleaved by
# -icount, then three times each with real parallelism (harts on host threads).
breeze_test(default NO_SMP "the image is SMP already" SMP_STRESS TIMEOUT 240)
