//! Time: [`Duration`] in kernel ticks, and [`Timeout`], what a blocking call
//! takes (a duration, [`Forever`] or [`NoWait`]).

use crate::raw::{k_timeout_t, CONFIG_SYS_CLOCK_TICKS_PER_SEC};

const TICKS_PER_SEC: i64 = CONFIG_SYS_CLOCK_TICKS_PER_SEC as i64;

/// A span of time, counted in kernel ticks (rounded up from finer units, so
/// that a wait is never shorter than asked).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Duration {
    ticks: i64,
}

impl Duration {
    #[inline]
    pub const fn from_ticks(ticks: i64) -> Self {
        Self { ticks }
    }
    #[inline]
    pub const fn from_secs(s: u32) -> Self {
        Self { ticks: s as i64 * TICKS_PER_SEC }
    }
    #[inline]
    pub const fn from_millis(ms: u32) -> Self {
        Self { ticks: (ms as i64 * TICKS_PER_SEC + 999) / 1000 }
    }
    #[inline]
    pub const fn from_micros(us: u32) -> Self {
        Self { ticks: (us as i64 * TICKS_PER_SEC + 999_999) / 1_000_000 }
    }
    #[inline]
    pub const fn ticks(&self) -> i64 {
        self.ticks
    }
}

/// Wait as long as it takes.
#[derive(Clone, Copy, Debug)]
pub struct Forever;

/// Do not wait.
#[derive(Clone, Copy, Debug)]
pub struct NoWait;

/// What a blocking call takes: the C `k_timeout_t`.
#[derive(Clone, Copy)]
pub struct Timeout(pub k_timeout_t);

impl From<Duration> for Timeout {
    #[inline]
    fn from(d: Duration) -> Self {
        // A negative tick count would be an absolute deadline in the kernel: clamp to now.
        Timeout(k_timeout_t { ticks: if d.ticks < 0 { 0 } else { d.ticks } })
    }
}

impl From<Forever> for Timeout {
    #[inline]
    fn from(_: Forever) -> Self {
        Timeout(k_timeout_t { ticks: -1 })
    }
}

impl From<NoWait> for Timeout {
    #[inline]
    fn from(_: NoWait) -> Self {
        Timeout(k_timeout_t { ticks: 0 })
    }
}

/// Sleep for @d (or until woken); returns the time left if woken early.
#[inline]
pub fn sleep<T: Into<Timeout>>(t: T) -> Duration {
    // SAFETY: k_sleep takes a plain value.
    let left_ms = unsafe { crate::raw::rs_k_sleep(t.into().0) };
    Duration::from_millis(left_ms.max(0) as u32)
}

/// Milliseconds since boot.
#[inline]
pub fn uptime_ms() -> i64 {
    // SAFETY: no arguments.
    unsafe { crate::raw::k_uptime_get() }
}
