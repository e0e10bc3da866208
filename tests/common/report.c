/* PASS/FAIL lines of the host test programs (report.h). */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>

int test_failures;

void report(int ok, const char *name, const char *fmt, ...)
{
    if (ok) {
        printf("PASS %s\n", name);
        return;
    }
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    printf("FAIL %s: %s\n", name, msg);
    test_failures++;
}
