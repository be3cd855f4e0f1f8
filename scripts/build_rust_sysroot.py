#!/usr/bin/python3
"""Build the Rust sysroot of a bare-metal target from the library sources.

Debian's rustc (package rustc-web) knows riscv32imac-unknown-none-elf but ships
no precompiled library for it; rust-web-src has the sources. This builds
core, compiler_builtins (with its "mem" feature: memcpy and friends for code
that has no C library) and alloc into <sysroot>/lib/rustlib/<target>/lib, so
that rustc --sysroot finds them as it finds its own.

The build takes a minute or two, so it is done once per sysroot folder: a
stamp records the compiler's version, the target and the flags, and a lock
keeps images configured in parallel from building the same sysroot twice.
RUSTC_BOOTSTRAP=1 lets the stable compiler build the standard library (which
uses unstable features), as the toolchain's own build does.

Usage: build_rust_sysroot.py --rustc /usr/bin/rustc --src /usr/src/rustc-1.96.0/library
                             --target riscv32imac-unknown-none-elf SYSROOT
"""
import argparse
import fcntl
import os
import subprocess
import sys


def rustc_version(rustc):
    return subprocess.run([rustc, "--version"], check=True, capture_output=True,
                          text=True).stdout.strip()


def build(rustc, src, target, libdir, flags):
    env = dict(os.environ, RUSTC_BOOTSTRAP="1",
               # compiler_builtins reads these at compile time (its build script would set them).
               CFG_CARGO_FEATURES='["compiler-builtins", "mem"]', CFG_OPT_LEVEL="s",
               CFG_TARGET_FEATURES="[]")
    common = [rustc, "--edition", "2024", "--crate-type", "rlib", "--target", target,
              "-Z", "force-unstable-if-unmarked", "-L", libdir] + flags
    crates = [
        ("core", "core/src/lib.rs", []),
        ("compiler_builtins", "compiler-builtins/compiler-builtins/src/lib.rs",
         ["--cfg", 'feature="compiler-builtins"', "--cfg", 'feature="mem"',
          "--cfg", "intrinsics_enabled", "--cfg", "arch_enabled",
          "--cfg", "optimizations_enabled", "--cfg", 'feature="unstable-intrinsics"',
          "--extern", "core"]),
        ("alloc", "alloc/src/lib.rs", ["--extern", "core", "--extern", "compiler_builtins"]),
    ]
    for name, path, extra in crates:
        out = os.path.join(libdir, f"lib{name}.rlib")
        print(f"rust sysroot: building {name}", flush=True)
        cmd = common + ["--crate-name", name] + extra + [os.path.join(src, path), "-o", out]
        r = subprocess.run(cmd, env=env)
        if r.returncode != 0:
            sys.exit(f"rust sysroot: building {name} failed")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rustc", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("--target", required=True)
    ap.add_argument("sysroot")
    args = ap.parse_args()

    flags = ["-C", "opt-level=s", "-C", "panic=abort", "-C", "debuginfo=1",
             "-C", "debug-assertions=no", "-C", "overflow-checks=no"]
    libdir = os.path.join(args.sysroot, "lib", "rustlib", args.target, "lib")
    os.makedirs(libdir, exist_ok=True)
    want = "\n".join([rustc_version(args.rustc), args.src, args.target] + flags) + "\n"
    stamp = os.path.join(args.sysroot, "stamp")
    with open(os.path.join(args.sysroot, "lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(stamp) and open(stamp).read() == want:
            return
        if os.path.exists(stamp):
            os.remove(stamp)
        build(args.rustc, args.src, args.target, libdir, flags)
        with open(stamp, "w") as f:
            f.write(want)


if __name__ == "__main__":
    main()
