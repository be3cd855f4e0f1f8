#!/bin/sh
# Configure (when new, or when its arguments changed) and build one test image.
#
#   build_image.sh <source folder> <build folder> <cmake arguments>...
#
# tests/CMakeLists.txt runs this for each of its hundreds of images: one
# process per image where a generic external project costs a dozen. The
# output of each step goes to configure.log and build.log in the build folder,
# and is printed if the step fails. The image's own build re-runs CMake when
# its inputs (prj.conf, CMakeLists.txt, Kconfig) change.
src=$1
bin=$2
shift 2
mkdir -p "$bin" || exit 1
args="$bin/image_args.txt"
printf '%s\n' "$@" > "$args.new"
if [ ! -f "$bin/build.ninja" ] || ! cmp -s "$args" "$args.new"; then
	rm -f "$bin/CMakeCache.txt"
	if ! cmake -G Ninja -S "$src" -B "$bin" "$@" > "$bin/configure.log" 2>&1; then
		cat "$bin/configure.log"
		echo "build_image.sh: configuring $bin failed (log: $bin/configure.log)"
		exit 1
	fi
	mv "$args.new" "$args"
else
	rm -f "$args.new"
fi
if ! ninja -C "$bin" > "$bin/build.log" 2>&1; then
	cat "$bin/build.log"
	echo "build_image.sh: building $bin failed (log: $bin/build.log)"
	exit 1
fi
