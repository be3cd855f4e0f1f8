# The generators in supervisor mode, from user threads, and without the
# entropy device behind sys_csrand_get(); and with xoshiro128++ seeded from
# the entropy device (CONFIG_XOSHIRO_RANDOM_GENERATOR).
breeze_test_and_userspace()
breeze_test(no_csrand ARGS -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/no_csrand.conf)
# The seed needs the entropy device: a board without one (HAS_ENTROPY) cannot build the variant.
file(STRINGS ${BOARD_DIR}/Kconfig _entropy REGEX "select HAS_ENTROPY")
if(_entropy)
  breeze_test(xoshiro ARGS -DOVERLAY_CONFIG=${CMAKE_CURRENT_LIST_DIR}/xoshiro.conf)
else()
  breeze_skip("variant xoshiro: seeded from the entropy device, which the board lacks (HAS_ENTROPY)")
endif()
