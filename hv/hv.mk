# tinyVP: one hypervisor build per system configuration.
#
# $(call hv_image,NAME,CONFIG,BOARD,GUEST_ELFS[,CFLAGS]) builds, under build/hv/NAME/:
#   gen/tvp_config.{c,h}, gen/tvp_offsets.h   tvpconf's tables for CONFIG
#   tinyvp.elf                                the hypervisor linked for that configuration
#   tinyvp.srec, tinyvp.hex                   the merged flash image (hypervisor + guests)
HV_SRCS := $(wildcard hv/core/*.c hv/emul/*.c hv/lib/*.c hv/platform/pic32mz/*.c \
	hv/arch/mips/*.c hv/shell/*.c) $(filter-out %.ld.S,$(wildcard hv/arch/mips/*.S))
HV_CFLAGS := $(TGT_CFLAGS) -Ihv -Os -fno-common -ffunction-sections -fdata-sections -MMD -MP
HV_TVPCONF := $(B)/rel/bin/tvpconf

define hv_image_rules
$(B)/hv/$(1)/gen/tvp_config.c: $(2) $(3) configs/device.lib $(4) $(HV_TVPCONF)
	@mkdir -p $$(dir $$@)
	$(HV_TVPCONF) -q -b $(3) -d configs/device.lib -o $(B)/hv/$(1)/gen $(2)
$(B)/hv/$(1)/gen/tvp_config.h: $(B)/hv/$(1)/gen/tvp_config.c
$(B)/hv/$(1)/hv.ld: hv/arch/mips/hv.ld.S $(B)/hv/$(1)/gen/tvp_config.h hv/hv.mk
	$(TGT_CC) -E -P -x c -undef -D__ASSEMBLER__ -I$(B)/hv/$(1)/gen -Iinclude $$< | \
		sed -E 's/(0x[0-9a-fA-F]+)u\b/\1/g' > $$@
$(B)/hv/$(1)/obj/%.o: hv/%.c $(B)/hv/$(1)/gen/tvp_config.h
	@mkdir -p $$(dir $$@)
	$(TGT_CC) $(HV_CFLAGS) $(5) -I$(B)/hv/$(1)/gen -c $$< -o $$@
$(B)/hv/$(1)/obj/%.o: hv/%.S $(B)/hv/$(1)/gen/tvp_config.h
	@mkdir -p $$(dir $$@)
	$(TGT_CC) $(TGT_ASFLAGS) -MMD -MP -Ihv -I$(B)/hv/$(1)/gen -c $$< -o $$@
$(B)/hv/$(1)/obj/gen/tvp_config.o: $(B)/hv/$(1)/gen/tvp_config.c
	@mkdir -p $$(dir $$@)
	$(TGT_CC) $(HV_CFLAGS) -I$(B)/hv/$(1)/gen -c $$< -o $$@
$(B)/hv/$(1)/tinyvp.elf: $(patsubst hv/%,$(B)/hv/$(1)/obj/%.o,$(basename $(HV_SRCS) $(call hv_boot_src,$(3)))) \
		$(B)/hv/$(1)/obj/gen/tvp_config.o $(B)/hv/$(1)/hv.ld
	$(TGT_CC) $(TGT_LDFLAGS) -Wl,--gc-sections -T $(B)/hv/$(1)/hv.ld -o $$@ \
		$$(filter %.o,$$^) -lgcc
$(B)/hv/$(1)/tinyvp.srec: $(B)/hv/$(1)/tinyvp.elf $(4)
	$(HV_TVPCONF) merge -q -b $(3) -d configs/device.lib --hv $$< \
		--srec $$@ --hex $(B)/hv/$(1)/tinyvp.hex $(2)
TARGET_BINS += $(B)/hv/$(1)/tinyvp.srec
-include $(patsubst hv/%,$(B)/hv/$(1)/obj/%.d,$(basename $(HV_SRCS)))
endef
hv_image = $(eval $(call hv_image_rules,$(1),$(2),$(3),$(4),$(5)))
