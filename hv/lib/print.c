/* hv_printf: a small printf for the root console (%s %c %d %u %x with width and 0 flag),
 * marking each root line with "[tvp] " so it is told apart from guest output. */
#include <stdarg.h>
#include <stdbool.h>

#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/platform.h"

static bool line_start = true;

static void out(char c)
{
    if (line_start) {
        const char *p = "[tvp] ";
        while (*p)
            platform_console_putc(*p++);
        line_start = false;
    }
    if (c == '\n')
        platform_console_putc('\r');
    platform_console_putc(c);
    if (c == '\n')
        line_start = true;
}

static void out_number(uint32_t v, unsigned base, unsigned width, char pad, bool neg)
{
    char buf[12];
    unsigned n = 0;
    do {
        unsigned d = v % base;
        buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v);
    if (neg)
        buf[n++] = '-';
    while (width > n) {
        out(pad);
        width--;
    }
    while (n)
        out(buf[--n]);
}

void hv_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            out(*p);
            continue;
        }
        char pad = ' ';
        unsigned width = 0;
        p++;
        if (*p == '0') {
            pad = '0';
            p++;
        }
        while (*p >= '0' && *p <= '9')
            width = width * 10 + (unsigned)(*p++ - '0');
        switch (*p) {
        case 's':
            for (const char *s = va_arg(ap, const char *); *s; s++)
                out(*s);
            break;
        case 'c': out((char)va_arg(ap, int)); break;
        case 'd': {
            int v = va_arg(ap, int);
            out_number(v < 0 ? 0u - (uint32_t)v : (uint32_t)v, 10, width, pad, v < 0);
            break;
        }
        case 'u': out_number(va_arg(ap, unsigned), 10, width, pad, false); break;
        case 'x': out_number(va_arg(ap, unsigned), 16, width, pad, false); break;
        case '%': out('%'); break;
        default: out('?'); break;
        }
    }
    va_end(ap);
}

void hv_panic(const char *what, uint32_t a, uint32_t b)
{
    hv_printf("PANIC: %s (%08x %08x) epc %08x cause %08x badvaddr %08x status %08x\n", what,
              (unsigned)a, (unsigned)b, (unsigned)mfc0(14, 0), (unsigned)mfc0(13, 0),
              (unsigned)mfc0(8, 0), (unsigned)mfc0(12, 0));
    hv_panic_halt();
}
