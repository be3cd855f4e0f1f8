//! The global allocator (CONFIG_RUST_ALLOC): Rust's `alloc` (Box, Vec, ...)
//! over the kernel's system heap (`k_aligned_alloc`/`k_free`, sized by
//! CONFIG_HEAP_MEM_POOL_SIZE). The heap is kernel memory: supervisor threads
//! only, as k_malloc in C; an allocation that fails is Rust's allocation
//! error (a panic).

use core::alloc::{GlobalAlloc, Layout};

use crate::raw;

struct KernelHeap;

// SAFETY: k_aligned_alloc returns NULL or a block of at least the size, at
// the alignment asked (a power of two, as Layout guarantees); k_free takes
// what it returned.
unsafe impl GlobalAlloc for KernelHeap {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let align = layout.align().max(core::mem::size_of::<usize>());
        // SAFETY: see the impl.
        unsafe { raw::k_aligned_alloc(align, layout.size()) as *mut u8 }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl.
        unsafe { raw::k_free(ptr as *mut _) }
    }
}

#[global_allocator]
static HEAP: KernelHeap = KernelHeap;
