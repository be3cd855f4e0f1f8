//! Static kernel objects from Rust: init_once hands out a wrapper exactly
//! once; the wrappers work.
#![no_std]

use zephyr::kobj_define;
use zephyr::println;
use zephyr::sync::{Condvar, Mutex as DataMutex, StaticCondvar};
use zephyr::sys::msgq::StaticMsgq;
use zephyr::sys::sync::{StaticMutex, StaticSemaphore};
use zephyr::time::NoWait;

kobj_define! {
    static SEM: StaticSemaphore;
    static MUTEX: StaticMutex;
    static SEMS: [StaticSemaphore; 3];
    static DATA_LOCK: StaticMutex;
    static CV: StaticCondvar;
    static Q: StaticMsgq<u64, 2>;
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
    // SAFETY: a plain lock/unlock pair.
    unsafe { m.unlock().unwrap() };
    for s in SEMS.iter() {
        assert!(s.init_once((0, 1)).is_some());
    }
    let q = Q.init_once(()).unwrap();
    q.put(1u64 << 40, NoWait).unwrap();
    q.put(7, NoWait).unwrap();
    assert!(q.put(8, NoWait).is_err(), "a full queue refuses");
    assert_eq!(q.get(NoWait).unwrap(), 1u64 << 40);
    assert_eq!(q.get(NoWait).unwrap(), 7);
    assert!(Q.init_once(()).is_none());

    let data = DataMutex::new_from([0u32; 4], DATA_LOCK.init_once(()).unwrap());
    {
        let mut g = data.lock().unwrap();
        g[2] = 5;
    }
    assert_eq!(data.lock().unwrap()[2], 5);
    let cv: Condvar = CV.init_once(()).unwrap();
    cv.notify_all(); // nobody waits: a no-op
    assert!(CV.init_once(()).is_none());
    println!("rust objects: {} done", "all");
    println!("PROJECT EXECUTION SUCCESSFUL");
    zephyr::sys::exit(0);
}
