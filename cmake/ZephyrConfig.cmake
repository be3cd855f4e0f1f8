# The "Zephyr" CMake package, beside Breeze's: an unmodified Zephyr application
#
#   cmake_minimum_required(VERSION 3.20)
#   find_package(Zephyr REQUIRED HINTS $ENV{ZEPHYR_BASE})
#   project(my_app)
#   target_sources(app PRIVATE src/main.c)
#
# builds against Breeze with ZEPHYR_BASE pointing at this repository. It is
# find_package(Breeze) plus the CMake functions Zephyr applications call
# (zephyr_library_*, zephyr_include_directories, ...: breeze_zephyr.cmake).
include(${CMAKE_CURRENT_LIST_DIR}/BreezeConfig.cmake)
set(ZEPHYR_BASE ${BREEZE_BASE})
