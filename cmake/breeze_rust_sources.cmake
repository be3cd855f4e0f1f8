# rustc and the Rust library sources a sysroot is built from (Debian's
# rustc-web and rust-web-src), and the command that builds one. The Rust
# image build (breeze_rust.cmake) and the tests' per-board sysroot targets
# (tests/CMakeLists.txt) both take them from here, so that they ask
# scripts/build_rust_sysroot.py for the same sysroot and the image finds it
# up to date.
#
# rustc is /usr/bin/rustc (Debian's rustc-web): a rustup toolchain first on
# PATH has neither the bare-metal target nor the library sources.
set(BREEZE_RUSTC /usr/bin/rustc CACHE FILEPATH "rustc with rust-web-src (Debian rustc-web)")
if(EXISTS ${BREEZE_RUSTC})
  execute_process(COMMAND ${BREEZE_RUSTC} --version OUTPUT_VARIABLE _rustc_version)
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" _rustc_version "${_rustc_version}")
  set(BREEZE_RUST_LIBRARY_SRC /usr/src/rustc-${_rustc_version}/library CACHE PATH
      "The Rust library sources (rust-web-src)")
endif()

# In @out, the command that builds (or finds up to date) in @dir the sysroot
# for rustc's @target, run by @python.
function(breeze_rust_sysroot_command out python target dir)
  set(${out} ${python} ${BREEZE_BASE}/scripts/build_rust_sysroot.py --rustc ${BREEZE_RUSTC}
      --src ${BREEZE_RUST_LIBRARY_SRC} --target ${target} ${dir} PARENT_SCOPE)
endfunction()
