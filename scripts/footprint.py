#!/usr/bin/env python3
"""Footprint of the Breeze kernel alone (no application, no C library).

Builds bench/footprint three times — the minimal configuration (threads and
semaphores, no user mode), the full one (user mode on, threads, semaphores,
mutexes) and that plus message queues and memory slabs — then reads each
link map and adds up the input sections that came from the kernel, arch and
driver objects, by output section. Type sizes come from the probe's symbols.
Prints a table and writes JSON (--json).
"""
import argparse
import json
import os
import re
import subprocess
import sys

KERNEL_OBJS = ("breeze_kernel.dir", "breeze_fatal_policy.dir", "breeze_arch.dir", "breeze_drivers.dir")
CATEGORY = {".text": "text", ".rodata": "text", ".data": "data", ".sdata": "data",
            ".tdata": "data", ".bss": "bss", ".sbss": "bss", ".noinit": "stacks"}


def build(base, builddir, overlay):
    cmd = ["cmake", "-G", "Ninja", "-B", builddir, "-S", os.path.join(base, "bench/footprint")]
    if overlay:
        cmd.append("-DOVERLAY_CONFIG=" + os.path.join(base, "bench/footprint", overlay))
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", builddir], check=True, stdout=subprocess.DEVNULL)


def kernel_sizes(mapfile):
    sizes = {"text": 0, "data": 0, "bss": 0, "stacks": 0}
    out_section = None
    pending = None
    in_map = False
    for line in open(mapfile):
        if line.startswith("Linker script and memory map"):
            in_map = True
            continue
        if not in_map:
            continue
        m = re.match(r"^(\.\S+)\s", line)
        if m:
            out_section = m.group(1)
            continue
        m = re.match(r"^ (\S+)\s*$", line)
        if m:
            pending = m.group(1)
            continue
        m = re.match(r"^ (\S+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+\.obj)\s*$", line)
        if m:
            size = int(m.group(3), 16)
            obj = m.group(4)
            pending = None
            cat = CATEGORY.get(out_section)
            if cat and size and any(k in obj for k in KERNEL_OBJS):
                sizes[cat] += size
    return sizes


def type_sizes(builddir, nm):
    obj = os.path.join(builddir, "CMakeFiles/app.dir/src/main.c.obj")
    out = subprocess.run([nm, "-S", obj], check=True, capture_output=True, text=True).stdout
    sizes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3].startswith("z_sizeof_"):
            sizes["struct " + parts[3][len("z_sizeof_"):]] = int(parts[1], 16)
    return sizes


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", default="build/footprint")
    ap.add_argument("--json", default="build/footprint/footprint.json")
    args = ap.parse_args()
    base = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    nm = "riscv64-unknown-elf-nm"

    results = {}
    for name, overlay in (("minimal", None), ("full", "full.conf"), ("full+msgq+slab", "all.conf")):
        bdir = os.path.join(args.build, name)
        build(base, bdir, overlay)
        results[name] = {"kernel": kernel_sizes(os.path.join(bdir, "breeze.map")),
                         "types": type_sizes(bdir, nm)}

    print(f"{'configuration':<14} {'text':>7} {'data':>7} {'bss':>7} {'stacks':>7}")
    for name, r in results.items():
        k = r["kernel"]
        print(f"{name:<14} {k['text']:>7} {k['data']:>7} {k['bss']:>7} {k['stacks']:>7}")
    print()
    print(f"{'type':<26} {'minimal':>8} {'full':>8}")
    for t in results["full"]["types"]:
        lo = results["minimal"]["types"].get(t, "-")
        print(f"{t:<26} {lo:>8} {results['full']['types'][t]:>8}")
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
