#!/usr/bin/env python3
"""Draw the timeline of a Breeze CTF trace (CONFIG_TRACING).

Reads the trace through babeltrace2's text output (cycle timestamps), rebuilds
each thread's state over time from the scheduler's events and writes
  - an SVG (or PNG) picture, with python3-matplotlib: one lane per CPU (which
    thread runs, interrupts as marks) and one per thread (running, ready and
    blocked spans, system calls as ticks, faults highlighted; user threads'
    running spans hatched and labelled "user");
  - a Chrome/Perfetto trace-event JSON for interactive viewing
    (ui.perfetto.dev or chrome://tracing: open the file).

    trace_timeline.py <trace dir> [-o trace.svg] [--json trace.json]
                      [--start US] [--end US] [--title TEXT]
"""
import argparse
import json
import os
import re
import subprocess
import sys

LINE = re.compile(r"^\[(?P<cycles>\d+)\] \(\S+\) (?P<event>\w+): "
                  r"\{ cpu_id = (?P<cpu>\d+) \}(?:, \{ (?P<fields>.*) \})?$")
FIELD = re.compile(r'(\w+) = (\( "(\w+)" : container = -?\d+ \)|"[^"]*"|[-\w]+)')

RUNNING, READY, BLOCKED = "running", "ready", "blocked"
COLOURS = {RUNNING: "#2e7d32", READY: "#f9a825", BLOCKED: "#b0bec5"}
SYSCALL_COLOUR = "#1565c0"
ISR_COLOUR = "#6a1b9a"
FAULT_COLOUR = "#d50000"
MAX_MARKS_PER_LANE = 150  # beyond this, marks are thinned to one per column


def read_events(trace):
    """The trace's events as (cycles, cpu, name, fields), and the clock's frequency."""
    with open(os.path.join(trace, "metadata")) as f:
        freq = int(re.search(r"freq = (\d+);", f.read()).group(1))
    out = subprocess.run(["babeltrace2", "--clock-cycles", trace], check=True,
                         capture_output=True, text=True).stdout
    events = []
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        fields = {f.group(1): f.group(3) or f.group(2).strip('"')
                  for f in FIELD.finditer(m.group("fields") or "")}
        events.append((int(m.group("cycles")), int(m.group("cpu")), m.group("event"), fields))
    return events, freq


class Thread:
    def __init__(self, ptr):
        self.ptr = ptr
        self.name = ""
        self.user = False
        self.prio = 0
        self.state = None     # None: not started (or ended)
        self.since = 0
        self.cpu = None
        self.blocking = False  # pended, suspended or ended while running
        self.ended = False
        self.spans = []       # (state, start, end, cpu)
        self.syscalls = []    # (time, name)
        self.faults = []      # (time, reason)
        self.first = None
        self.created = False  # the boot context is switched out, never created
        self.same_name = False  # another thread has this name

    def label(self):
        mode = "user" if self.user else "supervisor"
        name = self.name or self.ptr
        if self.same_name:  # each CPU's idle thread, say
            name = f"{name} {self.ptr}"
        return f"{name} ({mode}, prio {self.prio})"

    def move(self, state, t, cpu=None):
        if self.state is not None and t > self.since:
            self.spans.append((self.state, self.since, t, self.cpu))
        self.state, self.since = state, t
        if cpu is not None or state != RUNNING:
            self.cpu = cpu

    def stop(self, state, t):
        """Leave for @state: now, or at its switch-out if it is running."""
        if self.state == RUNNING:
            self.blocking = True
        else:
            self.move(state, t)


def rebuild(events):
    """Threads with their state spans, per-CPU runs and interrupts, from the events."""
    threads = {}
    cpu_runs = {}     # cpu -> [(thread, start, end)]
    cpu_current = {}  # cpu -> (thread, since)
    isrs = []         # (time, cpu, irq)
    end = events[-1][0] if events else 0

    def thread(fields, t):
        ptr = fields["thread"]
        th = threads.get(ptr)
        if th is None:
            th = threads[ptr] = Thread(ptr)
            th.first = t
        th.name = fields.get("name") or th.name
        th.user = fields.get("user") == "1"
        th.prio = int(fields.get("prio", th.prio))
        return th

    for t, cpu, name, fields in events:
        if name in ("thread_create", "thread_name_set"):
            thread(fields, t).created = True
        elif name == "thread_ready":
            th = thread(fields, t)
            th.blocking = False
            if th.state != RUNNING:
                th.move(READY, t)
        elif name in ("thread_pend", "thread_suspend"):
            thread(fields, t).stop(BLOCKED, t)
        elif name == "thread_abort":
            th = thread(fields, t)
            th.ended = True
            th.stop(None, t)
        elif name == "thread_switched_out":
            th = thread(fields, t)
            th.move(None if th.ended else BLOCKED if th.blocking else READY, t)
            th.blocking = False
            prev = cpu_current.pop(cpu, None)
            if prev is not None and t > prev[1]:
                cpu_runs.setdefault(cpu, []).append((prev[0], prev[1], t))
        elif name == "thread_switched_in":
            th = thread(fields, t)
            th.move(RUNNING, t, cpu)
            cpu_current[cpu] = (th, t)
        elif name == "syscall_enter":
            running = cpu_current.get(cpu)
            if running is not None:
                running[0].syscalls.append((t, fields.get("syscall", "?")))
        elif name == "isr_enter":
            isrs.append((t, cpu, fields.get("irq", "?")))
        elif name == "fatal_error":
            th = thread(fields, t)
            th.faults.append((t, fields.get("reason", "?")))
    for th in threads.values():
        th.move(None, end)
        th.same_name = sum(o.name == th.name for o in threads.values() if o.created) > 1
    for cpu, (th, since) in cpu_current.items():
        cpu_runs.setdefault(cpu, []).append((th, since, end))
    return threads, cpu_runs, isrs, end


