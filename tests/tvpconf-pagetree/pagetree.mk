# Test programs of the tvpconf page tree, ELF reader and image writers (tests/tvpconf-pagetree).
$(call host_prog,tvpconf-pt-test,tests/tvpconf-pagetree/pt_test.c tests/tvpconf-pagetree/pt_check.c \
	tests/common/report.c tools/tvpconf/pagetree.c)
$(call host_prog,tvpconf-elf-test,tests/tvpconf-pagetree/elf_test.c tests/common/report.c \
	tools/tvpconf/elf32.c)
$(call host_prog,tvpconf-image-test,tests/tvpconf-pagetree/image_test.c tests/common/report.c \
	tools/tvpconf/image.c)

# libFuzzer harness for the ELF reader (corpus tests/fuzz/elf32/), built when clang's libFuzzer
# runtime is installed (Debian: libclang-rt-14-dev, a Recommends of clang); run.sh runs it for
# a bounded time (ELF_FUZZ_SECONDS, default 10) and reports a missing runtime as a failure.
ELF32_FUZZ_CC ?= clang
ELF32_FUZZ_RT := $(wildcard $(shell $(ELF32_FUZZ_CC) -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null))
ELF32_FUZZ_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
	-Iinclude -Itools/tvpconf -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
ELF32_FUZZ_SRCS := tests/tvpconf-pagetree/fuzz_elf32.c tools/tvpconf/elf32.c

$(B)/fuzz-elf32/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(ELF32_FUZZ_CC) $(ELF32_FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(B)/fuzz/bin/fuzz-elf32: $(patsubst %.c,$(B)/fuzz-elf32/obj/%.o,$(ELF32_FUZZ_SRCS))
	@mkdir -p $(dir $@)
	$(ELF32_FUZZ_CC) $(ELF32_FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^

ifneq ($(ELF32_FUZZ_RT),)
HOST_BINS += $(B)/fuzz/bin/fuzz-elf32
-include $(patsubst %.c,$(B)/fuzz-elf32/obj/%.d,$(ELF32_FUZZ_SRCS))
endif
