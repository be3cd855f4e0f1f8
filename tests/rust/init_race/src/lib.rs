//! init_once raced: four threads of equal priority, sliced every
//! millisecond and busy for varied whiles, all try to initialise each of a
//! row of static semaphores; for every object exactly one gets `Some`, and the
//! object works for the winner's handle.
#![no_std]

use core::sync::atomic::{AtomicUsize, Ordering};

use zephyr::kobj_define;
use zephyr::println;
use zephyr::sys::sync::{Semaphore, StaticSemaphore};
use zephyr::sys::thread::StaticThread;
use zephyr::time::NoWait;

const RACERS: usize = 4;
const OBJECTS: usize = 16;

kobj_define! {
    static RACED: [StaticSemaphore; OBJECTS];
    static RACERS_T: [StaticThread; RACERS];
    static RACER_STACKS: [ThreadStack<1024>; RACERS];
}

static WINS: [AtomicUsize; OBJECTS] = [const { AtomicUsize::new(0) }; OBJECTS];
static WINNER_OF: [AtomicUsize; OBJECTS] = [const { AtomicUsize::new(usize::MAX) }; OBJECTS];

/// Busy for a pseudo-random while, so that time slices end at varied points.
fn spin(seed: &mut u32) {
    *seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
    let n = (*seed >> 8) % 400_000;
    for _ in 0..n {
        core::hint::spin_loop();
    }
}

fn race(me: usize) {
    let mut seed = (me as u32).wrapping_mul(2_654_435_761) | 1;
    // Even racers go through the objects forwards, odd ones backwards: they
    // meet, and contend, all along the row.
    for k in 0..OBJECTS {
        let i = if me % 2 == 0 { k } else { OBJECTS - 1 - k };
        spin(&mut seed);
        if let Some(sem) = RACED[i].init_once((0, 1)) {
            WINS[i].fetch_add(1, Ordering::SeqCst);
            WINNER_OF[i].store(me, Ordering::SeqCst);
            sem.give();
            check(&sem);
        }
    }
}

fn check(sem: &Semaphore) {
    assert_eq!(sem.count_get(), 1);
    sem.take(NoWait).unwrap();
    sem.give();
}

#[unsafe(no_mangle)]
extern "C" fn rust_main() {
    let mut running = [const { None }; RACERS];
    for (me, slot) in running.iter_mut().enumerate() {
        let t = RACERS_T[me].init_once(()).unwrap();
        let s = RACER_STACKS[me].init_once(()).unwrap();
        *slot = Some(t.create(s, 5, 0, race, me).start());
    }
    for r in running.iter_mut() {
        r.take().unwrap().join();
    }
    let mut by = [0usize; RACERS];
    for i in 0..OBJECTS {
        assert_eq!(WINS[i].load(Ordering::SeqCst), 1, "object {} initialised once", i);
        by[WINNER_OF[i].load(Ordering::SeqCst)] += 1;
        assert!(RACED[i].init_once((0, 1)).is_none(), "re-init of object {}", i);
    }
    println!("rust init race: {} objects, each won once (by racer: {:?})", OBJECTS, by);
    println!("PROJECT EXECUTION SUCCESSFUL");
    zephyr::sys::exit(0);
}