def clip(a, b, lo, hi):
    return max(a, lo), min(b, hi)


def thinned(times, lo, hi, columns=400):
    """At most one mark per 1/400 of the width: a dense lane stays a small file."""
    if len(times) <= MAX_MARKS_PER_LANE:
        return times
    width = (hi - lo) / columns
    seen, out = set(), []
    for t in times:
        col = int((t - lo) / width)
        if col not in seen:
            seen.add(col)
            out.append(t)
    return out


def draw(threads, cpu_runs, isrs, lo, hi, us_per_cycle, path, title):
    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "breeze"  # the same picture gives the same file
    matplotlib.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    lanes = [f"CPU {cpu}" for cpu in sorted(cpu_runs)]
    shown = [th for th in sorted(threads.values(), key=lambda th: (th.first, th.ptr))
             if th.created and any(s[2] > lo and s[1] < hi for s in th.spans)]
    lanes += [th.label() for th in shown]
    palette = plt.get_cmap("tab10")
    tcolour = {th.ptr: palette(i % 10) for i, th in enumerate(shown)}

    fig, ax = plt.subplots(figsize=(12, 0.45 * len(lanes) + 1.6))
    us = lambda c: (c - lo) * us_per_cycle  # noqa: E731
    y_of = {}
    for i, cpu in enumerate(sorted(cpu_runs)):
        y = len(lanes) - 1 - i
        bars, colours = [], []
        for th, a, b in cpu_runs[cpu]:
            a, b = clip(a, b, lo, hi)
            if b > a:
                bars.append((us(a), us(b) - us(a)))
                colours.append(tcolour.get(th.ptr, "#999999"))
        ax.broken_barh(bars, (y - 0.35, 0.7), facecolors=colours, linewidth=0)
        marks = thinned([t for t, c, _ in isrs if c == cpu and lo <= t <= hi], lo, hi)
        ax.plot([us(t) for t in marks], [y + 0.42] * len(marks), "v", color=ISR_COLOUR,
                markersize=4, linestyle="none")
    for j, th in enumerate(shown):
        y = len(shown) - 1 - j
        y_of[th.ptr] = y
        for state in (RUNNING, READY, BLOCKED):
            bars = []
            for s, a, b, _ in th.spans:
                if s != state or (state == READY and th.name == "idle"):
                    continue
                a, b = clip(a, b, lo, hi)
                if b > a:
                    bars.append((us(a), us(b) - us(a)))
            if not bars:
                continue
            height = 0.6 if state == RUNNING else 0.3
            ax.broken_barh(bars, (y - height / 2, height), facecolors=COLOURS[state],
                           edgecolor="white" if state == RUNNING and th.user else "none",
                           hatch="////" if state == RUNNING and th.user else None,
                           linewidth=0)
        marks = thinned([t for t, _ in th.syscalls if lo <= t <= hi], lo, hi)
        ax.plot([us(t) for t in marks], [y + 0.38] * len(marks), "|", color=SYSCALL_COLOUR,
                markersize=5, linestyle="none")
        for t, reason in th.faults:
            if lo <= t <= hi:
                ax.axvline(us(t), color=FAULT_COLOUR, linewidth=0.8, linestyle="--")
                ax.plot([us(t)], [y], "X", color=FAULT_COLOUR, markersize=10)
                ax.annotate(f"fault ({th.name})", (us(t), y), xytext=(4, 6),
                            textcoords="offset points", color=FAULT_COLOUR, fontsize=8)
    ax.set_yticks(range(len(lanes)))
    ax.set_yticklabels(list(reversed(lanes)), fontsize=8)
    # A thread's label in the colour of its runs on the CPU lanes.
    for label in ax.get_yticklabels():
        for th in shown:
            if label.get_text() == th.label():
                label.set_color(tcolour[th.ptr])
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.set_xlim(0, us(hi))
    ax.set_xlabel(f"µs from {lo * us_per_cycle:.1f} µs")
    ax.grid(axis="x", linewidth=0.3)
    legend = [Patch(facecolor=COLOURS[RUNNING], label="running (supervisor)"),
              Patch(facecolor=COLOURS[RUNNING], hatch="////", edgecolor="white",
                    label="running (user)"),
              Patch(facecolor=COLOURS[READY], label="ready"),
              Patch(facecolor=COLOURS[BLOCKED], label="blocked"),
              plt.Line2D([], [], marker="|", color=SYSCALL_COLOUR, linestyle="none",
                         label="system call"),
              plt.Line2D([], [], marker="v", color=ISR_COLOUR, linestyle="none",
                         label="interrupt"),
              plt.Line2D([], [], marker="X", color=FAULT_COLOUR, linestyle="none",
                         label="fault")]
    ax.legend(handles=legend, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 1.2 / len(lanes)),
              ncol=7, fontsize=8, frameon=False)
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None} if path.endswith(".svg") else None)
    plt.close(fig)


