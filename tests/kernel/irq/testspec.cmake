# The default image and the same with user mode compiled in. No SMP runs yet:
# these tests raise the CLINT software interrupt themselves, a line SMP takes
# for its inter-processor interrupts (interrupt context under SMP is covered
# by irq_offload and tests/smp).
breeze_test(default NO_SMP "drives the software interrupt line that SMP takes for IPIs")
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${TEST_DIR}/../../userspace.conf)
