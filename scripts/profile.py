#!/usr/bin/env python3
"""Instruction profile of one Breeze image: executed instructions per function.

Runs the image's qemu.cmd with one guest instruction per translation block
and QEMU's execution log, then counts the log's lines by the symbol QEMU
names for each. --from/--to restrict the count to the instructions between
the first entry into one function and the next entry into another (for
example a benchmark's start and end markers), --divide reports per iteration.
--skip passes over that many calls of the --from function first (a call is
an execution of its first instruction; the image's ELF gives the address).

    scripts/profile.py build/bench/.../qemu.cmd --from bench_begin --to bench_end --divide 2000
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

TRACE = re.compile(r"^Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/[0-9a-f/]*\] (\S*)")


def symbol_address(elf, name):
    """The address of @name in @elf (Thumb bit cleared), by the first nm that reads it."""
    for nm in ("riscv64-unknown-elf-nm", "arm-none-eabi-nm", "nm"):
        try:
            out = subprocess.run([nm, elf], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[2] == name:
                return int(parts[0], 16) & ~1
    sys.exit(f"profile: no symbol {name} in {elf}")


def run(cmd, log, timeout):
    cmd = list(cmd)
    cmd[1:1] = ["-singlestep", "-d", "exec,nochain", "-D", log]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=timeout, check=False)


def count(log, start, stop, skip=0, start_pc=None):
    counts = collections.Counter()
    on = start is None
    prev = None
    with open(log, errors="replace") as f:
        for line in f:
            m = TRACE.match(line)
            if not m:
                continue
            sym = m.group(2) or "?"
            entered = sym != prev
            prev = sym
            if not on:
                if start_pc is not None:
                    if int(m.group(1), 16) != start_pc:
                        continue
                    skip -= 1
                    if skip >= 0:
                        continue
                on = entered and sym == start
                if not on:
                    continue
            elif stop is not None and entered and sym == stop:
                break
            counts[sym] += 1
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("qemu_cmd")
    ap.add_argument("--from", dest="start", help="count from the first entry into this function")
    ap.add_argument("--skip", type=int, default=0,
                    help="pass over this many calls of the --from function first")
    ap.add_argument("--to", dest="stop", help="stop at the next entry into this function")
    ap.add_argument("--divide", type=float, default=1.0, help="report counts divided by this")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--timeout", type=float, default=300.0)
    args = ap.parse_args()

    with open(args.qemu_cmd) as f:
        cmd = [line.rstrip("\n") for line in f if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "exec.log")
        run(cmd, log, args.timeout)
        start_pc = None
        if args.skip:
            elf = cmd[cmd.index("-kernel") + 1]
            start_pc = symbol_address(elf, args.start)
        counts = count(log, args.start, args.stop, args.skip, start_pc)
    total = sum(counts.values())
    for sym, n in counts.most_common(args.top):
        print(f"{n / args.divide:10.1f}  {sym}")
    print(f"{total / args.divide:10.1f}  total")
    return 0 if total else 1


if __name__ == "__main__":
    sys.exit(main())
