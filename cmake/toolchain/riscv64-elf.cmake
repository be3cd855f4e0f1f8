# Cross toolchain: Debian's riscv64-unknown-elf-gcc with picolibc, targeting rv32imac/ilp32.
# -misa-spec=2.2 keeps Zicsr/Zifencei inside the base ISA so that GCC's multilib matching
# picks the rv32imac/ilp32 libgcc and picolibc instead of falling back to rv64.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)
set(CMAKE_C_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_ASM_COMPILER riscv64-unknown-elf-gcc)
# project() without LANGUAGES enables C++ too: the same cross toolchain's.
set(CMAKE_CXX_COMPILER riscv64-unknown-elf-g++)
set(CMAKE_OBJCOPY riscv64-unknown-elf-objcopy CACHE FILEPATH "")
set(CMAKE_SIZE riscv64-unknown-elf-size CACHE FILEPATH "")
set(CMAKE_READELF riscv64-unknown-elf-readelf CACHE FILEPATH "")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(BREEZE_ARCH_FLAGS -march=rv32imac -misa-spec=2.2 -mabi=ilp32 -mcmodel=medany)
# Stack canaries are read through the thread pointer, from the word just below
# the running code's TLS block (kernel/tls.c): kernel code and user code each
# see their own value, and the kernel's is never in user-readable memory.
set(BREEZE_STACK_PROTECTOR_FLAGS
    -mstack-protector-guard=tls -mstack-protector-guard-reg=tp
    -mstack-protector-guard-offset=-4)
string(JOIN " " _flags ${BREEZE_ARCH_FLAGS} --specs=picolibc.specs)
set(CMAKE_C_FLAGS_INIT "${_flags}")
set(CMAKE_ASM_FLAGS_INIT "${_flags}")
set(CMAKE_CXX_FLAGS_INIT "${_flags}")
# CMAKE_C_FLAGS reach the link line too: the specs must not appear twice.
set(CMAKE_EXE_LINKER_FLAGS_INIT "")
# Rust (CONFIG_RUST): rustc's target, and clang's for bindgen.
set(BREEZE_RUST_TARGET ${BOARD_RUST_TARGET})
set(BREEZE_CLANG_TARGET_FLAGS --target=riscv32-unknown-none-elf -march=rv32imac -mabi=ilp32)
# Linker relaxation, as GCC's code has it: a call in range becomes one jal.
set(BREEZE_RUST_TARGET_FLAGS -C target-feature=+relax)
