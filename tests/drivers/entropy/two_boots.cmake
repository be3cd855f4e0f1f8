# Boot the image twice; each prints "boot entropy: <hex>" and
# "boot canary: <hex>". Both must differ between the boots.
foreach(boot 1 2)
  execute_process(
    COMMAND ${PYTHON} ${RUN} ${QEMU_CMD} --expect-exit 0 --timeout 60
            --expect "PROJECT EXECUTION SUCCESSFUL"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "boot ${boot} failed:\n${out}${err}")
  endif()
  string(REGEX MATCH "boot entropy: ([0-9a-f]+)" _ "${out}")
  set(entropy${boot} "${CMAKE_MATCH_1}")
  string(REGEX MATCH "boot canary: ([0-9a-f]+)" _ "${out}")
  set(canary${boot} "${CMAKE_MATCH_1}")
  if(entropy${boot} STREQUAL "" OR canary${boot} STREQUAL "")
    message(FATAL_ERROR "boot ${boot} printed no entropy or canary:\n${out}")
  endif()
  message(STATUS "boot ${boot}: entropy ${entropy${boot}}, canary ${canary${boot}}")
endforeach()
if(entropy1 STREQUAL entropy2 OR canary1 STREQUAL canary2)
  message(FATAL_ERROR "the two boots gave the same bytes or the same canary")
endif()
message(STATUS "two boots differ")
