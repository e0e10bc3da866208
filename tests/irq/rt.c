/* Run-time for the interrupt tests: dispatch from rt.S, checks, console output. */
#include "rt.h"

void (*irq_handler)(struct irq_frame *f);
static volatile int exc_armed;
static volatile int exc_code = -1;

void print(const char *s)
{
    while (*s)
        TESTDEV(TESTDEV_PUTC) = (uint8_t)*s++;
}

void print_hex(uint32_t v)
{
    print("0x");
    for (int i = 28; i >= 0; i -= 4)
        TESTDEV(TESTDEV_PUTC) = "0123456789abcdef"[(v >> i) & 0xF];
}

static void print_dec(uint32_t v)
{
    char buf[12];
    int i = 11;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    print(&buf[i]);
}

void check_eq_(const char *file, unsigned line, const char *what, uint32_t got, uint32_t want)
{
    if (got == want) {
        TESTDEV(TESTDEV_PASS) = line;
        return;
    }
    print(file);
    print(":");
    print_dec(line);
    print(": ");
    print(what);
    print(": got ");
    print_hex(got);
    print(" want ");
    print_hex(want);
    print("\n");
    TESTDEV(TESTDEV_FAIL) = line;
}

void test_exit(void)
{
    TESTDEV(TESTDEV_EXIT) = 0;
    for (;;)
        ;
}

void expect_exception(void)
{
    exc_code = -1;
    exc_armed = 1;
}

int exception_code(void)
{
    return exc_code;
}

/* Called by rt.S for every exception and interrupt. */
void irq_dispatch(struct irq_frame *f);
void irq_dispatch(struct irq_frame *f)
{
    unsigned code = (f->cause & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT;
    if (code != EXCCODE_INT || f->tag == 0x380 || f->tag == 0x400) {
        if (exc_armed && code != EXCCODE_INT) {
            exc_armed = 0;
            exc_code = (int)code;
            f->epc += 4;
            return;
        }
        print("unexpected exception: tag ");
        print_hex(f->tag);
        print(" cause ");
        print_hex(f->cause);
        print(" epc ");
        print_hex(f->epc);
        print("\n");
        TESTDEV(TESTDEV_FAIL) = 0xE0000000u | code;
        TESTDEV(TESTDEV_EXIT) = 4;
        for (;;)
            ;
    }
    if (!irq_handler) {
        print("interrupt without a handler: tag ");
        print_hex(f->tag);
        print("\n");
        TESTDEV(TESTDEV_EXIT) = 5;
        for (;;)
            ;
    }
    irq_handler(f);
}
