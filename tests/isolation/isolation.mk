# Isolation tests (tests/isolation/run.sh): the victim, the hostile guests and the
# random-instruction fuzz guest, the tinyVP systems they run in, and the host reference for
# the victim's heartbeat.
ISO_LINK = $(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/guest.ld -o $@ $(filter %.o,$^)
ISO_G := $(B)/target/guests

$(ISO_G)/victim.elf: $(ISO_G)/victim/main.o $(GUEST_RT_OBJS) guests/rt/guest.ld
	$(ISO_LINK)
$(ISO_G)/victim-wait.o: guests/victim/main.c guests/rt/pic32mz.h
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -DVICTIM_WAITS -c $< -o $@
$(ISO_G)/victim-wait.elf: $(ISO_G)/victim-wait.o $(GUEST_RT_OBJS) guests/rt/guest.ld
	$(ISO_LINK)
$(ISO_G)/hostile/attacks.o: guests/hostile/attacks.h
$(ISO_G)/hostile/main.o: guests/hostile/attacks.h
$(ISO_G)/hostile.elf: $(addprefix $(ISO_G)/hostile/,main.o attacks.o probe.o vectors.o) \
		$(GUEST_RT_OBJS) guests/rt/guest.ld
	$(ISO_LINK)
TARGET_BINS += $(ISO_G)/victim.elf $(ISO_G)/victim-wait.elf $(ISO_G)/hostile.elf

$(call hv_image,isolation,tests/isolation/attack.conf,configs/boards/wifire,$(ISO_G)/hostile.elf $(ISO_G)/victim.elf)
$(call hv_image,isolation-dma,tests/isolation/dma.conf,configs/boards/wifire,$(ISO_G)/hostile.elf $(ISO_G)/victim.elf)

$(call host_prog,victim-ref,tests/isolation/victim_ref.c)

$(ISO_G)/fuzz.elf: $(addprefix $(ISO_G)/fuzz/,main.o exec.o) $(GUEST_RT_OBJS) guests/fuzz/fuzz.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/fuzz/fuzz.ld -o $@ $(filter %.o,$^)
TARGET_BINS += $(ISO_G)/fuzz.elf
$(call hv_image,isolation-fuzz,tests/isolation/fuzz.conf,configs/boards/wifire,$(ISO_G)/fuzz.elf $(ISO_G)/victim-wait.elf)

# libFuzzer harnesses around tinyVP's MMIO decoder and console input path, compiled for the
# host with the stand-ins of tests/fuzz/hv/host (needs clang's libFuzzer runtime, as
# tests/loaders does).  tests/isolation/run.sh runs them for a bounded time.
HVFUZZ_CC ?= clang
HVFUZZ_RT := $(wildcard $(shell $(HVFUZZ_CC) -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null))
HVFUZZ_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
	-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all \
	-Wno-int-to-void-pointer-cast -Wno-int-to-pointer-cast \
	-include tests/fuzz/hv/host/kseg.h -Itests/fuzz/hv/host -Itests/fuzz/hv -Ihv -Iinclude
HVFUZZ_HV := hv/core/mmio.c hv/core/irq.c hv/emul/emul.c hv/emul/vuart.c hv/emul/vevic.c \
	hv/emul/vgpio.c hv/emul/console.c hv/arch/mips/branch.c tests/fuzz/hv/host.c
$(B)/fuzz/hvobj/%.o: %.c tests/fuzz/hv/host/kseg.h tests/isolation/isolation.mk
	@mkdir -p $(dir $@)
	$(HVFUZZ_CC) $(HVFUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@
$(B)/fuzz/bin/fuzz-hv-%: $(B)/fuzz/hvobj/tests/fuzz/hv/fuzz_%.o \
		$(patsubst %.c,$(B)/fuzz/hvobj/%.o,$(HVFUZZ_HV))
	@mkdir -p $(dir $@)
	$(HVFUZZ_CC) $(HVFUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^
ifneq ($(HVFUZZ_RT),)
HOST_BINS += $(B)/fuzz/bin/fuzz-hv-mmio $(B)/fuzz/bin/fuzz-hv-console
-include $(patsubst %.c,$(B)/fuzz/hvobj/%.d,$(HVFUZZ_HV) tests/fuzz/hv/fuzz_mmio.c tests/fuzz/hv/fuzz_console.c)
endif

$(ISO_G)/irqstorm.elf: $(ISO_G)/hostile/irqstorm.o $(ISO_G)/rt/irq.o $(ISO_G)/rt/isr.o \
		$(GUEST_RT_OBJS) guests/rt/guest.ld
	$(ISO_LINK)
TARGET_BINS += $(ISO_G)/irqstorm.elf
$(call hv_image,isolation-irq,tests/isolation/irqstorm.conf,configs/boards/wifire,$(ISO_G)/irqstorm.elf $(ISO_G)/victim.elf)
