//! Static kernel objects from Rust: init_once hands out a wrapper exactly
//! once; the wrappers work.
#![no_std]

use zephyr::kobj_define;
use zephyr::println;
use zephyr::sys::sync::{StaticMutex, StaticSemaphore};
use zephyr::time::NoWait;

kobj_define! {
    static SEM: StaticSemaphore;
    static MUTEX: StaticMutex;
    static SEMS: [StaticSemaphore; 3];
}

#[unsafe(no_mangle)]
extern "C" fn rust_main() {
    let sem = SEM.init_once((1, 2)).expect("first init_once");
    assert!(SEM.init_once((0, 1)).is_none());
    assert_eq!(sem.count_get(), 1);
    sem.take(NoWait).unwrap();
    assert!(sem.take(NoWait).is_err());
    sem.give();
    let m = MUTEX.init_once(()).unwrap();
    m.lock(NoWait).unwrap();
    m.unlock().unwrap();
    for s in SEMS.iter() {
        assert!(s.init_once((0, 1)).is_some());
    }
    println!("rust objects: {} done", "all");
    println!("PROJECT EXECUTION SUCCESSFUL");
    zephyr::sys::exit(0);
}
