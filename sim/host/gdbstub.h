/*
 * gdb remote serial protocol stub for the M5150 core (docs/simulator.md "Debugging with gdb"):
 * registers in the order gdb expects for a MIPS32 target without a target description
 * (32 GPRs, sr, lo, hi, bad, cause, pc, f0-f31, fcsr, fir), memory through the bus (KSEG0/
 * KSEG1 addresses, and kuseg while Status.ERL=1), breakpoints kept by the simulator
 * (cpu_set_breakpoint; memory is never patched), single step, continue, Ctrl-C.
 * One client at a time, on a TCP port of 127.0.0.1 unless another address is given.
 */
#ifndef SIM_HOST_GDBSTUB_H
#define SIM_HOST_GDBSTUB_H

#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

#define GDB_PACKET_MAX 16384 /* advertised as PacketSize (hex 4000) */

enum gdb_action {
    GDB_NONE,      /* nothing for the run loop to do */
    GDB_CONTINUE,  /* resume */
    GDB_STEP,      /* execute one instruction, then report a stop */
    GDB_INTERRUPT, /* Ctrl-C while running: stop and report SIGINT */
    GDB_KILL,      /* end the simulation */
    GDB_DETACHED,  /* the debugger left (D or a closed connection): run on freely */
};

struct gdb {
    struct machine *m;
    int listen_fd, fd;
    char addr[64];
    char in[GDB_PACKET_MAX + 8];
    size_t inlen;
    char out[GDB_PACKET_MAX + 8];
    uint32_t bp[64]; /* breakpoints set by the debugger (CPU_MAX_BREAKPOINTS) */
    unsigned nbp;
};

/* Listens on host:port (port 0: a free one) and prints the address on stderr. */
int gdb_open(struct gdb *g, struct machine *m, const char *host, unsigned port, char *err,
             size_t errlen);
/* Waits for the debugger to connect; returns -1 if *stop became set (a signal) meanwhile. */
int gdb_accept(struct gdb *g, volatile sig_atomic_t *stop);
bool gdb_connected(const struct gdb *g);
unsigned gdb_pollfds(struct gdb *g, struct pollfd *pfd);
/* Reads what the debugger sent and answers the packets that need no execution; returns the
 * first execution request (or GDB_NONE).  `running`: the target runs (only Ctrl-C counts). */
enum gdb_action gdb_handle(struct gdb *g, bool running);
/* Stop replies: signal 5 (SIGTRAP) for breakpoints and steps, 2 (SIGINT) for Ctrl-C. */
void gdb_report_stop(struct gdb *g, int sig);
void gdb_report_exit(struct gdb *g, int status);
void gdb_close(struct gdb *g);

#endif
