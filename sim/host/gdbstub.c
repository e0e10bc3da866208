/* gdb remote serial protocol stub (gdbstub.h; the protocol: GDB manual, "Remote Protocol"). */
#include "gdbstub.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "hexdigit.h"
#include "../cpu/cpu.h"
#include "../soc/machine.h"
#include "soc/cp0.h"
#include "soc/memmap.h"

/* gdb's raw register numbers for MIPS without a target description (gdb mips-tdep.h). */
enum {
    REG_SR = 32,
    REG_LO = 33,
    REG_HI = 34,
    REG_BAD = 35,
    REG_CAUSE = 36,
    REG_PC = 37,
    REG_F0 = 38,
    REG_FCSR = 70,
    REG_FIR = 71,
    REG_COUNT = 72,
};

/* ---- connection ------------------------------------------------------------------------ */

int gdb_open(struct gdb *g, struct machine *m, const char *host, unsigned port, char *err,
             size_t errlen)
{
    memset(g, 0, sizeof(*g));
    g->m = m;
    g->fd = -1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    if (inet_pton(AF_INET, host, &a.sin_addr) != 1) {
        snprintf(err, errlen, "--gdb: '%s' is not an IPv4 address", host);
        return -1;
    }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
        bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 1)) {
        snprintf(err, errlen, "--gdb: cannot listen on %s:%u: %s", host, port, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    socklen_t len = sizeof(a);
    getsockname(fd, (struct sockaddr *)&a, &len);
    snprintf(g->addr, sizeof(g->addr), "%s:%u", host, ntohs(a.sin_port));
    g->listen_fd = fd;
    fprintf(stderr, "pic32mz-sim: waiting for gdb on %s\n", g->addr);
    return 0;
}

int gdb_accept(struct gdb *g, volatile sig_atomic_t *stop)
{
    while (!*stop) {
        struct pollfd p = {.fd = g->listen_fd, .events = POLLIN};
        if (poll(&p, 1, 200) <= 0)
            continue;
        int fd = accept(g->listen_fd, NULL, NULL);
        if (fd < 0)
            continue;
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        g->fd = fd;
        g->inlen = 0;
        return 0;
    }
    return -1;
}

bool gdb_connected(const struct gdb *g)
{
    return g->fd >= 0;
}

unsigned gdb_pollfds(struct gdb *g, struct pollfd *pfd)
{
    if (g->fd < 0)
        return 0;
    pfd[0] = (struct pollfd){.fd = g->fd, .events = POLLIN};
    return 1;
}

static void drop(struct gdb *g)
{
    if (g->fd >= 0)
        close(g->fd);
    g->fd = -1;
    g->inlen = 0;
}

void gdb_close(struct gdb *g)
{
    drop(g);
    if (g->listen_fd >= 0)
        close(g->listen_fd);
    g->listen_fd = -1;
}

static void send_all(struct gdb *g, const char *s, size_t n)
{
    while (n && g->fd >= 0) {
        ssize_t w = send(g->fd, s, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            drop(g);
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

/* Sends the packet in g->out ("$...#cs"); the payload has no characters needing escapes. */
static void reply(struct gdb *g, const char *payload)
{
    size_t n = strlen(payload);
    if (n > GDB_PACKET_MAX)
        n = GDB_PACKET_MAX;
    unsigned sum = 0;
    g->out[0] = '$';
    for (size_t i = 0; i < n; i++) {
        g->out[1 + i] = payload[i];
        sum += (uint8_t)payload[i];
    }
    snprintf(g->out + 1 + n, 4, "#%02x", sum & 0xFF);
    send_all(g, g->out, n + 4);
}

void gdb_report_stop(struct gdb *g, int sig)
{
    char buf[8];
    snprintf(buf, sizeof(buf), "S%02x", sig & 0xFF);
    reply(g, buf);
}

void gdb_report_exit(struct gdb *g, int status)
{
    char buf[8];
    snprintf(buf, sizeof(buf), "W%02x", status & 0xFF);
    reply(g, buf);
}

/* ---- registers and memory ------------------------------------------------------------- */

static uint32_t reg_value(struct gdb *g, unsigned n)
{
    struct cpu *c = g->m->cpu;
    if (n < 32)
        return cpu_gpr(c, n);
    switch (n) {
    case REG_SR: return cpu_cp0(c, 12, 0);
    case REG_LO: return cpu_lo(c);
    case REG_HI: return cpu_hi(c);
    case REG_BAD: return cpu_cp0(c, 8, 0);
    case REG_CAUSE: return cpu_cp0(c, 13, 0);
    case REG_PC: return cpu_pc(c);
    default: return 0; /* FPU registers: not reachable through cpu.h; shown as 0 */
    }
}

static char *put_word(char *p, uint32_t v)
{
    /* Target byte order: little-endian. */
    for (unsigned i = 0; i < 4; i++)
        p += sprintf(p, "%02x", (v >> (8 * i)) & 0xFF);
    return p;
}

static bool get_word(const char *p, uint32_t *v)
{
    uint32_t r = 0;
    for (unsigned i = 0; i < 4; i++) {
        int h = hex_digit(p[2 * i]), l = hex_digit(p[2 * i + 1]);
        if (h < 0 || l < 0)
            return false;
        r |= (uint32_t)(h * 16 + l) << (8 * i);
    }
    *v = r;
    return true;
}

/* Parses a hexadecimal number; returns the position after it, NULL if there is none. */
static const char *get_hex(const char *p, uint32_t *v)
{
    uint64_t r = 0;
    const char *s = p;
    for (; hex_digit(*p) >= 0; p++) {
        r = r * 16 + (uint64_t)hex_digit(*p);
        if (r > UINT32_MAX)
            return NULL;
    }
    *v = (uint32_t)r;
    return p == s ? NULL : p;
}

static bool set_reg(struct gdb *g, unsigned n, uint32_t v)
{
    struct cpu *c = g->m->cpu;
    if (n < 32) {
        cpu_set_gpr(c, n, v);
        return true;
    }
    if (n == REG_PC) {
        cpu_set_pc(c, v);
        return true;
    }
    return false; /* the others cannot be written through cpu.h */
}

/* Virtual to physical for debugger accesses: the unmapped segments only (MD00090 §4.3). */
static bool debug_translate(struct gdb *g, uint32_t va, uint32_t *pa)
{
    if (va >= KSEG0_BASE && va < KSEG2_BASE) {
        *pa = va & KSEG_PHYS_MASK;
        return true;
    }
    if (va < KSEG0_BASE && (cpu_cp0(g->m->cpu, 12, 0) & STATUS_ERL)) {
        *pa = va; /* ERL=1: kuseg is unmapped */
        return true;
    }
    return false;
}

static size_t read_mem(struct gdb *g, uint32_t va, uint8_t *buf, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t pa;
        if (!debug_translate(g, va + (uint32_t)i, &pa))
            break;
        size_t chunk = len - i;
        /* Within one 4 KB page the translation does not change. */
        size_t page_left = 4096 - ((va + i) & 4095);
        if (chunk > page_left)
            chunk = page_left;
        if (bus_peek(&g->m->bus, pa, buf + i, (uint32_t)chunk) == 0) {
            i += chunk;
            continue;
        }
        /* The range crosses the end of a region: byte by byte up to it. */
        size_t k = 0;
        while (k < chunk && bus_peek(&g->m->bus, pa + (uint32_t)k, buf + i + k, 1) == 0)
            k++;
        i += k;
        if (k < chunk)
            break;
    }
    return i;
}

static bool write_mem(struct gdb *g, uint32_t va, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        uint32_t pa;
        if (!debug_translate(g, va + (uint32_t)i, &pa) || bus_load(&g->m->bus, pa, data + i, 1))
            return false;
    }
    return true;
}

/* ---- packets ---------------------------------------------------------------------------- */

static void cmd_read_regs(struct gdb *g)
{
    char buf[REG_COUNT * 8 + 1], *p = buf;
    for (unsigned n = 0; n < REG_COUNT; n++)
        p = put_word(p, reg_value(g, n));
    *p = 0;
    reply(g, buf);
}

static void cmd_write_regs(struct gdb *g, const char *p, size_t len)
{
    for (unsigned n = 0; n < REG_COUNT && (size_t)(n + 1) * 8 <= len; n++) {
        uint32_t v;
        if (!get_word(p + n * 8, &v)) {
            reply(g, "E01");
            return;
        }
        if (v != reg_value(g, n))
            set_reg(g, n, v); /* unchanged or unwritable registers are left alone */
    }
    reply(g, "OK");
}

static void cmd_read_mem(struct gdb *g, const char *p)
{
    uint32_t addr, len;
    static uint8_t data[GDB_PACKET_MAX / 2 - 8];
    static char hex[GDB_PACKET_MAX + 1];
    if (!(p = get_hex(p, &addr)) || *p++ != ',' || !get_hex(p, &len)) {
        reply(g, "E01");
        return;
    }
    if (len > sizeof(data))
        len = sizeof(data); /* gdb accepts a shorter answer and asks for the rest */
    size_t n = read_mem(g, addr, data, len);
    if (n == 0 && len) {
        reply(g, "E01");
        return;
    }
    char *o = hex;
    for (size_t i = 0; i < n; i++)
        o += sprintf(o, "%02x", data[i]);
    *o = 0;
    reply(g, hex);
}

/* M addr,len:HEX and X addr,len:BINARY (0x7D escapes the next byte XOR 0x20). */
static void cmd_write_mem(struct gdb *g, const char *p, size_t plen, bool binary)
{
    const char *end = p + plen;
    uint32_t addr, len;
    static uint8_t data[GDB_PACKET_MAX];
    if (!(p = get_hex(p, &addr)) || *p++ != ',' || !(p = get_hex(p, &len)) || *p++ != ':' ||
        len > sizeof(data)) {
        reply(g, "E01");
        return;
    }
    size_t n = 0;
    while (p < end && n < len) {
        if (binary) {
            uint8_t b = (uint8_t)*p++;
            if (b == 0x7D && p < end)
                b = (uint8_t)(*p++ ^ 0x20);
            data[n++] = b;
        } else {
            int h = hex_digit(p[0]), l = p + 1 < end ? hex_digit(p[1]) : -1;
            if (h < 0 || l < 0)
                break;
            data[n++] = (uint8_t)(h * 16 + l);
            p += 2;
        }
    }
    if (n != len) {
        reply(g, "E01");
        return;
    }
    reply(g, write_mem(g, addr, data, n) ? "OK" : "E01");
}

static void cmd_breakpoint(struct gdb *g, const char *p, bool insert)
{
    uint32_t type, addr;
    if (!(p = get_hex(p, &type)) || *p++ != ',' || !get_hex(p, &addr)) {
        reply(g, "E01");
        return;
    }
    if (type > 1) {
        reply(g, ""); /* watchpoints: not supported */
        return;
    }
    /* Software (0) and hardware (1) breakpoints are the same thing here. */
    unsigned i = 0;
    while (i < g->nbp && g->bp[i] != addr)
        i++;
    if (insert) {
        if (i == g->nbp &&
            (g->nbp == CPU_MAX_BREAKPOINTS || !cpu_set_breakpoint(g->m->cpu, addr))) {
            reply(g, "E02");
            return;
        }
        if (i == g->nbp)
            g->bp[g->nbp++] = addr;
    } else if (i < g->nbp) {
        cpu_clear_breakpoint(g->m->cpu, addr);
        g->bp[i] = g->bp[--g->nbp];
    }
    reply(g, "OK");
}

static void clear_breakpoints(struct gdb *g)
{
    for (unsigned i = 0; i < g->nbp; i++)
        cpu_clear_breakpoint(g->m->cpu, g->bp[i]);
    g->nbp = 0;
}

/* c/s [addr]: resume at addr if given. */
static enum gdb_action cmd_resume(struct gdb *g, const char *p, enum gdb_action a)
{
    uint32_t addr;
    if (*p && get_hex(p, &addr))
        cpu_set_pc(g->m->cpu, addr);
    return a;
}

/* One packet's payload, NUL-terminated at p[len]. */
static enum gdb_action packet(struct gdb *g, char *p, size_t len)
{
    p[len] = 0;
    switch (p[0]) {
    case '?': reply(g, "S05"); return GDB_NONE;
    case 'g': cmd_read_regs(g); return GDB_NONE;
    case 'G': cmd_write_regs(g, p + 1, len - 1); return GDB_NONE;
    case 'p': {
        uint32_t n;
        char buf[16];
        if (!get_hex(p + 1, &n) || n >= 90) {
            reply(g, "E01");
            return GDB_NONE;
        }
        *put_word(buf, n < REG_COUNT ? reg_value(g, n) : 0) = 0;
        reply(g, buf);
        return GDB_NONE;
    }
    case 'P': {
        uint32_t n, v;
        const char *q = get_hex(p + 1, &n);
        if (!q || *q != '=' || !get_word(q + 1, &v)) {
            reply(g, "E01");
            return GDB_NONE;
        }
        if (n < REG_COUNT && v == reg_value(g, n))
            reply(g, "OK");
        else
            reply(g, set_reg(g, n, v) ? "OK" : "E01");
        return GDB_NONE;
    }
    case 'm': cmd_read_mem(g, p + 1); return GDB_NONE;
    case 'M': cmd_write_mem(g, p + 1, len - 1, false); return GDB_NONE;
    case 'X': cmd_write_mem(g, p + 1, len - 1, true); return GDB_NONE;
    case 'Z': cmd_breakpoint(g, p + 1, true); return GDB_NONE;
    case 'z': cmd_breakpoint(g, p + 1, false); return GDB_NONE;
    case 'c': return cmd_resume(g, p + 1, GDB_CONTINUE);
    case 's': return cmd_resume(g, p + 1, GDB_STEP);
    case 'C': /* C sig[;addr]: the signal means nothing to a bare core */
    case 'S': {
        const char *semi = strchr(p, ';');
        return cmd_resume(g, semi ? semi + 1 : "", p[0] == 'C' ? GDB_CONTINUE : GDB_STEP);
    }
    case 'k': return GDB_KILL;
    case 'D':
        reply(g, "OK");
        clear_breakpoints(g);
        drop(g);
        return GDB_DETACHED;
    case 'H':
    case 'T': reply(g, "OK"); return GDB_NONE;
    case 'v':
        if (!strcmp(p, "vCont?")) {
            reply(g, "vCont;c;C;s;S");
            return GDB_NONE;
        }
        if (!strncmp(p, "vCont;", 6)) {
            /* One thread: the first action decides. */
            char a = p[6];
            if (a == 's' || a == 'S')
                return GDB_STEP;
            if (a == 'c' || a == 'C')
                return GDB_CONTINUE;
            reply(g, "E01");
            return GDB_NONE;
        }
        if (!strncmp(p, "vKill", 5)) {
            reply(g, "OK");
            return GDB_KILL;
        }
        reply(g, "");
        return GDB_NONE;
    case 'q':
        if (!strncmp(p, "qSupported", 10))
            reply(g, "PacketSize=4000");
        else if (!strcmp(p, "qAttached"))
            reply(g, "1");
        else if (!strncmp(p, "qSymbol", 7))
            reply(g, "OK");
        else
            reply(g, "");
        return GDB_NONE;
    default: reply(g, ""); return GDB_NONE;
    }
}

enum gdb_action gdb_handle(struct gdb *g, bool running)
{
    if (g->fd < 0)
        return GDB_NONE;
    ssize_t n = recv(g->fd, g->in + g->inlen, GDB_PACKET_MAX - g->inlen, MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        clear_breakpoints(g);
        drop(g);
        return GDB_DETACHED;
    }
    if (n > 0)
        g->inlen += (size_t)n;
    enum gdb_action act = GDB_NONE;
    size_t i = 0;
    while (i < g->inlen && act == GDB_NONE) {
        char c = g->in[i];
        if (c == 0x03) {
            i++;
            if (running)
                act = GDB_INTERRUPT;
            else
                reply(g, "S02"); /* already stopped: report the stop again */
            continue;
        }
        if (c != '$') {
            i++; /* acknowledgements and noise */
            continue;
        }
        char *hash = memchr(g->in + i, '#', g->inlen - i);
        if (!hash || (size_t)(hash - g->in) + 3 > g->inlen)
            break; /* incomplete */
        size_t start = i + 1, len = (size_t)(hash - g->in) - start;
        unsigned sum = 0;
        for (size_t k = 0; k < len; k++)
            sum += (uint8_t)g->in[start + k];
        int h = hex_digit(hash[1]), l = hex_digit(hash[2]);
        i = (size_t)(hash - g->in) + 3;
        if (h < 0 || l < 0 || (unsigned)(h * 16 + l) != (sum & 0xFF)) {
            send_all(g, "-", 1);
            continue;
        }
        send_all(g, "+", 1);
        if (running) {
            /* gdb sends nothing but Ctrl-C while the target runs; ignore anything else. */
            continue;
        }
        static char pkt[GDB_PACKET_MAX + 1];
        memcpy(pkt, g->in + start, len);
        act = packet(g, pkt, len);
        if (g->fd < 0)
            return act;
    }
    if (g->fd >= 0) {
        memmove(g->in, g->in + i, g->inlen - i);
        g->inlen -= i;
        if (g->inlen == GDB_PACKET_MAX) {
            g->inlen = 0; /* a packet larger than we said we take: drop it */
            send_all(g, "-", 1);
        }
    }
    return act;
}
