# The demo guests (guests/demo) for each board, and the demo systems tinyVP boots with them.
# Included by the top Makefile after every other fragment (it uses GUEST_RT_OBJS from
# guests/guests.mk and hv_image from hv/hv.mk).
#
# Each guest is one ordinary PIC32MZ program per board, linked with demo.ld: the very ELF a
# configuration names is the one `make run-guest1-bare` boots on the bare simulated chip.
#   build/target/guests/{poll,irq,dma}/guest.elf            chipKIT Wi-FIRE
#   build/target/guests/{poll,irq}/guest-{dm320007,olimex}.elf
DEMO_BOARDS := wifire dm320007 olimex
DEMO_BOARD_FLAG_wifire := -DBOARD_WIFIRE
DEMO_BOARD_FLAG_dm320007 := -DBOARD_DM320007
DEMO_BOARD_FLAG_olimex := -DBOARD_OLIMEX
DEMO_SUFFIX_wifire :=
DEMO_SUFFIX_dm320007 := -dm320007
DEMO_SUFFIX_olimex := -olimex
DEMO_RT_OBJS := $(GUEST_RT_OBJS) $(B)/target/guests/rt/isr.o $(B)/target/guests/rt/irq.o
DEMO_HDRS := guests/demo/board.h guests/rt/pic32mz.h guests/rt/irq.h guests/demo/demo.mk

# $(call demo_guest,KIND,BOARD): build/target/guests/KIND/guest$(suffix).elf
define demo_guest_rules
$(B)/target/guests/demo/$(2)/%.o: guests/demo/%.c $(DEMO_HDRS)
	@mkdir -p $$(dir $$@)
	$(TGT_CC) $(TGT_CFLAGS) $(DEMO_BOARD_FLAG_$(2)) -c $$< -o $$@
$(B)/target/guests/$(1)/guest$(DEMO_SUFFIX_$(2)).elf: $(B)/target/guests/demo/$(2)/$(1).o \
		$(B)/target/guests/demo/$(2)/board.o $(DEMO_RT_OBJS) guests/demo/demo.ld
	@mkdir -p $$(dir $$@)
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/demo/demo.ld -o $$@ $$(filter %.o,$$^)
TARGET_BINS += $(B)/target/guests/$(1)/guest$(DEMO_SUFFIX_$(2)).elf
endef
demo_guest = $(eval $(call demo_guest_rules,$(1),$(2)))

$(foreach b,$(DEMO_BOARDS),$(call demo_guest,poll,$(b))$(call demo_guest,irq,$(b)))
$(call demo_guest,dma,wifire)

DG := $(B)/target/guests
$(call hv_image,demo-wifire,configs/demo-wifire.conf,configs/boards/wifire,$(DG)/poll/guest.elf $(DG)/irq/guest.elf)
$(call hv_image,demo-dma,configs/demo-dma.conf,configs/boards/wifire,$(DG)/dma/guest.elf $(DG)/poll/guest.elf)
# These boards boot tinyVP from reset (board file BOOT = hv/arch/mips/boot.S).
$(call hv_image,demo-dm320007,configs/demo-dm320007.conf,configs/boards/dm320007,$(DG)/poll/guest-dm320007.elf $(DG)/irq/guest-dm320007.elf)
$(call hv_image,demo-olimex,configs/demo-olimex.conf,configs/boards/olimex,$(DG)/poll/guest-olimex.elf $(DG)/irq/guest-olimex.elf)

# `make run CONFIG=FILE [BOARD=...]`: any configuration, built as build/hv/custom.
BOARD ?= wifire
ifneq ($(CONFIG),)
$(call hv_image,custom,$(CONFIG),configs/boards/$(BOARD),)
endif
