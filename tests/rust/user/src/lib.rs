//! Rust wrappers from user threads: a granted semaphore, mutex, message
//! queue, condition variable and guarded data work through system calls; an object the thread was not granted, or a panic,
//! ends that thread alone (its fault reported), and the next thread runs on
//! the same thread object and stack.
#![no_std]

use zephyr::kobj_define;
use zephyr::println;
use zephyr::sys::msgq::{Msgq, StaticMsgq};
use zephyr::sync::{Condvar, Mutex as DataMutex, StaticCondvar};
use zephyr::sys::sync::{Mutex, Semaphore, StaticMutex, StaticSemaphore};
use zephyr::object::ThreadStack;
use zephyr::sys::thread::{is_user, StaticThread, Thread, K_INHERIT_PERMS, K_USER};
use zephyr::time::{Duration, NoWait};

kobj_define! {
    static GRANTED: StaticSemaphore;
    static SECRET: StaticSemaphore;
    static AFTER: StaticSemaphore;
    static LOCK: StaticMutex;
    static QUEUE: StaticMsgq<[u32; 2], 4>;
    static CV: StaticCondvar;
    static WORKER: StaticThread;
    static WORKER_STACK: ThreadStack<2048>;
    static CHILD: StaticThread;
    static CHILD_STACK: ThreadStack<1024>;
}

/// Gives @sem twice, locking and unlocking @lock between, all from user mode.
fn gives(args: (Semaphore, Mutex)) {
    let (sem, lock) = args;
    assert!(is_user());
    sem.give();
    lock.lock(Duration::from_millis(10)).unwrap();
    // SAFETY: a plain lock/unlock pair: no guard of guarded data holds it.
    unsafe { lock.unlock().unwrap() };
    sem.give();
}

/// Sends three messages through @q from user mode.
fn sends(q: Msgq<[u32; 2]>) {
    for i in 0..3u32 {
        q.put([i, i * i], NoWait).unwrap();
    }
}

/// Waits on @cv with data guarded by @lock (on its own stack), then says so on @done.
fn waits(args: (Condvar, Mutex, Semaphore)) {
    let (cv, lock, done) = args;
    let data = DataMutex::new_from(1u32, lock);
    let mut guard = data.lock().unwrap();
    done.give(); // "about to wait"
    guard = cv.wait(guard);
    *guard += 1;
    let seen = *guard;
    drop(guard);
    assert_eq!(seen, 2);
    done.give(); // "woken, with the mutex held again"
}

/// A child of a user thread: gives @sem (its argument came in registers).
fn child(sem: Semaphore) {
    assert!(is_user());
    sem.give();
}

/// From user mode, creates a thread on the object and stack it was granted,
/// passing it @sem, and joins it.
fn parent(args: (Thread, ThreadStack, Semaphore)) {
    let (t, stack, sem) = args;
    let running = t.create(stack, 2, K_USER | K_INHERIT_PERMS, child, sem.clone()).start();
    let _ = running.join();
    sem.give();
}

/// Allocates a semaphore, a mutex and a condition variable from user mode
/// (k_object_alloc), uses them, and reports on @done.
fn allocates(done: Semaphore) {
    // SAFETY: only this thread uses them, and it holds them until it ends.
    let (sem, m, cv) = unsafe {
        (Semaphore::new(0, 3).unwrap(), Mutex::new().unwrap(), Condvar::new().unwrap())
    };
    sem.give();
    sem.give();
    assert_eq!(sem.count_get(), 2);
    m.lock(NoWait).unwrap();
    cv.notify_all();
    // SAFETY: a plain lock/unlock pair.
    unsafe { m.unlock().unwrap() };
    done.give();
}

/// Uses @secret (not granted): the call is an oops, so @after is never given.
fn trespasses(args: (Semaphore, Semaphore)) {
    let (secret, after) = args;
    secret.give();
    after.give();
}

/// Panics, then would give @after.
fn panics(after: Semaphore) {
    let v: Option<u32> = None;
    if v.is_none() {
        panic!("user thread panics on purpose");
    }
    after.give();
}

