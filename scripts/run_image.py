#!/usr/bin/env python3
"""Run one Breeze image under QEMU and judge the run.

The QEMU command line comes from the image's qemu.cmd (one argument per line,
written by the build); --smp and --parallel change it for SMP runs. The run
passes when QEMU exits with the expected status
within the time limit and every expected regular expression appears in the
output. The output is echoed so that CTest can show it on failure.
"""
import argparse
import re
import subprocess
import sys


def drop_option(cmd, name):
    """cmd without the option @name and its value."""
    out = []
    skip = False
    for arg in cmd:
        if skip:
            skip = False
        elif arg == name:
            skip = True
        else:
            out.append(arg)
    return out


def adjust(cmd, smp, parallel):
    """The command line with @smp harts and, if @parallel, multi-threaded TCG.

    -icount interleaves the harts deterministically on one host thread, which
    hides races; without it, and with -accel tcg,thread=multi, each hart runs
    on a host thread of its own.
    """
    if smp is not None:
        cmd = drop_option(cmd, "-smp")
        cmd[1:1] = ["-smp", str(smp)]
    if parallel:
        cmd = drop_option(cmd, "-icount")
        cmd[1:1] = ["-accel", "tcg,thread=multi"]
    return cmd


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("qemu_cmd", help="path of the image's qemu.cmd")
    ap.add_argument("--expect-exit", type=int, default=0)
    ap.add_argument("--expect", action="append", default=[], help="regex that must appear")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds of wall time")
    ap.add_argument("--smp", type=int, help="run on this many harts (an SMP image)")
    ap.add_argument("--parallel", action="store_true",
                    help="real parallelism: no -icount, each hart on a host thread")
    args = ap.parse_args()

    with open(args.qemu_cmd) as f:
        cmd = [line.rstrip("\n") for line in f if line.strip()]
    cmd = adjust(cmd, args.smp, args.parallel)
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=args.timeout)
        output = proc.stdout.decode(errors="replace")
        status = proc.returncode
    except subprocess.TimeoutExpired as e:
        output = (e.stdout or b"").decode(errors="replace")
        sys.stdout.write(output)
        print(f"\nrun_image: TIMEOUT after {args.timeout:.0f} s")
        return 1

    sys.stdout.write(output)
    problems = []
    if status != args.expect_exit:
        problems.append(f"exit status {status}, expected {args.expect_exit}")
    for pattern in args.expect:
        if not re.search(pattern, output, re.MULTILINE):
            problems.append(f"output lacks /{pattern}/")
    for p in problems:
        print(f"run_image: {p}")
    if not problems:
        print(f"run_image: ok (exit status {status})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
