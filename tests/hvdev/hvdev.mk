# Device emulation and interrupt routing under tinyVP (issue 8): test guests and systems.
#
# Guests are ordinary PIC32MZ programs linked as tinyVP runs them (guests/rt/guest.ld); the
# interrupt-driven ones add the vector page and EVIC set-up of guests/rt/irq.h.
HVDEV_RT_OBJS := $(GUEST_RT_OBJS) $(B)/target/guests/rt/isr.o $(B)/target/guests/rt/irq.o
HVDEV_GUEST_HDRS := guests/rt/pic32mz.h guests/rt/irq.h tests/hvdev/hvdev.mk

# $(call hvdev_guest,NAME,SOURCE,CFLAGS): build/target/guests/hvdev/NAME.elf
define hvdev_guest_rules
$(B)/target/guests/hvdev/$(1).o: $(2) $(HVDEV_GUEST_HDRS)
	@mkdir -p $$(dir $$@)
	$(TGT_CC) $(TGT_CFLAGS) $(3) -c $$< -o $$@
$(B)/target/guests/hvdev/$(1).elf: $(B)/target/guests/hvdev/$(1).o $(HVDEV_RT_OBJS) guests/rt/guest.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/guest.ld -o $$@ $$< $(HVDEV_RT_OBJS)
TARGET_BINS += $(B)/target/guests/hvdev/$(1).elf
endef
hvdev_guest = $(eval $(call hvdev_guest_rules,$(1),$(2),$(3)))
G := $(B)/target/guests/hvdev

# (1) interrupt-driven guests: A (multi-vector) nests sw0 inside its timer handler and owns
# Timer2; B (single-vector) has the priorities the other way round and probes A's IRQ.
$(call hvdev_guest,irq-A,guests/irqtest/main.c,-DNAME=A -DMULTI=1 -DPERIOD_MS=10 -DTPRI=2 -DS0PRI=5 -DS1PRI=3 -DT2PRI=4 -DPROBE=0)
$(call hvdev_guest,irq-B,guests/irqtest/main.c,-DNAME=B -DMULTI=0 -DPERIOD_MS=7 -DTPRI=6 -DS0PRI=3 -DS1PRI=5 -DT2PRI=0 -DPROBE=1)
$(call hv_image,hvdev-irq,tests/hvdev/irq.conf,configs/boards/wifire,$(G)/irq-A.elf $(G)/irq-B.elf)

# (2) console: interrupt-driven receivers/transmitters (UTXISEL 00 and 10), a driver that types
# through the test hook, and two flooding writers.
$(call hvdev_guest,echo-A,guests/uarttest/echo.c,-DNAME=A -DTXISEL=0)
$(call hvdev_guest,echo-B,guests/uarttest/echo.c,-DNAME=B -DTXISEL=2)
$(call hvdev_guest,driver,guests/uarttest/driver.c,)
$(call hvdev_guest,flood-A,guests/uarttest/flood.c,-DNAME=A -DLINES=60)
$(call hvdev_guest,flood-B,guests/uarttest/flood.c,-DNAME=B -DLINES=60)
$(call hv_image,hvdev-console,tests/hvdev/console.conf,configs/boards/wifire,$(G)/echo-A.elf $(G)/echo-B.elf $(G)/driver.elf,-DTVP_TEST_HOOKS)
$(call hv_image,hvdev-flood,tests/hvdev/flood.conf,configs/boards/wifire,$(G)/flood-A.elf $(G)/flood-B.elf)

# (3), (4) trap-and-emulate: partial page, widths, CLR/SET/INV, delay slots, write-ignore.
$(call hvdev_guest,mmio,guests/mmiotest/main.c,)
$(call hv_image,hvdev-mmio,tests/hvdev/mmio.conf,configs/boards/wifire,$(G)/mmio.elf)

# (5) GPIO pin sharing: VM 1 drives LD1 (RG6), VM 2 LD2..LD4 (RD4, RB11, RG15), each
# attacking the other's pin on the shared port G.
$(call hvdev_guest,gpio-1,guests/gpiotest/main.c,-DNAME=G1 -DLEDS=1)
$(call hvdev_guest,gpio-2,guests/gpiotest/main.c,-DNAME=G2 -DLEDS=234)
$(call hv_image,hvdev-gpio,tests/hvdev/gpio.conf,configs/boards/wifire,$(G)/gpio-1.elf $(G)/gpio-2.elf)

# (6) a DMA guest: copies inside its zone, blocked outside it by the bus arbiter.
$(call hvdev_guest,dma,guests/dmatest/main.c,)
$(call hv_image,hvdev-dma,tests/hvdev/dma.conf,configs/boards/wifire,$(G)/dma.elf $(B)/target/guests/hvtest-B.elf)
$(call hv_image,hvdev-terminal,tests/hvdev/terminal.conf,configs/boards/wifire,$(G)/echo-A.elf $(G)/echo-B.elf)
