/* Diagnostics on stderr, counted so the driver knows whether to write anything. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

static int n_errors;
int diag_silent;

static void report(const struct loc *at, const char *kind, const char *fmt, va_list ap)
{
    if (diag_silent)
        return;
    if (at && at->line > 0)
        fprintf(stderr, "%s:%d: %s", at->file, at->line, kind);
    else if (at)
        fprintf(stderr, "%s: %s", at->file, kind);
    else
        fprintf(stderr, "tvpconf: %s", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void diag_error(const struct loc *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(at, "", fmt, ap);
    va_end(ap);
    n_errors++;
}

void diag_note(const struct loc *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(at, "note: ", fmt, ap);
    va_end(ap);
}

int diag_errors(void)
{
    return n_errors;
}

void diag_raw(const char *msg)
{
    if (!diag_silent)
        fprintf(stderr, "%s\n", msg);
    n_errors++;
}

void diag_reset(void)
{
    n_errors = 0;
}
