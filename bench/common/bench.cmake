# Included by every benchmark's CMakeLists.txt before find_package(Breeze).
#
# A benchmark's Kconfig fragment for one board, boards/<BOARD>.conf beside its
# prj.conf (Zephyr's convention), is added to its configuration: the settings
# that exist on one architecture only (the PMP layout of RISC-V) live there,
# so that prj.conf builds for every board. BOARD as BreezeConfig.cmake picks
# it: the cache, then the environment, then the default board.
set(_bench_board ${BOARD})
if(NOT _bench_board)
  set(_bench_board $ENV{BOARD})
endif()
if(NOT _bench_board)
  set(_bench_board qemu_riscv32)
endif()
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/boards/${_bench_board}.conf)
  list(APPEND OVERLAY_CONFIG ${CMAKE_CURRENT_SOURCE_DIR}/boards/${_bench_board}.conf)
endif()
