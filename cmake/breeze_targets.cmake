# Targets of a Breeze image: the common compile settings (breeze_interface), the
# kernel, arch, driver and library object libraries, the application's 'app'
# library and the final breeze.elf, plus run, debugserver and menuconfig.

add_library(breeze_interface INTERFACE)
target_include_directories(breeze_interface INTERFACE
  ${BREEZE_BASE}/include ${BREEZE_GENERATED})
target_compile_options(breeze_interface INTERFACE
  -include ${AUTOCONF_H}
  -std=gnu11 -g -Wall -Wextra -Werror
  -ffunction-sections -fdata-sections -fno-common
  $<$<COMPILE_LANGUAGE:ASM>:-D_ASMLANGUAGE>)
if(CONFIG_SPEED_OPTIMIZATIONS)
  target_compile_options(breeze_interface INTERFACE -O2)
elseif(CONFIG_DEBUG_OPTIMIZATIONS)
  target_compile_options(breeze_interface INTERFACE -Og)
else()
  target_compile_options(breeze_interface INTERFACE -Os)
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

# System call glue, generated from the one list (kernel/syscalls.def).
execute_process(
  COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/gen_syscalls.py
          ${BREEZE_BASE}/kernel/syscalls.def ${BREEZE_GENERATED}
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "gen_syscalls.py failed")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${BREEZE_BASE}/kernel/syscalls.def ${BREEZE_BASE}/scripts/gen_syscalls.py)

# Kernel-internal headers: only kernel, arch and driver code sees them.
add_library(breeze_internal INTERFACE)
target_include_directories(breeze_internal INTERFACE
  ${BREEZE_BASE}/kernel/include ${BREEZE_BASE}/arch/${BOARD_ARCH}/include)
target_link_libraries(breeze_internal INTERFACE breeze_interface)

add_subdirectory(${BREEZE_BASE}/kernel ${CMAKE_BINARY_DIR}/breeze/kernel)
add_subdirectory(${BREEZE_BASE}/arch/${BOARD_ARCH} ${CMAKE_BINARY_DIR}/breeze/arch)
add_subdirectory(${BREEZE_BASE}/drivers ${CMAKE_BINARY_DIR}/breeze/drivers)
add_subdirectory(${BREEZE_BASE}/lib ${CMAKE_BINARY_DIR}/breeze/lib)

add_library(app OBJECT)
target_link_libraries(app PUBLIC breeze_interface)

# The board's linker script goes through the C preprocessor first (macros and
# CONFIG_* values may appear in it).
set(LINKER_CMD ${CMAKE_BINARY_DIR}/linker.cmd)
add_custom_command(OUTPUT ${LINKER_CMD}
  COMMAND ${CMAKE_C_COMPILER} -E -P -x c -include ${AUTOCONF_H}
          -I${BREEZE_BASE}/include ${BOARD_LINKER_SCRIPT} -o ${LINKER_CMD}
  DEPENDS ${BOARD_LINKER_SCRIPT} ${AUTOCONF_H}
  COMMENT "Preprocessing linker script")
add_custom_target(linker_script DEPENDS ${LINKER_CMD})

# Application memory partitions: laid out from the compiled objects, before the
# one final link.
set(BREEZE_OBJECT_LIBS app breeze_kernel breeze_arch breeze_drivers ${BREEZE_LIBS})
set(APP_SMEM_FRAGMENTS ${CMAKE_BINARY_DIR}/app_smem.ld ${CMAKE_BINARY_DIR}/app_smem_symbols.ld
                       ${CMAKE_BINARY_DIR}/app_smem_bss_table.ld)
set(_objs)
foreach(_lib ${BREEZE_OBJECT_LIBS})
  list(APPEND _objs $<TARGET_OBJECTS:${_lib}>)
endforeach()
file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/app_smem_objects.txt CONTENT "${_objs}")
add_custom_command(OUTPUT ${APP_SMEM_FRAGMENTS}
  COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/gen_app_smem.py
          --readelf ${CMAKE_READELF} --objects ${CMAKE_BINARY_DIR}/app_smem_objects.txt
          ${CMAKE_BINARY_DIR}
  DEPENDS ${_objs} ${BREEZE_BASE}/scripts/gen_app_smem.py
  COMMENT "Laying out application memory partitions")
add_custom_target(app_smem DEPENDS ${APP_SMEM_FRAGMENTS})

add_executable(breeze.elf)
add_dependencies(breeze.elf linker_script app_smem)
set_target_properties(breeze.elf PROPERTIES LINKER_LANGUAGE C)
target_link_libraries(breeze.elf PRIVATE ${BREEZE_OBJECT_LIBS})
target_link_options(breeze.elf PRIVATE
  -nostartfiles -T ${LINKER_CMD} -L${CMAKE_BINARY_DIR}
  -Wl,--gc-sections -Wl,-Map=${CMAKE_BINARY_DIR}/breeze.map -Wl,--no-warn-rwx-segments
  ${PICOLIBC_PRINTF_SWITCH})
set_property(TARGET breeze.elf APPEND PROPERTY LINK_DEPENDS ${LINKER_CMD} ${APP_SMEM_FRAGMENTS})
add_custom_command(TARGET breeze.elf POST_BUILD
  COMMAND ${CMAKE_SIZE} $<TARGET_FILE:breeze.elf>)

# The QEMU command line, one argument per line, for scripts/run_image.py.
set(QEMU_CMD ${BOARD_QEMU} ${BOARD_QEMU_FLAGS} -kernel ${CMAKE_BINARY_DIR}/breeze.elf)
string(REPLACE ";" "\n" _qemu_lines "${QEMU_CMD}")
file(WRITE ${CMAKE_BINARY_DIR}/qemu.cmd "${_qemu_lines}\n")

add_custom_target(run
  COMMAND ${QEMU_CMD}
  DEPENDS breeze.elf USES_TERMINAL)
add_custom_target(debugserver
  COMMAND ${CMAKE_COMMAND} -E echo
          "Waiting for GDB: gdb-multiarch ${CMAKE_BINARY_DIR}/breeze.elf -ex 'target remote :1234'"
  COMMAND ${QEMU_CMD} -s -S
  DEPENDS breeze.elf USES_TERMINAL)
add_custom_target(menuconfig
  COMMAND ${CMAKE_COMMAND} -E env srctree=${BREEZE_BASE} KCONFIG_CONFIG=${DOTCONFIG}
          ${BREEZE_PYTHON} -m menuconfig ${BREEZE_BASE}/Kconfig
  WORKING_DIRECTORY ${BREEZE_BASE} USES_TERMINAL)
