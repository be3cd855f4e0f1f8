//! RISC-V: ecall with the call's ID in a7 and up to six argument words in a0-a5; the
//! result comes back in a0 (and a1 for 64-bit results). The kernel's fast path
//! saves no register for the caller and zeroes the caller-saved ones on
//! return, so every caller-saved register is declared clobbered.

#[cfg(CONFIG_USERSPACE)]
unsafe extern "C" {
    /// Set in the running thread's TLS block while it runs in user mode.
    static z_tls_user_mode: u8;
}

/// Whether the caller runs in user mode: one load from its TLS block.
#[cfg(CONFIG_USERSPACE)]
#[inline(always)]
pub fn is_user() -> bool {
    let v: u32;
    // SAFETY: reads the calling thread's own TLS flag (local-exec model, as
    // the C code reads it); no side effect.
    unsafe {
        core::arch::asm!(
            "lui {r}, %tprel_hi({s})",
            "add {r}, {r}, tp, %tprel_add({s})",
            "lbu {r}, %tprel_lo({s})({r})",
            r = out(reg) v,
            s = sym z_tls_user_mode,
            options(nostack, readonly, preserves_flags),
        );
    }
    v != 0
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
        unsafe { core::arch::asm!("ecall", lateout("a0") $lo, lateout("a1") $hi,
            inlateout("a7") $id => _, clobber_abi("C")) }
    };
    (@asm $lo:ident, $hi:ident, $id:ident, $a0:ident => $r0:tt) => {
        // SAFETY: as above.
        unsafe { core::arch::asm!("ecall", inlateout("a0") $a0 => $lo, lateout("a1") $hi,
            inlateout("a7") $id => _, clobber_abi("C")) }
    };
    (@asm $lo:ident, $hi:ident, $id:ident, $a0:ident => $r0:tt, $a1:ident => $r1:tt $(, $a:ident => $reg:tt)*) => {
        // SAFETY: as above.
        unsafe { core::arch::asm!("ecall", inlateout("a0") $a0 => $lo, inlateout("a1") $a1 => $hi,
            $(inlateout($reg) $a => _,)* inlateout("a7") $id => _, clobber_abi("C")) }
    };
}

syscall_fn!(syscall0,);
syscall_fn!(syscall1, a0 => "a0");
syscall_fn!(syscall2, a0 => "a0", a1 => "a1");
syscall_fn!(syscall3, a0 => "a0", a1 => "a1", a2 => "a2");
syscall_fn!(syscall4, a0 => "a0", a1 => "a1", a2 => "a2", a3 => "a3");
syscall_fn!(syscall5, a0 => "a0", a1 => "a1", a2 => "a2", a3 => "a3", a4 => "a4");
syscall_fn!(syscall6, a0 => "a0", a1 => "a1", a2 => "a2", a3 => "a3", a4 => "a4", a5 => "a5");
