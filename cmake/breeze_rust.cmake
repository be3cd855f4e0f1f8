# Rust applications (CONFIG_RUST): the application's src/lib.rs, exporting
# rust_main(), over the crate `zephyr` (lib/rust/zephyr), linked into the image
# as a static library. No cargo and no registry: rustc is driven from here.
#
#   1. the sysroot: core, compiler_builtins and alloc built from Debian's
#      rust-web-src once per sysroot folder (scripts/build_rust_sysroot.py),
#      at configure time; BREEZE_RUST_SYSROOT lets several images share one;
#   2. the raw bindings: bindgen over lib/rust/wrapper.h with the image's
#      configuration, and the Rust wrapper of every system call
#      (scripts/gen_rust_syscalls.py);
#   3. the configuration constants Rust needs as literals
#      (lib/rust/rust_consts.c through scripts/gen_rust_consts.py);
#   4. the crate `zephyr` (an rlib), then the application (a staticlib).
#
include(${CMAKE_CURRENT_LIST_DIR}/breeze_rust_sources.cmake)
set(BREEZE_BINDGEN bindgen CACHE FILEPATH "bindgen")
set(BREEZE_RUST_SYSROOT ${CMAKE_BINARY_DIR}/rust-sysroot CACHE PATH "Where the Rust sysroot is built")
if(NOT EXISTS ${BREEZE_RUSTC})
  message(FATAL_ERROR "CONFIG_RUST needs ${BREEZE_RUSTC}: run scripts/setup.sh "
                      "(or: sudo apt-get install rustc-web rust-web-src bindgen)")
endif()
if(NOT EXISTS ${BREEZE_RUST_LIBRARY_SRC}/core/src/lib.rs)
  message(FATAL_ERROR "No Rust library sources at ${BREEZE_RUST_LIBRARY_SRC}: "
                      "sudo apt-get install rust-web-src")
endif()

breeze_rust_sysroot_command(_sysroot_cmd ${BREEZE_PYTHON} ${BREEZE_RUST_TARGET}
                            ${BREEZE_RUST_SYSROOT})
execute_process(COMMAND ${_sysroot_cmd} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "Building the Rust sysroot failed")
endif()

set(_rust ${CMAKE_BINARY_DIR}/rust)
file(MAKE_DIRECTORY ${_rust})

# main() and the inline calls' shims: the application's C part.
target_sources(app PRIVATE ${BREEZE_BASE}/lib/rust/rust_shim.c)
target_include_directories(app PRIVATE ${BREEZE_BASE}/lib/rust)

# Every system call's Rust wrapper, as the C ones are generated (zephyr::raw).
set(_syscalls_rs ${_rust}/syscalls.rs)
add_custom_command(OUTPUT ${_syscalls_rs}
  COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/gen_rust_syscalls.py
          ${BREEZE_BASE}/kernel/syscalls.def ${AUTOCONF_H} ${_syscalls_rs}
  DEPENDS ${BREEZE_BASE}/kernel/syscalls.def ${BREEZE_BASE}/scripts/gen_rust_syscalls.py
          ${BREEZE_BASE}/scripts/gen_syscalls.py ${AUTOCONF_H}
  COMMENT "Generating the Rust system call wrappers")

# The C library's headers, for bindgen (clang cannot read GCC's specs file).
execute_process(
  COMMAND ${CMAKE_C_COMPILER} ${BREEZE_ARCH_FLAGS} --specs=picolibc.specs -E -v -x c /dev/null
  ERROR_VARIABLE _gcc_v OUTPUT_QUIET)
string(REGEX MATCH "search starts here:\n(.*)\nEnd of search list" _dirs "${_gcc_v}")
string(REGEX MATCHALL "[^ \n]+" _dirs "${CMAKE_MATCH_1}")
set(_libc_includes)
foreach(_d ${_dirs})
  if(_d MATCHES "picolibc")
    list(APPEND _libc_includes -isystem ${_d})
  endif()
endforeach()
execute_process(COMMAND clang -print-resource-dir OUTPUT_VARIABLE _clang_res
                OUTPUT_STRIP_TRAILING_WHITESPACE)

