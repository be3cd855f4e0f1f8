//! Threads on static thread objects and stacks.
//!
//! ```ignore
//! kobj_define! {
//!     static WORKER: StaticThread;
//!     static WORKER_STACK: ThreadStack<2048>;
//! }
//! let t = WORKER.init_once(()).unwrap();
//! let stack = WORKER_STACK.init_once(()).unwrap();
//! let running = t.create(stack, 5, 0, entry, sem.clone()).start();
//! let (t, stack) = running.join();
//! ```
//!
//! A [`Thread`] is the right to run one thread on a thread object; a
//! [`ThreadStack`] the right to use one stack. Both are consumed by
//! [`Thread::create`] and given back by [`Running::join`], once the thread has
//! ended: safe code cannot put two threads on one object or one stack, nor
//! reuse a stack its thread still runs on. The entry is a plain function with
//! one argument of any `Send` type, moved onto the new thread's own stack (a
//! user thread reads nothing of its creator's memory to start).

use core::ffi::c_void;
use core::mem::{align_of, size_of};

use crate::kconfig::THREAD_STACK_RESERVED;
use crate::object::{StaticKernelObject, ThreadStack, Wrapped};
use crate::raw;
use crate::time::{Forever, Timeout};

/// Run the thread in user mode.
pub const K_USER: u32 = crate::kconfig::K_USER as u32;
/// The new thread gets every permission of its creator.
pub const K_INHERIT_PERMS: u32 = crate::kconfig::K_INHERIT_PERMS as u32;
/// The system halts if the thread ends.
pub const K_ESSENTIAL: u32 = crate::kconfig::K_ESSENTIAL as u32;

/// The right to run one thread on a thread object.
pub struct Thread {
    item: *mut raw::k_thread,
}

// SAFETY: the token may move to another thread, which then creates on it.
unsafe impl Send for Thread {}

/// A thread object in a static: `THREAD.init_once(())`.
pub type StaticThread = StaticKernelObject<raw::k_thread>;

impl Wrapped for StaticKernelObject<raw::k_thread> {
    type T = Thread;
    type I = ();
    unsafe fn get_wrapped(&self, _: ()) -> Thread {
        // A thread object needs no initialisation before k_thread_create.
        Thread { item: self.get() }
    }
}

extern "C" fn trampoline<A: Send + 'static>(p1: *mut c_void, p2: *mut c_void, _p3: *mut c_void) {
    // SAFETY: p1 is the fn(A) create() passed; p2 the A it moved to the bottom
    // of this thread's own stack, read exactly once, before the stack grows
    // anywhere near it.
    unsafe {
        let entry: fn(A) = core::mem::transmute::<*mut c_void, fn(A)>(p1);
        let arg = core::ptr::read(p2 as *const A);
        entry(arg);
    }
}

impl Thread {
    /// Create the thread (not started): @entry(@arg) at @prio with @options
    /// (`K_USER`, `K_INHERIT_PERMS`, ...). Grants may be given before
    /// [`Created::start`].
    ///
    /// @arg is moved to the bottom of the new thread's stack (its own memory,
    /// which a user thread may read), where the thread takes it at its start.
    pub fn create<A: Send + 'static>(
        self,
        stack: ThreadStack,
        prio: i32,
        options: u32,
        entry: fn(A),
        arg: A,
    ) -> Created {
        let bottom = (stack.base as usize + THREAD_STACK_RESERVED).next_multiple_of(align_of::<A>());
        assert!(size_of::<A>() <= stack.size / 4, "thread argument too big for its stack");
        // SAFETY: a thread object and a stack this code has the sole right to
        // (the tokens); the kernel checks the rest. The thread is not started.
        let tid = unsafe {
            raw::rs_k_thread_create(
                self.item,
                stack.base,
                stack.size,
                Some(trampoline::<A>),
                entry as *mut c_void,
                bottom as *mut c_void,
                core::ptr::null_mut(),
                prio,
                options,
                Timeout::from(Forever).0,
            )
        };
        assert!(!tid.is_null(), "k_thread_create failed");
        // SAFETY: the lowest bytes of the stack's usable part, which nothing
        // uses before the thread starts; aligned for A and within the stack.
        unsafe { core::ptr::write(bottom as *mut A, arg) };
        Created { thread: self, stack }
    }
}

/// A created thread, not started yet.
pub struct Created {
    thread: Thread,
    stack: ThreadStack,
}

impl Created {
    /// The thread's id.
    pub fn tid(&self) -> *mut raw::k_thread {
        self.thread.item
    }

    /// Give the thread access to a kernel object.
    ///
    /// # Safety
    /// @obj must be the address of a kernel object.
    #[cfg(CONFIG_USERSPACE)]
    pub unsafe fn grant_raw(&self, obj: *const c_void) {
        // SAFETY: the caller vouches for obj; the thread is ours.
        unsafe { crate::object::grant_raw(obj, self.thread.item) }
    }

    /// Name it.
    pub fn name(&self, name: &core::ffi::CStr) {
        // SAFETY: a created thread and a terminated string.
        unsafe {
            raw::rs_k_thread_name_set(self.thread.item, name.as_ptr());
        }
    }

    /// Start it.
    pub fn start(self) -> Running {
        // SAFETY: a created, not started thread.
        unsafe { raw::rs_k_thread_start(self.thread.item) };
        Running { thread: self.thread, stack: self.stack }
    }
}

/// A started thread: joined to get its object and stack back.
pub struct Running {
    thread: Thread,
    stack: ThreadStack,
}

impl Running {
    /// The thread's id.
    pub fn tid(&self) -> *mut raw::k_thread {
        self.thread.item
    }

    /// Wait for the thread to end, however it ends (returns, aborted,
    /// faulted); then its object and stack are free again.
    pub fn join(self) -> (Thread, ThreadStack) {
        // SAFETY: a started thread object of ours.
        let ret = unsafe { raw::rs_k_thread_join(self.thread.item, Timeout::from(Forever).0) };
        assert!(ret == 0, "k_thread_join failed: {}", ret);
        (self.thread, self.stack)
    }

    /// Its priority.
    pub fn priority(&self) -> i32 {
        // SAFETY: a thread object of ours.
        unsafe { raw::rs_k_thread_priority_get(self.thread.item) }
    }

    /// Change its priority.
    pub fn set_priority(&self, prio: i32) {
        // SAFETY: a thread object of ours; the kernel checks the value.
        unsafe { raw::rs_k_thread_priority_set(self.thread.item, prio) }
    }

    /// Abort it (it ends at once; join still collects it).
    pub fn abort(&self) {
        // SAFETY: a thread object of ours.
        unsafe { raw::rs_k_thread_abort(self.thread.item) }
    }
}

/// The calling thread's id.
pub fn current() -> *mut raw::k_thread {
    // SAFETY: no arguments.
    unsafe { raw::k_current_get() }
}

/// The calling thread's priority.
pub fn priority() -> i32 {
    // SAFETY: the caller's own thread.
    unsafe { raw::rs_k_thread_priority_get(current()) }
}

/// Let threads of the same priority run.
pub fn yield_now() {
    // SAFETY: no arguments.
    unsafe { raw::rs_k_yield() }
}

/// Whether the caller runs in user mode.
pub fn is_user() -> bool {
    // SAFETY: no arguments.
    unsafe { raw::rs_k_is_user_context() }
}
