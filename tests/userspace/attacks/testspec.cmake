# One image per group of attacks (src/<group>.c), so that a kernel bug that
# ends a run hides no other group. Besides the test results, the fault reports
# are checked: each test's report must show the expected cause (and, where the
# test prints its target, that address as the faulting one) or the reason the
# system call was refused.

# Serial output ends lines with CR LF.
set(nl "\\r?\\n")

# in_test(<list> <test> <regex>): <regex> must match inside <test>'s output.
function(in_test out test regex)
  set(inside "(?:(?!${nl}START - ).)*?")
  list(APPEND ${out} "(?s)START - ${test}${nl}${inside}${regex}${inside}${nl} PASS - ${test} ")
  set(${out} ${${out}} PARENT_SCOPE)
endfunction()

# How each architecture reports a fault of user code: the RISC-V report gives
# mcause and mtval; the Cortex-M one the exception, its fault status and, for
# a data access, the address (MMFAR from the MPU, BFAR from the bus).
if(BOARD_ARCH STREQUAL "arm")
  set(_mem_fault "MemManage fault \\(exception 4\\), CFSR 0x[0-9a-f]{8}")
  set(_fault_load "${_mem_fault} \\(data access violation\\)[^\r\n]*${nl}\\*\\*\\*   MMFAR ")
  set(_fault_store "${_fault_load}")
  set(_fault_exec "${_mem_fault} \\(instruction fetch violation\\)[^\r\n]*${nl}\\*\\*\\*   pc ")
  # The system control space: privileged whatever the MPU says, a bus error.
  set(_fault_bus "BusFault \\(exception 5\\), CFSR 0x[0-9a-f]{8} \\(precise data bus error\\)[^\r\n]*${nl}\\*\\*\\*   BFAR ")
  # The first report line of a user access refused by the MPU or the bus.
  set(_user_access_fault "(?:MemManage fault|BusFault) ")
  if(BOARD STREQUAL "mps2_an505")
    # ARMv8-M bounds the user stack pointer itself (PSPLIM): a stack limit fault.
    set(_stack_overflow "UsageFault [(]exception 6[)], CFSR 0x[0-9a-f]+ [(]stack limit overrun[)]")
  else()
    set(_stack_overflow "MemManage fault ")
  endif()
  # The system call trap (k_oops() from user mode, an unknown ID).
  set(_syscall_trap "SVC \\(exception 11\\)")
else()
  set(_fault_load "mcause 5 \\(load access fault\\), mtval ")
  set(_fault_store "mcause 7 \\(store access fault\\), mtval ")
  set(_fault_exec "mcause 1 \\(instruction access fault\\), mtval ")
  set(_user_access_fault "mcause [257] ")
  set(_stack_overflow "mcause 7 ")
  set(_syscall_trap "mcause 8 ")
endif()

# fault_at(<list> <test> load|store|exec|bus): an access fault of that kind at the printed target.
function(fault_at out test kind)
  in_test(${out} ${test}
    "attack target (0x[0-9a-f]{8})${nl}${inside}\\*\\*\\*   ${_fault_${kind}}\\1(?:[ ,]|${nl})")
  set(${out} ${${out}} PARENT_SCOPE)
endfunction()

function(cause out test regex)
  in_test(${out} ${test} "\\*\\*\\*   ${regex}")
  set(${out} ${${out}} PARENT_SCOPE)
endfunction()

# refused(<list> <test> <verifier> <errno>): an object check in <verifier> refused with -<errno>.
function(refused out test verifier errno)
  in_test(${out} ${test} "refused[^0-9\\r\\n-]*-${errno}[^0-9]")
  in_test(${out} ${test} "${verifier}")
  set(${out} ${${out}} PARENT_SCOPE)
endfunction()

# buffer(<list> <test> <verifier> <address> <size> readable|writable): a buffer check refused.
# An address of \\1 stands for the target the test printed.
function(buffer out test verifier address size what)
  set(target "")
  if(address STREQUAL "\\1")
    set(target "attack target (0x[0-9a-f]{8})${nl}${inside}")
  endif()
  in_test(${out} ${test} "${target}${address} \\(${size} bytes\\)[^\\r\\n]*not ${what}")
  in_test(${out} ${test} "${verifier}")
  set(${out} ${${out}} PARENT_SCOPE)
endfunction()