set(_bindings ${_rust}/bindings.rs)
file(GLOB_RECURSE _headers ${BREEZE_BASE}/include/*.h)
add_custom_command(OUTPUT ${_bindings}
  COMMAND ${BREEZE_BINDGEN} ${BREEZE_BASE}/lib/rust/wrapper.h -o ${_bindings}
          --use-core --ctypes-prefix core::ffi --no-layout-tests --no-doc-comments --size_t-is-usize
          --allowlist-function "k_.*|z_impl_.*|rs_.*|printk|sys_exit|sys_poweroff"
          --allowlist-type "k_.*|z_.*|_k_.*"
          --allowlist-var "CONFIG_.*|K_.*|E[A-Z]+" --blocklist-function rs_panic
          -- ${BREEZE_CLANG_TARGET_FLAGS} -nostdinc ${_libc_includes}
          -isystem ${_clang_res}/include
          -I${BREEZE_BASE}/include -I${BREEZE_GENERATED} -I${BREEZE_BASE}/lib/rust
          -imacros ${BREEZE_BASE}/include/breeze/toolchain/zephyr_stdint.h -include ${AUTOCONF_H}
  DEPENDS ${BREEZE_BASE}/lib/rust/wrapper.h ${BREEZE_BASE}/lib/rust/rust_shim.h ${_headers}
          ${AUTOCONF_H}
  COMMENT "Generating the Rust bindings" VERBATIM)

set(_consts ${_rust}/consts.rs)
add_custom_command(OUTPUT ${_consts}
  COMMAND ${CMAKE_C_COMPILER} ${BREEZE_ARCH_FLAGS} --specs=picolibc.specs
          -imacros ${BREEZE_BASE}/include/breeze/toolchain/zephyr_stdint.h -include ${AUTOCONF_H}
          -I${BREEZE_BASE}/include -I${BREEZE_GENERATED}
          -S ${BREEZE_BASE}/lib/rust/rust_consts.c -o ${_rust}/rust_consts.s
  COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/gen_rust_consts.py ${_rust}/rust_consts.s ${_consts}
  DEPENDS ${BREEZE_BASE}/lib/rust/rust_consts.c ${_headers} ${AUTOCONF_H}
          ${BREEZE_BASE}/scripts/gen_rust_consts.py
  COMMENT "Generating the Rust configuration constants")

# Every boolean option that is on becomes a cfg (#[cfg(CONFIG_USERSPACE)]).
file(STRINGS ${DOTCONFIG} _on REGEX "^CONFIG_[A-Za-z0-9_]+=y$")
set(_cfgs)
foreach(_line ${_on})
  string(REGEX REPLACE "=y$" "" _sym ${_line})
  list(APPEND _cfgs --cfg ${_sym})
endforeach()

# The optimisation level follows the C code's (CONFIG_*_OPTIMIZATIONS).
if(CONFIG_SPEED_OPTIMIZATIONS)
  set(_rust_opt 2)
elseif(CONFIG_DEBUG_OPTIMIZATIONS)
  set(_rust_opt 1)
else()
  set(_rust_opt s)
endif()
set(BREEZE_RUST_FLAGS --edition 2021 --target ${BREEZE_RUST_TARGET} --sysroot ${BREEZE_RUST_SYSROOT}
    -C opt-level=${_rust_opt} -C panic=abort -C debuginfo=2 -C overflow-checks=on
    ${BREEZE_RUST_TARGET_FLAGS} ${_cfgs})
file(GLOB_RECURSE _zephyr_srcs ${BREEZE_BASE}/lib/rust/zephyr/src/*.rs)
set(_zephyr_rlib ${_rust}/libzephyr.rlib)
add_custom_command(OUTPUT ${_zephyr_rlib}
  COMMAND ${CMAKE_COMMAND} -E env BREEZE_RUST_BINDINGS=${_bindings} BREEZE_RUST_CONSTS=${_consts}
          BREEZE_RUST_SYSCALLS=${_syscalls_rs}
          ${BREEZE_RUSTC} ${BREEZE_RUST_FLAGS} --crate-type rlib --crate-name zephyr
          ${BREEZE_BASE}/lib/rust/zephyr/src/lib.rs -o ${_zephyr_rlib}
  DEPENDS ${_zephyr_srcs} ${_bindings} ${_consts} ${_syscalls_rs}
  COMMENT "Building the Rust crate zephyr")

set(BREEZE_RUST_APP_DIR ${CMAKE_SOURCE_DIR} CACHE PATH "Folder of the Rust application's src/lib.rs")
file(GLOB_RECURSE _app_srcs ${BREEZE_RUST_APP_DIR}/src/*.rs)
set(_app_lib ${_rust}/librustapp.a)
add_custom_command(OUTPUT ${_app_lib}
  COMMAND ${BREEZE_RUSTC} ${BREEZE_RUST_FLAGS} --crate-type staticlib --crate-name rustapp
          --extern zephyr=${_zephyr_rlib} -L ${_rust}
          ${BREEZE_RUST_APP_DIR}/src/lib.rs -o ${_app_lib}
  DEPENDS ${_app_srcs} ${_zephyr_rlib}
  COMMENT "Building the Rust application")
add_custom_target(rust_app DEPENDS ${_app_lib})
# How this image compiles a crate over zephyr, one argument a line: for the
# compile-fail checks (scripts/rust_compile_fail.py).
string(REPLACE ";" "\n" _args "${BREEZE_RUSTC};${BREEZE_RUST_FLAGS};--extern;zephyr=${_zephyr_rlib};-L;${_rust}")
file(WRITE ${_rust}/rustc_args.txt "${_args}\n")
add_dependencies(breeze.elf rust_app)
# Its application memory partitions (zephyr::app_partition!) are laid out with the C ones.
set_property(GLOBAL APPEND PROPERTY BREEZE_IMAGE_EXTRA_OBJECTS ${_app_lib})
target_link_libraries(breeze.elf PRIVATE ${_app_lib})
set_property(TARGET breeze.elf APPEND PROPERTY LINK_DEPENDS ${_app_lib})
