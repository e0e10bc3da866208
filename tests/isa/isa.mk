# Directed tests of the simulator's integer core and memory bus (tests/isa/run.sh): one
# bare-metal program per instruction group, linked at the reset vector (tests/common).

ISA_SRCS := $(sort $(wildcard tests/isa/*.S))
ISA_ELFS := $(patsubst tests/isa/%.S,$(B)/target/tests/isa/%.elf,$(ISA_SRCS))
# Debian's gas puts a SYNC in front of every LL (its Loongson 3 erratum fix, on by default);
# the tests need LL exactly where they write it.
ISA_ASFLAGS := -Wa,-mno-fix-loongson3-llsc

$(B)/target/tests/isa/%.elf: tests/isa/%.S tests/common/baremetal.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) $(ISA_ASFLAGS) -Itests/common -MMD -MP -MF $(@:.elf=.d) $(TGT_LDFLAGS) \
		-T tests/common/baremetal.ld $< -o $@

TARGET_BINS += $(ISA_ELFS)
-include $(ISA_ELFS:.elf=.d)
