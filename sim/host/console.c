/* UARTs on the host (see console.h and docs/simulator.md "Console"). */
#define _XOPEN_SOURCE 700 /* posix_openpt, grantpt, unlockpt, ptsname */
#include "console.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "../soc/machine.h"
#include "term.h"

/* ---- byte queues ---------------------------------------------------------------------- */

static void q_push(struct byteq *q, const uint8_t *data, size_t n)
{
    if (q->head && q->head + q->len + n > q->cap) {
        memmove(q->buf, q->buf + q->head, q->len);
        q->head = 0;
    }
    if (q->len + n > q->cap) {
        size_t cap = q->cap ? q->cap : 4096;
        while (cap < q->len + n)
            cap *= 2;
        uint8_t *b = realloc(q->buf, cap);
        if (!b) {
            fprintf(stderr, "pic32mz-sim: out of memory for UART data\n");
            exit(2);
        }
        q->buf = b;
        q->cap = cap;
    }
    memcpy(q->buf + q->head + q->len, data, n);
    q->len += n;
}

static void q_drop(struct byteq *q, size_t n)
{
    q->head += n;
    q->len -= n;
    if (q->len == 0)
        q->head = 0;
}

static void q_free(struct byteq *q)
{
    free(q->buf);
    memset(q, 0, sizeof(*q));
}

/* ---- specifications ------------------------------------------------------------------ */

static int parse_port(const char *s, unsigned *port)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || v > 65535 || s[0] == '-')
        return -1;
    *port = (unsigned)v;
    return 0;
}

int conn_parse(const char *spec, struct conn_spec *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof(*out));
    snprintf(out->host, sizeof(out->host), "127.0.0.1");
    if (!strcmp(spec, "none")) {
        out->kind = CONN_NONE;
    } else if (!strcmp(spec, "stdio")) {
        out->kind = CONN_STDIO;
    } else if (!strcmp(spec, "pty")) {
        out->kind = CONN_PTY;
    } else if (!strncmp(spec, "pty:", 4) && spec[4]) {
        out->kind = CONN_PTY;
        out->path = spec + 4;
    } else if (!strncmp(spec, "file:", 5) && spec[5]) {
        out->kind = CONN_FILE;
        out->path = spec + 5;
    } else if (!strncmp(spec, "tcp:", 4)) {
        out->kind = CONN_TCP;
        const char *p = spec + 4;
        const char *colon = strrchr(p, ':');
        if (colon) {
            size_t n = (size_t)(colon - p);
            struct in_addr a;
            if (n == 0 || n >= sizeof(out->host)) {
                snprintf(err, errlen, "'%s': bad address", spec);
                return -1;
            }
            memcpy(out->host, p, n);
            out->host[n] = 0;
            if (inet_pton(AF_INET, out->host, &a) != 1) {
                snprintf(err, errlen, "'%s': '%s' is not an IPv4 address", spec, out->host);
                return -1;
            }
            p = colon + 1;
        }
        if (parse_port(p, &out->port)) {
            snprintf(err, errlen, "'%s': '%s' is not a port number (0-65535)", spec, p);
            return -1;
        }
    } else {
        snprintf(err, errlen,
                 "'%s': expected stdio, pty[:LINK], tcp:[ADDR:]PORT, file:PATH or none", spec);
        return -1;
    }
    return 0;
}

/* ---- the UART side ------------------------------------------------------------------- */

/* Offers queued input to the receiver until it refuses (uart.h: it calls rx_space when it
 * can take more). */
static void push_input(struct uart_link *l)
{
    struct uart *u = &l->m->uart[l->index - 1];
    while (l->in.len && uart_rx_push(u, l->in.buf[l->in.head]))
        q_drop(&l->in, 1);
}

static void on_rx_space(void *ctx)
{
    push_input(ctx);
}

static void on_tx(void *ctx, uint8_t byte)
{
    struct uart_link *l = ctx;
    if (l->tap)
        l->tap(l->tap_ctx, byte);
    if (l->spec.kind == CONN_NONE)
        return;
    q_push(&l->out, &byte, 1);
    switch (l->spec.kind) {
    case CONN_STDIO:
    case CONN_FILE:
        if (l->out.len >= 65536)
            link_flush(l);
        break;
    default:
        if (l->out.len > CONSOLE_OUTPUT_MAX) {
            /* Nobody reads the pty or socket: keep the newest output. */
            q_drop(&l->out, l->out.len - CONSOLE_OUTPUT_MAX / 2);
            if (!l->dropped_warned)
                fprintf(stderr, "pic32mz-sim: UART%u: nobody reads %s; dropping old output\n",
                        l->index, l->name);
            l->dropped_warned = true;
        }
        break;
    }
}

