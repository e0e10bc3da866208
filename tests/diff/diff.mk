# Differential testing of the integer core against qemu-mipsel (tests/diff/run.sh).
# Host: the sequence generator.  Target: the two harness halves, prebuilt here; run.sh
# assembles each generated sequence and links it against both at test time.

$(call host_prog,diffgen,tests/diff/diffgen.c tests/common/gen.c)

DIFF_OUT := $(B)/target/tests/diff
DIFF_OBJS := $(addprefix $(DIFF_OUT)/,frame.o report.o linux.o bare.o)
DIFF_DEPS := tests/diff/layout.h tests/diff/linux_harness.h $(wildcard include/soc/*.h)

$(DIFF_OUT)/%.o: tests/diff/%.c $(DIFF_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -Itests/diff -c $< -o $@

$(DIFF_OUT)/%.o: tests/diff/%.S $(DIFF_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) -Itests/diff -c $< -o $@

$(DIFF_OUT)/%.ld: tests/diff/%.ld.S $(DIFF_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) -E -P -undef -x assembler-with-cpp -Iinclude -Itests/diff $< -o $@

TARGET_BINS += $(DIFF_OBJS) $(DIFF_OUT)/linux.ld $(DIFF_OUT)/bare.ld
