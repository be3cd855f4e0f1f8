# One image per fatal-error scenario (src/<scenario>.c). Each must end QEMU
# with 16 + the fatal reason and print a report naming the reason, the CPU
# state (RISC-V: mcause, mtval, mepc; Cortex-M: the exception, its fault
# status, BFAR or MMFAR, pc) and the faulting thread or interrupt context.
set(_thread_main "thread 'main' [(]0x[0-9a-f]+[)], priority 0, supervisor mode")
if(BOARD_ARCH STREQUAL "arm")
  set(_mepc "pc 0x[0-9a-f]{8}, lr 0x[0-9a-f]{8}, sp 0x[0-9a-f]{8}")
  # Kernel fatal errors are raised by an SVC (ARCH_EXCEPT()).
  set(_panic_trap "SVC [(]exception 11[)]")
  # ARCH_TEST_NO_MEMORY (tests/common/arch_test.h) is unmapped: a precise BusFault there.
  set(_bus_fault "BusFault [(]exception 5[)], CFSR 0x00008200 [(]precise data bus error[)]")
  set(_load_fault "${_bus_fault}" "BFAR 0x60000000 [(]faulting bus address[)]")
  set(_store_fault "${_bus_fault}" "BFAR 0x60000000 [(]faulting bus address[)]")
  set(_illegal "UsageFault [(]exception 6[)], CFSR 0x00010000 [(]undefined instruction[)]")
  # A store the MPU refused (the stack guard).
  set(_store_refused "MemManage fault [(]exception 4[)], CFSR 0x[0-9a-f]{8} [(]data access violation[)]")
else()
  set(_mepc "mepc 0x[0-9a-f]{8}, sp 0x[0-9a-f]{8}")
  set(_panic_trap "mcause 11 [(]ecall from machine mode[)]")
  set(_load_fault "mcause 5 [(]load access fault[)], mtval 0x00000000")
  set(_store_fault "mcause 7 [(]store access fault[)], mtval 0x00000000")
  set(_illegal "mcause 2 [(]illegal instruction[)]")
  set(_store_refused "mcause 7 [(]store access fault[)]")
endif()

breeze_test(panic_main ARGS -DSCENARIO=panic_main EXIT 20
  REGEX "FATAL ERROR 4: kernel panic" "${_panic_trap}" "${_mepc}"
        "${_thread_main}" "System halted [(]exit status 20[)]")

breeze_test(oops_thread ARGS -DSCENARIO=oops_thread EXIT 19
  REGEX "FATAL ERROR 3: kernel oops" "${_mepc}"
        "thread 'oops_thread' [(]0x[0-9a-f]+[)], priority 1, supervisor mode"
        "System halted [(]exit status 19[)]")

breeze_test(assert_fail ARGS -DSCENARIO=assert_fail EXIT 20
  REGEX "ASSERTION FAIL [[]value == 42[]] @ [^ ]*assert_fail[.]c:[0-9]+" "answer is 41"
        "FATAL ERROR 4: kernel panic" "${_mepc}" "${_thread_main}")

breeze_test(load_fault ARGS -DSCENARIO=load_fault EXIT 16
  REGEX "FATAL ERROR 0: CPU exception" ${_load_fault} "${_mepc}"
        "${_thread_main}")

breeze_test(store_fault ARGS -DSCENARIO=store_fault EXIT 16
  REGEX "FATAL ERROR 0: CPU exception" ${_store_fault} "${_mepc}"
        "${_thread_main}")

breeze_test(illegal_insn ARGS -DSCENARIO=illegal_insn EXIT 16
  REGEX "FATAL ERROR 0: CPU exception" "${_illegal}" "${_mepc}"
        "${_thread_main}")

breeze_test(stack_canary ARGS -DSCENARIO=stack_canary EXIT 18
  REGEX "FATAL ERROR 2: stack check failed" "${_mepc}" "${_thread_main}")

breeze_test(isr_fault ARGS -DSCENARIO=isr_fault EXIT 16
  REGEX "FATAL ERROR 0: CPU exception" ${_load_fault}
        "${_mepc}" "in interrupt context [(]thread 'main' [(]0x[0-9a-f]+[)] was interrupted[)]")

# The test's software interrupt (tests/common/local_soft_irq.h): on RISC-V the
# machine software interrupt; on Cortex-M the board's last NVIC line
# (CONFIG_NUM_IRQS - 1, 64 lines unless the board's defconfig says otherwise).
set(_soft_irq 3)
if(BOARD_ARCH STREQUAL "arm")
  set(_num_irqs 64)
  file(STRINGS ${BOARD_DIR}/${BOARD}_defconfig _line REGEX "^CONFIG_NUM_IRQS=")
  if(_line)
    string(REGEX REPLACE "^CONFIG_NUM_IRQS=([0-9]+).*" "\\1" _num_irqs "${_line}")
  endif()
  math(EXPR _soft_irq "${_num_irqs} - 1")
endif()
breeze_test(spurious_irq ARGS -DSCENARIO=spurious_irq EXIT 17
  REGEX "interrupt ${_soft_irq} has no handler" "FATAL ERROR 1: unhandled interrupt"
        "in interrupt context")