function(attacks_image group count)
  set(_expected ${ARGN}
    "^SUITE PASS - \\[attacks_${group}\\]: pass = ${count}, fail = 0, skip = 0"
    "^TESTS: ${count} run, ${count} passed, 0 failed, 0 skipped"
    "^PROJECT EXECUTION SUCCESSFUL")
  breeze_test(${group} ARGS -DSUITE=${group} REGEX ${_expected})
  # The groups aimed at the system call checks again, built for speed: their
  # inline fast paths must refuse the same (tests/speed.conf).
  if(group STREQUAL "syscalls" OR group STREQUAL "objects")
    breeze_test(${group}.speed ARGS -DSUITE=${group}
                -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf REGEX ${_expected})
  endif()
  # The system call attacks with SMP too: the trap's exits then run with
  # interrupts on until they mask them (arch/riscv/core/isr.S).
  if(group STREQUAL "syscalls" AND BOARD_SMP)
    breeze_test(${group}.speed_smp ARGS -DSUITE=${group}
                -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf
                -DOVERLAY_CONFIG=${CMAKE_CURRENT_SOURCE_DIR}/smp.conf SMP_RUNS REGEX ${_expected})
  endif()
endfunction()

set(inside "(?:(?!${nl}START - ).)*?")

# Memory: the PMP or the MPU stops each access at the target itself.
set(r)
fault_at(r test_read_kernel_data load)
fault_at(r test_write_kernel_data store)
fault_at(r test_execute_kernel_data exec)
fault_at(r test_write_kernel_text store)
fault_at(r test_read_kernel_canary load)
fault_at(r test_read_other_domain load)
fault_at(r test_write_other_domain store)
fault_at(r test_write_read_only_partition store)
fault_at(r test_read_other_thread_stack load)
fault_at(r test_write_other_thread_stack store)
fault_at(r test_read_own_privileged_stack load)
fault_at(r test_write_uart_register store)
fault_at(r test_read_null_page load)
if(BOARD_ARCH STREQUAL "arm")
  fault_at(r test_write_nvic_set_pending bus)
else()
  fault_at(r test_write_clint_msip store)
endif()
in_test(r test_read_kernel_data "thread 'attacker' \\(0x[0-9a-f]+\\), priority 2, user mode${nl}")
in_test(r test_read_kernel_data "\\*\\*\\*   only this thread is aborted")
attacks_image(memory 14 ${r})
if(BOARD_ARCH STREQUAL "riscv")
  # The same without Smepmp: the PMP binds user mode alone, and user isolation
  # must not depend on it.
  breeze_test(memory_no_smepmp ARGS -DSUITE=memory
                                    -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/no_smepmp.conf
    REGEX ${r} "^TESTS: 14 run, 14 passed, 0 failed, 0 skipped" "^PROJECT EXECUTION SUCCESSFUL")
else()
  breeze_skip("variant memory_no_smepmp: Smepmp is an extension of the RISC-V PMP")
endif()

# CPU: privileged instructions and registers. RISC-V: machine-mode
# instructions are illegal (mtval holds the instruction: CSR number on top).
# Cortex-M: writes to the special registers are ignored (the tests check the
# thread is as confined as before), the system control space is a bus error,
# and a kernel SVC number from user mode is one more unknown system call.
set(r)
if(BOARD_ARCH STREQUAL "arm")
  fault_at(r test_write_control load)
  fault_at(r test_read_mpu bus)
  fault_at(r test_write_mpu bus)
  fault_at(r test_write_vtor bus)
  cause(r test_forged_exception_return "${_fault_exec}0xfffffff8,")
  cause(r test_bkpt "(?:HardFault|DebugMonitor) ")
  set(_n 2147418112)
  foreach(t switch except irq_offload syscall_return)
    in_test(r test_svc_${t}_number "system call ${_n} does not exist")
    math(EXPR _n "${_n} + 1")
  endforeach()
  # The frame's push fails: on the MPU (ARMv7-M), or on the stack limit (ARMv8-M).
  foreach(t unaligned_access svc)
    in_test(r test_bad_stack_then_${t} "(MPU fault while stacking|stack limit overrun)")
  endforeach()
  set(_cpu_tests 19)
else()
  in_test(r test_read_mstatus "mcause 2 \\(illegal instruction\\), mtval 0x300")
  in_test(r test_write_pmp "mcause 2 \\(illegal instruction\\), mtval 0x3bf")
  in_test(r test_write_mtvec "mcause 2 \\(illegal instruction\\), mtval 0x305")
  in_test(r test_mret "mcause 2 \\(illegal instruction\\), mtval 0x30200073")
  cause(r test_ebreak "mcause 3 ")
  set(_cpu_tests 10)
