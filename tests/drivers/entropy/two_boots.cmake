# Boot the image twice; each prints "<key>: <hex>" for every key of KEYS
# (by default "boot entropy" and "boot canary"). Each must differ between the
# boots.
if(NOT KEYS)
  set(KEYS "boot entropy" "boot canary")
endif()
foreach(boot 1 2)
  execute_process(
    COMMAND ${PYTHON} ${RUN} ${QEMU_CMD} --expect-exit 0 --timeout 60
            --expect "PROJECT EXECUTION SUCCESSFUL"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "boot ${boot} failed:\n${out}${err}")
  endif()
  foreach(key ${KEYS})
    string(MAKE_C_IDENTIFIER "${key}" id)
    string(REGEX MATCH "${key}: ([0-9a-f]+)" _ "${out}")
    set(${id}_${boot} "${CMAKE_MATCH_1}")
    if("${CMAKE_MATCH_1}" STREQUAL "")
      message(FATAL_ERROR "boot ${boot} printed no '${key}':\n${out}")
    endif()
    message(STATUS "boot ${boot}: ${key} ${CMAKE_MATCH_1}")
  endforeach()
endforeach()
foreach(key ${KEYS})
  string(MAKE_C_IDENTIFIER "${key}" id)
  if(${id}_1 STREQUAL ${id}_2)
    message(FATAL_ERROR "the two boots gave the same ${key}")
  endif()
endforeach()
message(STATUS "two boots differ")
