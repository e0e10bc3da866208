# Guest runtime and bare-metal/guest programs (target code).
GUEST_RT_SRCS := guests/rt/crt0.S guests/rt/console.c
GUEST_LD := guests/rt/pic32mz.ld

$(B)/target/guests/%.o: guests/%.c
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -c $< -o $@
$(B)/target/guests/%.o: guests/%.S
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_ASFLAGS) -c $< -o $@

GUEST_RT_OBJS := $(patsubst guests/%,$(B)/target/guests/%.o,$(basename $(GUEST_RT_SRCS)))
GUEST_RT_OBJS := $(GUEST_RT_OBJS:%.o.o=%.o)

# $(call bare_prog,NAME,SOURCES): build/target/guests/NAME.elf linked with the runtime.
define bare_prog_rules
$(B)/target/guests/$(1).elf: $(patsubst guests/%,$(B)/target/guests/%.o,$(basename $(2))) $(GUEST_RT_OBJS) $(GUEST_LD)
	$(TGT_CC) $(TGT_LDFLAGS) -T $(GUEST_LD) -o $$@ $$(filter %.o,$$^)
TARGET_BINS += $(B)/target/guests/$(1).elf
endef
bare_prog = $(eval $(call bare_prog_rules,$(1),$(2)))

$(call bare_prog,hello,guests/hello/main.c)

# Guests linked the way tinyVP runs them (guests/rt/guest.ld).  The hypervisor tests use
# two periods that do not divide each other.
HVTEST_PERIOD_A := 10
HVTEST_PERIOD_B := 7
$(B)/target/guests/hvtest-%.o: guests/hvtest/main.c guests/rt/pic32mz.h guests/guests.mk
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -DNAME=$* -DPERIOD_MS=$(HVTEST_PERIOD_$*) -c $< -o $@
$(B)/target/guests/hvtest-%.elf: $(B)/target/guests/hvtest-%.o $(GUEST_RT_OBJS) guests/rt/guest.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/guest.ld -o $@ $< $(GUEST_RT_OBJS)
TARGET_BINS += $(B)/target/guests/hvtest-A.elf $(B)/target/guests/hvtest-B.elf

# The state-keeping and fault test guest (two instances: X and Y).
GUEST_TEST_RT := $(GUEST_RT_OBJS) $(B)/target/guests/rt/vectors.o
$(B)/target/guests/checks-%.o: guests/hvtest/checks.c guests/rt/pic32mz.h guests/guests.mk
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -mdspr2 -mfp64 -DNAME=$* -c $< -o $@
$(B)/target/guests/checks-%.elf: $(B)/target/guests/checks-%.o $(GUEST_TEST_RT) guests/rt/guest.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/guest.ld -o $@ $< $(GUEST_TEST_RT)
TARGET_BINS += $(B)/target/guests/checks-X.elf $(B)/target/guests/checks-Y.elf

$(B)/target/guests/control.o: guests/hvtest/control.c guests/rt/pic32mz.h
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -c $< -o $@
$(B)/target/guests/control.elf: $(B)/target/guests/control.o $(GUEST_RT_OBJS) guests/rt/guest.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/guest.ld -o $@ $< $(GUEST_RT_OBJS)
TARGET_BINS += $(B)/target/guests/control.elf

$(B)/target/guests/spin.o: guests/hvtest/spin.c guests/rt/pic32mz.h
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -c $< -o $@
$(B)/target/guests/spin.elf: $(B)/target/guests/spin.o $(GUEST_RT_OBJS) guests/rt/guest.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/guest.ld -o $@ $< $(GUEST_RT_OBJS)
TARGET_BINS += $(B)/target/guests/spin.elf
