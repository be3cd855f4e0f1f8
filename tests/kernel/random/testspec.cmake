# The generators in supervisor mode, from user threads, and without the
# entropy device behind sys_csrand_get().
breeze_test(default)
breeze_test(userspace ARGS -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/../../userspace.conf)
breeze_test(no_csrand ARGS -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/no_csrand.conf)
