# Runs scripts/kconfig.py at configure time and imports the resulting CONFIG_*
# values as CMake variables. Kconfig inputs are configure dependencies, so a
# changed prj.conf or a menuconfig session re-runs this step on the next build.
set(BREEZE_GENERATED ${CMAKE_BINARY_DIR}/include/generated)
set(DOTCONFIG ${CMAKE_BINARY_DIR}/.config)
set(AUTOCONF_H ${BREEZE_GENERATED}/autoconf.h)

# Debian's python3-kconfiglib lives in /usr/lib/python3/dist-packages, which a
# python3 installed elsewhere does not see: take the first interpreter that can
# import it.
if(NOT BREEZE_PYTHON)
  foreach(_py /usr/bin/python3 python3)
    execute_process(COMMAND ${_py} -c "import kconfiglib"
                    RESULT_VARIABLE _rc OUTPUT_QUIET ERROR_QUIET)
    if(_rc EQUAL 0)
      set(BREEZE_PYTHON ${_py} CACHE FILEPATH "Python with kconfiglib")
      break()
    endif()
  endforeach()
  if(NOT BREEZE_PYTHON)
    message(FATAL_ERROR "No python3 can import kconfiglib: run scripts/setup.sh "
                        "(or: sudo apt-get install python3-kconfiglib)")
  endif()
endif()

set(_fragments ${BOARD_DIR}/${BOARD}_defconfig)
if(EXISTS ${CMAKE_SOURCE_DIR}/prj.conf)
  list(APPEND _fragments ${CMAKE_SOURCE_DIR}/prj.conf)
endif()
foreach(_extra ${OVERLAY_CONFIG} ${EXTRA_CONF_FILE})
  get_filename_component(_extra ${_extra} ABSOLUTE BASE_DIR ${CMAKE_SOURCE_DIR})
  list(APPEND _fragments ${_extra})
endforeach()

# An application's own Kconfig file is the root (it sources Kconfig.zephyr),
# as in Zephyr; otherwise Breeze's.
if(EXISTS ${CMAKE_SOURCE_DIR}/Kconfig)
  set(KCONFIG_ROOT ${CMAKE_SOURCE_DIR}/Kconfig)
else()
  set(KCONFIG_ROOT ${BREEZE_BASE}/Kconfig)
endif()

# The Kconfig files find each other through srctree (and Zephyr's through
# ZEPHYR_BASE), set in CMake's own environment for the step, which inherits it
# (no "cmake -E env" process: a tenth of a second per configure).
set(_saved_env)
foreach(_var srctree ZEPHYR_BASE)
  list(APPEND _saved_env "$ENV{${_var}}")
  set(ENV{${_var}} ${BREEZE_BASE})
endforeach()
execute_process(
  COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/kconfig.py
          ${KCONFIG_ROOT} ${DOTCONFIG} ${AUTOCONF_H} ${_fragments}
  WORKING_DIRECTORY ${BREEZE_BASE}
  RESULT_VARIABLE _rc)
foreach(_var srctree ZEPHYR_BASE)
  list(POP_FRONT _saved_env _value)
  if(_value STREQUAL "")
    unset(ENV{${_var}})
  else()
    set(ENV{${_var}} "${_value}")
  endif()
endforeach()
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "Kconfig failed")
endif()

# The Kconfig files: those of Breeze's own folders, not a walk of the whole
# tree (a build folder inside it holds tens of thousands of files), and the
# application's.
file(GLOB _kconfig_files ${BREEZE_BASE}/Kconfig* ${CMAKE_SOURCE_DIR}/Kconfig*)
foreach(_dir arch boards drivers kernel lib)
  file(GLOB_RECURSE _found ${BREEZE_BASE}/${_dir}/*Kconfig ${BREEZE_BASE}/${_dir}/Kconfig.*)
  list(APPEND _kconfig_files ${_found})
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${_fragments} ${DOTCONFIG} ${_kconfig_files} ${KCONFIG_ROOT})

file(STRINGS ${DOTCONFIG} _lines REGEX "^CONFIG_")
foreach(_line ${_lines})
  if(_line MATCHES "^(CONFIG_[A-Za-z0-9_]+)=\"?([^\"]*)\"?$")
    set(${CMAKE_MATCH_1} ${CMAKE_MATCH_2})
  endif()
endforeach()
