# The suites pass, and what user threads printed reached the console whole.
set(_printed
  "PROJECT EXECUTION SUCCESSFUL"
  "user printk: -42 breeze 0xbeef k"
  "user printf: 7\\|   ab\\|5  \\|00001234"
  "user long line: 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-end")
breeze_test(default REGEX ${_printed})
# Built for speed: the verifiers' fast paths (tests/speed.conf).
breeze_test(speed ARGS -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf REGEX ${_printed})
# The same with SMP, on 2 and 4 harts: the object cache's generation is then read by an
# acquiring load, and the trap attempts no call.
if(BOARD_SMP)
  breeze_test(speed_smp ARGS -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf
              -DOVERLAY_CONFIG=${CMAKE_CURRENT_SOURCE_DIR}/smp.conf SMP_RUNS REGEX ${_printed})
endif()

# The thread calls again, with the child's thread object a plain static
# struct k_thread granted before anything was created on it (what Zephyr code
# does): the grant finds it in the table of the image's kernel object
# variables, filled after the link (scripts/gen_kobject_table.py).
breeze_test(static_thread_object ARGS -DSTATIC_THREAD_OBJECT=1)
