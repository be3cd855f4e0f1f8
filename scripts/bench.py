#!/usr/bin/env python3
"""Run Breeze's benchmarks and compare them with the baseline.

Every folder under bench/ that holds a prj.conf (except bench/footprint) is a
benchmark image. Each is built, run under QEMU with -icount (virtual time and
the instruction counters follow guest instructions exactly), and its lines
"BENCH <name> <instructions> [<instructions per byte>]" are collected. The
result is printed as a table, with the change against bench/baseline.json,
and written to JSON. --update-baseline makes the run the new baseline;
--add-new-rows only adds the rows the baseline lacks.

A folder may also hold a file "variants": each line "<name> <harts> <conf>..."
builds the same sources again with those Kconfig fragments (EXTRA_CONF_FILE,
paths relative to the folder) and runs the image on <harts> harts (QEMU -smp;
"-" keeps the image's own). Its rows are reported as <name>/..., next to the
folder's own.

Under -icount the instruction counter of every hart reads one shared count,
the virtual clock: on several harts it advances with the instructions of all
of them (bench/smp says what follows for its figures).
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_image import adjust  # noqa: E402  (the -smp rewrite of a qemu.cmd)

LINE = re.compile(r"^BENCH (\S+) ([0-9.]+)(?: ([0-9.]+))?\s*$")


def read_variants(src):
    """The (name, harts or None, [conf paths]) lines of @src/variants, if any."""
    path = os.path.join(src, "variants")
    if not os.path.exists(path):
        return []
    variants = []
    with open(path) as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if len(words) < 2:
                raise SystemExit(f"bench: {path}: '<name> <harts> <conf>...' expected: {line}")
            harts = None if words[1] == "-" else int(words[1])
            variants.append((words[0], harts, [os.path.join(src, c) for c in words[2:]]))
    return variants


def run_image(src, name, builddir, timeout, jobs=None, confs=(), harts=None):
    # Rust images share one sysroot (built once, see cmake/breeze_rust.cmake).
    sysroot = os.path.join(os.path.dirname(builddir), "rust-sysroot")
    # Always given, so that a build folder never keeps the fragments of an old variants line.
    subprocess.run(["cmake", "-G", "Ninja", "-B", builddir, "-S", src,
                    f"-DBREEZE_RUST_SYSROOT={sysroot}", f"-DEXTRA_CONF_FILE={';'.join(confs)}"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", builddir] + ([f"-j{jobs}"] if jobs else []),
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(builddir, "qemu.cmd")) as f:
        cmd = adjust([line.strip() for line in f if line.strip()], harts, False)
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=timeout)
    results = {}
    for line in proc.stdout.splitlines():
        m = LINE.match(line.strip())
        if m:
            results[m.group(1)] = {"instructions": float(m.group(2))}
            if m.group(3):
                results[m.group(1)]["per_byte"] = float(m.group(3))
    if proc.returncode != 0 or not results:
        sys.stdout.write(proc.stdout)
        raise SystemExit(f"bench: image {name} failed (exit status {proc.returncode})")
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", default="build/bench")
    ap.add_argument("--json", default="build/bench/results.json")
    ap.add_argument("--baseline", default=None)
    ap.add_argument("--update-baseline", action="store_true")
    ap.add_argument("--add-new-rows", action="store_true",
                    help="add the rows the baseline lacks, keep its others as they are")
    ap.add_argument("--jobs", type=int, help="ninja's -j")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    base = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    baseline_path = args.baseline or os.path.join(base, "bench", "baseline.json")

    images = sorted(d for d in os.listdir(os.path.join(base, "bench"))
                    if d != "footprint" and
                    os.path.exists(os.path.join(base, "bench", d, "prj.conf")))
    results = {}
    for name in images:
        src = os.path.join(base, "bench", name)
        runs = [(name, None, [])] + read_variants(src)
        for run, harts, confs in runs:
            for op, r in run_image(src, run, os.path.join(args.build, run), args.timeout,
                                   args.jobs, confs, harts).items():
                results[f"{run}/{op}"] = r

    baseline = {}
    if os.path.exists(baseline_path):
        with open(baseline_path) as f:
            baseline = json.load(f)

    print(f"{'operation':<52} {'instructions':>12} {'per byte':>9} {'baseline':>9} {'change':>8}")
    for op, r in results.items():
        per_byte = f"{r['per_byte']:.2f}" if "per_byte" in r else ""
        old = baseline.get(op, {}).get("instructions")
        if old:
            change = f"{(r['instructions'] - old) / old * 100:+.1f}%"
            old_s = f"{old:.2f}"
        else:
            change, old_s = "new", ""
        print(f"{op:<52} {r['instructions']:>12.2f} {per_byte:>9} {old_s:>9} {change:>8}")
    gone = sorted(set(baseline) - set(results))
    for op in gone:
        print(f"{op:<52} {'(missing)':>12}")

    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(results, f, indent=2, sort_keys=True)
    print(f"\nwritten to {args.json}")
    if args.update_baseline or args.add_new_rows:
        new = results if args.update_baseline else {**results, **baseline}
        with open(baseline_path, "w") as f:
            json.dump(new, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"baseline updated: {baseline_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
