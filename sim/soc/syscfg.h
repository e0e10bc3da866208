/*
 * System configuration of the PIC32MZ-EF (pic32mz-ef.md §2, §10): SYSKEY, CFGCON and its lock
 * bits, CFGPG, PMD1-7, DEVID, the oscillator/reset block (OSCCON, SPLLCON, PBxDIV, REFOx,
 * RCON, RSWRST, RNMICON), PRECON, and the configuration words DEVCFG0-3 read from boot flash
 * at every reset.  Other device models ask it whether their module is powered
 * (syscfg_module_enabled) and which permission group an initiator has.
 */
#ifndef SIM_SYSCFG_H
#define SIM_SYSCFG_H

#include <stdbool.h>
#include <stdint.h>

#include "events.h"
#include "soc/syscfg.h"

struct bus;
struct board;
struct cpu;

/* A PMD bit: PMD word n (1..7) and bit b, as pmd_module = 32 * (n - 1) + b (pic32mz-ef.md §2.5). */
#define PMD_ID(n, b) (32 * ((n)-1) + (b))
enum pmd_module {
    PMD_ADC = PMD_ID(1, 0),
    PMD_CVR = PMD_ID(1, 12),
    PMD_CMP1 = PMD_ID(2, 0),
    PMD_CMP2 = PMD_ID(2, 1),
    PMD_IC1 = PMD_ID(3, 0),   /* PMD_IC(n) */
    PMD_OC1 = PMD_ID(3, 16),  /* PMD_OC(n) */
    PMD_T1 = PMD_ID(4, 0),    /* PMD_TMR(n) */
    PMD_U1 = PMD_ID(5, 0),    /* PMD_UART(n) */
    PMD_SPI1 = PMD_ID(5, 8),  /* PMD_SPI(n) */
    PMD_I2C1 = PMD_ID(5, 16), /* PMD_I2C(n) */
    PMD_USB = PMD_ID(5, 24),
    PMD_CAN1 = PMD_ID(5, 28),
    PMD_CAN2 = PMD_ID(5, 29),
    PMD_RTCC = PMD_ID(6, 0),
    PMD_REFO1 = PMD_ID(6, 8), /* PMD_REFO(n) */
    PMD_PMP = PMD_ID(6, 16),
    PMD_EBI = PMD_ID(6, 17),
    PMD_SQI1 = PMD_ID(6, 23),
    PMD_ETH = PMD_ID(6, 28),
    PMD_DMA = PMD_ID(7, 4),
    PMD_RNG = PMD_ID(7, 20),
    PMD_CRYPT = PMD_ID(7, 22),
};
#define PMD_IC(n)   ((enum pmd_module)(PMD_IC1 + (n)-1))
#define PMD_OC(n)   ((enum pmd_module)(PMD_OC1 + (n)-1))
#define PMD_TMR(n)  ((enum pmd_module)(PMD_T1 + (n)-1))
#define PMD_UART(n) ((enum pmd_module)(PMD_U1 + (n)-1))
#define PMD_SPI(n)  ((enum pmd_module)(PMD_SPI1 + (n)-1))
#define PMD_I2C(n)  ((enum pmd_module)(PMD_I2C1 + (n)-1))
#define PMD_REFO(n) ((enum pmd_module)(PMD_REFO1 + (n)-1))

/* Bus initiators that have a CFGPG field (pic32mz-ef.md §2.4). */
enum pg_initiator { PG_CPU, PG_DMA, PG_USB, PG_CAN1, PG_CAN2, PG_ETH, PG_SQI1, PG_FC, PG_CRYPT };

#define PB_DIVIDERS 8 /* PB1..PB8; PB6 does not exist */

struct syscfg {
    struct bus *bus;
    const struct board *board;
    const uint8_t *boot_panel; /* the lower boot alias (DEVCFG words at DEVCFG_PANEL_OFF) */
    uint32_t devcfg[4];        /* DEVCFG0..3 as read at the last reset */
    bool devcfg_blank;         /* all four words erased (see syscfg.c) */

    int key_state; /* SYSKEY: 0 locked, 1 first key seen, 2 unlocked */
    uint32_t cfgcon, cfgpg, cfgebia, cfgebic, pmd[PMD_COUNT];
    uint32_t pmd_impl[PMD_COUNT], cfgpg_impl;
    bool pglock_set, pmdlock_set, iolock_set; /* lock bit set once since reset (xxL1WAY) */

    uint32_t osccon, osctun, spllcon, rcon, rswrst, rnmicon, pwrcon, slewcon, clkstat;
    uint32_t refocon[4], refotrim[4], pbdiv[PB_DIVIDERS];
    uint32_t precon, prestat;

    /* Machine services. */
    void (*reset_request)(void *ctx, uint32_t rcon_cause); /* chip reset at the next boundary */
    void *reset_ctx;
    void (*groups_changed)(void *ctx); /* CFGPG or CFGCON.CPUPRI/DMAPRI changed (arbiter) */
    void *groups_ctx;
    void (*iolock_changed)(void *ctx, bool locked); /* CFGCON.IOLOCK changed (PPS) */
    void *iolock_ctx;
    struct event_queue *events;
    struct cpu *cpu;            /* for the current cycle (set by the machine) */
    struct sim_event nmi_timer; /* RNMICON.NMICNT count-down after a watchdog event */
    uint32_t nmi_cause;         /* RCON cause of the pending watchdog reset, 0 = none */
};

int syscfg_attach(struct syscfg *sc, struct bus *b, struct event_queue *q,
                  const struct board *board, const uint8_t *boot_panel);
/* Reset of the whole chip: reads DEVCFG0-3 again and puts every register of this model to its
 * reset value; RCON gets `rcon_cause` (RCON_POR | RCON_BOR at power-on: RCON is cleared then,
 * otherwise the cause bit is added to what software left).  Returns -1 with a message in err
 * when the configuration cannot be honoured.  DEVCFG0.BOOTISA selects the ISA the core resets
 * in (cpu_set_boot_isa). */
int syscfg_reset(struct syscfg *sc, uint32_t rcon_cause, char *err, unsigned errlen);

/* True if the module's PMD bit is clear: a disabled module does not respond. */
bool syscfg_module_enabled(const struct syscfg *sc, enum pmd_module mod);
/* True if pa is a register of a module that PMD switched off (the bus reads 0 / drops writes). */
bool syscfg_muted(const struct syscfg *sc, uint32_t pa);
/* Permission group (0..3) of an initiator (CFGPG). */
unsigned syscfg_group(const struct syscfg *sc, enum pg_initiator who);
/* SYSKEY unlocked (for other models whose registers need it). */
bool syscfg_unlocked(const struct syscfg *sc);
/* A watchdog (WDT or DMT) event: sets the RNMICON flag and, as the NMI timer runs out, resets
 * the chip with the RCON cause (pic32mz-ef.md §2.9-2.11; PIC32 FRM Section 9). */
void syscfg_watchdog_event(struct syscfg *sc, uint32_t rnmicon_flag, uint32_t rcon_cause);

#endif
