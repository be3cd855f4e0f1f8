# Without a console the run says nothing: the exit status is the verdict.
# default: two threads hand a semaphore back and forth and main checks the
# count (exit 0; a wrong count exits 1 or 2). panic: a kernel panic still
# ends the run with 16 + K_ERR_KERNEL_PANIC, the report gone with printk().
breeze_test(default EXIT 0 REGEX "^")
breeze_test(panic ARGS -DPANIC=ON EXIT 20 REGEX "^")
