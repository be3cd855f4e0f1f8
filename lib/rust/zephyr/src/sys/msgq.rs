//! [`Msgq<T>`]: the kernel's message queue, typed. Messages are copied by the
//! kernel, whole, into and out of the queue's own buffer (kernel memory).
//!
//! ```ignore
//! kobj_define! { static Q: StaticMsgq<u32, 8>; }
//! let q = Q.init_once(()).unwrap();
//! q.put(7, NoWait)?;
//! let v: u32 = q.get(Forever)?;
//! ```

use core::cell::UnsafeCell;
use core::marker::PhantomData;
use core::mem::{size_of, MaybeUninit};
use core::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{to_result_void, Result};
use crate::object::{Fixed, StaticKernelObject, KOBJ_INITIALIZED, KOBJ_INITING, KOBJ_UNINITIALIZED};
use crate::raw;
use crate::time::Timeout;

/// Types that may travel through a message queue: every bit pattern of their
/// size is a valid value. A queue is shared with C code and other threads,
/// so what comes out may have been put by anyone holding the queue.
///
/// # Safety
/// Implement it only for types without padding, invalid bit patterns
/// (`bool`, `char`, enums, references) or pointers the receiver would follow.
pub unsafe trait MsgData: Copy + Send + 'static {}

macro_rules! plain {
    ($($t:ty),*) => { $(
        // SAFETY: an integer: every bit pattern is a value.
        unsafe impl MsgData for $t {}
    )* };
}
plain!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);
// SAFETY: an array of plain data is plain data.
unsafe impl<T: MsgData, const N: usize> MsgData for [T; N] {}

/// A message queue of `T`s.
pub struct Msgq<T: MsgData> {
    item: Fixed<raw::k_msgq>,
    _t: PhantomData<T>,
}

impl<T: MsgData> Clone for Msgq<T> {
    #[inline]
    fn clone(&self) -> Self {
        Self { item: self.item.clone(), _t: PhantomData }
    }
}

// SAFETY: every operation is a kernel call; the messages are Send.
unsafe impl<T: MsgData> Sync for Msgq<T> {}
// SAFETY: as above.
unsafe impl<T: MsgData> Send for Msgq<T> {}

impl<T: MsgData> Msgq<T> {
    /// Put a copy of @msg at the back, waiting up to @timeout for room:
    /// `Err(ENOMSG)` when full and not waiting, `Err(EAGAIN)` on timeout.
    #[inline]
    pub fn put<U: Into<Timeout>>(&self, msg: T, timeout: U) -> Result<()> {
        // SAFETY: the queue's messages are size_of::<T>() bytes (set at init);
        // msg is that many readable bytes.
        to_result_void(unsafe {
            raw::rs_k_msgq_put(self.item.get(), &msg as *const T as *const _, timeout.into().0)
        })
    }

    /// Take the front message, waiting up to @timeout.
    #[inline]
    pub fn get<U: Into<Timeout>>(&self, timeout: U) -> Result<T> {
        let mut msg = MaybeUninit::<T>::uninit();
        // SAFETY: room for one message; filled on success.
        to_result_void(unsafe {
            raw::rs_k_msgq_get(self.item.get(), msg.as_mut_ptr() as *mut _, timeout.into().0)
        })?;
        // SAFETY: the kernel wrote a whole message; any bit pattern is a T (MsgData).
        Ok(unsafe { msg.assume_init() })
    }

    /// Messages waiting.
    #[inline]
    pub fn len(&self) -> u32 {
        // SAFETY: an initialised queue.
        unsafe { raw::rs_k_msgq_num_used_get(self.item.get()) }
    }

    /// No message waiting.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The C object (for grants).
    #[inline]
    pub fn as_ptr(&self) -> *mut raw::k_msgq {
        self.item.get()
    }
}

/// A message queue of @N messages of `T` in a static, its buffer beside it.
pub struct StaticMsgq<T: MsgData, const N: usize> {
    obj: StaticKernelObject<raw::k_msgq>,
    buf: UnsafeCell<MaybeUninit<[T; N]>>,
    init: AtomicUsize,
}

// SAFETY: the buffer is handed to the kernel once, by init_once.
unsafe impl<T: MsgData, const N: usize> Sync for StaticMsgq<T, N> {}

impl<T: MsgData, const N: usize> StaticMsgq<T, N> {
    #[allow(clippy::new_without_default)]
    #[inline]
    pub const fn new() -> Self {
        Self {
            obj: StaticKernelObject::new(),
            buf: UnsafeCell::new(MaybeUninit::uninit()),
            init: AtomicUsize::new(KOBJ_UNINITIALIZED),
        }
    }

    /// The queue, the first time only.
    #[inline]
    pub fn init_once(&self, _: ()) -> Option<Msgq<T>> {
        if self
            .init
            .compare_exchange(KOBJ_UNINITIALIZED, KOBJ_INITING, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return None;
        }
        // SAFETY: a never-initialised queue and its own buffer of N messages of
        // size_of::<T>() bytes, used by nothing else.
        unsafe {
            raw::k_msgq_init(self.obj.get(), self.buf.get() as *mut _, size_of::<T>(), N as u32);
        }
        self.init.store(KOBJ_INITIALIZED, Ordering::Release);
        Some(Msgq { item: Fixed::Static(self.obj.get()), _t: PhantomData })
    }

    /// The C object (for grants).
    #[inline]
    pub fn get(&self) -> *mut raw::k_msgq {
        self.obj.get()
    }
}
