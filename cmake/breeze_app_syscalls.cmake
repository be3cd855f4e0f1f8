# Application-defined system calls. An application declares __syscall
# functions in its own headers, as the kernel does, and writes z_impl_ and
# z_vrfy_ for each; scripts/gen_syscalls.py gives them IDs after the kernel's
# and generates their wrappers and marshallers (see the script).
#
# Scanned: every header under the application's folder (the build folder
# excepted) that mentions __syscall, the headers named with
# zephyr_syscall_header(), and those under the folders named with
# zephyr_syscall_include_directories(). The scan runs once the application's
# CMakeLists.txt is done, from breeze_image_finalize().

function(zephyr_syscall_header)
  foreach(_h ${ARGN})
    get_filename_component(_abs ${_h} ABSOLUTE)
    set_property(GLOBAL APPEND PROPERTY BREEZE_APP_SYSCALL_HEADERS ${_abs})
  endforeach()
endfunction()

function(zephyr_syscall_header_ifdef feature)
  if(${feature})
    zephyr_syscall_header(${ARGN})
  endif()
endfunction()

function(zephyr_syscall_include_directories)
  foreach(_d ${ARGN})
    get_filename_component(_abs ${_d} ABSOLUTE)
    set_property(GLOBAL APPEND PROPERTY BREEZE_APP_SYSCALL_DIRS ${_abs})
  endforeach()
endfunction()

function(breeze_app_syscalls_generate)
  get_property(_headers GLOBAL PROPERTY BREEZE_APP_SYSCALL_HEADERS)
  get_property(_dirs GLOBAL PROPERTY BREEZE_APP_SYSCALL_DIRS)
  foreach(_d ${CMAKE_SOURCE_DIR} ${_dirs})
    file(GLOB_RECURSE _found LIST_DIRECTORIES false CONFIGURE_DEPENDS ${_d}/*.h)
    foreach(_h ${_found})
      string(FIND "${_h}" "${CMAKE_BINARY_DIR}/" _in_build)
      if(NOT _in_build EQUAL 0)
        file(STRINGS ${_h} _decl REGEX "__syscall")
        if(_decl)
          list(APPEND _headers ${_h})
        endif()
      endif()
    endforeach()
  endforeach()
  if(NOT _headers)
    return()
  endif()
  list(REMOVE_DUPLICATES _headers)
  set(_args)
  foreach(_h ${_headers})
    list(APPEND _args --app-header ${_h})
  endforeach()
  execute_process(
    COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/gen_syscalls.py
            ${BREEZE_BASE}/kernel/syscalls.def ${BREEZE_GENERATED} --config ${AUTOCONF_H} ${_args}
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "gen_syscalls.py failed on the application's system calls")
  endif()
  if(CONFIG_TRACING)
    breeze_tracing_metadata() # the trace names the application's calls too
  endif()
  set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_headers})
  # Verifiers need the kernel's checks (<syscall_handler.h> and what it uses).
  target_include_directories(breeze_app_interface INTERFACE
    ${BREEZE_BASE}/kernel/include ${BREEZE_BASE}/arch/${BOARD_ARCH}/include)
endfunction()
