//! Kernel objects from Rust.
//!
//! A static kernel object is a [`StaticKernelObject<T>`]: the C object `T`
//! (zeroed: the never-initialised state) and an atomic state word that moves
//! [`KOBJ_UNINITIALIZED`] → [`KOBJ_INITING`] → [`KOBJ_INITIALIZED`] by
//! compare-and-swap. [`StaticKernelObject::init_once`] initialises the C
//! object for the one caller that wins and hands it the safe wrapper (a
//! [`Wrapped`] type says which); every other call, racing or later, gets
//! `None`. So safe code cannot initialise an object twice, nor reach it before
//! its initialisation is complete.
//!
//! The kernel knows every static of a kernel object type from the image's
//! debug information (scripts/gen_kobject_table.py), Rust statics included:
//! a supervisor can grant one to a user thread before or after it is
//! initialised, exactly as a C static.
//!
//! Thread stacks are the special case: their storage stays in uninitialised
//! (noinit) memory and their state word lives apart, in a
//! [`StaticThreadStack`] that [`kobj_define!`] declares beside the storage.
//!
//! A wrapper holds its C object through [`Fixed`]: a static, or an object
//! allocated from the kernel's pool (`k_object_alloc`), which the kernel frees
//! when no thread holds a permission on it any more.

use core::cell::UnsafeCell;
use core::mem::MaybeUninit;
use core::sync::atomic::{AtomicUsize, Ordering};

use crate::kconfig::{THREAD_STACK_ALIGN, THREAD_STACK_POW2, THREAD_STACK_PRIV_END, THREAD_STACK_RESERVED};
use crate::raw;

/// The object has not been initialised.
pub const KOBJ_UNINITIALIZED: usize = 0;
/// Its initialisation is running.
pub const KOBJ_INITING: usize = 1;
/// It is initialised; its wrapper has been handed out.
pub const KOBJ_INITIALIZED: usize = 2;

/// A kernel object of C type `T` in a static, with its init state.
#[repr(C)]
pub struct StaticKernelObject<T> {
    value: UnsafeCell<T>,
    init: AtomicUsize,
}

// SAFETY: the C object is only reached through the kernel, which serialises
// access to it; the state word is atomic.
unsafe impl<T> Sync for StaticKernelObject<T> {}

impl<T> StaticKernelObject<T> {
    /// A never-initialised object (for statics; [`kobj_define!`] uses it).
    #[allow(clippy::new_without_default)]
    #[inline]
    pub const fn new() -> Self {
        Self {
            // SAFETY: kernel object types are plain C data; all-zero bytes are the
            // state of a C static the kernel has never seen initialised.
            value: UnsafeCell::new(unsafe { MaybeUninit::zeroed().assume_init() }),
            init: AtomicUsize::new(KOBJ_UNINITIALIZED),
        }
    }

    /// The C object's address (what grants and C calls take).
    #[inline]
    pub const fn get(&self) -> *mut T {
        self.value.get()
    }

    /// Its init state: one of the three `KOBJ_*` constants.
    #[inline]
    pub fn state(&self) -> usize {
        self.init.load(Ordering::Acquire)
    }
}

/// How a static kernel object of a raw type becomes its safe wrapper.
pub trait Wrapped {
    /// The wrapper handed out by `init_once`.
    type T;
    /// What `init_once` takes (the C init function's arguments).
    type I;
    /// Initialise the C object with `args` and wrap it.
    ///
    /// # Safety
    /// Once per object, and only by `init_once`, which guarantees that: a
    /// second call would initialise an object that is in use.
    unsafe fn get_wrapped(&self, args: Self::I) -> Self::T;
}

impl<T> StaticKernelObject<T>
where
    StaticKernelObject<T>: Wrapped,
{
    /// Initialise the object and return its wrapper, the first time only:
    /// `None` for every later or concurrent call.
    #[inline]
    pub fn init_once(&self, args: <Self as Wrapped>::I) -> Option<<Self as Wrapped>::T> {
        if self
            .init
            .compare_exchange(KOBJ_UNINITIALIZED, KOBJ_INITING, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return None;
        }
        // SAFETY: this caller won the state word: the only initialisation.
        let wrapped = unsafe { self.get_wrapped(args) };
        self.init.store(KOBJ_INITIALIZED, Ordering::Release);
        Some(wrapped)
    }
}

