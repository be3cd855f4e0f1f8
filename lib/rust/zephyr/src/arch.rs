//! The system call trap of the architecture: what the generated wrappers
//! (scripts/gen_rust_syscalls.py) use in user mode, as the C wrappers use
//! <breeze/arch/*/syscall.h>.

#[cfg(target_arch = "riscv32")]
mod riscv;
#[cfg(target_arch = "riscv32")]
pub use riscv::*;

#[cfg(target_arch = "arm")]
mod arm;
#[cfg(target_arch = "arm")]
pub use arm::*;
