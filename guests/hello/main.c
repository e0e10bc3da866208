/*
 * The bare-metal demo that `make run` boots until the hypervisor exists: an ordinary PIC32MZ
 * program that prints on the Wi-FIRE console (UART4) once a simulated second.
 */
#include "../rt/pic32mz.h"

int main(void)
{
    console_init(4);
    console_puts("\nHello from a bare-metal PIC32MZ-EF (M5150) program.\n");
    console_puts("Counting simulated seconds on the core timer; Ctrl-C quits the simulator.\n");
    uint32_t last = core_count();
    for (uint32_t sec = 1;; sec++) {
        while (core_count() - last < CORE_TIMER_HZ)
            ;
        last += CORE_TIMER_HZ;
        console_puts("tick ");
        console_putdec(sec);
        console_puts(" s\n");
    }
}
