/*
 * Ports of the DM320007's 144-pin part (pic32mz-ef.md §5.1, §5.3): ports H, J (0-15) and
 * K (0-7) exist; port K has no ANSEL register ([XS-144]) but H and J do; RD6/RD7 exist; the
 * LEDs on RH0..RH2 are driven through LATH.
 */
// board: dm320007
#include "periph.h"
#include "soc/gpio.h"

#define P(port, reg) REG32(GPIO_PORT_KSEG1(port) + (reg))

int main(void)
{
    CHECK_EQ(P(GPIO_PORT_K, TRISx), 0x00FF);
    CHECK_EQ(P(GPIO_PORT_H, TRISx), 0xFFFF);
    CHECK_EQ(P(GPIO_PORT_J, TRISx), 0xFFFF);
    CHECK_EQ(P(GPIO_PORT_D, TRISx), 0xFEFF);
    CHECK_EQ(P(GPIO_PORT_H, ANSELx), 0);
    expect_exception();
    (void)probe_read(GPIO_PORT_KSEG1(GPIO_PORT_K) + ANSELx);
    CHECK_EQ(exception_code(), EXCCODE_DBE);
    expect_exception();
    (void)probe_read(GPIO_PORT_KSEG1(GPIO_PORT_H) + SRCON0x);
    CHECK_EQ(exception_code(), EXCCODE_DBE);
    /* LEDs: red, yellow, green on RH0..RH2. */
    P(GPIO_PORT_H, TRISx + SFR_CLR) = 0x7;
    P(GPIO_PORT_H, LATx + SFR_SET) = 0x5;
    CHECK_EQ(P(GPIO_PORT_H, PORTx) & 0x7, 0x5);
    P(GPIO_PORT_K, TRISx + SFR_CLR) = 0x80;
    P(GPIO_PORT_K, LATx) = 0xFFFF;
    CHECK_EQ(P(GPIO_PORT_K, LATx), 0xFF);
    CHECK_EQ(P(GPIO_PORT_K, PORTx), 0x80);
    return 0;
}