void link_send(struct uart_link *l, const uint8_t *data, size_t n)
{
    q_push(&l->in, data, n);
    push_input(l);
}

size_t link_pending_input(const struct uart_link *l)
{
    return l->in.len;
}

bool link_can_input(const struct uart_link *l)
{
    switch (l->spec.kind) {
    case CONN_STDIO: return l->in_fd >= 0 && !l->in_eof;
    case CONN_PTY:
    case CONN_TCP: return true;
    default: return false;
    }
}

/* ---- opening ------------------------------------------------------------------------- */

static int set_nonblock(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static int open_pty(struct uart_link *l, char *err, size_t errlen)
{
    int fd = posix_openpt(O_RDWR | O_NOCTTY);
    const char *name = fd >= 0 && !grantpt(fd) && !unlockpt(fd) ? ptsname(fd) : NULL;
    if (!name || strlen(name) >= sizeof(l->name)) {
        snprintf(err, errlen, "cannot create a pseudo-terminal: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    snprintf(l->name, sizeof(l->name), "%s", name);
    /* Hold the slave side open: the pty then outlives clients that come and go, and keeps
     * raw settings for the next one. */
    int s = open(l->name, O_RDWR | O_NOCTTY);
    struct termios t;
    if (s < 0 || tcgetattr(s, &t)) {
        snprintf(err, errlen, "cannot open %s: %s", l->name, strerror(errno));
        close(fd);
        if (s >= 0)
            close(s);
        return -1;
    }
    cfmakeraw(&t);
    tcsetattr(s, TCSANOW, &t);
    set_nonblock(fd);
    l->in_fd = l->out_fd = fd;
    l->slave_fd = s;
    if (l->spec.path) {
        unlink(l->spec.path); /* a link left by an earlier run */
        if (symlink(l->name, l->spec.path)) {
            snprintf(err, errlen, "cannot create the link %s: %s", l->spec.path, strerror(errno));
            return -1;
        }
    }
    return 0;
}

static int open_tcp(struct uart_link *l, char *err, size_t errlen)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)l->spec.port)};
    inet_pton(AF_INET, l->spec.host, &a.sin_addr);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
        bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 1) || set_nonblock(fd)) {
        snprintf(err, errlen, "cannot listen on %s:%u: %s", l->spec.host, l->spec.port,
                 strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    socklen_t len = sizeof(a);
    getsockname(fd, (struct sockaddr *)&a, &len);
    snprintf(l->name, sizeof(l->name), "tcp %s:%u", l->spec.host, ntohs(a.sin_port));
    l->listen_fd = fd;
    return 0;
}

static int open_file(struct uart_link *l, char *err, size_t errlen)
{
    size_t n = strlen(l->spec.path) + 8;
    l->tmp_path = malloc(n);
    if (!l->tmp_path) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(l->tmp_path, n, "%s.XXXXXX", l->spec.path);
    int fd = mkstemp(l->tmp_path);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create %s: %s", l->tmp_path, strerror(errno));
        free(l->tmp_path);
        l->tmp_path = NULL;
        return -1;
    }
    fchmod(fd, 0644);
    l->out_fd = fd;
    snprintf(l->name, sizeof(l->name), "%s", l->spec.path);
    return 0;
}

int link_open(struct uart_link *l, struct machine *m, unsigned index, bool console,
              const struct conn_spec *spec, bool stdin_input, char *err, size_t errlen)
{
    memset(l, 0, sizeof(*l));
    l->index = index;
    l->console = console;
    l->m = m;
    l->spec = *spec;
    l->in_fd = l->out_fd = l->listen_fd = l->slave_fd = -1;
    int rc = 0;
    switch (spec->kind) {
    case CONN_NONE: snprintf(l->name, sizeof(l->name), "nothing"); break;
    case CONN_STDIO:
        snprintf(l->name, sizeof(l->name), "the terminal");
        l->out_fd = STDOUT_FILENO;
        /* Read the terminal only as its foreground process (a background job would be
         * stopped by SIGTTIN); make it raw so that every key reaches the UART at once. */
        if (stdin_input && (!isatty(STDIN_FILENO) || tcgetpgrp(STDIN_FILENO) == getpgrp())) {
            l->in_fd = STDIN_FILENO;
            l->stdin_in = true;
            if (isatty(STDIN_FILENO))
                term_raw(STDIN_FILENO);
        }
        break;
    case CONN_PTY: rc = open_pty(l, err, errlen); break;
    case CONN_TCP: rc = open_tcp(l, err, errlen); break;
    case CONN_FILE: rc = open_file(l, err, errlen); break;
    }
    if (rc)
        return -1;
    struct uart *u = &m->uart[index - 1];
    uart_set_tx(u, on_tx, l);
    uart_set_rx_space(u, on_rx_space, l);
    if (spec->kind == CONN_PTY || spec->kind == CONN_TCP)
        fprintf(stderr, "pic32mz-sim: UART%u%s on %s%s%s\n", index, console ? " (console)" : "",
                l->name, spec->path ? " -> " : "", spec->path ? spec->path : "");
    return 0;
}

