/*
 * Compiler attributes and helpers used throughout Breeze (GCC/Clang).
 */
#ifndef BREEZE_TOOLCHAIN_H
#define BREEZE_TOOLCHAIN_H

#define ALWAYS_INLINE inline __attribute__((always_inline))
#define FUNC_NORETURN __attribute__((noreturn))
/* The C library's <sys/cdefs.h> may define some of these already, identically. */
#ifndef __weak
#define __weak __attribute__((weak))
#endif
#ifndef __used
#define __used __attribute__((used))
#endif
#ifndef __unused
#define __unused __attribute__((unused))
#endif
#ifndef __packed
#define __packed __attribute__((packed))
#endif
#ifndef __aligned
#define __aligned(x) __attribute__((aligned(x)))
#endif
#define __noinit            __attribute__((section(".noinit")))
#define __printf_like(f, a) __attribute__((format(printf, f, a)))
#define __maybe_unused      __attribute__((unused))

#ifndef likely
#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#endif

/*
 * A rare path out of a hot function's way: built for speed, a function of its
 * own (the hot path keeps no registers for it); built for size, inline or not
 * as the compiler finds smaller. Never cloned either, here or in
 * Z_OUT_OF_LINE: a clone with a constant argument dropped (the CPU on one CPU)
 * takes its others in other registers than the caller holds them, and GCC
 * then shuffles them on the hot path too (4 moves and a push on Cortex-M's
 * switch).
 */
#ifdef CONFIG_SPEED_OPTIMIZATIONS
#define Z_COLD_PATH __attribute__((noinline, noclone, cold))
#else
#define Z_COLD_PATH __attribute__((cold))
#endif

/*
 * A less usual path that must stay fast: built for speed, a function of its
 * own but optimised as such (its caller then needs no frame for it); built
 * for size, inline or not as the compiler finds smaller.
 */
#ifdef CONFIG_SPEED_OPTIMIZATIONS
#define Z_OUT_OF_LINE __attribute__((noinline, noclone))
#else
#define Z_OUT_OF_LINE
#endif

/*
 * A hot function with more than one caller: built for speed, inline in each
 * (no call, no frame); built for size, inline or not as the compiler finds
 * smaller.
 */
#ifdef CONFIG_SPEED_OPTIMIZATIONS
#define Z_HOT_INLINE inline __attribute__((always_inline))
#else
#define Z_HOT_INLINE inline
#endif

#define Z_STRINGIFY(x)   #x
#define STRINGIFY(s)     Z_STRINGIFY(s)
#define _DO_CONCAT(x, y) x##y
#define _CONCAT(x, y)    _DO_CONCAT(x, y)

#define ARG_UNUSED(x)    (void)(x)
#define Z_FALLTHROUGH    __attribute__((fallthrough))
#define CODE_UNREACHABLE __builtin_unreachable()
/* Zephyr's spelling of the same statement attribute. */
#define __fallthrough    Z_FALLTHROUGH

/* Place a definition in a named section and keep it through --gc-sections. */
#define Z_GENERIC_SECTION(name) __attribute__((section(STRINGIFY(name))))

/* Compile-time check; the message is optional as in Zephyr. */
#define BUILD_ASSERT(cond, ...) _Static_assert(cond, "" __VA_ARGS__)

#endif /* BREEZE_TOOLCHAIN_H */
