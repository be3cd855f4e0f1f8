#!/usr/bin/env python3
"""Write the CTF 1.8 metadata of a traced Breeze image (CONFIG_TRACING).

The template lib/tracing/metadata.tsdl.in declares the events; this fills in
the clock frequency (CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC), the board, the
system call names (an enumeration over the IDs of the generated
syscall_list.h, so that babeltrace2 prints a call's name) and the thread
record every thread event begins with.

Usage: gen_ctf_metadata.py <template> <syscall_list.h or -> <freq> <board> <output>
"""
import re
import sys

# The thread record of lib/tracing/trace_events.c, put_thread().
THREAD = "ptr_t thread; int16_t prio; uint16_t user; char_t name[16];"


# The bounds syscall_list.h defines beside the IDs (scripts/gen_syscalls.py).
LIMITS = ("LIMIT", "NONBLOCKING_VOID_LIMIT", "NONBLOCKING_LIMIT", "ATTEMPT_LIMIT")


def syscall_enum(path):
    entries = []
    if path != "-":
        with open(path) as f:
            for line in f:
                m = re.match(r"#define K_SYSCALL_(\w+) (\d+)$", line.strip())
                if m and m.group(1) not in LIMITS:
                    entries.append(f'\t"{m.group(1).lower()}" = {m.group(2)},')
    if not entries:  # no user mode: an enumeration needs a member
        entries.append('\t"none" = 0xffffffff,')
    return "\n".join(entries)


def main():
    template, syscalls, freq, board, output = sys.argv[1:6]
    with open(template) as f:
        text = f.read()
    text = (text.replace("@FREQ@", freq).replace("@BOARD@", board)
            .replace("@SYSCALLS@", syscall_enum(syscalls)).replace("@THREAD@", THREAD))
    with open(output, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
