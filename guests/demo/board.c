/* Board support for the demo guests (board.h): console pins and UART, LEDs.  Every port
 * write goes through the CLR/SET aliases (pic32mz-ef.md §2.1), so two programs that share
 * a port (two guests under tinyVP) never undo each other's pins. */
#include "board.h"

#include "../rt/pic32mz.h"
#include "soc/pps.h"

const struct led board_leds[BOARD_NLEDS] = BOARD_LEDS;

static const uint8_t uart_fault_irq[UART_COUNT] = {UART1_IRQ_FAULT, UART2_IRQ_FAULT,
                                                   UART3_IRQ_FAULT, UART4_IRQ_FAULT,
                                                   UART5_IRQ_FAULT, UART6_IRQ_FAULT};

#define PORT(k, reg) REG32(GPIO_PORT_PHYS(k) + (reg))

void board_console_init(void)
{
    REG32(PPS_PHYS + PPS_URXR(BOARD_UART)) = BOARD_RX_PPS;
    REG32(PPS_RPR_PHYS(BOARD_TX_PORT, BOARD_TX_PIN)) = BOARD_TX_PPS;
    console_init(BOARD_UART);
}

unsigned board_console_rx_irq(void)
{
    return UART_IRQ_RX(uart_fault_irq[BOARD_UART - 1]);
}

int board_console_getc(void)
{
    uint32_t base = UART_PHYS(BOARD_UART);
    uint32_t sta = REG32(base + UxSTA);
    if (sta & UxSTA_OERR)
        REG32(base + UxSTA + SFR_CLR) = UxSTA_OERR; /* what was lost is lost (§4.3) */
    if (!(sta & UxSTA_URXDA))
        return -1;
    return (int)(REG32(base + UxRXREG) & 0xFF);
}

void board_led_init(unsigned n)
{
    const struct led *l = &board_leds[n];
    uint32_t bit = 1u << l->pin;
    PORT(l->port, LATx + SFR_CLR) = bit;
    if (l->port != GPIO_PORT_H) /* RH0..RH2 are digital only; the other LEDs' pins are not */
        PORT(l->port, ANSELx + SFR_CLR) = bit;
    PORT(l->port, TRISx + SFR_CLR) = bit;
}

void board_led_set(unsigned n, int on)
{
    const struct led *l = &board_leds[n];
    PORT(l->port, LATx + (on ? SFR_SET : SFR_CLR)) = 1u << l->pin;
}
