# Each bad overlay must stop the configure step with the node's path and the
# property's name. Run with -DSRC=<this folder> -DBIN=<scratch> -DBOARD=<board>.

# The board's uart0, which board_node_loses_property.overlay strips of a
# required property, and the binding that requires it.
if(BOARD STREQUAL "qemu_riscv32")
  set(uart0 "node /soc/serial@10000000, property 'clock-frequency': required by ns16550.yaml")
elseif(BOARD STREQUAL "mps2_an385")
  set(uart0 "node /soc/serial@40004000, property 'clock-frequency': required by arm,cmsdk-uart.yaml")
else()
  set(uart0 "property 'clock-frequency': required by")
endif()
set(cases
  "missing_required|node /bad@50000000, property 'an-int': required by breeze,test-widget.yaml but missing"
  "wrong_size|node /bad@50000000, property 'an-int': expected one cell"
  "not_in_enum|node /bad@50000000, property 'a-string': 'medium' is not one of"
  "board_node_loses_property|${uart0}"
  "bad_reg|node /bad@50000000, property 'reg': 3 cells is not a multiple")
set(failed 0)
foreach(c ${cases})
  string(FIND "${c}" "|" bar)
  string(SUBSTRING "${c}" 0 ${bar} name)
  math(EXPR bar "${bar} + 1")
  string(SUBSTRING "${c}" ${bar} -1 expect)
  file(REMOVE_RECURSE ${BIN}/${name})
  execute_process(
    COMMAND ${CMAKE_COMMAND} -G Ninja -S ${SRC} -B ${BIN}/${name} -DBOARD=${BOARD}
            -DDTC_OVERLAY_FILE=${SRC}/cases/${name}.overlay -DDTS_ROOT=${SRC}/../api
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(FIND "${out}${err}" "${expect}" at)
  if(rc EQUAL 0 OR at EQUAL -1)
    message(SEND_ERROR "${name}: expected a failed configure saying \"${expect}\"; "
                       "status ${rc}, output:\n${out}${err}")
    set(failed 1)
  else()
    message(STATUS "${name}: stopped: ${expect}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "binding errors not caught")
endif()
message(STATUS "all binding errors caught")