#[unsafe(no_mangle)]
extern "C" fn rust_main() {
    let granted = GRANTED.init_once((0, 2)).unwrap();
    let secret = SECRET.init_once((0, 1)).unwrap();
    let after = AFTER.init_once((0, 1)).unwrap();
    let lock = LOCK.init_once(()).unwrap();
    let thread = WORKER.init_once(()).unwrap();
    let stack = WORKER_STACK.init_once(()).unwrap();
    assert!(WORKER_STACK.init_once(()).is_none());

    let created = thread.create(stack, 1, K_USER, gives, (granted.clone(), lock.clone()));
    // SAFETY: kernel objects this thread initialised.
    unsafe {
        created.grant_raw(granted.as_ptr() as *const _);
        created.grant_raw(lock.as_ptr() as *const _);
    }
    let (thread, stack) = created.start().join();
    assert_eq!(granted.count_get(), 2, "the user thread gave twice");
    granted.take(NoWait).unwrap();
    granted.take(NoWait).unwrap();
    println!("rust user: granted objects used from user mode");

    let q = QUEUE.init_once(()).unwrap();
    assert!(QUEUE.init_once(()).is_none());
    let created = thread.create(stack, 1, K_USER, sends, q.clone());
    // SAFETY: an initialised kernel message queue.
    unsafe { created.grant_raw(q.as_ptr() as *const _) };
    let (thread, stack) = created.start().join();
    assert_eq!(q.len(), 3);
    for i in 0..3u32 {
        assert_eq!(q.get(NoWait).unwrap(), [i, i * i]);
    }
    assert!(q.get(NoWait).is_err());
    println!("rust user: messages from a user thread");

    let cv = CV.init_once(()).unwrap();
    let created = thread.create(stack, 1, K_USER, waits, (cv.clone(), lock.clone(), after.clone()));
    // SAFETY: initialised kernel objects.
    unsafe {
        created.grant_raw(cv.as_ptr() as *const _);
        created.grant_raw(lock.as_ptr() as *const _);
        created.grant_raw(after.as_ptr() as *const _);
    }
    let running = created.start();
    after.take(Duration::from_millis(100)).unwrap(); // it holds the lock, about to wait
    lock.lock(Duration::from_millis(100)).unwrap(); // free once it waits
    cv.notify_one();
    // SAFETY: main's own plain lock; the guard in the user thread waits, not holding it.
    unsafe { lock.unlock().unwrap() };
    after.take(Duration::from_millis(100)).unwrap();
    let (thread, stack) = running.join();
    println!("rust user: condition variable and guarded data from a user thread");

    // Allocated from the kernel's pool: by main (supervisor), then by a user thread.
    // SAFETY: main holds these for good (it never ends).
    let own = unsafe { Semaphore::new(1, 1).unwrap() };
    own.take(NoWait).unwrap();
    let created = thread.create(stack, 1, K_USER, allocates, after.clone());
    // SAFETY: an initialised semaphore.
    unsafe { created.grant_raw(after.as_ptr() as *const _) };
    let (thread, stack) = created.start().join();
    after.take(NoWait).unwrap();
    println!("rust user: allocated objects, supervisor and user");

    let kid = CHILD.init_once(()).unwrap();
    let kid_stack = CHILD_STACK.init_once(()).unwrap();
    let kid_ptr = CHILD.get();
    let kid_stack_ptr = CHILD_STACK.get();
    let created = thread.create(stack, 1, K_USER, parent, (kid, kid_stack, granted.clone()));
    // SAFETY: a thread object, a thread stack and an initialised semaphore.
    unsafe {
        created.grant_raw(kid_ptr as *const _);
        created.grant_raw(kid_stack_ptr as *const _);
        created.grant_raw(granted.as_ptr() as *const _);
    }
    let (thread, stack) = created.start().join();
    assert_eq!(granted.count_get(), 2, "the child and its parent gave"); // after two takes below
    println!("rust user: a user thread created and joined a thread");

    let created = thread.create(stack, 1, K_USER, trespasses, (secret.clone(), after.clone()));
    // SAFETY: as above; SECRET is deliberately not granted.
    unsafe { created.grant_raw(after.as_ptr() as *const _) };
    let (thread, stack) = created.start().join();
    assert_eq!(secret.count_get(), 0, "an ungranted semaphore was given");
    assert!(after.take(NoWait).is_err(), "the trespasser went on");
    println!("rust user: ungranted object: the thread died alone");

    let created = thread.create(stack, 1, K_USER, panics, after.clone());
    // SAFETY: as above.
    unsafe { created.grant_raw(after.as_ptr() as *const _) };
    let (_thread, _stack) = created.start().join();
    assert!(after.take(NoWait).is_err(), "the panicking thread went on");
    println!("rust user: panic: the thread died alone");
    println!("PROJECT EXECUTION SUCCESSFUL");
    zephyr::sys::exit(0);
}
