# Cross toolchain: Debian's arm-none-eabi-gcc with picolibc, Thumb-2 only.
# The board's board.cmake sets BOARD_CPU_FLAGS (-mcpu=..., soft float): GCC's
# multilib matching then picks the libgcc and picolibc built for that core.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_OBJCOPY arm-none-eabi-objcopy CACHE FILEPATH "")
set(CMAKE_SIZE arm-none-eabi-size CACHE FILEPATH "")
set(CMAKE_READELF arm-none-eabi-readelf CACHE FILEPATH "")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# -mtp=soft: thread-local variables go through __aeabi_read_tp (arch/arm/core/tls.S),
# which picks the kernel or the user TLS block by the CPU's mode.
set(BREEZE_ARCH_FLAGS ${BOARD_CPU_FLAGS} -mthumb -mfloat-abi=soft -mtp=soft)
# GCC reads an Arm canary from the global __stack_chk_guard only (no TLS guard
# without a hardware thread register): see arch/arm/core/tls.S.
set(BREEZE_STACK_PROTECTOR_FLAGS)
string(JOIN " " _flags ${BREEZE_ARCH_FLAGS} --specs=picolibc.specs)
set(CMAKE_C_FLAGS_INIT "${_flags}")
set(CMAKE_ASM_FLAGS_INIT "${_flags}")
set(CMAKE_CXX_FLAGS_INIT "${_flags}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "")
# Rust (CONFIG_RUST): rustc's target, and clang's for bindgen.
set(BREEZE_RUST_TARGET ${BOARD_RUST_TARGET})
set(BREEZE_CLANG_TARGET_FLAGS --target=${BOARD_RUST_TARGET} ${BOARD_CPU_FLAGS} -mthumb -mfloat-abi=soft)
set(BREEZE_RUST_TARGET_FLAGS)
