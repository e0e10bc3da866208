# Privileged-architecture tests (tests/priv/run.sh): one bare-metal program per tests/priv/*.S,
# linked at the reset vector (tests/common/baremetal.ld), like tests/isa.

PRIV_SRCS := $(sort $(wildcard tests/priv/*.S))
PRIV_ELFS := $(patsubst tests/priv/%.S,$(B)/target/tests/priv/%.elf,$(PRIV_SRCS))

$(B)/target/tests/priv/%.elf: tests/priv/%.S tests/common/baremetal.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) -Wa,-mno-fix-loongson3-llsc -Itests/common -Itests/priv -MMD -MP \
		-MF $(@:.elf=.d) $(TGT_LDFLAGS) -T tests/common/baremetal.ld $< -o $@

TARGET_BINS += $(PRIV_ELFS)
-include $(PRIV_ELFS:.elf=.d)
