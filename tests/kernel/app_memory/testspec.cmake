# Variables placed in an application memory partition, in a kernel without
# user mode (where the partition is empty and they are ordinary data) and
# with it (where the partition holds them).
breeze_test_and_userspace()
