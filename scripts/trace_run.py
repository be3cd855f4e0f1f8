#!/usr/bin/env python3
"""Run a traced Breeze image (CONFIG_TRACING) and collect its CTF trace.

QEMU runs in the trace folder, where the image's semihosting writes one
stream per CPU (stream_cpu<N>); the build's metadata is copied beside them,
so that the folder is a CTF trace babeltrace2 reads as it is:

    trace_run.py <build dir> <trace dir> [--timeout S] [--smp N]
    babeltrace2 <trace dir>

The console output is echoed; the exit status is QEMU's.
"""
import argparse
import os
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build", help="build folder of the traced image")
    ap.add_argument("trace", help="folder to write the trace to (emptied first)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds of wall time")
    ap.add_argument("--smp", type=int, help="run on this many harts (an SMP image)")
    ap.add_argument("--quiet", action="store_true", help="do not echo the console")
    args = ap.parse_args()

    metadata = os.path.join(args.build, "tracing", "metadata")
    if not os.path.exists(metadata):
        sys.exit(f"trace_run: {metadata} is missing: build the image with CONFIG_TRACING=y")
    shutil.rmtree(args.trace, ignore_errors=True)
    os.makedirs(args.trace)
    shutil.copy(metadata, os.path.join(args.trace, "metadata"))

    with open(os.path.join(args.build, "qemu.cmd")) as f:
        cmd = [line.rstrip("\n") for line in f if line.strip()]
    if args.smp:
        i = cmd.index("-smp") if "-smp" in cmd else None
        if i is not None:
            del cmd[i:i + 2]
        cmd[1:1] = ["-smp", str(args.smp)]
    try:
        proc = subprocess.run(cmd, cwd=args.trace, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=args.timeout)
    except subprocess.TimeoutExpired as e:
        sys.stdout.write((e.stdout or b"").decode(errors="replace"))
        print(f"\ntrace_run: TIMEOUT after {args.timeout:.0f} s")
        return 1
    if not args.quiet:
        sys.stdout.write(proc.stdout.decode(errors="replace"))
    streams = [n for n in os.listdir(args.trace) if n.startswith("stream_cpu")]
    if not streams:
        print("trace_run: the run wrote no stream (is the trace buffer flushed at exit?)")
        return 1
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
