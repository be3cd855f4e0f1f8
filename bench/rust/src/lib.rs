//! The Rust wrappers measured like bench/kernel measures the C calls: the
//! uncontended semaphore give+take and mutex lock+unlock, from a supervisor
//! and from a user thread, in guest instructions per iteration (QEMU
//! -icount). Compare with bench/kernel's sem.give_take.* and
//! mutex.lock_unlock.* rows.
#![no_std]

use core::ffi::c_char;

use zephyr::kobj_define;
use zephyr::sys::sync::{Mutex, Semaphore, StaticMutex, StaticSemaphore};
use zephyr::sys::thread::{StaticThread, K_USER};
use zephyr::time::{Forever, NoWait};

const ITERS: u32 = 1000;

kobj_define! {
    static SEM: StaticSemaphore;
    static MUTEX: StaticMutex;
    static USER: StaticThread;
    static USER_STACK: ThreadStack<2048>;
}

unsafe extern "C" {
    /// bench/common/bench.c
    fn bench_report(name: *const c_char, total: u64, iters: u32, bytes: u32);
    fn bench_loop_overhead(iters: u32) -> u32;
    #[cfg(not(target_arch = "riscv32"))]
    fn bench_counter() -> u32;
    #[cfg(not(target_arch = "riscv32"))]
    fn bench_iters(n: u32) -> u32;
}

/// Retired instructions (readable from user mode too).
#[cfg(target_arch = "riscv32")]
#[inline(always)]
fn instret() -> u32 {
    let v: u32;
    // SAFETY: reads a counter, no side effect.
    unsafe { core::arch::asm!("rdinstret {0}", out(reg) v, options(nomem, nostack)) };
    v
}

/// Instructions from the system timer, as C's bench_instret() (bench/common/bench.h).
#[cfg(not(target_arch = "riscv32"))]
#[inline(always)]
fn instret() -> u32 {
    // SAFETY: no argument; reads the cycle count.
    unsafe { bench_counter() }
}

/// Rounds per figure: ITERS with an exact counter.
#[cfg(target_arch = "riscv32")]
#[inline(always)]
fn iters() -> u32 {
    ITERS
}

/// Rounds per figure: as many as the counter's resolution needs (C's BENCH_ITERS).
#[cfg(not(target_arch = "riscv32"))]
#[inline(always)]
fn iters() -> u32 {
    // SAFETY: plain numbers.
    unsafe { bench_iters(ITERS) }
}

fn measure(name: &core::ffi::CStr, mut body: impl FnMut()) {
    let iters = iters();
    let t0 = instret();
    for _ in 0..iters {
        // The same barrier as bench/common/bench.h's BENCH_LOOP.
        core::sync::atomic::compiler_fence(core::sync::atomic::Ordering::SeqCst);
        body();
    }
    let t1 = instret();
    // SAFETY: a terminated name; plain numbers.
    unsafe {
        let overhead = bench_loop_overhead(iters);
        bench_report(name.as_ptr(), t1.wrapping_sub(t0).wrapping_sub(overhead) as u64, iters, 0);
    }
}

fn uncontended(objs: (Semaphore, Mutex, bool)) {
    let (sem, mutex, user) = objs;
    let (s, m) = if user {
        (c"rust.sem.give_take.user", c"rust.mutex.lock_unlock.user")
    } else {
        (c"rust.sem.give_take.supervisor", c"rust.mutex.lock_unlock.supervisor")
    };
    measure(s, || {
        sem.give();
        let _ = sem.take(NoWait);
    });
    measure(m, || {
        let _ = mutex.lock(Forever);
        // SAFETY: a plain lock/unlock pair.
        let _ = unsafe { mutex.unlock() };
    });
}

#[unsafe(no_mangle)]
extern "C" fn rust_main() {
    let sem = SEM.init_once((0, 1)).unwrap();
    let mutex = MUTEX.init_once(()).unwrap();
    uncontended((sem.clone(), mutex.clone(), false));
    let t = USER.init_once(()).unwrap();
    let stack = USER_STACK.init_once(()).unwrap();
    let created = t.create(stack, 0, K_USER, uncontended, (sem.clone(), mutex.clone(), true));
    // SAFETY: initialised kernel objects.
    unsafe {
        created.grant_raw(sem.as_ptr() as *const _);
        created.grant_raw(mutex.as_ptr() as *const _);
    }
    created.start().join();
    zephyr::println!("BENCH done");
    zephyr::sys::exit(0);
}

