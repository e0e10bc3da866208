/*
 * PPS on the DM320007's PIC32MZ2048EFH144 (pic32mz-ef.md §0, §5.4): the 144-pin part adds
 * RPD6R/RPD7R, and as a CAN part (EFH) it has C1RXR/C2RXR; the DM320007 USB-bridge console
 * routing (U2RXR = 1 for RG6, RPB14R = 2 for U2TX, §4.5) is recorded.
 */
// board: dm320007
#include "periph.h"
#include "soc/gpio.h"
#include "soc/pps.h"

#define PPS(off) REG32(PPS_KSEG1 + (off))

int main(void)
{
    PPS(PPS_URXR(2)) = 1;
    PPS(PPS_RPR(GPIO_PORT_B, 14)) = 2;
    CHECK_EQ(REG32(0xBF801470), 1); /* U2RXR */
    CHECK_EQ(REG32(0xBF801578), 2); /* RPB14R */
    PPS(PPS_RPR(GPIO_PORT_D, 6)) = 9;
    PPS(PPS_RPR(GPIO_PORT_D, 7)) = 10;
    CHECK_EQ(PPS(PPS_RPR(GPIO_PORT_D, 6)), 9);
    CHECK_EQ(PPS(PPS_RPR(GPIO_PORT_D, 7)), 10);
    PPS(PPS_C1RXR) = 4;
    PPS(PPS_C2RXR) = 6;
    CHECK_EQ(PPS(PPS_C1RXR), 4);
    CHECK_EQ(PPS(PPS_C2RXR), 6);
    return 0;
}