endif()
cause(r test_stack_overflow_recursion "${_stack_overflow}")
cause(r test_stack_overflow_large_local "${_stack_overflow}")
in_test(r test_call_implementation_directly "FATAL ERROR 0: CPU exception")
if(BOARD_ARCH STREQUAL "arm")
  # The CPU tells user mode: the call traps anyway, and the ungranted object is refused.
  refused(r test_forged_kernel_mode_flag z_vrfy_k_sem_give 1)
else()
  in_test(r test_forged_kernel_mode_flag "FATAL ERROR 0: CPU exception")
endif()
refused(r test_forged_current_thread z_vrfy_k_thread_abort 1)
attacks_image(cpu ${_cpu_tests} ${r})

# System call buffers and IDs: refused by the verifier (the report names the
# buffer and its size) or by the dispatcher.
set(r)
buffer(r test_str_out_kernel_buffer z_vrfy_k_str_out "\\1" 4 readable)
buffer(r test_str_out_across_partition_end z_vrfy_k_str_out "0x[0-9a-f]+" 8 readable)
buffer(r test_str_out_size_max z_vrfy_k_str_out "0x[0-9a-f]+" 4294967295 readable)
buffer(r test_str_out_wrapping_end z_vrfy_k_str_out "0x[0-9a-f]+" "[0-9]+" readable)
buffer(r test_name_copy_into_kernel_buffer z_vrfy_k_thread_name_copy "0x[0-9a-f]+" 16 writable)
buffer(r test_name_copy_across_partition_end z_vrfy_k_thread_name_copy "0x[0-9a-f]+" 16 writable)
buffer(r test_name_copy_size_max z_vrfy_k_thread_name_copy "0x[0-9a-f]+" 4294967295 writable)
in_test(r test_thread_create_args_in_kernel
  "attack target (0x[0-9a-f]{8})${nl}${inside}\\1 \\(24 bytes\\)[^\\r\\n]*not readable")
in_test(r test_syscall_id_limit "system call [0-9]+ does not exist")
in_test(r test_syscall_id_1000_raw_trap "system call 1000 does not exist")
in_test(r test_syscall_id_negative "system call 2147483648 does not exist")
in_test(r test_syscall_id_before_runtime_except "system call 4294967294 does not exist")
fault_at(r test_nonblocking_switch_returns_to_user_mode load)
foreach(t test_str_out_kernel_buffer test_syscall_id_limit)
  in_test(r ${t} "FATAL ERROR 3: kernel oops${nl}\\*\\*\\*   ${_syscall_trap}")
endforeach()
attacks_image(syscalls 18 ${r})

# Objects: not an object or wrong type -EBADF (9), not held -EPERM (1),
# uninitialised -EINVAL (22).
set(r)
foreach(t plain_kernel_variable forged_in_own_partition null misaligned interior_pointer
          device_address mutex thread)
  refused(r test_sem_give_${t} z_vrfy_k_sem_give 9)
endforeach()
refused(r test_sem_give_without_grant z_vrfy_k_sem_give 1)
refused(r test_sem_take_uninitialised z_vrfy_k_sem_take 22)
refused(r test_grant_to_thread_not_held z_vrfy_k_object_access_grant 1)
refused(r test_abort_thread_not_held z_vrfy_k_thread_abort 1)
in_test(r test_raise_own_priority "z_vrfy_k_thread_priority_set")
foreach(t supervisor_thread more_urgent_thread thread_on_own_stack)
  in_test(r test_create_${t} "z_vrfy_k_thread_create")
endforeach()
refused(r test_create_thread_on_stack_not_held z_vrfy_k_thread_create 1)
in_test(r test_object_in_app_partition "lies in user-writable memory")
refused(r test_object_in_app_partition z_vrfy_k_mutex_lock 9)
refused(r test_stack_push_without_grant z_vrfy_k_stack_push 1)
refused(r test_stack_pop_sem z_vrfy_k_stack_pop 9)
buffer(r test_stack_pop_into_kernel_buffer z_vrfy_k_stack_pop "\\1" 4 writable)
refused(r test_fifo_get_without_grant z_vrfy_k_queue_get 1)
refused(r test_queue_alloc_append_to_sem z_vrfy_k_queue_alloc_append 9)
refused(r test_queue_init_again z_vrfy_k_queue_init 112)
refused(r test_event_post_without_grant z_vrfy_k_event_post 1)
refused(r test_event_post_to_sem z_vrfy_k_event_post 9)
refused(r test_event_init_again z_vrfy_k_event_init 112)
refused(r test_event_wait_safe_without_grant z_vrfy_k_event_wait_safe 1)
refused(r test_event_wait_all_safe_on_sem z_vrfy_k_event_wait_all_safe 9)
refused(r test_event_wait_safe_on_plain_kernel_data z_vrfy_k_event_wait_safe 9)
attacks_image(objects 36 ${r})

