# The CMake functions of Zephyr's build that applications and test suites
# call, over Breeze's targets:
#   zephyr_include_directories, zephyr_compile_definitions,
#   zephyr_compile_options          every target of the image (kernel included)
#   zephyr_sources[_ifdef]          sources of the application
#   zephyr_library[_named]          a library of its own, linked into the image
#   zephyr_library_sources[_ifdef], zephyr_library_include_directories,
#   zephyr_library_compile_definitions, zephyr_library_compile_options,
#   zephyr_library_link_libraries   that library's settings
#   target_sources_if[n]def         target_sources() on a Kconfig symbol (or its absence)
# A library joins the image through breeze_image_library(), which the final
# link and the application memory layout read when the configuration ends.

function(zephyr_include_directories)
  foreach(dir ${ARGN})
    get_filename_component(dir ${dir} ABSOLUTE)
    target_include_directories(breeze_interface INTERFACE ${dir})
  endforeach()
endfunction()

function(zephyr_compile_definitions)
  target_compile_definitions(breeze_interface INTERFACE ${ARGN})
endfunction()

function(zephyr_compile_options)
  target_compile_options(breeze_interface INTERFACE ${ARGN})
endfunction()

function(zephyr_sources)
  target_sources(app PRIVATE ${ARGN})
endfunction()

function(zephyr_sources_ifdef feature)
  if(${feature})
    zephyr_sources(${ARGN})
  endif()
endfunction()

# zephyr_library(): a library named after the calling folder, as in Zephyr.
macro(zephyr_library)
  string(REPLACE "${BREEZE_BASE}/" "" _zl_name ${CMAKE_CURRENT_SOURCE_DIR})
  string(REPLACE "${CMAKE_SOURCE_DIR}/" "" _zl_name ${_zl_name})
  string(MAKE_C_IDENTIFIER "lib_${_zl_name}" _zl_name)
  zephyr_library_named(${_zl_name})
endmacro()

macro(zephyr_library_named name)
  set(ZEPHYR_CURRENT_LIBRARY ${name})
  add_library(${name} OBJECT)
  target_link_libraries(${name} PUBLIC breeze_app_interface)
  breeze_image_library(${name})
endmacro()

function(zephyr_library_sources)
  target_sources(${ZEPHYR_CURRENT_LIBRARY} PRIVATE ${ARGN})
endfunction()

function(zephyr_library_sources_ifdef feature)
  if(${feature})
    zephyr_library_sources(${ARGN})
  endif()
endfunction()

function(zephyr_library_include_directories)
  target_include_directories(${ZEPHYR_CURRENT_LIBRARY} PRIVATE ${ARGN})
endfunction()

function(zephyr_library_compile_definitions)
  target_compile_definitions(${ZEPHYR_CURRENT_LIBRARY} PRIVATE ${ARGN})
endfunction()

function(zephyr_library_compile_options)
  target_compile_options(${ZEPHYR_CURRENT_LIBRARY} PRIVATE ${ARGN})
endfunction()

function(zephyr_library_link_libraries)
  target_link_libraries(${ZEPHYR_CURRENT_LIBRARY} PUBLIC ${ARGN})
endfunction()

# target_sources_ifdef/_ifndef(<feature> <target> ...): target_sources() when
# the Kconfig symbol is set (or not), as Zephyr's suites write them.
function(target_sources_ifdef feature target)
  if(${feature})
    target_sources(${target} ${ARGN})
  endif()
endfunction()

function(target_sources_ifndef feature target)
  if(NOT ${feature})
    target_sources(${target} ${ARGN})
  endif()
endfunction()