def chrome_json(threads, cpu_runs, isrs, lo, hi, us_per_cycle, path):
    """Trace-event JSON: process 0 holds a lane per CPU, process 1 a lane per thread."""
    us = lambda c: round((c - lo) * us_per_cycle, 3)  # noqa: E731
    out = [{"ph": "M", "name": "process_name", "pid": 0, "args": {"name": "CPUs"}},
           {"ph": "M", "name": "process_name", "pid": 1, "args": {"name": "threads"}}]
    for cpu in sorted(cpu_runs):
        out.append({"ph": "M", "name": "thread_name", "pid": 0, "tid": cpu,
                    "args": {"name": f"CPU {cpu}"}})
        for th, a, b in cpu_runs[cpu]:
            a, b = clip(a, b, lo, hi)
            if b > a:
                out.append({"ph": "X", "name": th.name or th.ptr, "pid": 0, "tid": cpu,
                            "ts": us(a), "dur": us(b) - us(a)})
    for t, cpu, irq in isrs:
        if lo <= t <= hi:
            out.append({"ph": "i", "s": "t", "name": f"irq {irq}", "pid": 0, "tid": cpu,
                        "ts": us(t)})
    cname = {RUNNING: "good", READY: "yellow", BLOCKED: "grey"}
    created = [th for th in threads.values() if th.created]
    for i, th in enumerate(sorted(created, key=lambda th: (th.first, th.ptr))):
        out.append({"ph": "M", "name": "thread_name", "pid": 1, "tid": i,
                    "args": {"name": th.label()}})
        for s, a, b, cpu in th.spans:
            a, b = clip(a, b, lo, hi)
            if b > a:
                out.append({"ph": "X", "name": s, "cname": cname[s], "pid": 1, "tid": i,
                            "ts": us(a), "dur": us(b) - us(a),
                            "args": {"cpu": cpu, "user": th.user}})
        for t, name in th.syscalls:
            if lo <= t <= hi:
                out.append({"ph": "i", "s": "t", "name": name, "cat": "syscall", "pid": 1,
                            "tid": i, "ts": us(t)})
        for t, reason in th.faults:
            if lo <= t <= hi:
                out.append({"ph": "i", "s": "g", "name": f"fault: {th.name} (reason {reason})",
                            "cname": "terrible", "pid": 1, "tid": i, "ts": us(t)})
    with open(path, "w") as f:
        json.dump({"traceEvents": out, "displayTimeUnit": "ns"}, f)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trace", help="CTF trace folder (metadata and stream_cpu<N>)")
    ap.add_argument("-o", "--output", default="trace.svg", help="picture (.svg or .png)")
    ap.add_argument("--json", help="also write a Chrome/Perfetto trace-event JSON here")
    ap.add_argument("--start", type=float, default=0.0, help="window start, µs of trace time")
    ap.add_argument("--end", type=float, help="window end, µs of trace time (default: the end)")
    ap.add_argument("--title", default="Breeze trace", help="title of the picture")
    args = ap.parse_args()

    events, freq = read_events(args.trace)
    if not events:
        sys.exit("trace_timeline: the trace has no events")
    us_per_cycle = 1e6 / freq
    threads, cpu_runs, isrs, end = rebuild(events)
    lo = int(args.start / us_per_cycle)
    hi = end if args.end is None else min(end, int(args.end / us_per_cycle))
    draw(threads, cpu_runs, isrs, lo, hi, us_per_cycle, args.output, args.title)
    print(f"trace_timeline: {len(events)} events, {len(threads)} threads -> {args.output}")
    if args.json:
        chrome_json(threads, cpu_runs, isrs, lo, hi, us_per_cycle, args.json)
        print(f"trace_timeline: -> {args.json}")


if __name__ == "__main__":
    main()
