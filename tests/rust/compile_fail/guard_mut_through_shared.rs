// error: E0596
// The data behind a Mutex<T> guard is mutable only through a guard held
// mutably: a shared reference to the guard gives a shared view only.
#![no_std]
use core::ops::DerefMut;
use zephyr::sync::MutexGuard;

pub fn poke(g: &MutexGuard<'_, u32>) {
    *g.deref_mut() = 1;
}
