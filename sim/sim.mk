# pic32mz-sim: the PIC32MZ-EF simulator.
SIM_SRCS := $(wildcard sim/cpu/*.c sim/soc/*.c sim/board/*.c sim/host/*.c)
$(call host_prog,pic32mz-sim,$(SIM_SRCS))
