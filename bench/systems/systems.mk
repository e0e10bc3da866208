# Issue 11 benchmark guests (guests/bench) and the tinyVP systems built from them.
#
# bench/ fragments are included before guests/guests.mk and hv/hv.mk (alphabetical order), so
# the runtime objects are named here and hv/hv.mk (macros only, no rules of its own) is read
# first if it has not been yet.
ifndef hv_image_rules
include hv/hv.mk
endif

BENCH_G := $(B)/target/guests/bench
BENCH_RT := $(B)/target/guests/rt/crt0.o $(B)/target/guests/rt/console.o

# The work guest: bare-metal (reset vector, guests/rt/pic32mz.ld) and as tinyVP guests.
$(BENCH_G)/work-bare.elf: $(BENCH_G)/work.o $(BENCH_RT) guests/rt/pic32mz.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/pic32mz.ld -o $@ $(filter %.o,$^)
$(BENCH_G)/work-%.elf: $(BENCH_G)/work.o $(BENCH_RT) guests/rt/guest.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/guest.ld -o $@ $(filter %.o,$^)
$(BENCH_G)/micro.elf: $(BENCH_G)/micro.o $(BENCH_G)/micro_loops.o $(BENCH_RT) guests/rt/guest.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/guest.ld -o $@ $(filter %.o,$^)
$(BENCH_G)/poll.elf: $(BENCH_G)/poll.o $(BENCH_G)/micro_loops.o $(BENCH_RT) guests/rt/guest.ld
	$(TGT_CC) $(TGT_LDFLAGS) -T guests/rt/guest.ld -o $@ $(filter %.o,$^)
TARGET_BINS += $(BENCH_G)/work-bare.elf $(BENCH_G)/work-A.elf $(BENCH_G)/work-B.elf \
	$(BENCH_G)/micro.elf $(BENCH_G)/poll.elf

$(call hv_image,bench-micro,bench/systems/micro.conf,configs/boards/wifire,$(BENCH_G)/micro.elf)
$(call hv_image,bench-poll,bench/systems/poll.conf,configs/boards/wifire,$(BENCH_G)/poll.elf)
$(call hv_image,bench-work1,bench/systems/work1.conf,configs/boards/wifire,$(BENCH_G)/work-A.elf)
$(call hv_image,bench-work2,bench/systems/work2.conf,configs/boards/wifire,\
	$(BENCH_G)/work-A.elf $(BENCH_G)/work-B.elf)
