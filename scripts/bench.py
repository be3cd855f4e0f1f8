#!/usr/bin/env python3
"""Run Breeze's benchmarks for one board and compare them with its baseline.

Every folder under bench/ that holds a prj.conf (except bench/footprint) is a
benchmark image. Each is built for --board (default: $BOARD, else
qemu_riscv32), run under QEMU with -icount (virtual time follows guest
instructions exactly; bench/common/bench.h says how each architecture turns
that into a count), and its lines "BENCH <name> <instructions> [<instructions
per byte>]" are collected. The result is printed as a table, with the change
against the board's baseline, bench/baseline-<board>.json, and written to
JSON. --update-baseline makes the run the new baseline; --add-new-rows only
adds the rows the baseline lacks.

A folder may also hold a file "variants": each line "<name> <harts> <conf>..."
builds the same sources again with those Kconfig fragments (EXTRA_CONF_FILE,
paths relative to the folder) and runs the image on <harts> harts (QEMU -smp;
"-" keeps the image's own). Its rows are reported as <name>/..., next to the
folder's own. A word "arch=<arch>[,<arch>...]" on a line limits it to boards
of those architectures (BOARD_ARCH in boards/<board>/board.cmake; SMP, for
one, exists on RISC-V only), and a line named as the folder itself describes
the folder's own image: "smp - arch=riscv" builds bench/smp for RISC-V boards
only.

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


def board_arch(base, board):
    """BOARD_ARCH of boards/@board/board.cmake."""
    path = os.path.join(base, "boards", board, "board.cmake")
    if not os.path.exists(path):
        boards = sorted(os.listdir(os.path.join(base, "boards")))
        raise SystemExit(f"bench: unknown board '{board}' (boards: {', '.join(boards)})")
    with open(path) as f:
        m = re.search(r"^\s*set\(BOARD_ARCH\s+(\w+)\s*\)", f.read(), re.MULTILINE)
    if not m:
        raise SystemExit(f"bench: {path} sets no BOARD_ARCH")
    return m.group(1)


def read_runs(src, name, arch):
    """The (name, harts or None, [conf paths]) images of folder @src for @arch: the
    folder's own (unless its variants line leaves @arch out), then its variants."""
    path = os.path.join(src, "variants")
    runs = []
    own = (name, None, [])
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                words = line.split("#", 1)[0].split()
                if not words:
                    continue
                if len(words) < 2:
                    raise SystemExit(f"bench: {path}: '<name> <harts> <conf>...' expected: {line}")
                archs = [w[len("arch="):].split(",") for w in words[2:] if w.startswith("arch=")]
                confs = [os.path.join(src, c) for c in words[2:] if not c.startswith("arch=")]
                harts = None if words[1] == "-" else int(words[1])
                run = (words[0], harts, confs)
                if archs and arch not in archs[0]:
                    run = None
                if words[0] == name:
                    own = run
                elif run:
                    runs.append(run)
    return ([own] if own else []) + runs


def run_image(src, name, builddir, timeout, board, jobs=None, confs=(), harts=None):
    # Rust images share one sysroot per board (built once, see cmake/breeze_rust.cmake).
    sysroot = os.path.join(os.path.dirname(builddir), "rust-sysroot")
    # Always given, so that a build folder never keeps the fragments of an old variants line.
    subprocess.run(["cmake", "-G", "Ninja", "-B", builddir, "-S", src, f"-DBOARD={board}",
                    f"-DBREEZE_RUST_SYSROOT={sysroot}", f"-DEXTRA_CONF_FILE={';'.join(confs)}"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", builddir] + ([f"-j{jobs}"] if jobs else []),
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(builddir, "qemu.cmd")) as f:
        cmd = adjust([line.strip() for line in f if line.strip()], harts, False)
    # In the build folder: a traced image (CONFIG_TRACING) writes its streams there.
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=timeout, cwd=builddir)
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
    ap.add_argument("--board", default=os.environ.get("BOARD") or "qemu_riscv32")
    ap.add_argument("--build", help="build folder (default: build/bench/<board>)")
    ap.add_argument("--json", help="results (default: <build folder>/results.json)")
    ap.add_argument("--baseline", help="default: bench/baseline-<board>.json")
    ap.add_argument("--update-baseline", action="store_true")
    ap.add_argument("--add-new-rows", action="store_true",
                    help="add the rows the baseline lacks, keep its others as they are")
    ap.add_argument("--jobs", type=int, help="ninja's -j")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    base = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    build = args.build or os.path.join("build", "bench", args.board)
    json_path = args.json or os.path.join(build, "results.json")
    baseline_path = args.baseline or os.path.join(base, "bench", f"baseline-{args.board}.json")
    arch = board_arch(base, args.board)

    images = sorted(d for d in os.listdir(os.path.join(base, "bench"))
                    if d != "footprint" and
                    os.path.exists(os.path.join(base, "bench", d, "prj.conf")))
    results = {}
    for name in images:
        src = os.path.join(base, "bench", name)
        for run, harts, confs in read_runs(src, name, arch):
            for op, r in run_image(src, run, os.path.join(build, run), args.timeout,
                                   args.board, args.jobs, confs, harts).items():
                results[f"{run}/{op}"] = r

    baseline = {}
    if os.path.exists(baseline_path):
        with open(baseline_path) as f:
            baseline = json.load(f)

    print(f"board {args.board}")
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

    os.makedirs(os.path.dirname(os.path.abspath(json_path)), exist_ok=True)
    with open(json_path, "w") as f:
        json.dump(results, f, indent=2, sort_keys=True)
    print(f"\nwritten to {json_path}")
    if args.update_baseline or args.add_new_rows:
        new = results if args.update_baseline else {**results, **baseline}
        with open(baseline_path, "w") as f:
            json.dump(new, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"baseline updated: {baseline_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
