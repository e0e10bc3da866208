# FPU (CP1) tests (tests/fpu/run.sh): directed bare-metal programs (tests/fpu/directed/*.S,
# linked at the reset vector like tests/isa), and the differential test built twice from
# diff_core.c: bare metal for the simulator, Linux user mode for qemu-mipsel.

FPU_OUT := $(B)/target/tests/fpu
FPU_DIRECTED := $(patsubst tests/fpu/directed/%.S,$(FPU_OUT)/%.elf,$(sort $(wildcard tests/fpu/directed/*.S)))
FPU_FLAGS := -mfp64 -mhard-float

$(FPU_OUT)/%.elf: tests/fpu/directed/%.S tests/common/baremetal.ld tests/common/testdev.inc
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) $(FPU_FLAGS) -Itests/common -MMD -MP -MF $(@:.elf=.d) $(TGT_LDFLAGS) \
		-T tests/common/baremetal.ld $< -o $@

$(FPU_OUT)/diff_core.o: tests/fpu/diff_core.c
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) $(FPU_FLAGS) -c $< -o $@

$(FPU_OUT)/diff_%.o: tests/fpu/diff_%.S
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) $(FPU_FLAGS) -c $< -o $@

$(FPU_OUT)/diff-sim.elf: $(FPU_OUT)/diff_bare.o $(FPU_OUT)/diff_core.o tests/common/baremetal.ld
	$(TGT_CC) $(TGT_LDFLAGS) $(FPU_FLAGS) -T tests/common/baremetal.ld \
		$(FPU_OUT)/diff_bare.o $(FPU_OUT)/diff_core.o -o $@

# Status.FR = 0: the same test with -mfp32 code (even/odd pairs for doubles).
$(FPU_OUT)/fr0/diff_core.o: tests/fpu/diff_core.c
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -mfp32 -mhard-float -c $< -o $@

$(FPU_OUT)/fr0/diff_bare.o: tests/fpu/diff_bare.S
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) -mfp32 -mhard-float -DDIFF_FR=0 -c $< -o $@

$(FPU_OUT)/diff-sim-fr0.elf: $(FPU_OUT)/fr0/diff_bare.o $(FPU_OUT)/fr0/diff_core.o tests/common/baremetal.ld
	$(TGT_CC) $(TGT_LDFLAGS) -mfp32 -mhard-float -T tests/common/baremetal.ld \
		$(FPU_OUT)/fr0/diff_bare.o $(FPU_OUT)/fr0/diff_core.o -o $@

# The Linux side keeps the toolchain's default linker script (user addresses, .MIPS.abiflags
# telling the kernel that the program needs FR=1).
$(FPU_OUT)/diff-qemu.elf: $(FPU_OUT)/diff_linux.o $(FPU_OUT)/diff_core.o
	$(TGT_CC) $(TGT_ARCH) $(FPU_FLAGS) -nostdlib -no-pie -static -Wl,--build-id=none \
		-Wl,-e,__start $^ -o $@

TARGET_BINS += $(FPU_DIRECTED) $(FPU_OUT)/diff-sim.elf $(FPU_OUT)/diff-sim-fr0.elf \
	$(FPU_OUT)/diff-qemu.elf
-include $(FPU_DIRECTED:.elf=.d)
