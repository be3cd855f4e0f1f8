#!/usr/bin/python3
"""Compile-fail checks of the crate zephyr: misuse its design forbids must not
compile.

Each case is a small crate (tests/rust/compile_fail/*.rs) whose first line
names the error it must stop at: `// error: E0596`. It is compiled as a
Rust image compiles its application (the argument file written by
cmake/breeze_rust.cmake); the check passes when rustc refuses every case
with its error, and fails when a case compiles or fails for another reason.

Usage: rust_compile_fail.py --args rust/rustc_args.txt CASES_DIR
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--args", required=True)
    ap.add_argument("cases")
    a = ap.parse_args()
    base = [line for line in open(a.args).read().splitlines() if line]
    cases = sorted(glob.glob(os.path.join(a.cases, "*.rs")))
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            first = open(case).readline()
            m = re.match(r"//\s*error:\s*(E\d{4})", first)
            if not m:
                print(f"{case}: first line must be '// error: E....'")
                bad += 1
                continue
            want = m.group(1)
            r = subprocess.run(base + ["--crate-type", "rlib", "--crate-name", "case",
                                       "--emit", "metadata", case, "-o",
                                       os.path.join(tmp, "case.rmeta")],
                               capture_output=True, text=True)
            name = os.path.basename(case)
            if r.returncode == 0:
                print(f"FAIL {name}: compiled, but must stop with {want}")
                bad += 1
            elif f"error[{want}]" not in r.stderr:
                print(f"FAIL {name}: refused, but not with {want}:\n{r.stderr}")
                bad += 1
            else:
                print(f"ok   {name}: refused with {want}")
    print(f"compile-fail: {len(cases)} cases, {bad} wrong")
    sys.exit(1 if bad or not cases else 0)


if __name__ == "__main__":
    main()
