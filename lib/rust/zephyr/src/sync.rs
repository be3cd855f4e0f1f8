//! [`Mutex<T>`]: data guarded by a kernel mutex, reached through a guard
//! that unlocks when dropped; [`Condvar`] waits with such a guard.

use core::cell::UnsafeCell;
use core::marker::PhantomData;
use core::ops::{Deref, DerefMut};

#[cfg(CONFIG_USERSPACE)]
use crate::error::to_result_void;
use crate::error::Result;
#[cfg(CONFIG_USERSPACE)]
use crate::object::alloc_object;
use crate::object::{Fixed, StaticKernelObject, Wrapped};
use crate::raw;
use crate::sys::sync::Mutex as SysMutex;
use crate::time::{Forever, Timeout};

/// Data of type `T` behind a kernel mutex.
pub struct Mutex<T> {
    inner: SysMutex,
    data: UnsafeCell<T>,
}

// SAFETY: the data is only reached through a guard, which holds the mutex.
unsafe impl<T: Send> Sync for Mutex<T> {}
// SAFETY: moving the mutex moves the data with it.
unsafe impl<T: Send> Send for Mutex<T> {}

/// Proof of holding a [`Mutex<T>`]: derefs to the data, unlocks on drop.
/// Not `Send`: a kernel mutex belongs to the thread that locked it, and only
/// that thread may unlock it.
pub struct MutexGuard<'a, T> {
    mutex: &'a Mutex<T>,
    _not_send: PhantomData<*const ()>,
}

impl<T> Mutex<T> {
    /// @data guarded by the kernel mutex @inner (initialised).
    #[inline]
    pub const fn new_from(data: T, inner: SysMutex) -> Self {
        Self { inner, data: UnsafeCell::new(data) }
    }

    /// Lock, waiting as long as it takes.
    #[inline]
    pub fn lock(&self) -> Result<MutexGuard<'_, T>> {
        self.lock_timeout(Forever)
    }

    /// Lock, waiting up to @timeout.
    #[inline]
    pub fn lock_timeout<U: Into<Timeout>>(&self, timeout: U) -> Result<MutexGuard<'_, T>> {
        self.inner.lock(timeout)?;
        Ok(MutexGuard { mutex: self, _not_send: PhantomData })
    }
}

impl<T> Deref for MutexGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the mutex.
        unsafe { &*self.mutex.data.get() }
    }
}

impl<T> DerefMut for MutexGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds the mutex, and &mut self makes this the only borrow.
        unsafe { &mut *self.mutex.data.get() }
    }
}

impl<T> Drop for MutexGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: this guard's own hold ends here. The guard's thread locked
        // it, so it owns it: unlocking cannot fail.
        let _ = unsafe { self.mutex.inner.unlock() };
    }
}

/// A condition variable (`k_condvar`), waited on with a [`MutexGuard`].
#[derive(Clone)]
pub struct Condvar {
    item: Fixed<raw::k_condvar>,
}

// SAFETY: every operation is a kernel call on the shared C object.
unsafe impl Sync for Condvar {}
// SAFETY: as above.
unsafe impl Send for Condvar {}

/// A condition variable in a static: `CV.init_once(())`.
pub type StaticCondvar = StaticKernelObject<raw::k_condvar>;

impl Wrapped for StaticKernelObject<raw::k_condvar> {
    type T = Condvar;
    type I = ();
    unsafe fn get_wrapped(&self, _: ()) -> Condvar {
        let cv = self.get();
        // SAFETY: a static k_condvar, initialised once.
        let ret = unsafe { raw::rs_k_condvar_init(cv) };
        assert!(ret == 0, "k_condvar_init failed: {}", ret);
        Condvar { item: Fixed::Static(cv) }
    }
}

impl Condvar {
    #[cfg(CONFIG_USERSPACE)]
    /// A condition variable from the kernel's object pool.
    ///
    /// # Safety
    /// The kernel frees an allocated object once no thread holds a permission
    /// on it (the allocating thread has one until it ends or releases it). A
    /// user thread that uses a freed object is refused (an oops, it alone
    /// dies); a supervisor thread is not checked: the caller must keep a
    /// holder alive while any supervisor thread uses a handle.
    #[inline]
    pub unsafe fn new() -> Result<Condvar> {
        let cv = alloc_object::<raw::k_condvar>(raw::k_objects_K_OBJ_CONDVAR).ok_or(crate::Error(12))?;
        // SAFETY: a fresh object of the right type.
        to_result_void(unsafe { raw::rs_k_condvar_init(cv) })?;
        Ok(Condvar { item: Fixed::Allocated(cv) })
    }

    /// Release the guard's mutex, wait for a signal, take the mutex again.
    #[inline]
    pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        // SAFETY: the guard proves the caller holds this mutex.
        let ret = unsafe {
            raw::rs_k_condvar_wait(self.item.get(), guard.mutex.inner.as_ptr(), Timeout::from(Forever).0)
        };
        assert!(ret == 0, "k_condvar_wait failed: {}", ret);
        guard
    }

    /// Wake one waiter.
    #[inline]
    pub fn notify_one(&self) {
        // SAFETY: an initialised k_condvar.
        unsafe { raw::rs_k_condvar_signal(self.item.get()) };
    }

    /// The C object (for grants).
    #[inline]
    pub fn as_ptr(&self) -> *mut raw::k_condvar {
        self.item.get()
    }

    /// Wake every waiter.
    #[inline]
    pub fn notify_all(&self) {
        // SAFETY: an initialised k_condvar.
        unsafe { raw::rs_k_condvar_broadcast(self.item.get()) };
    }
}