/// Where a wrapper's C object lives.
pub enum Fixed<T> {
    /// A static ([`StaticKernelObject`]): lives for ever.
    Static(*mut T),
    /// From the kernel's object pool (`k_object_alloc`): the kernel frees it
    /// when no thread holds a permission on it.
    Allocated(*mut T),
}

impl<T> Fixed<T> {
    /// The C object's address.
    #[inline]
    pub fn get(&self) -> *mut T {
        match self {
            Fixed::Static(p) | Fixed::Allocated(p) => *p,
        }
    }
}

impl<T> Clone for Fixed<T> {
    #[inline]
    fn clone(&self) -> Self {
        match self {
            Fixed::Static(p) => Fixed::Static(*p),
            Fixed::Allocated(p) => Fixed::Allocated(*p),
        }
    }
}

#[cfg(CONFIG_USERSPACE)]
/// Allocate a kernel object of type @otype from the kernel's pool, for the
/// calling thread (which gets permission on it). `None` when the pool is
/// empty or the kernel has no object pool (no user mode).
#[inline]
pub fn alloc_object<T>(otype: raw::k_objects) -> Option<*mut T> {
    // SAFETY: k_object_alloc checks the type and returns NULL or a fresh object.
    let p = unsafe { raw::rs_k_object_alloc(otype) } as *mut T;
    if p.is_null() { None } else { Some(p) }
}

#[cfg(CONFIG_USERSPACE)]
/// Grant @thread access to the kernel object at @obj (a supervisor call).
///
/// # Safety
/// @obj must be the address of a kernel object and @thread a thread object.
pub unsafe fn grant_raw(obj: *const core::ffi::c_void, thread: *mut raw::k_thread) {
    // SAFETY: the caller vouches for both addresses; the kernel checks the rest.
    unsafe { raw::rs_k_object_access_grant_typed(obj, thread, raw::k_objects_K_OBJ_ANY) }
}

const fn round_up(x: usize, to: usize) -> usize {
    x.div_ceil(to) * to
}

/// The user part of a thread stack of @size usable bytes: rounded to the stack
/// alignment, or (an MPU of power-of-two regions, ARMv7-M) to a power of two
/// of at least 32 bytes.
const fn stack_user_len(size: usize) -> usize {
    if THREAD_STACK_POW2 != 0 {
        let len = size.next_power_of_two();
        if len < 32 { 32 } else { len }
    } else {
        round_up(size, THREAD_STACK_ALIGN)
    }
}

/// The alignment of a thread stack of @size usable bytes (the C
/// `Z_THREAD_STACK_ALIGN`).
#[inline]
pub const fn stack_align(size: usize) -> usize {
    let len = stack_user_len(size);
    if THREAD_STACK_POW2 != 0 && len > THREAD_STACK_ALIGN { len } else { THREAD_STACK_ALIGN }
}

/// The kernel's reserved part before the user part of a stack of @size
/// usable bytes (the C `Z_USER_STACK_RESERVED_OF`).
#[inline]
pub const fn stack_reserved(size: usize) -> usize {
    if THREAD_STACK_POW2 != 0 { round_up(THREAD_STACK_PRIV_END, stack_align(size)) } else { THREAD_STACK_RESERVED }
}

/// Bytes of storage a thread stack of @size usable bytes takes (the C
/// `Z_THREAD_STACK_LEN`): the kernel's reserved part, then the user part.
#[inline]
pub const fn stack_len(size: usize) -> usize {
    stack_reserved(size) + stack_user_len(size)
}

/// An alignment as a type: `[<Align<N> as Alignment>::Type; 0]` aligns a
/// struct to N (`#[repr(align)]` takes a literal only).
pub struct Align<const N: usize>;

/// See [`Align`].
pub trait Alignment {
    type Type: Copy;
}

