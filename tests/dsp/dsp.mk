# DSP ASE r2 tests (tests/dsp/run.sh): directed bare-metal programs (every tests/dsp/*.S but the
# differential start files), and the differential program difftest.c linked twice: for the
# simulator (RAM image, started with --entry file) and for qemu-mipsel's Linux user mode.

DSP_DIRECTED := $(filter-out tests/dsp/diff_%.S,$(sort $(wildcard tests/dsp/*.S)))
DSP_ELFS := $(patsubst tests/dsp/%.S,$(B)/target/tests/dsp/%.elf,$(DSP_DIRECTED))

$(B)/target/tests/dsp/%.elf: tests/dsp/%.S tests/common/baremetal.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) -mdspr2 -Itests/common -Itests/dsp -MMD -MP -MF $(@:.elf=.d) \
		$(TGT_LDFLAGS) -T tests/common/baremetal.ld $< -o $@

# One object for both sides: plain MIPS32r2 + DSP r2, soft-float and legacy NaN so that QEMU's
# 74Kf model (DSP r2) accepts the Linux build.
DSP_DIFF_ARCH := -EL -march=mips32r2 -mdspr2 -msoft-float -mno-abicalls -fno-pic -fno-pie -G0
DSP_DIFF_LD := -nostdlib -no-pie -static -Wl,--build-id=none
DSP_DIFF_CASES ?= 400

$(B)/target/tests/dsp/difftest.o: tests/dsp/difftest.c
	@mkdir -p $(dir $@)
	$(TGT_CC) $(DSP_DIFF_ARCH) -std=c11 -Wall -Wextra -Werror -O1 -ffreestanding -fno-builtin \
		-DCASES=$(DSP_DIFF_CASES) -c $< -o $@

$(B)/target/tests/dsp/diff-bare.elf: tests/dsp/diff_bare.S tests/dsp/diff_bare.ld \
		$(B)/target/tests/dsp/difftest.o
	$(TGT_CC) $(DSP_DIFF_ARCH) -Iinclude $(DSP_DIFF_LD) -T tests/dsp/diff_bare.ld \
		tests/dsp/diff_bare.S $(B)/target/tests/dsp/difftest.o -o $@

$(B)/target/tests/dsp/diff-linux.elf: tests/dsp/diff_linux.S $(B)/target/tests/dsp/difftest.o
	$(TGT_CC) $(DSP_DIFF_ARCH) $(DSP_DIFF_LD) -Wl,-e,__start tests/dsp/diff_linux.S \
		$(B)/target/tests/dsp/difftest.o -o $@

TARGET_BINS += $(DSP_ELFS) $(B)/target/tests/dsp/diff-bare.elf $(B)/target/tests/dsp/diff-linux.elf
-include $(DSP_ELFS:.elf=.d)
