# System-peripheral tests (tests/sysperiph/run.sh): one bare-metal program per t_*.c, linked
# with the interrupt tests' run-time (tests/irq/rt.S, rt.c) and sysperiph.ld, which adds the
# configuration words (section .devcfg) at 0xBFC0FFC0.

SYSPERIPH_TESTS := $(sort $(wildcard tests/sysperiph/t_*.c))
SYSPERIPH_ELFS := $(patsubst tests/sysperiph/%.c,$(B)/target/tests/sysperiph/%.elf,$(SYSPERIPH_TESTS))
SYSPERIPH_RT := tests/irq/rt.S tests/irq/rt.c

$(B)/target/tests/sysperiph/%.elf: tests/sysperiph/%.c $(SYSPERIPH_RT) tests/sysperiph/sysperiph.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -Itests/irq -Itests/sysperiph -MMD -MP -MF $(@:.elf=.d) \
		$(TGT_LDFLAGS) -T tests/sysperiph/sysperiph.ld $(SYSPERIPH_RT) $< -o $@

TARGET_BINS += $(SYSPERIPH_ELFS)
-include $(SYSPERIPH_ELFS:.elf=.d)
