# sim-probe: the simulator with cycle probes for the benchmarks (bench/probe/sim_probe.c).
# The simulator's sources are listed here too: this fragment is included before sim/sim.mk.
SIM_PROBE_SRCS := bench/probe/sim_probe.c $(wildcard sim/cpu/*.c sim/soc/*.c sim/board/*.c \
	sim/host/load*.c)
$(call host_prog,sim-probe,$(SIM_PROBE_SRCS))
