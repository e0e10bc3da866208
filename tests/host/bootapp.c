/*
 * An application as the chipKIT Wi-FIRE boot loader starts it (app.ld: at 0x9D001000, no
 * reset vector).  It counts its starts in RAM that start-up code leaves alone (RAM keeps its
 * contents over a software reset; only the power-on state is zero), prints "boot N", and
 * resets the chip by software (SYSKEY unlock, RSWRST.SWRST, then a read of RSWRST:
 * pic32mz-ef.md §2.2, §2.11) once, so that the second start shows where a reset leads.
 */
#include "hostrt.h"
#include "soc/syscfg.h"

static uint32_t boots __attribute__((section(".noinit")));

int main(void)
{
    boots++;
    uart_open(4);
    uart_puts(boots == 1 ? "boot 1\n" : boots == 2 ? "boot 2\n" : "boot more\n");
    while (!(REG32(UART_PHYS(4) + UxSTA) & UxSTA_TRMT))
        ;
    if (boots == 1) {
        REG32(SYSKEY_PHYS) = 0;
        REG32(SYSKEY_PHYS) = SYSKEY_UNLOCK1;
        REG32(SYSKEY_PHYS) = SYSKEY_UNLOCK2;
        REG32(RSWRST_PHYS + SFR_SET) = RSWRST_SWRST;
        (void)REG32(RSWRST_PHYS);
        for (;;)
            ;
    }
    return 0;
}
