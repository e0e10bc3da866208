/*
 * PIC32MZ-EF set-up and the root's devices: the console UART (pic32mz-ef.md §4), the EVIC in
 * single-vector mode with the core timer (§3), and the board registers tvpconf's tables ask
 * for, written inside a SYSKEY unlock window (§2.2).
 */
#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/irq.h"
#include "core/platform.h"
#include "core/sched.h"
#include "soc/evic.h"
#include "soc/memmap.h"
#include "soc/sfr.h"
#include "soc/uart.h"
#include "emul/console.h"
#include "shell/trace.h"
#include "tvp_config.h"

#define REG(pa)             (*(volatile uint32_t *)KSEG1(pa))
#define CORE_TIMER_PRIORITY 1 /* root timer: the lowest level, guests' sources above it */

/* The console UART: the device behind the VMs' "console" windows (UART4 on the Wi-FIRE). */
static uint32_t console_base = UART_PHYS(4);

static void find_console(void)
{
    for (unsigned i = 0; i < TVP_NVMS; i++)
        for (unsigned k = 0; k < tvp_vms[i].n_mmio; k++)
            if (tvp_vms[i].mmio[k].emulator == TVP_EMUL_CONSOLE) {
                console_base = tvp_vms[i].mmio[k].rpa & ~(UART_BLOCK_SIZE - 1);
                return;
            }
}

void platform_console_putc(char c)
{
    console_root_output(); /* never inside a VM's line */
    while (REG(console_base + UxSTA) & UxSTA_UTXBF)
        ;
    REG(console_base + UxTXREG) = (uint8_t)c;
}

void platform_console_write(const uint8_t *s, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        platform_console_putc((char)s[i]);
}

/* Counts as variables: a configuration may have none of either. */
static const unsigned n_setup = TVP_NSETUP;
static const unsigned n_sba = TVP_NSBA;

static void board_registers(void)
{
    REG(SYSKEY_PHYS) = 0;
    REG(SYSKEY_PHYS) = SYSKEY_UNLOCK1;
    REG(SYSKEY_PHYS) = SYSKEY_UNLOCK2;
    for (unsigned i = 0; i < n_setup; i++)
        REG(tvp_setup[i].addr) = tvp_setup[i].value;
    for (unsigned i = 0; i < n_sba; i++)
        REG(tvp_sba[i].addr) = tvp_sba[i].value;
#if TVP_HAS_PMD
    for (unsigned i = 0; i < 7; i++)
        REG(TVP_PMD1_ADDR + 0x10 * i) = tvp_pmd[i];
#endif
    REG(TVP_CFGPG_ADDR) = TVP_CFGPG;
    REG(SYSKEY_PHYS) = 0; /* lock again */
}

void platform_init(void)
{
    find_console();
    /* The board's boot loader set the console up; do it again so a plain reset works too:
     * 115200 baud from a 100 MHz PBCLK2 (BRGH = 1, BRG = 216, pic32mz-ef.md §4.4). */
    REG(console_base + UxBRG) = 216;
    REG(console_base + UxMODE) = UxMODE_ON | UxMODE_BRGH;
    REG(console_base + UxSTA + SFR_SET) = UxSTA_UTXEN | UxSTA_URXEN;
    board_registers();

    /* EVIC: single-vector mode, every root interrupt at EBase + 0x200, shadow set 0. */
    REG(EVIC_PHYS + EVIC_INTCON) = 0;
    REG(EVIC_PHYS + EVIC_PRISS) = 0;
    REG(EVIC_PHYS + EVIC_IPC_OF(IRQ_CORE_TIMER) + SFR_CLR) = EVIC_IPC_MASK(IRQ_CORE_TIMER);
    REG(EVIC_PHYS + EVIC_IPC_OF(IRQ_CORE_TIMER) + SFR_SET) =
        EVIC_IPC_VAL(IRQ_CORE_TIMER, CORE_TIMER_PRIORITY, 0);
    REG(EVIC_PHYS + EVIC_IFS_OF(IRQ_CORE_TIMER) + SFR_CLR) = EVIC_IRQ_BIT(IRQ_CORE_TIMER);
    REG(EVIC_PHYS + EVIC_IEC_OF(IRQ_CORE_TIMER) + SFR_SET) = EVIC_IRQ_BIT(IRQ_CORE_TIMER);
    irq_init();
    console_init();
}

void platform_irq(void)
{
    uint32_t irq = REG(EVIC_PHYS + EVIC_INTSTAT) & INTSTAT_SIRQ;
    trace_irq(irq);
    switch (irq) {
    case IRQ_CORE_TIMER:
        REG(EVIC_PHYS + EVIC_IFS_OF(IRQ_CORE_TIMER) + SFR_CLR) = EVIC_IRQ_BIT(IRQ_CORE_TIMER);
        sched_tick();
        break;
    default: irq_physical(irq); /* a VM's, the console's, or nobody's (then masked) */
    }
}
