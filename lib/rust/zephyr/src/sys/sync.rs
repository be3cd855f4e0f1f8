//! [`Semaphore`] and [`Mutex`]: the kernel's `k_sem` and `k_mutex`, one
//! pointer each. Both are `Sync`, `Send` and `Clone` (a clone is another
//! handle on the same C object): the kernel serialises every operation, so
//! all methods take `&self`.

use crate::error::{to_result_void, Result};
#[cfg(CONFIG_USERSPACE)]
use crate::object::alloc_object;
use crate::object::{Fixed, StaticKernelObject, Wrapped};
use crate::raw;
use crate::time::Timeout;

/// A counting semaphore.
#[derive(Clone)]
pub struct Semaphore {
    item: Fixed<raw::k_sem>,
}

// SAFETY: every operation is a kernel call on the shared C object.
unsafe impl Sync for Semaphore {}
// SAFETY: as above; the handle is a pointer to an object that outlives it.
unsafe impl Send for Semaphore {}

/// A semaphore in a static: `SEM.init_once((initial, limit))`.
pub type StaticSemaphore = StaticKernelObject<raw::k_sem>;

impl Wrapped for StaticKernelObject<raw::k_sem> {
    type T = Semaphore;
    type I = (u32, u32);
    unsafe fn get_wrapped(&self, (initial, limit): (u32, u32)) -> Semaphore {
        let sem = self.get();
        // SAFETY: a static k_sem, initialised once (init_once's guarantee).
        let ret = unsafe { raw::rs_k_sem_init(sem, initial, limit) };
        assert!(ret == 0, "k_sem_init({}, {}) failed: {}", initial, limit, ret);
        Semaphore { item: Fixed::Static(sem) }
    }
}

impl Semaphore {
    #[cfg(CONFIG_USERSPACE)]
    /// A semaphore from the kernel's object pool (user mode built in); the
    /// calling thread may use it and grant it on.
    ///
    /// # Safety
    /// The kernel frees an allocated object once no thread holds a permission
    /// on it (the allocating thread has one until it ends or releases it). A
    /// user thread that uses a freed object is refused (an oops, it alone
    /// dies); a supervisor thread is not checked: the caller must keep a
    /// holder alive while any supervisor thread uses a handle.
    #[inline]
    pub unsafe fn new(initial: u32, limit: u32) -> Result<Semaphore> {
        let sem = alloc_object::<raw::k_sem>(raw::k_objects_K_OBJ_SEM).ok_or(crate::Error(12))?;
        // SAFETY: a fresh, never-initialised object of the right type.
        to_result_void(unsafe { raw::rs_k_sem_init(sem, initial, limit) })?;
        Ok(Semaphore { item: Fixed::Allocated(sem) })
    }

    /// Take, waiting up to @timeout: `Err(EBUSY)` without waiting,
    /// `Err(EAGAIN)` when the time ran out.
    #[inline]
    pub fn take<T: Into<Timeout>>(&self, timeout: T) -> Result<()> {
        // SAFETY: an initialised k_sem (the wrapper exists only after init).
        to_result_void(unsafe { raw::rs_k_sem_take(self.item.get(), timeout.into().0) })
    }

    /// Give (up to the limit).
    #[inline]
    pub fn give(&self) {
        // SAFETY: as for take.
        unsafe { raw::rs_k_sem_give(self.item.get()) }
    }

    /// Back to 0; waiters get `EAGAIN`.
    #[inline]
    pub fn reset(&self) {
        // SAFETY: as for take.
        unsafe { raw::rs_k_sem_reset(self.item.get()) }
    }

    /// The current count.
    #[inline]
    pub fn count_get(&self) -> u32 {
        // SAFETY: as for take.
        unsafe { raw::rs_k_sem_count_get(self.item.get()) }
    }

    /// The C object (for grants).
    #[inline]
    pub fn as_ptr(&self) -> *mut raw::k_sem {
        self.item.get()
    }
}

/// A mutex with priority inheritance, recursive for its owner. The raw
/// lock/unlock pair; [`crate::sync::Mutex`] wraps data in it with a guard.
#[derive(Clone)]
pub struct Mutex {
    item: Fixed<raw::k_mutex>,
}

// SAFETY: every operation is a kernel call on the shared C object.
unsafe impl Sync for Mutex {}
// SAFETY: as above.
unsafe impl Send for Mutex {}

/// A mutex in a static: `MUTEX.init_once(())`.
pub type StaticMutex = StaticKernelObject<raw::k_mutex>;

impl Wrapped for StaticKernelObject<raw::k_mutex> {
    type T = Mutex;
    type I = ();
    unsafe fn get_wrapped(&self, _: ()) -> Mutex {
        let m = self.get();
        // SAFETY: a static k_mutex, initialised once.
        let ret = unsafe { raw::rs_k_mutex_init(m) };
        assert!(ret == 0, "k_mutex_init failed: {}", ret);
        Mutex { item: Fixed::Static(m) }
    }
}

impl Mutex {
    #[cfg(CONFIG_USERSPACE)]
    /// A mutex from the kernel's object pool.
    ///
    /// # Safety
    /// The kernel frees an allocated object once no thread holds a permission
    /// on it (the allocating thread has one until it ends or releases it). A
    /// user thread that uses a freed object is refused (an oops, it alone
    /// dies); a supervisor thread is not checked: the caller must keep a
    /// holder alive while any supervisor thread uses a handle.
    #[inline]
    pub unsafe fn new() -> Result<Mutex> {
        let m = alloc_object::<raw::k_mutex>(raw::k_objects_K_OBJ_MUTEX).ok_or(crate::Error(12))?;
        // SAFETY: a fresh, never-initialised object of the right type.
        to_result_void(unsafe { raw::rs_k_mutex_init(m) })?;
        Ok(Mutex { item: Fixed::Allocated(m) })
    }

    /// Lock, waiting up to @timeout.
    #[inline]
    pub fn lock<T: Into<Timeout>>(&self, timeout: T) -> Result<()> {
        // SAFETY: an initialised k_mutex.
        to_result_void(unsafe { raw::rs_k_mutex_lock(self.item.get(), timeout.into().0) })
    }

    /// Unlock: `Err(EPERM)` if the caller does not own it.
    ///
    /// # Safety
    /// The mutex must not be held for a guard of a [`crate::sync::Mutex`]
    /// built on it (`new_from`): unlocking it under the guard would let
    /// another thread reach the guarded data while the guard still does.
    #[inline]
    pub unsafe fn unlock(&self) -> Result<()> {
        // SAFETY: an initialised k_mutex.
        to_result_void(unsafe { raw::rs_k_mutex_unlock(self.item.get()) })
    }

    /// The C object (for grants and condition variables).
    #[inline]
    pub fn as_ptr(&self) -> *mut raw::k_mutex {
        self.item.get()
    }
}