# Supervisor-only APIs: the code runs, and faults on the first privileged step.
set(r)
foreach(t mem_domain_add_partition mem_domain_add_thread object_access_revoke
          object_access_all_grant object_free sched_lock)
  in_test(r test_${t} "FATAL ERROR 0: CPU exception${nl}\\*\\*\\*   ${_user_access_fault}")
endforeach()
attacks_image(privileged 6 ${r})

# Lifecycle: the second thread is refused the dead one's grant.
set(r)
foreach(t same_thread_storage other_thread_storage)
  refused(r test_grants_cleared_${t} z_vrfy_k_sem_give 1)
endforeach()
attacks_image(lifecycle 6 ${r})

# Reasons raised from user mode: only an oops or a stack-check failure.
attacks_image(raised 7
  "(?s)START - test_2_stack_canary_smashed${nl}${inside}FATAL ERROR 2: stack check failed")

# Kernel operations on thread objects that never became a running thread: no
# kernel fault, only the offending user thread may die. Aborting a thread that
# ended does nothing; without a grant it is refused, -EPERM (1).
set(r)
refused(r test_abort_ended_thread_without_grant z_vrfy_k_thread_abort 1)
attacks_image(unstarted_join 4 ${r})
attacks_image(failed_create 1
  "(?s)START - test_start_thread_whose_creation_failed${nl}${inside}no kernel object slot or thread index left")

# Timers and threads' timeouts: not held -EPERM (1), not a timer -EBADF (9), uninitialised -EINVAL
# (22); k_timer_init() is supervisor-only and faults on kernel data.
set(r)
refused(r test_timer_start_without_grant z_vrfy_k_timer_start 1)
refused(r test_timer_user_data_set_without_grant z_vrfy_k_timer_user_data_set 1)
refused(r test_timer_status_sync_on_sem z_vrfy_k_timer_status_sync 9)
refused(r test_timer_stop_null z_vrfy_k_timer_stop 9)
refused(r test_timer_remaining_plain_kernel_variable z_vrfy_k_timer_remaining_ticks 9)
refused(r test_timer_user_data_get_uninitialised z_vrfy_k_timer_user_data_get 22)
refused(r test_thread_timeout_remaining_not_held z_vrfy_k_thread_timeout_remaining_ticks 1)
refused(r test_thread_timeout_expires_on_timer z_vrfy_k_thread_timeout_expires_ticks 9)
in_test(r test_timer_init_from_user_mode "FATAL ERROR 0: CPU exception${nl}\\*\\*\\*   ${_user_access_fault}")
attacks_image(timer 9 ${r})

# Polling: the events array and the check's buffers are user buffers; each
# event's object is checked like a system call argument.
set(r)
buffer(r test_poll_events_in_kernel_memory z_vrfy_k_poll "\\1" 40 writable)
refused(r test_poll_sem_without_grant z_vrfy_k_poll 1)
refused(r test_poll_sem_as_signal z_vrfy_k_poll 9)
refused(r test_poll_thread_as_queue z_vrfy_k_poll 9)
refused(r test_poll_signal_without_grant z_vrfy_k_poll 1)
refused(r test_poll_pipe_without_grant z_vrfy_k_poll 1)
refused(r test_poll_sem_as_pipe z_vrfy_k_poll 9)
buffer(r test_signal_check_into_kernel_memory z_vrfy_k_poll_signal_check "\\1" 4 writable)
refused(r test_signal_raise_without_grant z_vrfy_k_poll_signal_raise 1)
refused(r test_signal_init_without_grant z_vrfy_k_poll_signal_init 1)
attacks_image(poll 12 ${r})

# Condition variables: the condvar and the mutex are both checked; one in use
# is not initialised again (-EBUSY, no fault), an idle one is.
set(r)
refused(r test_condvar_signal_without_grant z_vrfy_k_condvar_signal 1)
refused(r test_condvar_broadcast_mutex z_vrfy_k_condvar_broadcast 9)
refused(r test_condvar_wait_mutex_without_grant z_vrfy_k_condvar_wait 1)
refused(r test_condvar_wait_sem_as_mutex z_vrfy_k_condvar_wait 9)
attacks_image(condvar 6 ${r})
# More supervisor-only APIs (work queues): the caller faults on the first privileged step.
set(r)
foreach(t work_submit work_cancel work_schedule work_queue_drain)
  in_test(r test_${t} "FATAL ERROR 0: CPU exception${nl}\\*\\*\\*   ${_user_access_fault}")
endforeach()
attacks_image(supervisor_only 4 ${r})
