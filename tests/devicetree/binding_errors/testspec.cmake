# The image with a node that follows its binding builds and runs...
breeze_test(default ARGS -DDTC_OVERLAY_FILE=${TEST_DIR}/cases/good.overlay
                         -DDTS_ROOT=${TEST_DIR}/../api)
# ...and each broken one stops the build, naming the node and the property.
add_test(NAME ${BOARD}.devicetree.binding_errors.rejected
  COMMAND ${CMAKE_COMMAND} -DSRC=${TEST_DIR} -DBIN=${CMAKE_BINARY_DIR}/binding_errors/${BOARD}
          -DBOARD=${BOARD} -P ${TEST_DIR}/check.cmake)
set_tests_properties(${BOARD}.devicetree.binding_errors.rejected PROPERTIES TIMEOUT 300
  PASS_REGULAR_EXPRESSION "all binding errors caught")
