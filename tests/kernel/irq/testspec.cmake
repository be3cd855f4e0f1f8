# The default image and the same with user mode compiled in; the SMP image
# raises the supervisor software interrupt instead of the machine one, which
# SMP takes for its IPIs (tests/common/local_soft_irq.h).
breeze_test_and_userspace()
