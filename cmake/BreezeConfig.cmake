# Breeze application boilerplate. An application's CMakeLists.txt does
#
#   cmake_minimum_required(VERSION 3.20)
#   find_package(Breeze REQUIRED HINTS $ENV{BREEZE_BASE})
#   project(my_app LANGUAGES C)
#   target_sources(app PRIVATE src/main.c)
#
# find_package(Breeze) must come before project(): it selects the board and its
# cross toolchain, runs Kconfig, then declares the kernel libraries, the 'app'
# library and the final image with its run/debugserver/menuconfig targets.
get_filename_component(BREEZE_BASE ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
list(APPEND CMAKE_MODULE_PATH ${BREEZE_BASE}/cmake)

if(NOT BOARD)
  if(DEFINED ENV{BOARD})
    set(BOARD $ENV{BOARD})
  else()
    set(BOARD qemu_riscv32)
  endif()
endif()
set(BOARD ${BOARD} CACHE STRING "Board to build for" FORCE)
set(BOARD_DIR ${BREEZE_BASE}/boards/${BOARD})
if(NOT EXISTS ${BOARD_DIR}/board.cmake)
  file(GLOB _boards RELATIVE ${BREEZE_BASE}/boards ${BREEZE_BASE}/boards/*)
  message(FATAL_ERROR "Unknown board '${BOARD}'. Boards: ${_boards}")
endif()
# The grain of a memory partition's start and size (the port's ARCH_MEM_PARTITION_ALIGN).
set(BOARD_PARTITION_GRANULE 4)
include(${BOARD_DIR}/board.cmake)
set(CMAKE_TOOLCHAIN_FILE ${BREEZE_BASE}/cmake/toolchain/${BOARD_TOOLCHAIN}.cmake)

include(breeze_kconfig)
project(Breeze LANGUAGES C ASM)
# A static library in two small steps (the hundreds of test images each make
# a few): rm, not the "cmake -E rm" Ninja's default rule starts (a tenth of a
# second each), and ar, whose s writes the index, so no ranlib run.
set(CMAKE_C_CREATE_STATIC_LIBRARY "rm -f <TARGET>" "<CMAKE_AR> qcs <TARGET> <LINK_FLAGS> <OBJECTS>")
include(breeze_targets)
