#!/usr/bin/env python3
"""Footprint of the Breeze kernel alone (no application, no C library), per board.

Builds bench/footprint for --board (default: $BOARD, else qemu_riscv32) three times — the minimal configuration (threads and
semaphores, no user mode), the full one (user mode on, threads, semaphores,
mutexes) and that plus message queues and memory slabs — then reads each
link map and adds up the input sections that came from the kernel, arch and
driver objects, by output section. Type sizes come from the probe's symbols.
Prints a table and writes JSON (--json). --top N also lists the N biggest
kernel functions and objects of each configuration (nm --size-sort on its
image).
"""
import argparse
import json
import os
import re
import subprocess
import sys

KERNEL_OBJS = ("breeze_kernel.dir", "breeze_fatal_policy.dir", "breeze_arch.dir", "breeze_drivers.dir")
# Output sections by what they cost. Cortex-M: the vector table is in .text,
# exception unwinding tables (.ARM.exidx) in flash like read-only data.
CATEGORY = {".text": "text", ".rodata": "text", ".ARM.exidx": "text", ".ARM.extab": "text",
            ".data": "data", ".sdata": "data", ".tdata": "data",
            ".bss": "bss", ".sbss": "bss", ".noinit": "stacks"}


def build(base, builddir, overlay, board):
    cmd = ["cmake", "-G", "Ninja", "-B", builddir, "-S", os.path.join(base, "bench/footprint"),
           f"-DBOARD={board}"]
    if overlay:
        cmd.append("-DOVERLAY_CONFIG=" + os.path.join(base, "bench/footprint", overlay))
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    proc = subprocess.run(["ninja", "-C", builddir], capture_output=True, text=True)
    if proc.returncode != 0:
        # The other configurations are still measured; the run fails at the end.
        errors = [line for line in proc.stdout.splitlines() if "error" in line]
        print(f"footprint: {builddir} does not build:", *errors[:5], sep="\n  ")
        return False
    return True


def kernel_sizes(mapfile, by_object=None):
    """Kernel bytes by category; @by_object, if given, gets the text of each object file."""
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
                if by_object is not None and cat == "text":
                    key = os.path.basename(obj).removesuffix(".obj")
                    by_object[key] = by_object.get(key, 0) + size
    return sizes


def cache_var(builddir, name):
    """A variable of the build's CMakeCache.txt (the toolchain's tools are there)."""
    with open(os.path.join(builddir, "CMakeCache.txt")) as f:
        for line in f:
            m = re.match(rf"^{name}:[A-Z]+=(.*)$", line)
            if m:
                return m.group(1)
    raise SystemExit(f"footprint: {name} not in {builddir}/CMakeCache.txt")


def top_symbols(builddir, nm, count):
    """The @count biggest kernel functions and read-only objects: (size, type, name, object)."""
    mapped = symbol_objects(os.path.join(builddir, "breeze.map"))
    out = subprocess.run([nm, "--size-sort", "-S", os.path.join(builddir, "breeze.elf")],
                         check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) != 4:
            continue
        size, kind, name = int(parts[1], 16), parts[2], parts[3]
        obj = mapped.get(name, "")
        # Code and read-only data: what counts towards the text figure.
        if kind in "tTwWrR" and any(k in obj for k in KERNEL_OBJS):
            rows.append((size, kind, name, os.path.basename(obj)))
    rows.sort(reverse=True)
    return rows[:count]


def symbol_objects(mapfile):
    """Which object each function or variable came from, by its input section's name."""
    objs = {}
    pending = None
    for line in open(mapfile):
        m = re.match(r"^ \.(?:text|rodata|data|bss|sdata|sbss)\.(\S+?)(?:\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+(\S+\.obj))?\s*$", line)
        if m:
            pending = m.group(1)
            if m.group(2):
                objs[pending] = m.group(2)
                pending = None
            continue
        m = re.match(r"^\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+(\S+\.obj)\s*$", line)
        if m and pending:
            objs[pending] = m.group(1)
        pending = None
    return objs


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
    ap.add_argument("--board", default=os.environ.get("BOARD") or "qemu_riscv32")
    ap.add_argument("--build", help="build folder (default: build/footprint/<board>)")
    ap.add_argument("--json", help="results (default: <build folder>/footprint.json)")
    ap.add_argument("--top", type=int, default=0, metavar="N",
                    help="also list the N biggest kernel symbols of each configuration")
    args = ap.parse_args()
    base = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    build_dir = args.build or os.path.join("build", "footprint", args.board)
    json_path = args.json or os.path.join(build_dir, "footprint.json")

    results = {}
    failed = []
    for name, overlay in (("minimal", None), ("full", "full.conf"), ("full+msgq+slab", "all.conf")):
        bdir = os.path.join(build_dir, name)
        if not build(base, bdir, overlay, args.board):
            failed.append(name)
            continue
        nm = cache_var(bdir, "CMAKE_NM")
        files = {}
        results[name] = {"kernel": kernel_sizes(os.path.join(bdir, "breeze.map"), files),
                         "types": type_sizes(bdir, nm)}
        if args.top:
            results[name]["text_by_file"] = dict(sorted(files.items(), key=lambda kv: -kv[1]))
            results[name]["top"] = [{"size": s, "type": k, "name": n, "object": o}
                                    for s, k, n, o in top_symbols(bdir, nm, args.top)]

    print(f"board {args.board}")
    print(f"{'configuration':<14} {'text':>7} {'data':>7} {'bss':>7} {'stacks':>7}")
    for name, r in results.items():
        k = r["kernel"]
        print(f"{name:<14} {k['text']:>7} {k['data']:>7} {k['bss']:>7} {k['stacks']:>7}")
    for name in failed:
        print(f"{name:<14} {'(does not build)':>31}")
    print()
    lo_name = "minimal"
    hi_name = next((n for n in ("full", "full+msgq+slab") if n in results), None)
    if lo_name in results and hi_name:
        print(f"{'type':<26} {lo_name:>8} {hi_name:>8}")
        for t in results[hi_name]["types"]:
            lo = results[lo_name]["types"].get(t, "-")
            print(f"{t:<26} {lo:>8} {results[hi_name]['types'][t]:>8}")
    for name, r in results.items():
        if "top" in r:
            print(f"\nkernel text by source file, {name}:")
            for f, n in list(r["text_by_file"].items())[:args.top]:
                print(f"{n:>7} {f}")
            print(f"\nbiggest kernel functions and constants, {name}:")
            for t in r["top"]:
                print(f"{t['size']:>7} {t['type']} {t['name']:<40} {t['object']}")
    os.makedirs(os.path.dirname(os.path.abspath(json_path)), exist_ok=True)
    with open(json_path, "w") as f:
        json.dump(results, f, indent=2)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
