# Targets of a Breeze image: the common compile settings (breeze_interface,
# and breeze_strict for Breeze's own code), the kernel, arch, driver and
# library object libraries, the application's 'app' library and the final
# breeze.elf, plus run, debugserver and menuconfig.
#
# Flags a target may want to override (optimisation, warnings) go in
# CMAKE_C_FLAGS, which come first on the command line, so that an
# application's target_compile_options() come after them and take effect.
# Breeze's own code adds -Wall -Wextra -Werror; an application gets Zephyr's
# usual warnings, as errors only with CONFIG_COMPILER_WARNINGS_AS_ERRORS.

if(CONFIG_SPEED_OPTIMIZATIONS)
  set(_opt -O2)
elseif(CONFIG_DEBUG_OPTIMIZATIONS)
  set(_opt -Og)
else()
  set(_opt -Os)
endif()
set(_warnings -Wall -Wformat -Wformat-security -Wno-format-zero-length -Wno-pointer-sign
              -Wpointer-arith -Wno-unused-but-set-variable -Werror=implicit-int)
if(CONFIG_COMPILER_WARNINGS_AS_ERRORS)
  list(APPEND _warnings -Werror)
endif()
# A suite that tests deprecated calls on purpose says so (Zephyr's meaning).
if(CONFIG_DEPRECATION_TEST)
  list(APPEND _warnings -Wno-deprecated-declarations)
endif()
string(JOIN " " _c_flags ${_opt} ${_warnings})
string(APPEND CMAKE_C_FLAGS " ${_c_flags}")
string(APPEND CMAKE_CXX_FLAGS " ${_c_flags}")

add_library(breeze_interface INTERFACE)
target_include_directories(breeze_interface INTERFACE
  ${BREEZE_BASE}/include ${BREEZE_GENERATED})
# zephyr_stdint.h (before anything else): uint32_t is an unsigned int, as with
# Zephyr's toolchains, so that "%u" matches it.
target_compile_options(breeze_interface INTERFACE
  -imacros ${BREEZE_BASE}/include/breeze/toolchain/zephyr_stdint.h
  -include ${AUTOCONF_H}
  $<$<COMPILE_LANGUAGE:C>:-std=gnu11>
  -ffunction-sections -fdata-sections -fno-common
  $<$<COMPILE_LANGUAGE:ASM>:-D_ASMLANGUAGE>)
# Debug information, unless BREEZE_DEBUG_INFO is off (the test images: it
# costs a sixth of each compilation). User mode needs it whatever the setting,
# as the kernel object table is read from it (scripts/gen_kobject_table.py):
# with the setting off, only what the table reads, the types and the places of
# static variables, without tracking where local values live (that tracking is
# a sixth of a compilation, and nearly a third of the text the reader parses).
option(BREEZE_DEBUG_INFO "Compile with debug information (-g)" ON)
if(BREEZE_DEBUG_INFO)
  target_compile_options(breeze_interface INTERFACE -g)
elseif(CONFIG_USERSPACE)
  target_compile_options(breeze_interface INTERFACE -g -fno-var-tracking
                         -fno-var-tracking-assignments)
endif()
if(CONFIG_STACK_CANARIES)
  target_compile_options(breeze_interface INTERFACE -fstack-protector-strong
                         ${BREEZE_STACK_PROTECTOR_FLAGS})
endif()
# picolibc's printf variant: picolibc.specs maps vfprintf to it when the switch is on the link
# line. The float variant's switch stays off the compile line, where it would turn -Wformat off.
if(CONFIG_PICOLIBC_INTEGER_PRINTF)
  set(PICOLIBC_PRINTF_SWITCH -DPICOLIBC_INTEGER_PRINTF_SCANF)
elseif(CONFIG_PICOLIBC_LONG_LONG_PRINTF)
  set(PICOLIBC_PRINTF_SWITCH -DPICOLIBC_FLOAT_PRINTF_SCANF)
endif()

# System call glue, generated from the one list (kernel/syscalls.def) for this
# configuration: a call whose option is off gets no ID, wrapper or table slot.
execute_process(
  COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/gen_syscalls.py
          ${BREEZE_BASE}/kernel/syscalls.def ${BREEZE_GENERATED} --config ${AUTOCONF_H}
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "gen_syscalls.py failed")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${BREEZE_BASE}/kernel/syscalls.def ${BREEZE_BASE}/scripts/gen_syscalls.py)

# The devicetree: devicetree_generated.h, before anything compiles.
include(breeze_dts)

# Breeze's own code (kernel, arch, drivers, libraries): strict warnings.
add_library(breeze_strict INTERFACE)
target_compile_options(breeze_strict INTERFACE -Wall -Wextra -Werror)
target_link_libraries(breeze_strict INTERFACE breeze_interface)

# Kernel-internal headers: only kernel, arch and driver code sees them.
add_library(breeze_internal INTERFACE)
target_include_directories(breeze_internal INTERFACE
  ${BREEZE_BASE}/kernel/include ${BREEZE_BASE}/arch/${BOARD_ARCH}/include)
