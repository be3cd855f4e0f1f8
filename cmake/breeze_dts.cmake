# The devicetree, at configure time: the board's .dts and the application's
# overlays go through the C preprocessor (so #include and macros work, as in
# Zephyr), then dtc compiles them (-@ keeps the node labels), and
# scripts/gen_devicetree.py checks every node against its binding and writes
# devicetree_generated.h, which <zephyr/devicetree.h> reads.
#
# Overlays, as in Zephyr: DTC_OVERLAY_FILE (a list) if given, else the
# application's boards/<BOARD>.overlay, else its app.overlay; then
# EXTRA_DTC_OVERLAY_FILE. Bindings: dts/bindings of Breeze, of the
# application and of each DTS_ROOT.
set(BOARD_DTS ${BOARD_DIR}/${BOARD}.dts)
set(DTS_BUILD ${CMAKE_BINARY_DIR}/dts)
set(DEVICETREE_GENERATED_H ${BREEZE_GENERATED}/devicetree_generated.h)
file(MAKE_DIRECTORY ${DTS_BUILD})

find_program(DTC dtc)
if(NOT DTC)
  message(FATAL_ERROR "dtc not found: run scripts/setup.sh "
                      "(or: sudo apt-get install device-tree-compiler)")
endif()

if(DTC_OVERLAY_FILE)
  set(_overlays ${DTC_OVERLAY_FILE})
elseif(EXISTS ${CMAKE_SOURCE_DIR}/boards/${BOARD}.overlay)
  set(_overlays ${CMAKE_SOURCE_DIR}/boards/${BOARD}.overlay)
elseif(EXISTS ${CMAKE_SOURCE_DIR}/app.overlay)
  set(_overlays ${CMAKE_SOURCE_DIR}/app.overlay)
endif()
list(APPEND _overlays ${EXTRA_DTC_OVERLAY_FILE})

set(_top "/* Generated: the board's tree, then each overlay. */\n")
string(APPEND _top "#include \"${BOARD_DTS}\"\n")
foreach(_o ${_overlays})
  get_filename_component(_o ${_o} ABSOLUTE BASE_DIR ${CMAKE_SOURCE_DIR})
  if(NOT EXISTS ${_o})
    message(FATAL_ERROR "devicetree overlay ${_o} not found")
  endif()
  string(APPEND _top "#include \"${_o}\"\n")
endforeach()
# Rewritten only when it changes: it is a configure input itself.
if(EXISTS ${DTS_BUILD}/top.dts)
  file(READ ${DTS_BUILD}/top.dts _old_top)
endif()
if(NOT _old_top STREQUAL _top)
  file(WRITE ${DTS_BUILD}/top.dts "${_top}")
endif()

set(_includes -I${BREEZE_BASE}/dts -I${BREEZE_BASE}/include -I${BOARD_DIR})
set(_bindings --bindings ${BREEZE_BASE}/dts/bindings)
foreach(_root ${CMAKE_SOURCE_DIR} ${DTS_ROOT})
  list(APPEND _includes -I${_root}/dts)
  if(EXISTS ${_root}/dts/bindings AND NOT _root STREQUAL BREEZE_BASE)
    list(APPEND _bindings --bindings ${_root}/dts/bindings)
  endif()
endforeach()

execute_process(
  COMMAND ${CMAKE_C_COMPILER} -E -P -nostdinc -undef -x assembler-with-cpp -D__DTS__
          ${_includes} -MD -MF ${DTS_BUILD}/top.d -MT top.dts
          ${DTS_BUILD}/top.dts -o ${DTS_BUILD}/zephyr.dts.pre
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "devicetree: preprocessing ${BOARD_DTS} failed")
endif()
# Every binding file the generator may read.
set(_binding_files)
foreach(_arg ${_bindings})
  if(NOT _arg STREQUAL "--bindings")
    file(GLOB_RECURSE _found ${_arg}/*.yaml)
    list(APPEND _binding_files ${_found})
  endif()
endforeach()

# The outputs of dtc and gen_devicetree.py, from the preprocessed tree.
set(_dts_outputs ${DTS_BUILD}/zephyr.dtb ${DTS_BUILD}/zephyr.dts ${DEVICETREE_GENERATED_H})

# BREEZE_DTS_CACHE (the test images, hundreds of builds of a few trees): those
# outputs are kept in that folder under a digest of everything that made them
# (the preprocessed tree, the bindings, the generator and the tools), and a
# build whose digest is there copies them instead of running the three steps.
set(_dts_cached)
if(BREEZE_DTS_CACHE)
  file(SHA256 ${DTS_BUILD}/zephyr.dts.pre _digest)
  set(_inputs "${DTC};${BREEZE_PYTHON};${_bindings};${_digest}")
  foreach(_f ${_binding_files} ${BREEZE_BASE}/scripts/gen_devicetree.py)
    file(SHA256 ${_f} _digest)
    string(APPEND _inputs ";${_f}=${_digest}")
  endforeach()
  string(SHA256 _digest "${_inputs}")
  set(_dts_cached ${BREEZE_DTS_CACHE}/${_digest})
endif()

if(_dts_cached AND EXISTS ${_dts_cached}/done)
  foreach(_out ${_dts_outputs})
    get_filename_component(_name ${_out} NAME)
    file(COPY_FILE ${_dts_cached}/${_name} ${_out} ONLY_IF_DIFFERENT)
  endforeach()
else()
  execute_process(
    COMMAND ${DTC} -@ -q -I dts -O dtb -o ${DTS_BUILD}/zephyr.dtb ${DTS_BUILD}/zephyr.dts.pre
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "devicetree: dtc failed on ${DTS_BUILD}/zephyr.dts.pre")
  endif()
  # The tree as compiled, for people to read.
  execute_process(COMMAND ${DTC} -q -I dtb -O dts -o ${DTS_BUILD}/zephyr.dts ${DTS_BUILD}/zephyr.dtb)
  execute_process(
    COMMAND ${BREEZE_PYTHON} ${BREEZE_BASE}/scripts/gen_devicetree.py
            --dtb ${DTS_BUILD}/zephyr.dtb ${_bindings} --header ${DEVICETREE_GENERATED_H}
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "devicetree: the tree does not match its bindings (see above)")
  endif()
  if(_dts_cached)
    # Filled under a name of this build's own, then renamed into place, so
    # that builds configured in parallel never see a half-written entry (of
    # two racing to store the same outputs, the second's rename fails: fine).
    string(RANDOM LENGTH 12 _tmp)
    set(_tmp ${_dts_cached}.${_tmp})
    file(MAKE_DIRECTORY ${_tmp})
    file(COPY ${_dts_outputs} DESTINATION ${_tmp})
    file(TOUCH ${_tmp}/done)
    file(RENAME ${_tmp} ${_dts_cached} RESULT _rc)
    if(NOT _rc EQUAL 0)
      file(REMOVE_RECURSE ${_tmp})
    endif()
  endif()
endif()

# Every file the preprocessor read, the bindings and the generator are configure inputs.
file(READ ${DTS_BUILD}/top.d _deps)
string(REGEX REPLACE "\\\\\n" " " _deps "${_deps}")
string(REGEX REPLACE "^[^:]*:" "" _deps "${_deps}")
separate_arguments(_deps UNIX_COMMAND "${_deps}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${_deps} ${_binding_files} ${BREEZE_BASE}/scripts/gen_devicetree.py)