macro_rules! alignments {
    ($($n:literal => $t:ident),*) => {
        $(
            #[doc(hidden)]
            #[repr(C, align($n))]
            #[derive(Clone, Copy)]
            pub struct $t;
            impl Alignment for Align<$n> {
                type Type = $t;
            }
        )*
    };
}

alignments!(8 => A8, 16 => A16, 32 => A32, 64 => A64, 128 => A128, 256 => A256, 512 => A512,
            1024 => A1K, 2048 => A2K, 4096 => A4K, 8192 => A8K, 16384 => A16K, 32768 => A32K,
            65536 => A64K, 131072 => A128K, 262144 => A256K, 524288 => A512K, 1048576 => A1M);

/// The storage of a thread stack: `LEN` bytes from [`stack_len`], aligned to
/// `ALIGN` from [`stack_align`]. [`kobj_define!`] puts it in the kernel's stack section.
#[repr(C)]
pub struct ThreadStackStorage<const LEN: usize, const ALIGN: usize>
where
    Align<ALIGN>: Alignment,
{
    _align: [<Align<ALIGN> as Alignment>::Type; 0],
    data: UnsafeCell<[MaybeUninit<u8>; LEN]>,
}

// SAFETY: the storage is only handed to the kernel, one thread at a time, by
// the StaticThreadStack that owns it.
unsafe impl<const LEN: usize, const ALIGN: usize> Sync for ThreadStackStorage<LEN, ALIGN> where
    Align<ALIGN>: Alignment
{
}

impl<const LEN: usize, const ALIGN: usize> ThreadStackStorage<LEN, ALIGN>
where
    Align<ALIGN>: Alignment,
{
    #[allow(clippy::new_without_default)]
    #[inline]
    pub const fn new() -> Self {
        Self { _align: [], data: UnsafeCell::new([MaybeUninit::uninit(); LEN]) }
    }
    #[inline]
    pub const fn base(&self) -> *mut raw::k_thread_stack_t {
        self.data.get() as *mut raw::k_thread_stack_t
    }
}

/// Where the kernel finds a static stack at boot, to register it (the C
/// `z_stack_desc`, which `K_THREAD_STACK_DEFINE` also emits; user mode only).
#[cfg(CONFIG_USERSPACE)]
#[repr(transparent)]
pub struct StackDesc(pub raw::z_stack_desc);

// SAFETY: read-only data the kernel reads at boot.
#[cfg(CONFIG_USERSPACE)]
unsafe impl Sync for StackDesc {}

/// A static thread stack's init tracking, kept apart from its storage.
pub struct StaticThreadStack {
    base: *mut raw::k_thread_stack_t,
    size: usize,
    init: AtomicUsize,
}

// SAFETY: the pointer is constant; the state word is atomic.
unsafe impl Sync for StaticThreadStack {}

impl StaticThreadStack {
    /// For [`kobj_define!`]: the stack at @base with @size usable bytes.
    #[doc(hidden)]
    #[inline]
    pub const fn new(base: *mut raw::k_thread_stack_t, size: usize) -> Self {
        Self { base, size, init: AtomicUsize::new(KOBJ_UNINITIALIZED) }
    }

    /// The stack, once: a [`ThreadStack`] token a thread can be spawned on.
    #[inline]
    pub fn init_once(&self, _args: ()) -> Option<ThreadStack> {
        self.init
            .compare_exchange(KOBJ_UNINITIALIZED, KOBJ_INITIALIZED, Ordering::AcqRel, Ordering::Acquire)
            .ok()
            .map(|_| ThreadStack { base: self.base, size: self.size })
    }

    /// The stack object's address (for grants).
    #[inline]
    pub fn get(&self) -> *mut raw::k_thread_stack_t {
        self.base
    }
}

/// The right to run one thread on a static stack: neither `Clone` nor
/// `Copy`, so one stack never carries two threads; a spawned thread holds it
/// until it is joined.
pub struct ThreadStack {
    pub(crate) base: *mut raw::k_thread_stack_t,
    pub(crate) size: usize,
}

