# Simulator speed benchmark programs.
$(B)/target/bench/sim-speed/%.elf: bench/sim-speed/%.S tests/common/baremetal.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) $(TGT_LDFLAGS) -T tests/common/baremetal.ld $< -o $@
TARGET_BINS += $(B)/target/bench/sim-speed/cpu_bound.elf $(B)/target/bench/sim-speed/load_store.elf
