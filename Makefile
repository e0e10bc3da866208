# tinyVP top-level build.  Every output goes under build/.
#
#   make run    install what is missing, build everything, boot the demo in the simulator
#               (BOARD=wifire|dm320007|olimex, CONFIG=FILE; make run-guest1-bare,
#               run-guest2-bare, run-dma-bare: a demo guest alone on the bare chip)
#   make test   install what is missing, build everything, run every test suite
#   make bench  build the release tools and run the benchmarks under bench/
#   make deps   install the Debian packages the project needs (scripts/install-deps.sh)
#   make clean  remove build/
#
# Host programs are built twice: build/rel (optimised, for running and benchmarks) and
# build/san (AddressSanitizer + UndefinedBehaviorSanitizer, used by the tests).
# Each component adds its rules through a fragment (*.mk) included below.

.DEFAULT_GOAL := all
SHELL := /bin/bash
B := build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

include mk/host.mk
include mk/target.mk
include $(sort $(wildcard sim/*.mk tools/*/*.mk hv/*.mk guests/*.mk tests/*/*.mk bench/*/*.mk))
# The demo guests and systems use the guest runtime and hv_image defined above.
include guests/demo/demo.mk

.PHONY: all host target run run-guest1-bare run-guest2-bare run-dma-bare test bench deps clean format

all: host target

host: $(HOST_BINS)

target: $(TARGET_BINS)

deps:
	@scripts/install-deps.sh

# The three user-facing goals install dependencies first, then build in a sub-make (so the
# compilers exist before make looks for them).
run: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all
	@BOARD=$(BOARD) CONFIG=$(CONFIG) scripts/run-demo.sh

run-guest1-bare run-guest2-bare run-dma-bare: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all
	@BOARD=$(BOARD) BARE=$(patsubst guest1,poll,$(patsubst guest2,irq,$(patsubst run-%-bare,%,$@))) \
		scripts/run-demo.sh

test: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all
	@scripts/run-tests.sh

bench: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all
	@scripts/run-bench.sh

format:
	@git ls-files '*.c' '*.h' | xargs clang-format -i

clean:
	rm -rf $(B)
