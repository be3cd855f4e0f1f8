breeze_test(default)
