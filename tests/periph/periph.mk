# Peripheral register-level tests (tests/periph/run.sh): one bare-metal program per t_*.c,
# linked with the interrupt tests' run-time (tests/irq/rt.S, rt.c, irq.ld), which provides the
# reset entry, the EVIC vector stubs and the check/print helpers.

PERIPH_TESTS := $(sort $(wildcard tests/periph/t_*.c))
PERIPH_ELFS := $(patsubst tests/periph/%.c,$(B)/target/tests/periph/%.elf,$(PERIPH_TESTS))
PERIPH_RT := tests/irq/rt.S tests/irq/rt.c

$(B)/target/tests/periph/%.elf: tests/periph/%.c $(PERIPH_RT) tests/irq/irq.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -Itests/irq -Itests/periph -MMD -MP -MF $(@:.elf=.d) $(TGT_LDFLAGS) \
		-T tests/irq/irq.ld $(PERIPH_RT) $< -o $@

TARGET_BINS += $(PERIPH_ELFS)
-include $(PERIPH_ELFS:.elf=.d)
