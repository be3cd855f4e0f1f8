//! Memory domains and application partitions (user mode).
//!
//! ```ignore
//! app_partition!(pub static PHILO_PART;);
//! app_data!(PHILO_PART, static MEALS: [AtomicU32; 5] = [const { AtomicU32::new(0) }; 5];);
//! kobj_define! { static DOMAIN: StaticMemDomain; }
//! let domain = DOMAIN.init_once(()).unwrap();
//! domain.add_partition(&PHILO_PART).unwrap();
//! domain.add_thread(created.tid());
//! ```
//!
//! A partition is laid out by the build with the C ones (its variables go in
//! the same sections `K_APP_DMEM` uses, and scripts/gen_app_smem.py reads the
//! Rust archive too); a domain is the C `k_mem_domain`, which only supervisor
//! threads may set up.

use crate::object::{StaticKernelObject, Wrapped};
use crate::raw;

/// An application memory partition: bounds the link fixes.
pub struct Partition {
    start: *const u8,
    size: *const u8, // a symbol whose address is the size
    read_only: bool,
}

// SAFETY: two link-time addresses, never written.
unsafe impl Sync for Partition {}

impl Partition {
    #[doc(hidden)]
    pub const fn new(start: *const u8, size: *const u8) -> Self {
        Self { start, size, read_only: false }
    }

    /// First byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Length in bytes.
    pub fn size(&self) -> usize {
        self.size as usize
    }

    fn raw(&self) -> raw::k_mem_partition {
        // SAFETY: all-zero is a valid k_mem_partition, filled in just below.
        let mut p: raw::k_mem_partition = unsafe { core::mem::zeroed() };
        // SAFETY: p is a valid, writable partition record.
        unsafe { raw::rs_mem_partition_set(&mut p, self.start(), self.size(), self.read_only) };
        p
    }
}

/// Declare an application memory partition (Zephyr's
/// `K_APPMEM_PARTITION_DEFINE`): `app_partition!(pub static NAME;);`
#[macro_export]
macro_rules! app_partition {
    ($v:vis static $name:ident;) => {
        $v static $name: $crate::app_memory::Partition = {
            #[used]
            #[unsafe(link_section = concat!(".app_smem_name.", stringify!($name)))]
            static MARKER: u8 = 0;
            unsafe extern "C" {
                #[link_name = concat!("z_data_smem_", stringify!($name), "_part_start")]
                static START: u8;
                #[link_name = concat!("z_data_smem_", stringify!($name), "_part_size")]
                static SIZE: u8;
            }
            $crate::app_memory::Partition::new(&raw const START, &raw const SIZE)
        };
    };
}

/// A static in a partition (Zephyr's `K_APP_DMEM`):
/// `app_data!(PART, static NAME: Type = value;);`
#[macro_export]
macro_rules! app_data {
    ($part:ident, $v:vis static $name:ident: $t:ty = $e:expr;) => {
        #[unsafe(link_section = concat!("data_smem_", stringify!($part), "_data"))]
        $v static $name: $t = $e;
    };
}

/// A memory domain: the partitions its threads may reach.
pub struct MemDomain {
    item: *mut raw::k_mem_domain,
}

// SAFETY: the kernel serialises domain changes.
unsafe impl Sync for MemDomain {}
// SAFETY: as above.
unsafe impl Send for MemDomain {}

/// A domain in a static: `DOMAIN.init_once(())`, then `add_partition`.
pub type StaticMemDomain = StaticKernelObject<raw::k_mem_domain>;

impl Wrapped for StaticKernelObject<raw::k_mem_domain> {
    type T = MemDomain;
    type I = ();
    unsafe fn get_wrapped(&self, _: ()) -> MemDomain {
        // SAFETY: a never-initialised domain (init_once); no partitions yet.
        let ret = unsafe { raw::k_mem_domain_init(self.get(), 0, core::ptr::null_mut()) };
        assert!(ret == 0, "k_mem_domain_init failed: {}", ret);
        MemDomain { item: self.get() }
    }
}

impl MemDomain {
    /// Add @part: its threads may reach it at once. `Err(ENOSPC)` past the
    /// protection unit's budget, `Err(EINVAL)` for an overlap.
    pub fn add_partition(&self, part: &Partition) -> crate::Result<()> {
        let mut rec = part.raw();
        // SAFETY: an initialised domain and a valid record, which the kernel copies.
        crate::error::to_result_void(unsafe { raw::k_mem_domain_add_partition(self.item, &mut rec) })
    }

    /// Move @thread into the domain (before it starts, or at once if running).
    pub fn add_thread(&self, thread: *mut raw::k_thread) -> crate::Result<()> {
        // SAFETY: an initialised domain; the kernel checks the thread.
        crate::error::to_result_void(unsafe { raw::k_mem_domain_add_thread(self.item, thread) })
    }
}
