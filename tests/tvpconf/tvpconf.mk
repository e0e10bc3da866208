# tvpconf tests: tests/tvpconf/run.sh (parser, allocator, shipped configs, merge) and a
# libFuzzer harness for the language side, run for a bounded time.

# (this fragment is read before tools/tvpconf/tvpconf.mk, so it lists the sources itself)
TVPCONF_LIB_SRCS := $(filter-out tools/tvpconf/main.c,$(wildcard tools/tvpconf/*.c))

# Needs clang's libFuzzer runtime (Debian: libclang-rt-14-dev, a Recommends of clang); without
# it the harness is not built and run.sh reports the fuzz case as failed, naming the reason.
TVPCONF_FUZZ_CC ?= clang
TVPCONF_FUZZ_RT := $(wildcard $(shell $(TVPCONF_FUZZ_CC) -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null))
TVPCONF_FUZZ_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -D_GNU_SOURCE \
	-Iinclude -Itools/tvpconf -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all

$(B)/fuzz-tvpconf/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(TVPCONF_FUZZ_CC) $(TVPCONF_FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(B)/fuzz/bin/fuzz-tvpconf: $(patsubst %.c,$(B)/fuzz-tvpconf/obj/%.o,tests/tvpconf/fuzz_tvpconf.c $(TVPCONF_LIB_SRCS))
	@mkdir -p $(dir $@)
	$(TVPCONF_FUZZ_CC) $(TVPCONF_FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^

ifneq ($(TVPCONF_FUZZ_RT),)
HOST_BINS += $(B)/fuzz/bin/fuzz-tvpconf
-include $(patsubst %.c,$(B)/fuzz-tvpconf/obj/%.d,tests/tvpconf/fuzz_tvpconf.c $(TVPCONF_LIB_SRCS))
endif
