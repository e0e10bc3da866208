# VZ tests: root-mode programs that run guests (tests/vz/*.c, each linked with vzlib).
VZ_TESTS := $(basename $(notdir $(filter-out tests/vz/vzlib.c,$(wildcard tests/vz/*.c))))
VZ_LIB_OBJS := $(B)/target/tests/vz/vzlib.o $(B)/target/tests/vz/vzlib_S.o \
	$(B)/target/guests/rt/crt0.o

$(B)/target/tests/vz/%.o: tests/vz/%.c tests/vz/vzlib.h
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -c $< -o $@
$(B)/target/tests/vz/vzlib_S.o: tests/vz/vzlib.S
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) -c $< -o $@
$(B)/target/tests/vz/%.elf: $(B)/target/tests/vz/%.o $(VZ_LIB_OBJS) tests/vz/vz.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T tests/vz/vz.ld -o $@ $< $(VZ_LIB_OBJS)
TARGET_BINS += $(patsubst %,$(B)/target/tests/vz/%.elf,$(VZ_TESTS))
