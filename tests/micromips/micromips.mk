# microMIPS tests (tests/micromips/run.sh): the differential test against qemu-mipsel -cpu M14Kc
# (host generator mmgen; the MIPS32 harness halves of tests/diff built for m14kc with legacy
# NaN, which QEMU's microMIPS model requires: toolchain.md) and the directed programs.

$(call host_prog,mmgen,tests/micromips/mmgen.c tests/common/gen.c)

MM_OUT := $(B)/target/tests/micromips
MM_TGT := -EL -march=m14kc -mnan=legacy -mno-abicalls -fno-pic -fno-pie -G0
MM_DEPS := tests/diff/layout.h tests/diff/linux_harness.h $(wildcard include/soc/*.h)
MM_HARNESS := $(addprefix $(MM_OUT)/,frame.o report.o bare.o linux_mm.o linux.ld bare.ld)

$(MM_OUT)/frame.o $(MM_OUT)/bare.o: $(MM_OUT)/%.o: tests/diff/%.S $(MM_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) $(MM_TGT) -g -Iinclude -Itests/diff -c $< -o $@

$(MM_OUT)/report.o: tests/diff/report.c $(MM_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) $(MM_TGT) -std=c11 -Wall -Wextra -Werror -ffreestanding -fno-builtin -O2 -Iinclude -Itests/diff -c $< -o $@

$(MM_OUT)/linux_mm.o: tests/diff/linux.c $(MM_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) $(MM_TGT) -std=c11 -Wall -Wextra -Werror -ffreestanding -fno-builtin -O2 -Iinclude -Itests/diff -DDIFF_BODY_MICROMIPS -c $< -o $@

$(MM_OUT)/%.ld: tests/diff/%.ld.S $(MM_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) -E -P -undef -x assembler-with-cpp -Iinclude -Itests/diff $< -o $@

# Directed programs: MIPS32 test frame (tests/common/testdev.inc) with microMIPS parts.
MM_SRCS := $(sort $(wildcard tests/micromips/t_*.S))
MM_ELFS := $(patsubst tests/micromips/%.S,$(MM_OUT)/%.elf,$(MM_SRCS))

# t_bootisa carries configuration words: its own link map.
$(MM_OUT)/t_bootisa.elf: tests/micromips/t_bootisa.S tests/micromips/bootisa.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) $(TGT_LDFLAGS) -T tests/micromips/bootisa.ld $< -o $@

$(MM_OUT)/%.elf: tests/micromips/%.S tests/common/baremetal.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) -Itests/common -MMD -MP -MF $(@:.elf=.d) $(TGT_LDFLAGS) \
		-T tests/common/baremetal.ld $< -o $@

TARGET_BINS += $(MM_HARNESS) $(MM_ELFS)
-include $(MM_ELFS:.elf=.d)