# The application's handler returns: three faulting threads are aborted one
# after the other, their reports still printed, and main checks what the
# handler saw and exits 0.
breeze_test(handler_returns ARGS -DSCENARIO=handler_returns EXIT 0
  REGEX "FATAL ERROR 3: kernel oops" "thread 'oops_victim'"
        "${_illegal}" "thread 'illegal_victim'"
        ${_load_fault} "thread 'load_victim'"
        "main continues after three faulting threads" "PROJECT EXECUTION SUCCESSFUL")

# Stack overflows caught by the hardware guards: each report says "stack
# overflow", names the stack and the thread, and ends the right party: the
# system for a kernel or interrupt stack (exit status 18), the user thread
# alone for its privileged stack.
set(_guards -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/stack_guard.conf)
set(_chk "FATAL ERROR 2: stack check failed")

breeze_test(stack_overflow_thread ARGS -DSCENARIO=stack_overflow_thread ${_guards} EXIT 18
  REGEX "stack overflow: kernel stack of thread 'deep'" "${_chk}"
        "thread 'deep' [(]0x[0-9a-f]+[)], priority -1, supervisor mode"
        "System halted [(]exit status 18[)]")

# The same inside a switch between two threads that both yielded: caught, blamed on
# the right thread, and nothing below the stack written. Cortex-M builds it for speed,
# where the switch writes a call frame below the stack pointer (arch/arm/core/switch.S),
# and where the yield's own frames are few enough for a switch to land on the limit.
set(_switch_speed)
if(BOARD_ARCH STREQUAL "arm")
  set(_switch_speed -DEXTRA_CONF_FILE=${CMAKE_CURRENT_SOURCE_DIR}/speed.conf)
endif()
breeze_test(stack_overflow_switch ARGS -DSCENARIO=stack_overflow_switch ${_guards} ${_switch_speed} EXIT 18
  REGEX "stack overflow: kernel stack of thread 'deep'" "${_chk}"
        "below the stack: intact [(]0 of 8 words changed[)]"
        "System halted [(]exit status 18[)]")

if(NOT BOARD STREQUAL "mps2_an505")
  breeze_test(stack_guard_write ARGS -DSCENARIO=stack_guard_write ${_guards} EXIT 18
    REGEX "stack overflow: kernel stack of thread 'stray'" "${_chk}" "${_store_refused}")
else()
  breeze_skip("stack_guard_write: stack limit registers stop the stack pointer, not a stray store, and leave no guard bytes to hit")
endif()

# ARMv7-M guards no interrupt stack (a fault on an overflowed main stack could
# not push its own frame); ARMv8-M bounds it with MSPLIM.
if(BOARD_ARCH STREQUAL "riscv" OR BOARD_CPU_FLAGS MATCHES "cortex-m33")
  breeze_test(stack_overflow_isr ARGS -DSCENARIO=stack_overflow_isr ${_guards} EXIT 18
    REGEX "stack overflow: interrupt stack" "${_chk}" "in interrupt context")
else()
  breeze_skip("scenario stack_overflow_isr: ARMv7-M has no guard for the interrupt stack")
endif()

breeze_test(stack_overflow_privileged ARGS -DSCENARIO=stack_overflow_privileged
                   -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/privileged_stack.conf
  REGEX "stack overflow: privileged stack of thread 'victim'" "${_chk}"
        "thread 'victim' [(]0x[0-9a-f]+[)], priority 5, user mode"
        "only this thread is aborted" "main continues after the victim's overflow"
        "a second user thread ran normally" "PROJECT EXECUTION SUCCESSFUL")

# The kernel's execute-only rule is the PMP's with Smepmp: Cortex-M privileged
# code keeps the default memory map, where RAM is executable.
if(BOARD_ARCH STREQUAL "riscv")
  breeze_test(machine_exec_ram ARGS -DSCENARIO=machine_exec_ram EXIT 16
    REGEX "(?s)calling (0x[0-9a-f]{8}).*mcause 1 [(]instruction access fault[)], mtval \\1"
          "FATAL ERROR 0: CPU exception")
else()
  breeze_skip("scenario machine_exec_ram: privileged Cortex-M code may execute RAM")
endif()

# The same for an interrupt routine run through irq_offload() (no interrupt
# controller needed), and for a user thread's own user stack: on ARMv8-M the
# stack limit register reports that too as a stack overflow, elsewhere the
# memory protection unit's fault is a CPU exception; the thread dies alone.
if(NOT BOARD STREQUAL "mps2_an385")
  breeze_test(stack_overflow_offload ARGS -DSCENARIO=stack_overflow_offload ${_guards}
                     -DEXTRA_CONF_FILE=${CMAKE_CURRENT_LIST_DIR}/irq_offload.conf EXIT 18
    REGEX "stack overflow: interrupt stack" "${_chk}" "in interrupt context"
          "System halted [(]exit status 18[)]")
else()
  breeze_skip("stack_overflow_offload: ARMv7-M does not guard the interrupt stack")
endif()

if(BOARD STREQUAL "mps2_an505")
  set(_user_overflow "stack overflow: user stack of thread 'climber'" "${_chk}")
else()
  set(_user_overflow "FATAL ERROR 0: CPU exception")
endif()
breeze_test(stack_overflow_user ARGS -DSCENARIO=stack_overflow_user
                   -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/user_mode.conf
  REGEX ${_user_overflow} "thread 'climber' [(]0x[0-9a-f]+[)], priority 5, user mode"
        "only this thread is aborted" "main continues after the climber's overflow"
        "a second user thread ran normally" "PROJECT EXECUTION SUCCESSFUL")
