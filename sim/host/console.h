/*
 * UARTs on the host: the board's console UART on the terminal, a pseudo-terminal, a TCP
 * socket on the loopback interface or a file; other UARTs the same way (docs/simulator.md).
 *
 * Input bytes (from the host or from a script) wait in a queue until the UART takes them
 * (uart_rx_push); when it cannot, the queue waits for its rx_space hook.  Nothing is dropped:
 * when the queue holds CONSOLE_INPUT_WINDOW bytes the host side is not read any more, so the
 * sender blocks (pty, TCP flow control).  Output bytes are written out at flush points.
 */
#ifndef SIM_HOST_CONSOLE_H
#define SIM_HOST_CONSOLE_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

enum conn_kind { CONN_NONE, CONN_STDIO, CONN_PTY, CONN_TCP, CONN_FILE };

struct conn_spec {
    enum conn_kind kind;
    const char *path; /* file:PATH, or pty:LINK (a symlink to the pty) */
    char host[64];    /* tcp: address to listen on, 127.0.0.1 unless given */
    unsigned port;    /* tcp: 0 = a free port chosen by the system */
};

/* SPEC: stdio | pty[:LINK] | tcp:[ADDR:]PORT | file:PATH | none. */
int conn_parse(const char *spec, struct conn_spec *out, char *err, size_t errlen);

#define CONSOLE_INPUT_WINDOW 4096
#define CONSOLE_OUTPUT_MAX   (1u << 20) /* unread pty/TCP output kept; older bytes are dropped */

struct byteq {
    uint8_t *buf;
    size_t head, len, cap;
};

struct uart_link {
    unsigned index; /* UART 1..6 */
    bool console;   /* the board's console UART */
    struct machine *m;
    struct conn_spec spec;
    int in_fd, out_fd; /* -1 = none */
    int listen_fd;     /* tcp */
    int slave_fd;      /* pty: kept open so that the pty lives without a client */
    bool stdin_in;     /* input comes from our stdin */
    char name[128];    /* pty path or tcp address, for messages */
    char *tmp_path;    /* file: written here, renamed to spec.path at the end */
    struct byteq out, in;
    bool in_eof;
    bool dropped_warned;
    /* Sees every byte the UART transmits (scripts, the LED line's cursor bookkeeping). */
    void (*tap)(void *ctx, uint8_t byte);
    void *tap_ctx;
};

/* Connects UART `index` of `m` to the host as `spec` says.  `stdin_input`: the stdio
 * connection reads stdin (raw mode when it is a terminal).  Prints where a pty or TCP
 * connection lives on stderr. */
int link_open(struct uart_link *l, struct machine *m, unsigned index, bool console,
              const struct conn_spec *spec, bool stdin_input, char *err, size_t errlen);
/* Queues bytes for the UART's receiver (a script's `send`). */
void link_send(struct uart_link *l, const uint8_t *data, size_t n);
/* Bytes still waiting for the receiver. */
size_t link_pending_input(const struct uart_link *l);
/* True if the host side can still produce input (stdin not at EOF, pty, TCP). */
bool link_can_input(const struct uart_link *l);
/* Adds the descriptors to watch to pfd (at most 2) and returns how many. */
unsigned link_pollfds(struct uart_link *l, struct pollfd *pfd);
/* Handles the poll results for the descriptors added by link_pollfds. */
void link_handle(struct uart_link *l, const struct pollfd *pfd, unsigned n);
/* Writes out what the UART transmitted (without blocking on a pty or socket). */
void link_flush(struct uart_link *l);
/* Flushes and closes.  A file connection is renamed into place when `keep` is set, else
 * removed. */
void link_close(struct uart_link *l, bool keep);

#endif