/* ---- host I/O ------------------------------------------------------------------------ */

unsigned link_pollfds(struct uart_link *l, struct pollfd *pfd)
{
    unsigned n = 0;
    bool room = l->in.len < CONSOLE_INPUT_WINDOW;
    if (l->listen_fd >= 0)
        pfd[n++] = (struct pollfd){.fd = l->listen_fd, .events = POLLIN};
    if (l->in_fd >= 0 && !l->in_eof) {
        short ev = room ? POLLIN : 0;
        if (l->in_fd == l->out_fd && l->out.len)
            ev |= POLLOUT;
        pfd[n++] = (struct pollfd){.fd = l->in_fd, .events = ev};
    }
    return n;
}

static void drop_client(struct uart_link *l)
{
    close(l->in_fd);
    l->in_fd = l->out_fd = -1;
}

static void read_input(struct uart_link *l)
{
    uint8_t buf[CONSOLE_INPUT_WINDOW];
    if (l->in.len >= CONSOLE_INPUT_WINDOW)
        return; /* back-pressure: the host waits until the UART has taken some */
    size_t room = CONSOLE_INPUT_WINDOW - l->in.len;
    ssize_t n = read(l->in_fd, buf, room);
    if (n > 0) {
        q_push(&l->in, buf, (size_t)n);
        push_input(l);
    } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        if (l->spec.kind == CONN_TCP)
            drop_client(l); /* the client left; the next one may connect */
        else
            l->in_eof = true;
    }
}

void link_handle(struct uart_link *l, const struct pollfd *pfd, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (!pfd[i].revents)
            continue;
        if (pfd[i].fd == l->listen_fd) {
            int c = accept(l->listen_fd, NULL, NULL);
            if (c < 0)
                continue;
            if (l->in_fd >= 0) {
                close(c); /* one client at a time */
                continue;
            }
            set_nonblock(c);
            l->in_fd = l->out_fd = c;
            link_flush(l); /* what was sent before the client came */
        } else if (pfd[i].fd == l->in_fd) {
            if (pfd[i].revents & (POLLIN | POLLHUP | POLLERR))
                read_input(l);
            if (l->out_fd >= 0 && (pfd[i].revents & POLLOUT))
                link_flush(l);
        }
    }
}

void link_flush(struct uart_link *l)
{
    if (l->spec.kind == CONN_STDIO)
        fflush(stdout); /* the test device writes there through stdio */
    while (l->out.len && l->out_fd >= 0) {
        ssize_t n;
        if (l->spec.kind == CONN_TCP)
            n = send(l->out_fd, l->out.buf + l->out.head, l->out.len, MSG_NOSIGNAL);
        else
            n = write(l->out_fd, l->out.buf + l->out.head, l->out.len);
        if (n > 0) {
            q_drop(&l->out, (size_t)n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && errno == EAGAIN) {
            break; /* pty or socket full: later */
        } else {
            if (l->spec.kind == CONN_TCP) {
                drop_client(l);
            } else {
                fprintf(stderr, "pic32mz-sim: UART%u: cannot write to %s: %s\n", l->index, l->name,
                        strerror(errno));
                l->out_fd = -1;
                q_drop(&l->out, l->out.len);
            }
            break;
        }
    }
}

void link_close(struct uart_link *l, bool keep)
{
    if (!l->m)
        return; /* never opened, or closed already */
    link_flush(l);
    uart_set_rx_space(&l->m->uart[l->index - 1], NULL, NULL);
    switch (l->spec.kind) {
    case CONN_PTY:
        close(l->in_fd);
        close(l->slave_fd);
        if (l->spec.path)
            unlink(l->spec.path);
        break;
    case CONN_TCP:
        if (l->in_fd >= 0)
            close(l->in_fd);
        close(l->listen_fd);
        break;
    case CONN_FILE:
        if (close(l->out_fd) || !keep || rename(l->tmp_path, l->spec.path)) {
            if (keep)
                fprintf(stderr, "pic32mz-sim: cannot write %s: %s\n", l->spec.path,
                        strerror(errno));
            unlink(l->tmp_path);
        }
        free(l->tmp_path);
        break;
    default: break;
    }
    q_free(&l->in);
    q_free(&l->out);
    l->in_fd = l->out_fd = l->listen_fd = l->slave_fd = -1;
    l->m = NULL;
    l->spec.kind = CONN_NONE; /* bytes a UART still sends go nowhere */
    l->tap = NULL;
}
