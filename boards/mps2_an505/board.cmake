# QEMU 'mps2-an505': one Cortex-M33 (ARMv8-M Mainline with the Security
# Extension, FPU and DSP) in Arm's IoT Kit subsystem. Breeze runs in the secure
# state and never leaves it. QEMU loads the ELF and the core starts from the
# vector table at the reset value of VTOR_S, 0x10000000: the secure alias of
# SSRAM1, where the image is linked.
set(BOARD_TOOLCHAIN arm-none-eabi)
set(BOARD_ARCH arm)
# No floating point: the multilib is thumb/v8-m.main/nofp, and the FPU stays
# off (CPACR), so no thread has floating-point state to switch.
set(BOARD_CPU_FLAGS -mcpu=cortex-m33+nofp)
set(BOARD_RUST_TARGET thumbv8m.main-none-eabi)
set(BOARD_PARTITION_GRANULE 32)
set(BOARD_LINKER_SCRIPT ${BREEZE_BASE}/arch/arm/cortex_m.ld)
set(BOARD_QEMU qemu-system-arm)
# -icount: one instruction is one nanosecond of virtual time and idle periods
# are skipped, as on the other boards; the exit status comes back through
# semihosting.
set(BOARD_QEMU_FLAGS -machine mps2-an505 -cpu cortex-m33 -nographic -no-reboot
    -icount shift=0,align=off,sleep=off
    -semihosting-config enable=on,target=native)
