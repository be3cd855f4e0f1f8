# Entry points. Everything real happens in CMake; this file only gives the
# short commands of the README and makes sure the tools are installed first.
BUILD ?= build
BOARD ?= qemu_riscv32
# make test runs every board's suite unless BOARD is given on the command line.
ALL_BOARDS := qemu_riscv32 mps2_an385 mps2_an505
TEST_BOARDS := $(if $(filter command line,$(origin BOARD)),$(BOARD),$(ALL_BOARDS))
APP   ?= samples/shared_ringbuf
JOBS  ?= 2

# SMP=<n>: the application built with CONFIG_SMP for n CPUs (run on n harts).
SMP   ?=

APP_BUILD := $(BUILD)/$(subst /,_,$(APP))-$(BOARD)$(if $(SMP),-smp$(SMP))
SMP_CONF  := $(APP_BUILD)/smp.conf

.PHONY: run test fuzz setup build menuconfig debugserver bench footprint format clean trace

run: build
	ninja -C $(APP_BUILD) run

build: setup
ifneq ($(SMP),)
	mkdir -p $(APP_BUILD)
	printf 'CONFIG_SMP=y\nCONFIG_MP_MAX_NUM_CPUS=$(SMP)\nCONFIG_SCHED_CPU_MASK=y\n' > $(SMP_CONF)
	cmake -G Ninja -B $(APP_BUILD) -S $(APP) -DBOARD=$(BOARD) -DEXTRA_CONF_FILE=$(abspath $(SMP_CONF))
else
	cmake -G Ninja -B $(APP_BUILD) -S $(APP) -DBOARD=$(BOARD)
endif
	ninja -C $(APP_BUILD)

# APP run with CONFIG_TRACING (its own build folder): the CTF trace in
# $(TRACE_BUILD)/trace (babeltrace2 reads it), its timeline in trace.svg and a
# Chrome/Perfetto trace-event file trace.json. TRACE_ARGS go to
# scripts/trace_timeline.py (--start/--end in µs: a window of the run).
TRACE_BUILD := $(APP_BUILD)-trace
TRACE_ARGS  ?=
trace: setup
	mkdir -p $(TRACE_BUILD)
	printf 'CONFIG_TRACING=y\n$(if $(SMP),CONFIG_SMP=y\nCONFIG_MP_MAX_NUM_CPUS=$(SMP)\nCONFIG_SCHED_CPU_MASK=y\n)' \
		> $(TRACE_BUILD)/tracing.conf
	cmake -G Ninja -B $(TRACE_BUILD) -S $(APP) -DBOARD=$(BOARD) \
		-DEXTRA_CONF_FILE=$(abspath $(TRACE_BUILD)/tracing.conf)
	ninja -C $(TRACE_BUILD)
	/usr/bin/python3 scripts/trace_run.py $(TRACE_BUILD) $(TRACE_BUILD)/trace || \
		echo "make trace: the run ended with status $$?"
	/usr/bin/python3 scripts/trace_timeline.py $(TRACE_BUILD)/trace -o trace.svg --json trace.json \
		--title "$(APP) on $(BOARD)" $(TRACE_ARGS)
	@echo "make trace: babeltrace2 $(TRACE_BUILD)/trace prints every event"

test: setup
	cmake -G Ninja -B $(BUILD)/tests -S tests -DBOARD= "-DBOARDS=$(TEST_BOARDS)"
	ninja -C $(BUILD)/tests -j $(JOBS)
	cd $(BUILD)/tests && ctest --output-on-failure -j $(JOBS)

# A long run of the system call fuzzer (tests/userspace/fuzz; make test runs a short one):
# FUZZ_CALLS system calls from user threads, then its summary and its wall time.
FUZZ_CALLS ?= 1000000
FUZZ_SEED  ?= 0x5eed1234
fuzz: setup
	cmake -G Ninja -B $(BUILD)/fuzz -S tests/userspace/fuzz -DBOARD=$(BOARD) \
		-DFUZZ_CALLS=$(FUZZ_CALLS) -DFUZZ_SEED=$(FUZZ_SEED)
	ninja -C $(BUILD)/fuzz
	@start=$$(date +%s); timeout 7200 ninja -C $(BUILD)/fuzz run; status=$$?; \
		echo "make fuzz: $$(( $$(date +%s) - start )) s of wall time, exit status $$status"; \
		exit $$status

# Instruction counts of the hot paths under QEMU -icount on BOARD, against
# bench/baseline-$(BOARD).json; results in $(BUILD)/bench/$(BOARD)/results.json.
bench: setup
	/usr/bin/python3 scripts/bench.py --board $(BOARD) --build $(BUILD)/bench/$(BOARD) \
		--json $(BUILD)/bench/$(BOARD)/results.json --jobs $(JOBS)

# Kernel text/data/bss on BOARD for the minimal and the full configuration, and type sizes.
footprint: setup
	/usr/bin/python3 scripts/footprint.py --board $(BOARD) --build $(BUILD)/footprint/$(BOARD) \
		--json $(BUILD)/footprint/$(BOARD)/footprint.json

menuconfig: build
	ninja -C $(APP_BUILD) menuconfig

debugserver: build
	ninja -C $(APP_BUILD) debugserver

setup:
	@scripts/setup.sh

format:
	git ls-files '*.c' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
