/*
 * Test guest for the hypervisor: an ordinary polling PIC32MZ program (interrupts off) that
 * prints "guest NAME: tick N" on the console every PERIOD_MS of core-timer time, waiting
 * with WAIT for its Compare match in between.  Built once per NAME.
 */
#include "../rt/pic32mz.h"

#ifndef NAME
#error "build with -DNAME=..."
#endif
#ifndef PERIOD_MS
#define PERIOD_MS 10
#endif
#define STR_(x) #x
#define STR(x)  STR_(x)

int main(void)
{
    console_init(4);
    console_puts("guest " STR(NAME) ": start\n");
    uint32_t next = core_count();
    for (uint32_t tick = 1;; tick++) {
        next += PERIOD_MS * (CORE_TIMER_HZ / 1000);
        mtc0(11, 0, next); /* Compare */
        while ((int32_t)(core_count() - next) < 0)
            __asm__ volatile("wait");
        console_puts("guest " STR(NAME) ": tick ");
        console_putdec(tick);
        console_puts("\n");
    }
}
