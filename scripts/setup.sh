#!/usr/bin/env bash
# Make sure the Debian packages Breeze builds and tests with are installed.
# As root it installs what is missing with apt-get; otherwise it prints the
# exact command to run and fails.
set -euo pipefail

missing=()
need() { # need <package> <test command...>
	local pkg=$1
	shift
	"$@" >/dev/null 2>&1 || missing+=("$pkg")
}

need gcc-riscv64-unknown-elf command -v riscv64-unknown-elf-gcc
need picolibc-riscv64-unknown-elf test -e /usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs
need qemu-system-misc command -v qemu-system-riscv32
# Cortex-M boards (mps2_an385, mps2_an505).
need gcc-arm-none-eabi command -v arm-none-eabi-gcc
need picolibc-arm-none-eabi test -e /usr/lib/picolibc/arm-none-eabi/picolibc.specs
need qemu-system-arm command -v qemu-system-arm
need cmake command -v cmake
need ninja-build command -v ninja
# The test images share their identical compilations (tests/CMakeLists.txt).
need ccache command -v ccache
need python3-kconfiglib /usr/bin/python3 -c "import kconfiglib"
need make command -v make
need gcc command -v gcc
need clang command -v clang
need libclang-rt-14-dev sh -c 'ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a'
need gdb-multiarch command -v gdb-multiarch
need device-tree-compiler command -v dtc
need python3-libfdt /usr/bin/python3 -c "import libfdt"
need python3-yaml /usr/bin/python3 -c "import yaml"
# The shell test types into QEMU's console (scripts/shell_test.py).
need python3-pexpect /usr/bin/python3 -c "import pexpect"
# Rust applications (CONFIG_RUST): Debian's rustc with the library sources, and bindgen.
need rustc-web sh -c '/usr/bin/rustc --version | grep -Eq "^rustc 1[.](8[5-9]|9[0-9]|[1-9][0-9][0-9])"'
need rust-web-src sh -c 'ls -d /usr/src/rustc-*/library/core'
need bindgen command -v bindgen
# Tracing (docs/tracing.md): babeltrace2 reads the CTF traces, matplotlib draws the timeline.
need babeltrace2 command -v babeltrace2
need python3-matplotlib /usr/bin/python3 -c "import matplotlib"

if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
	echo "setup: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
	echo "setup: missing packages. Install them with:"
	echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
	exit 1
fi
