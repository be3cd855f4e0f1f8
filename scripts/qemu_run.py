#!/usr/bin/env python3
"""Run an image's QEMU in the foreground (`ninja run`, `ninja debugserver`) and
never leave it behind.

A `timeout ninja run` or a killed ninja does not reach QEMU by itself: ninja
runs the command through a shell and does not end console jobs. So QEMU is
started to die with this process (PR_SET_PDEATHSIG), this process ends QEMU
on SIGTERM, SIGHUP and SIGINT, and it watches the build tool that started it
(the nearest ancestor that is not a shell): when that is gone, so is QEMU.

Usage: qemu_run.py <qemu.cmd> [extra QEMU arguments...]
"""
import ctypes
import os
import signal
import subprocess
import sys

PR_SET_PDEATHSIG = 1
SHELLS = {"sh", "dash", "bash", "zsh"}


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""


def parent_of(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def build_tool():
    """The pid of the nearest ancestor that is not a shell (ninja, make)."""
    pid = os.getppid()
    while pid > 1 and comm(pid) in SHELLS:
        pid = parent_of(pid)
    return pid


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def main():
    with open(sys.argv[1]) as f:
        cmd = [line.rstrip("\n") for line in f if line.strip()] + sys.argv[2:]
    libc = ctypes.CDLL(None, use_errno=True)
    watched = build_tool()

    def die_with_us():
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

    qemu = subprocess.Popen(cmd, preexec_fn=die_with_us)
    stopping = []

    def stop(signum=None, frame=None):
        stopping.append(True)

    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(s, stop)
    while True:
        try:
            return qemu.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            if stopping or (watched > 1 and not alive(watched)):
                break
    # QEMU running a guest under -icount may not act on SIGTERM: kill it.
    qemu.terminate()
    try:
        qemu.wait(timeout=1)
    except subprocess.TimeoutExpired:
        qemu.kill()
        qemu.wait()
    return 1


if __name__ == "__main__":
    sys.exit(main())
