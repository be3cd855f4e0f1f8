//! The dining philosophers with kernel mutexes as forks, in user mode.
#![no_std]

use core::sync::atomic::{AtomicU32, Ordering};

use zephyr::app_memory::StaticMemDomain;
use zephyr::sys::sync::{Mutex, StaticMutex};
use zephyr::sys::thread::{StaticThread, K_USER};
use zephyr::time::{sleep, Duration, Forever};
use zephyr::{app_data, app_partition, kobj_define, println};

const N: usize = 5;
const MEALS: u32 = 20;

kobj_define! {
    static FORKS: [StaticMutex; N];
    static PHILOSOPHERS: [StaticThread; N];
    static STACKS: [ThreadStack<2048>; N];
    static TABLE: StaticMemDomain;
}

app_partition!(static TABLE_PART;);
app_data!(TABLE_PART, static EATEN: [AtomicU32; N] = [const { AtomicU32::new(0) }; N];);

/// A philosopher: its seat, and its two forks, lower-numbered first.
fn dine(seat: (usize, Mutex, Mutex)) {
    let (me, first, second) = seat;
    for meal in 0..MEALS {
        first.lock(Forever).unwrap();
        second.lock(Forever).unwrap();
        EATEN[me].fetch_add(1, Ordering::Relaxed);
        sleep(Duration::from_millis(1 + (me as u32 + meal) % 3));
        // SAFETY: the forks guard no data of a sync::Mutex: plain lock/unlock pairs.
        unsafe {
            second.unlock().unwrap();
            first.unlock().unwrap();
        }
        sleep(Duration::from_millis(1 + me as u32 % 2));
    }
}

#[unsafe(no_mangle)]
extern "C" fn rust_main() {
    let forks: [Mutex; N] = core::array::from_fn(|i| FORKS[i].init_once(()).unwrap());
    let table = TABLE.init_once(()).unwrap();
    table.add_partition(&TABLE_PART).unwrap();
    let mut seated = [const { None }; N];
    for (me, slot) in seated.iter_mut().enumerate() {
        let (a, b) = (me, (me + 1) % N);
        let (lo, hi) = (a.min(b), a.max(b));
        let t = PHILOSOPHERS[me].init_once(()).unwrap();
        let s = STACKS[me].init_once(()).unwrap();
        let created = t.create(s, 5, K_USER, dine, (me, forks[lo].clone(), forks[hi].clone()));
        table.add_thread(created.tid()).unwrap();
        // SAFETY: the two forks are initialised kernel mutexes.
        unsafe {
            created.grant_raw(forks[lo].as_ptr() as *const _);
            created.grant_raw(forks[hi].as_ptr() as *const _);
        }
        *slot = Some(created.start());
    }
    for s in seated.iter_mut() {
        s.take().unwrap().join();
    }
    let mut total = 0;
    for (me, eaten) in EATEN.iter().enumerate() {
        let n = eaten.load(Ordering::Relaxed);
        println!("philosopher {}: {} meals", me, n);
        total += n;
    }
    let pass = total == N as u32 * MEALS;
    println!("{} meals in all: RESULT: {}", total, if pass { "PASS" } else { "FAIL" });
    zephyr::sys::exit(if pass { 0 } else { 1 });
}