target_link_libraries(breeze_internal INTERFACE breeze_strict)

add_subdirectory(${BREEZE_BASE}/kernel ${CMAKE_BINARY_DIR}/breeze/kernel)
add_subdirectory(${BREEZE_BASE}/arch/${BOARD_ARCH} ${CMAKE_BINARY_DIR}/breeze/arch)
add_subdirectory(${BREEZE_BASE}/drivers ${CMAKE_BINARY_DIR}/breeze/drivers)
add_subdirectory(${BREEZE_BASE}/lib ${CMAKE_BINARY_DIR}/breeze/lib)

# What the application's code, and its libraries (zephyr_library()), build with.
add_library(breeze_app_interface INTERFACE)
target_link_libraries(breeze_app_interface INTERFACE breeze_interface)
# Headers Zephyr keeps among its kernel's own that Zephyr code includes by bare name (<wait_q.h>).
target_include_directories(breeze_app_interface INTERFACE ${BREEZE_BASE}/include/zephyr_internal)

add_library(app OBJECT)
target_link_libraries(app PUBLIC breeze_app_interface)

# The object libraries of the image; an application's own (zephyr_library())
# join them with breeze_image_library() while its CMakeLists.txt runs.
set_property(GLOBAL PROPERTY BREEZE_IMAGE_LIBS app breeze_kernel breeze_arch breeze_drivers
                                              ${BREEZE_LIBS})
function(breeze_image_library name)
  set_property(GLOBAL APPEND PROPERTY BREEZE_IMAGE_LIBS ${name})
endfunction()
include(breeze_zephyr)
include(breeze_app_syscalls)

# The board's linker script goes through the C preprocessor first (macros and
# CONFIG_* values may appear in it).
set(LINKER_CMD ${CMAKE_BINARY_DIR}/linker.cmd)
add_custom_command(OUTPUT ${LINKER_CMD}
  COMMAND ${CMAKE_C_COMPILER} -E -P -x c -include ${AUTOCONF_H}
          -I${BREEZE_BASE}/include -I${BREEZE_GENERATED} ${BOARD_LINKER_SCRIPT} -o ${LINKER_CMD}
  DEPENDS ${BOARD_LINKER_SCRIPT} ${AUTOCONF_H} ${DEVICETREE_GENERATED_H}
  COMMENT "Preprocessing linker script")
add_custom_target(linker_script DEPENDS ${LINKER_CMD})

add_executable(breeze.elf)
add_dependencies(breeze.elf linker_script)
set_target_properties(breeze.elf PROPERTIES LINKER_LANGUAGE C)
target_link_options(breeze.elf PRIVATE
  -nostartfiles -T ${LINKER_CMD} -L${CMAKE_BINARY_DIR}
  -Wl,--gc-sections -Wl,-Map=${CMAKE_BINARY_DIR}/breeze.map -Wl,--no-warn-rwx-segments
  ${PICOLIBC_PRINTF_SWITCH})
set(APP_SMEM_FRAGMENTS ${CMAKE_BINARY_DIR}/app_smem.ld ${CMAKE_BINARY_DIR}/app_smem_symbols.ld
                       ${CMAKE_BINARY_DIR}/app_smem_bss_table.ld)

# Once the application's CMakeLists.txt has run (it may add libraries): the
# application memory partitions, laid out from the compiled objects before
# the one final link, and that link.
function(breeze_image_finalize)
  breeze_app_syscalls_generate()
  get_property(_libs GLOBAL PROPERTY BREEZE_IMAGE_LIBS)
  set(_objs)
  foreach(_lib ${_libs})
    list(APPEND _objs $<TARGET_OBJECTS:${_lib}>)
  endforeach()
  # Archives built outside CMake's C rules (a Rust application) hold partitions too.
  get_property(_extra GLOBAL PROPERTY BREEZE_IMAGE_EXTRA_OBJECTS)
  list(APPEND _objs ${_extra})
  file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/app_smem_objects.txt CONTENT "${_objs}")
  add_custom_command(OUTPUT ${APP_SMEM_FRAGMENTS}
    COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/gen_app_smem.py
            --objects ${CMAKE_BINARY_DIR}/app_smem_objects.txt
            $<$<OR:$<BOOL:${CONFIG_PMP_POWER_OF_TWO_ALIGNMENT}>,$<BOOL:${CONFIG_MPU_REQUIRES_POWER_OF_TWO_ALIGNMENT}>>:--pow2>
            --granule ${BOARD_PARTITION_GRANULE}
            ${CMAKE_BINARY_DIR}
    DEPENDS ${_objs} ${BREEZE_BASE}/scripts/gen_app_smem.py
    COMMENT "Laying out application memory partitions")
  add_custom_target(app_smem DEPENDS ${APP_SMEM_FRAGMENTS})
  add_dependencies(breeze.elf app_smem)
  # The static libraries come after every object: each provides a symbol the
  # objects may leave undefined (the fatal error handler), taken from the first
  # library that has it only when no object defines it.
  target_link_libraries(breeze.elf PRIVATE ${_libs} ${BREEZE_HANDLER_LIBS} breeze_fatal_policy)
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL breeze_image_finalize)
set_property(TARGET breeze.elf APPEND PROPERTY LINK_DEPENDS ${LINKER_CMD} ${APP_SMEM_FRAGMENTS})
# With user mode: list the kernel object variables in the section the link
# reserved for them (scripts/gen_kobject_table.py), before anything reads the image.
if(CONFIG_USERSPACE)
  add_custom_command(TARGET breeze.elf POST_BUILD
    COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/gen_kobject_table.py
            --readelf ${CMAKE_READELF} --objcopy ${CMAKE_OBJCOPY}
            $<TARGET_FILE:breeze.elf>)
