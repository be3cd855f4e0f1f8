#!/usr/bin/env python3
"""Run the traced scenario of tests/tracing/ctf and check its trace as
babeltrace2 prints it: every event known to the metadata, timestamps that
never go back, the threads by name, and the scenario's events in order
(src/main.c tells the story).

Usage: check_trace.py <build dir> <trace dir> [--smp N]

With --smp the image (built with SMP) runs on N harts, where main and pong
may run at once on different CPUs: the order is not the one-CPU story, and
the checks are the rest, plus a stream from every CPU, pong's user fault and
sys_exit last.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

LINE = re.compile(r"^\[(?P<time>[\d:.]+)\] \(\S+\) (?P<event>\w+): "
                  r"\{ cpu_id = (?P<cpu>\d+) \}(?:, \{ (?P<fields>.*) \})?$")
FIELD = re.compile(r'(\w+) = (\( "(\w+)" : container = -?\d+ \)|"[^"]*"|[-\w]+)')

KNOWN = {"thread_switched_out", "thread_switched_in", "thread_ready", "thread_pend",
         "thread_create", "thread_name_set", "thread_suspend", "thread_abort", "isr_enter",
         "isr_exit", "idle", "syscall_enter", "syscall_exit", "k_sem_give", "k_sem_take",
         "k_mutex_lock", "k_mutex_unlock", "k_msgq_put", "k_msgq_get", "fatal_error",
         "sys_exit"}

# The scenario, in order; other events may come between.
EXPECTED = [
    ("thread_create", {"user": "1"}),
    ("thread_name_set", {"name": "pong", "user": "1", "prio": "3"}),
    ("k_sem_take", {"timeout": "-1"}),
    ("thread_pend", {"name": "main"}),
    ("thread_switched_out", {"name": "main"}),
    ("thread_switched_in", {"name": "pong"}),
    ("syscall_enter", {"syscall": "k_mutex_lock"}),
    ("k_mutex_lock", {"timeout": "-1"}),
    ("syscall_exit", {"syscall": "k_mutex_lock", "ret": "0"}),
    ("syscall_enter", {"syscall": "k_msgq_put"}),
    ("k_msgq_put", {"timeout": "0"}),
    ("syscall_exit", {"syscall": "k_msgq_put", "ret": "0"}),
    ("syscall_enter", {"syscall": "k_mutex_unlock"}),
    ("k_mutex_unlock", {}),
    ("syscall_exit", {"syscall": "k_mutex_unlock", "ret": "0"}),
    ("syscall_enter", {"syscall": "k_sem_give"}),
    ("k_sem_give", {}),
    ("thread_ready", {"name": "main"}),
    ("thread_switched_out", {"name": "pong"}),
    ("thread_switched_in", {"name": "main"}),
    ("k_msgq_get", {"timeout": "0"}),
    ("fatal_error", {"name": "pong", "user": "1", "user_fault": "1", "reason": "0"}),
    ("thread_abort", {"name": "pong"}),
    ("thread_switched_in", {"name": "main"}),
    ("sys_exit", {"status": "0"}),
]


def parse(text):
    events = []
    for line in text.splitlines():
        m = LINE.match(line)
        if not m:
            raise ValueError(f"unexpected line from babeltrace2: {line}")
        fields = {}
        for f in FIELD.finditer(m.group("fields") or ""):
            fields[f.group(1)] = f.group(3) or f.group(2).strip('"')
        events.append((m.group("time"), int(m.group("cpu")), m.group("event"), fields))
    return events


def main():
    build, trace = sys.argv[1:3]
    smp = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--smp" else None
    run = subprocess.run([sys.executable, os.path.join(BASE, "scripts", "trace_run.py"),
                          build, trace, "--timeout", "60"] + (["--smp", str(smp)] if smp else []))
    if run.returncode != 0:
        print(f"check_trace: the traced run failed ({run.returncode})")
        return 1
    bt = subprocess.run(["babeltrace2", trace], capture_output=True, text=True)
    if bt.returncode != 0:
        print(f"check_trace: babeltrace2 failed:\n{bt.stderr}")
        return 1
    events = parse(bt.stdout)
    problems = []
    unknown = {e for _, _, e, _ in events} - KNOWN
    if unknown:
        problems.append(f"unknown events {sorted(unknown)}")
    times = [t for t, _, _, _ in events]
    if times != sorted(times):
        problems.append("timestamps go back")
    names = {f.get("name") for _, _, _, f in events}
    for n in ("idle", "main", "pong"):
        if n not in names:
            problems.append(f"no event names thread '{n}'")
    expected = EXPECTED
    if smp:
        expected = [e for e in EXPECTED if e[0] in ("thread_name_set", "fatal_error")]
        cpus = {cpu for _, cpu, _, _ in events}
        if cpus != set(range(smp)):
            problems.append(f"events from CPUs {sorted(cpus)}, expected 0 to {smp - 1}")
    i = 0
    for _, _, event, fields in events:
        if i < len(expected):
            want, want_fields = expected[i]
            if event == want and all(fields.get(k) == v for k, v in want_fields.items()):
                i += 1
    if i < len(expected):
        problems.append(f"expected event #{i} {expected[i]} not found in order")
    if events and events[-1][2] != "sys_exit":
        problems.append(f"the last event is {events[-1][2]}, not sys_exit")
    print(f"check_trace: {len(events)} events, {len(names - {None})} thread names, "
          f"{i} of {len(expected)} scenario steps in order")
    for p in problems:
        print(f"check_trace: {p}")
    if not problems:
        print("check_trace: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
