//! Rust's alloc crate over the kernel heap: boxes, vectors that grow and
//! shrink, strings, over-aligned values; everything given back (the heap is
//! whole again at the end).
#![no_std]
extern crate alloc;

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use zephyr::println;

#[repr(align(64))]
struct Aligned([u8; 64]);

fn churn() {
    let b = Box::new(42u64);
    assert_eq!(*b, 42);
    let mut v: Vec<u32> = Vec::new();
    for i in 0..200 {
        v.push(i * 3);
    }
    assert_eq!(v.iter().sum::<u32>(), 3 * 199 * 200 / 2);
    v.truncate(10);
    v.shrink_to_fit();
    let mut s = String::new();
    write!(s, "{}-{}", v[9], b).unwrap();
    assert_eq!(s, "27-42");
    let a = Box::new(Aligned([7; 64]));
    assert_eq!(&*a as *const Aligned as usize % 64, 0);
    assert_eq!(a.0[63], 7);
}

#[unsafe(no_mangle)]
extern "C" fn rust_main() {
    // Many rounds: a leak would exhaust the 4 KiB heap.
    for _ in 0..100 {
        churn();
    }
    // The whole heap is free again: a block of most of it fits.
    let big: Vec<u8> = Vec::with_capacity(3000);
    assert!(big.capacity() >= 3000);
    drop(big);
    println!("rust alloc: 100 rounds, nothing leaked");
    println!("PROJECT EXECUTION SUCCESSFUL");
    zephyr::sys::exit(0);
}
