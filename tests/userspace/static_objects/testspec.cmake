# Besides the results, each refused call must have been refused for the
# reason Zephyr gives: no permission (-EPERM, 1) for a kernel object variable
# nobody was granted, not an object (-EBADF, 9) for anything else.
set(nl "\\r?\\n")
set(inside "(?:(?!${nl}START - ).)*?")
set(r)
foreach(t sem mutex msgq stack fifo event thread array_element struct_member function_static)
  list(APPEND r "(?s)START - test_never_granted_${t}${nl}${inside}refused \\(-1\\)${inside}${nl} PASS - ")
endforeach()
foreach(t interior_pointer wrong_type)
  list(APPEND r "(?s)START - test_never_granted_${t}${nl}${inside}refused \\(-9\\)${inside}${nl} PASS - ")
endforeach()
breeze_test(default REGEX "PROJECT EXECUTION SUCCESSFUL" ${r})