endif()
# RISC-V built for speed: each nonblocking system call's exit, from what its
# handler can write (scripts/syscall_exits.py), in place like the table above.
if(CONFIG_USERSPACE AND CONFIG_SPEED_OPTIMIZATIONS AND CONFIG_RISCV)
  add_custom_command(TARGET breeze.elf POST_BUILD
    COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/syscall_exits.py
            --objdump ${CMAKE_OBJDUMP} --readelf ${CMAKE_READELF}
            $<TARGET_FILE:breeze.elf>)
  set_property(TARGET breeze.elf APPEND PROPERTY LINK_DEPENDS
               ${BREEZE_BASE}/scripts/syscall_exits.py ${BREEZE_BASE}/scripts/elf_read.py)
endif()
add_custom_command(TARGET breeze.elf POST_BUILD
  COMMAND ${CMAKE_SIZE} $<TARGET_FILE:breeze.elf>)

# The QEMU command line, one argument per line, for scripts/run_image.py.
# With SMP the machine gets CONFIG_MP_MAX_NUM_CPUS harts.
set(_qemu_smp)
if(CONFIG_SMP)
  set(_qemu_smp -smp ${CONFIG_MP_MAX_NUM_CPUS})
endif()
set(_qemu_trace)
# Tracing writes its streams through semihosting (lib/tracing/trace_semihost.c).
if(CONFIG_TRACING AND NOT "-semihosting-config" IN_LIST BOARD_QEMU_FLAGS)
  set(_qemu_trace -semihosting-config enable=on,target=native)
endif()
set(QEMU_CMD ${BOARD_QEMU} ${BOARD_QEMU_FLAGS} ${_qemu_smp} ${_qemu_trace} -kernel ${CMAKE_BINARY_DIR}/breeze.elf)
# An image with the shell waits for a person: its idle time must pass as real
# time. With sleep=off QEMU jumps idle time to the next timer, and a hart that
# waits with no timer armed (RISC-V's tickless timer) is never woken by the
# UART's interrupt. -icount stays: instructions still set the time while busy.
if(CONFIG_SHELL)
  string(REPLACE "sleep=off" "sleep=on" QEMU_CMD "${QEMU_CMD}")
endif()
string(REPLACE ";" "\n" _qemu_lines "${QEMU_CMD}")
file(WRITE ${CMAKE_BINARY_DIR}/qemu.cmd "${_qemu_lines}\n")

# Through qemu_run.py: QEMU ends with the ninja that started it (a timeout, a kill).
set(QEMU_RUN ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/qemu_run.py ${CMAKE_BINARY_DIR}/qemu.cmd)
add_custom_target(run
  COMMAND ${QEMU_RUN}
  DEPENDS breeze.elf USES_TERMINAL)
add_custom_target(debugserver
  COMMAND ${CMAKE_COMMAND} -E echo
          "Waiting for GDB: gdb-multiarch ${CMAKE_BINARY_DIR}/breeze.elf -ex 'target remote :1234'"
  COMMAND ${QEMU_RUN} -s -S
  DEPENDS breeze.elf USES_TERMINAL)
add_custom_target(menuconfig
  COMMAND ${CMAKE_COMMAND} -E env srctree=${BREEZE_BASE} ZEPHYR_BASE=${BREEZE_BASE}
          KCONFIG_CONFIG=${DOTCONFIG} ${BREEZE_PYTHON} -m menuconfig ${KCONFIG_ROOT}
  WORKING_DIRECTORY ${BREEZE_BASE} USES_TERMINAL)

# A Rust application (CONFIG_RUST): its crate and the crate zephyr.
if(CONFIG_RUST)
  include(breeze_rust)
endif()

# BREEZE_UNITY_BUILD (the test images): each of Breeze's libraries compiles as
# one translation unit. Hundreds of test images, each with its own
# configuration, build the same sixty-odd files: one compilation per library
# spends far fewer processes and header parses. It requires static names
# unique across the files of a library (docs/design.md#build); a driver's
# DT_DRV_COMPAT ends with its file.
if(BREEZE_UNITY_BUILD)
  get_property(_libs GLOBAL PROPERTY BREEZE_IMAGE_LIBS)
  list(REMOVE_ITEM _libs app)
  set_target_properties(${_libs} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 0
                        UNITY_BUILD_CODE_AFTER_INCLUDE "#undef DT_DRV_COMPAT")
endif()
