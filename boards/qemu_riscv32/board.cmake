# QEMU 'virt' with a 32-bit hart and no firmware: the image is loaded at
# 0x80000000 and entered in machine mode.
set(BOARD_TOOLCHAIN riscv64-elf)
set(BOARD_ARCH riscv)
set(BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/linker.ld)
# rustc's target for Rust applications (CONFIG_RUST).
set(BOARD_RUST_TARGET riscv32imac-unknown-none-elf)
set(BOARD_QEMU qemu-system-riscv32)
# -icount ties virtual time to instructions (1 instruction = 1 ns, mtime ticks
# every 100 instructions) and sleep=off jumps over idle periods: runs are
# deterministic and sleeping costs no wall-clock time.
# x-epmp=true gives the hart Smepmp (QEMU 7.2 names it ePMP), which lets the
# PMP bind machine mode (see arch/riscv/core/pmp.c).
# virtio-rng-device: the entropy source of qemu_riscv32.dts, on the non-legacy
# virtio-mmio interface its driver speaks.
set(BOARD_QEMU_FLAGS -machine virt -cpu rv32,x-epmp=true -bios none -m 32M -nographic -no-reboot
    -icount shift=0,align=off,sleep=off
    -global virtio-mmio.force-legacy=false -device virtio-rng-device)
