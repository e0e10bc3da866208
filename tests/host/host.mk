# tests/host: bare-metal programs for the simulator's host side (tests/host/run.sh): a console
# echo per board, an LED running light per board, a gdb target and a boot-loader application.

HOST_T := $(B)/target/tests/host
HOST_RT := tests/host/start.S tests/host/hostrt.c
HOST_DEPS := $(HOST_RT) tests/host/hostrt.h tests/host/host.ld tests/host/app.ld

$(HOST_T)/echo-wifire.elf: CONSOLE := 4
$(HOST_T)/echo-dm320007.elf: CONSOLE := 1
$(HOST_T)/echo-olimex.elf: CONSOLE := 4
$(HOST_T)/echo-%.elf: tests/host/echo.c $(HOST_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -DCONSOLE_UART=$(CONSOLE) $(TGT_LDFLAGS) -T tests/host/host.ld \
		$(HOST_RT) $< -o $@

$(HOST_T)/blink-%.elf: tests/host/blink.c $(HOST_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -DBOARD_$(shell echo $* | tr a-z A-Z) $(TGT_LDFLAGS) \
		-T tests/host/host.ld $(HOST_RT) $< -o $@

$(HOST_T)/gdbt.elf: tests/host/gdbt.c $(HOST_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) -O1 $(TGT_LDFLAGS) -T tests/host/host.ld $(HOST_RT) $< -o $@

$(HOST_T)/bootapp.elf: tests/host/bootapp.c $(HOST_DEPS)
	@mkdir -p $(dir $@)
	$(TGT_CC) $(TGT_CFLAGS) $(TGT_LDFLAGS) -T tests/host/app.ld $(HOST_RT) $< -o $@

TARGET_BINS += $(foreach b,wifire dm320007 olimex,$(HOST_T)/echo-$(b).elf $(HOST_T)/blink-$(b).elf) \
	$(HOST_T)/gdbt.elf $(HOST_T)/bootapp.elf
