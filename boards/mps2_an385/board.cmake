# QEMU 'mps2-an385': one Cortex-M3 with the ARMv7-M MPU. QEMU loads the ELF
# and the core starts from the vector table at address 0.
set(BOARD_TOOLCHAIN arm-none-eabi)
set(BOARD_ARCH arm)
set(BOARD_CPU_FLAGS -mcpu=cortex-m3)
set(BOARD_RUST_TARGET thumbv7m-none-eabi)
set(BOARD_PARTITION_GRANULE 32)
set(BOARD_LINKER_SCRIPT ${BREEZE_BASE}/arch/arm/cortex_m.ld)
set(BOARD_QEMU qemu-system-arm)
# -icount: one instruction is one nanosecond of virtual time and idle periods
# are skipped, as on RISC-V; the exit status comes back through semihosting.
set(BOARD_QEMU_FLAGS -machine mps2-an385 -nographic -no-reboot
    -icount shift=0,align=off,sleep=off
    -semihosting-config enable=on,target=native)
