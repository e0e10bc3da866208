/* The console UART as the shared console drives it (emul/console.h), never waiting:
 * pic32mz-ef.md §4.  Interrupt requests: RX while the FIFO is not empty (URXISEL = 00), TX
 * when the transmit buffer becomes empty (UTXISEL = 10), so one interrupt refills it. */
#include "core/irq.h"
#include "emul/console.h"
#include "soc/memmap.h"
#include "soc/sfr.h"
#include "soc/uart.h"
#include "tvp/tables.h"
#include "tvp_config.h"

#define UREG(off) (*(volatile uint32_t *)KSEG1(console_uart() + (off)))

/* The device behind the VMs' console windows (UART4 on the Wi-FIRE); the same choice as
 * platform.c's. */
static uint32_t console_uart(void)
{
    static uint32_t base;
    if (!base) {
        base = UART_PHYS(4);
        for (unsigned i = 0; i < TVP_NVMS; i++)
            for (unsigned k = 0; k < tvp_vms[i].n_mmio; k++)
                if (tvp_vms[i].mmio[k].emulator == TVP_EMUL_CONSOLE) {
                    base = tvp_vms[i].mmio[k].rpa & ~(UART_BLOCK_SIZE - 1);
                    return base;
                }
    }
    return base;
}

static unsigned fault_irq(void)
{
    static const uint8_t fault[UART_COUNT] = {UART1_IRQ_FAULT, UART2_IRQ_FAULT, UART3_IRQ_FAULT,
                                              UART4_IRQ_FAULT, UART5_IRQ_FAULT, UART6_IRQ_FAULT};
    return fault[(console_uart() - UART_PHYS(1)) / UART_BLOCK_SIZE];
}

void platform_console_irqs(unsigned *rx, unsigned *tx)
{
    *rx = UART_IRQ_RX(fault_irq());
    *tx = UART_IRQ_TX(fault_irq());
    UREG(UxSTA + SFR_CLR) = UxSTA_URXISEL | UxSTA_UTXISEL;
    UREG(UxSTA + SFR_SET) = UTXISEL_EMPTY << UxSTA_UTXISEL_SHIFT;
}

bool platform_console_try_putc(char c)
{
    if (UREG(UxSTA) & UxSTA_UTXBF)
        return false;
    UREG(UxTXREG) = (uint8_t)c;
    return true;
}

bool platform_console_getc(char *c)
{
    uint32_t sta = UREG(UxSTA);
    if (sta & UxSTA_OERR) {
        UREG(UxSTA + SFR_CLR) = UxSTA_OERR; /* overrun: what was lost is lost (§4.3) */
        return false;
    }
    if (!(sta & UxSTA_URXDA))
        return false;
    *c = (char)UREG(UxRXREG);
    return true;
}

void platform_console_tx_irq(bool on)
{
    platform_irq_enable(UART_IRQ_TX(fault_irq()), on);
}
