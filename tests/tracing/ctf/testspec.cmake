# The image runs through check_trace.py: QEMU in a trace folder, then
# babeltrace2 over it, then the checks of the scenario's events.
if(NOT BABELTRACE2)
  find_program(BABELTRACE2 babeltrace2)
endif()
if(NOT BABELTRACE2)
  breeze_skip("babeltrace2 is not installed (scripts/setup.sh installs it)")
else()
  set(_name ${BOARD}.${TEST_AREA}.${TEST_NAME})
  breeze_image(${_name} "")
  add_test(NAME ${_name}
    COMMAND ${PYTHON3} ${TEST_DIR}/check_trace.py ${CMAKE_BINARY_DIR}/images/${_name}
            ${CMAKE_BINARY_DIR}/traces/${_name})
  set_tests_properties(${_name} PROPERTIES TIMEOUT 90 LABELS target)
  # On two harts: a stream per CPU, merged by babeltrace2.
  if(BOARD_SMP AND BREEZE_TEST_SMP)
    breeze_image(${_name}.smp "-DEXTRA_CONF_FILE=${BREEZE_BASE}/tests/smp.conf")
    add_test(NAME ${_name}.smp2
      COMMAND ${PYTHON3} ${TEST_DIR}/check_trace.py ${CMAKE_BINARY_DIR}/images/${_name}.smp
              ${CMAKE_BINARY_DIR}/traces/${_name}.smp2 --smp 2)
    set_tests_properties(${_name}.smp2 PROPERTIES TIMEOUT 90 LABELS target)
  endif()
endif()
