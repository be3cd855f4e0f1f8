//! Cortex-M: SVC with the call's ID in r12 and up to six argument words in
//! r0-r5; the result comes back in r0 (and r1 for 64-bit results). The kernel
//! resumes the caller from the frame its SVC pushed, with only the two result
//! words replaced: no other register changes.

/// Whether the caller runs in user mode: Thread mode (IPSR 0) and
/// unprivileged (CONTROL.nPRIV); both registers are readable at any privilege.
#[cfg(CONFIG_USERSPACE)]
#[inline(always)]
pub fn is_user() -> bool {
    let ipsr: u32;
    let control: u32;
    // SAFETY: reads two status registers; no side effect.
    unsafe {
        core::arch::asm!(
            "mrs {i}, ipsr",
            "mrs {c}, control",
            i = out(reg) ipsr,
            c = out(reg) control,
            options(nomem, nostack, preserves_flags),
        );
    }
    ipsr == 0 && control & 1 != 0
}

/// Without user mode every thread is a supervisor thread.
#[cfg(not(CONFIG_USERSPACE))]
#[inline(always)]
pub fn is_user() -> bool {
    false
}

macro_rules! syscall_fn {
    ($name:ident, $($a:ident => $reg:tt),*) => {
        /// Trap into the kernel with the call @id and these argument words.
        ///
        /// # Safety
        /// The words must be those of call @id's arguments.
        #[inline(always)]
        #[allow(unused_mut, unused_assignments)]
        pub unsafe fn $name($($a: usize,)* id: usize) -> u64 {
            let mut lo: usize = 0;
            let mut hi: usize = 0;
            syscall_fn!(@asm lo, hi, id, $($a => $reg),*);
            ((hi as u64) << 32) | lo as u64
        }
    };
    (@asm $lo:ident, $hi:ident, $id:ident, ) => {
        // SAFETY: the caller vouches for the words; the kernel checks them.
        unsafe { core::arch::asm!("svc #4", lateout("r0") $lo, lateout("r1") $hi,
            in("r12") $id, options(nostack)) }
    };
    (@asm $lo:ident, $hi:ident, $id:ident, $a0:ident => $r0:tt) => {
        // SAFETY: as above.
        unsafe { core::arch::asm!("svc #4", inlateout("r0") $a0 => $lo, lateout("r1") $hi,
            in("r12") $id, options(nostack)) }
    };
    (@asm $lo:ident, $hi:ident, $id:ident, $a0:ident => $r0:tt, $a1:ident => $r1:tt $(, $a:ident => $reg:tt)*) => {
        // SAFETY: as above.
        unsafe { core::arch::asm!("svc #4", inlateout("r0") $a0 => $lo, inlateout("r1") $a1 => $hi,
            $(in($reg) $a,)* in("r12") $id, options(nostack)) }
    };
}

syscall_fn!(syscall0,);
syscall_fn!(syscall1, a0 => "r0");
syscall_fn!(syscall2, a0 => "r0", a1 => "r1");
syscall_fn!(syscall3, a0 => "r0", a1 => "r1", a2 => "r2");
syscall_fn!(syscall4, a0 => "r0", a1 => "r1", a2 => "r2", a3 => "r3");
syscall_fn!(syscall5, a0 => "r0", a1 => "r1", a2 => "r2", a3 => "r3", a4 => "r4");
syscall_fn!(syscall6, a0 => "r0", a1 => "r1", a2 => "r2", a3 => "r3", a4 => "r4", a5 => "r5");
