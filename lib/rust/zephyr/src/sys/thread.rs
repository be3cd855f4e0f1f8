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
//! one argument of any `Send` type, carried in the start registers or, when
//! bigger than two words, moved onto the new thread's own stack: a user
//! thread reads nothing of its creator's memory to start.

use core::ffi::c_void;
use core::mem::{align_of, size_of, ManuallyDrop};

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

/// The words an argument of at most two words travels in: p2 and p3.
type ArgWords = [usize; 2];

/// Whether an `A` travels in the start registers rather than on the stack.
const fn in_registers<A>() -> bool {
    size_of::<A>() <= size_of::<ArgWords>() && align_of::<A>() <= align_of::<usize>()
}

extern "C" fn trampoline<A: Send + 'static>(p1: *mut c_void, p2: *mut c_void, p3: *mut c_void) {
    // SAFETY: p1 is the fn(A) create() passed. The A is either in p2/p3 (its
    // bytes, moved there and forgotten) or at p2, the bottom of this thread's
    // own stack; either way it is read exactly once, here, before the stack
    // grows anywhere near it.
    unsafe {
        let entry: fn(A) = core::mem::transmute::<*mut c_void, fn(A)>(p1);
        let arg = if in_registers::<A>() {
            let words: ArgWords = [p2 as usize, p3 as usize];
            core::ptr::read(words.as_ptr() as *const A)
        } else {
            core::ptr::read(p2 as *const A)
        };
        entry(arg);
    }
}

impl Thread {
    /// Create the thread (not started): @entry(@arg) at @prio with @options
    /// (`K_USER`, `K_INHERIT_PERMS`, ...). Grants may be given before
    /// [`Created::start`].
    ///
    /// An @arg of up to two words travels in the thread's start registers;
    /// a bigger one is moved to the bottom of the new thread's stack (its own
    /// memory, which a user thread may read), which only a supervisor thread
    /// may write: a user thread creating a thread passes at most two words.
    pub fn create<A: Send + 'static>(
        self,
        stack: ThreadStack,
        prio: i32,
        options: u32,
        entry: fn(A),
        arg: A,
    ) -> Created {
        let arg = ManuallyDrop::new(arg);
        let mut words: ArgWords = [0; 2];
        if in_registers::<A>() {
            // SAFETY: A fits in the words (in_registers); its bytes are moved
            // there and the original forgotten (ManuallyDrop).
            unsafe {
                core::ptr::copy_nonoverlapping(
                    &*arg as *const A as *const u8,
                    words.as_mut_ptr() as *mut u8,
                    size_of::<A>(),
                );
            }
        } else {
            assert!(!is_user(), "a user thread passes a new thread at most two words");
            assert!(size_of::<A>() <= stack.size / 4, "thread argument too big for its stack");
            words[0] = (stack.base as usize + crate::object::stack_reserved(stack.size)).next_multiple_of(align_of::<A>());
        }
        // SAFETY: a thread object and a stack this code has the sole right to
        // (the tokens); the kernel checks the rest.
        let tid = unsafe {
            raw::rs_k_thread_create(
                self.item,
                stack.base,
                stack.size,
                Some(trampoline::<A>),
                entry as *mut c_void,
                words[0] as *mut c_void,
                words[1] as *mut c_void,
                prio,
                options,
                Timeout::from(Forever).0,
            )
        };
        assert!(!tid.is_null(), "k_thread_create failed");
        if !in_registers::<A>() {
            // SAFETY: the lowest bytes of the stack's usable part, which the
            // created thread does not use before it starts (and creation, which
            // may paint the stack, is over), aligned for A and within the
            // stack; the original is forgotten.
            unsafe { core::ptr::write(words[0] as *mut A, ManuallyDrop::into_inner(arg)) };
        }
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
