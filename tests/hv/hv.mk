# Hypervisor test systems.
$(call hv_image,two-guests,tests/hv/two-guests.conf,configs/boards/wifire,$(B)/target/guests/hvtest-A.elf $(B)/target/guests/hvtest-B.elf)
$(call hv_image,checks,tests/hv/checks.conf,configs/boards/wifire,$(B)/target/guests/checks-X.elf $(B)/target/guests/checks-Y.elf)
$(call hv_image,control,tests/hv/control.conf,configs/boards/wifire,$(B)/target/guests/hvtest-A.elf $(B)/target/guests/control.elf,-DTVP_TEST_HOOKS)
$(call hv_image,llbit,tests/hv/llbit.conf,configs/boards/wifire,$(B)/target/guests/checks-X.elf $(B)/target/guests/spin.elf)
