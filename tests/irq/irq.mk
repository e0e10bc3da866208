# Interrupt-path tests (tests/irq/run.sh): one bare-metal program per t_*.c, linked with the
# run-time rt.S/rt.c at the reset vector (irq.ld).

IRQ_TESTS := $(sort $(wildcard tests/irq/t_*.c))
IRQ_ELFS := $(patsubst tests/irq/%.c,$(B)/target/tests/irq/%.elf,$(IRQ_TESTS))
IRQ_RT := tests/irq/rt.S tests/irq/rt.c

$(B)/target/tests/irq/%.elf: tests/irq/%.c $(IRQ_RT) tests/irq/irq.ld
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -Itests/irq -MMD -MP -MF $(@:.elf=.d) $(TGT_LDFLAGS) \
		-T tests/irq/irq.ld $(IRQ_RT) $< -o $@

TARGET_BINS += $(IRQ_ELFS)
-include $(IRQ_ELFS:.elf=.d)

# Host-side test of evic_set_irq() and the core interface, with the core stubbed out.
$(call host_prog,evic-lines,tests/irq/evic_lines.c sim/soc/evic.c sim/soc/bus.c)
