# Loader tests: a probe that runs the simulator's loaders against a fake memory map, and a
# libFuzzer harness for them (tests/loaders/run.sh runs both).

LOADER_SRCS := sim/host/loader.c sim/host/load_elf.c sim/host/load_srec.c sim/host/load_ihex.c

$(call host_prog,loader-probe,tests/loaders/loader_probe.c $(LOADER_SRCS))

# The fuzz harness needs clang and its libFuzzer runtime (Debian: libclang-rt-14-dev, only a
# Recommends of clang).  Without them the harness is not built and run.sh reports the fuzz case
# as failed with the reason, instead of breaking `make all`.
FUZZ_CC ?= clang
FUZZ_RT := $(wildcard $(shell $(FUZZ_CC) -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null))
FUZZ_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
	-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

$(B)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(B)/fuzz/bin/fuzz-loaders: $(patsubst %.c,$(B)/fuzz/obj/%.o,tests/loaders/fuzz_loaders.c $(LOADER_SRCS))
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^

ifneq ($(FUZZ_RT),)
HOST_BINS += $(B)/fuzz/bin/fuzz-loaders
-include $(patsubst %.c,$(B)/fuzz/obj/%.d,tests/loaders/fuzz_loaders.c $(LOADER_SRCS))
endif

# The valid test image (every region and address form); run.sh derives the S-record and HEX
# variants from it with objcopy and srec_cat.  A small max-page-size keeps the file small.
$(B)/target/loaders/image.elf: tests/loaders/image.S tests/loaders/image.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) $(TGT_LDFLAGS) -Wl,-z,max-page-size=0x10 -T tests/loaders/image.ld \
		tests/loaders/image.S -o $@

TARGET_BINS += $(B)/target/loaders/image.elf