// SAFETY: the token may move to another thread, which then spawns on it.
unsafe impl Send for ThreadStack {}

impl ThreadStack {
    /// Usable bytes.
    #[inline]
    pub fn size(&self) -> usize {
        self.size
    }
}

/// Declare static kernel objects, Zephyr's Rust way:
///
/// ```ignore
/// kobj_define! {
///     static SEM: StaticSemaphore;
///     static LOCKS: [StaticMutex; 4];
///     static WORKER: StaticThread;
///     static WORKER_STACK: ThreadStack<2048>;
///     static POOL_STACKS: [ThreadStack<1024>; 2];
/// }
/// ```
///
/// Each object starts uninitialised; `NAME.init_once(args)` gives its wrapper
/// once. A `ThreadStack<N>` declares the storage in the kernel's stack
/// section (a user-capable stack with user mode) and a [`StaticThreadStack`]
/// named `NAME` to take it with.
#[macro_export]
macro_rules! kobj_define {
    () => {};
    ($v:vis static $name:ident: [ThreadStack<$size:tt>; $n:expr]; $($rest:tt)*) => {
        $v static $name: [$crate::object::StaticThreadStack; $n] = {
            #[cfg_attr(CONFIG_USERSPACE, unsafe(link_section = ".noinit.user_stacks"))]
            #[cfg_attr(not(CONFIG_USERSPACE), unsafe(link_section = ".noinit.stacks"))]
            static STORAGE: [$crate::object::ThreadStackStorage<{ $crate::object::stack_len($size) }, { $crate::object::stack_align($size) }>; $n] =
                [const { $crate::object::ThreadStackStorage::new() }; $n];
            #[cfg(CONFIG_USERSPACE)]
            #[used]
            #[unsafe(link_section = concat!("._z_stack_desc.static.", stringify!($name)))]
            static DESC: $crate::object::StackDesc = $crate::object::StackDesc($crate::raw::z_stack_desc {
                stack: &raw const STORAGE as *mut $crate::raw::k_thread_stack_t,
                nmemb: $n as u32,
                stride: $crate::object::stack_len($size) as u32,
            });
            let mut stacks = [const { $crate::object::StaticThreadStack::new(core::ptr::null_mut(), 0) }; $n];
            let mut i = 0;
            while i < $n {
                stacks[i] = $crate::object::StaticThreadStack::new(STORAGE[i].base(), $size);
                i += 1;
            }
            stacks
        };
        $crate::kobj_define!($($rest)*);
    };
    ($v:vis static $name:ident: ThreadStack<$size:tt>; $($rest:tt)*) => {
        $v static $name: $crate::object::StaticThreadStack = {
            #[cfg_attr(CONFIG_USERSPACE, unsafe(link_section = ".noinit.user_stacks"))]
            #[cfg_attr(not(CONFIG_USERSPACE), unsafe(link_section = ".noinit.stacks"))]
            static STORAGE: $crate::object::ThreadStackStorage<{ $crate::object::stack_len($size) }, { $crate::object::stack_align($size) }> =
                $crate::object::ThreadStackStorage::new();
            #[cfg(CONFIG_USERSPACE)]
            #[used]
            #[unsafe(link_section = concat!("._z_stack_desc.static.", stringify!($name)))]
            static DESC: $crate::object::StackDesc = $crate::object::StackDesc($crate::raw::z_stack_desc {
                stack: STORAGE.base(),
                nmemb: 1,
                stride: $crate::object::stack_len($size) as u32,
            });
            $crate::object::StaticThreadStack::new(STORAGE.base(), $size)
        };
        $crate::kobj_define!($($rest)*);
    };
    ($v:vis static $name:ident: [$type:ty; $n:expr]; $($rest:tt)*) => {
        $v static $name: [$type; $n] = [const { <$type>::new() }; $n];
        $crate::kobj_define!($($rest)*);
    };
    ($v:vis static $name:ident: $type:ty; $($rest:tt)*) => {
        $v static $name: $type = <$type>::new();
        $crate::kobj_define!($($rest)*);
    };
}
