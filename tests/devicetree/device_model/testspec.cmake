breeze_test_and_userspace()
