/*
 * System configuration registers of the PIC32MZ-EF (see syscfg.h).  Decisions where
 * pic32mz-ef.md is unsure, with the reasons:
 *
 * - SYSKEY (§2.2): a write of 0xAA996655 arms, a write of 0x556699AA right after it unlocks,
 *   any other write (0, 0x33333333, a sub-word write) locks.  Both sequences in use (with or
 *   without a leading 0) therefore unlock.  The chip also wants the two keys back to back with
 *   no other bus access; the model does not count intervening accesses.
 * - Registers that need the unlock: changes of CFGCON.PGLOCK/PMDLOCK/IOLOCK (DS60001320 §4.3,
 *   PIC32MX DS60001185 §26.4.1 for PMDLOCK), RSWRST (Linux/XC32 software reset), and OSCCON
 *   (PIC32 FRM Section 42 "Oscillators with Enhanced PLL": the clock switch is behind the system
 *   unlock; every firmware seen unlocks first).  SPLLCON, PBxDIV, REFOx, PRECON and the rest of
 *   CFGCON are accepted without it: Harmony writes PRECON and CFGCON.ECCCON unlocked (§2.2),
 *   and the full protected list is UNVERIFIED (§11 item 9), so the model errs on the side of
 *   running firmware unchanged.
 * - PMD (§2.5): reset value 0 (every module on), the most likely value; writes while PMDLOCK = 1
 *   "appear to execute but the contents remain unchanged" (DS60001185 §26.4.1.1).  A module
 *   whose PMD bit is set does not respond: "the control and status registers associated with
 *   the peripheral are also disabled, so writes to those registers do not have an effect and
 *   read values are invalid" (PIC32MZ EF DS60001320 §33.4 "Peripheral Module Disable"; the
 *   same sentence in every Microchip family's PMD section).  The bus therefore reads 0 and
 *   drops writes there (syscfg_muted, via the arbiter's filter) - no bus error.
 * - PGL1WAY/PMDL1WAY/IOL1WAY (§10.2): once the lock bit has been set it cannot be cleared
 *   again until the next reset.
 * - CFGCON.ECCCON starts from DEVCFG0.FECCCON and is writable only when FECCCON = 3 (§2.3).
 * - Clocks (§2.7): a clock switch (OSCCON.OSWEN) completes at once (COSC = NOSC, OSWEN = 0);
 *   every oscillator reports ready in CLKSTAT (SOSC only when enabled).  PBxDIV reset values
 *   are /2 for PB1-5 and PB8, /1 for PB7 (what Harmony and tinyVP firmware rely on at
 *   200 MHz, §2.7); PBDIVRDY always reads 1; PB1 has no ON bit.  SPLLCON starts as the PLL
 *   fields of DEVCFG2 (§10.3).  Nothing here changes the simulated speed: 1 instruction is
 *   1 cycle of a 200 MHz SYSCLK whatever the registers say.
 * - An erased configuration (DEVCFG0-3 all 0xFFFFFFFF) is what a chip with a boot loader or a
 *   bare test image shows in the simulator, where the boot loader is not present: the model
 *   then behaves as the boards' shipped configurations do (WDT and DMT off, SPLL at 200 MHz:
 *   RIOT's Wi-FIRE words [RI-cfg], tinyVP's DM320007 words [TV-boards]) instead of an erased
 *   chip's WDT/DMT-on state, which would reset such images after a few seconds.
 * - PRECON resets to PFMWS = 7, prefetch off (the slowest safe setting; QEMU uses the same, §2.8).
 * - RSWRST (§2.11): SWRST is set by a write of 1 through RSWRST or RSWRSTSET while unlocked;
 *   the following read of RSWRST with SWRST = 1 resets the chip (Linux "magic write/read").
 * - WDT/DMT events (PIC32 FRM Section 9 "Interrupt and Reset Generation"): the RNMICON flag is
 *   set and the NMI timer counts NMICNT SYSCLK cycles; if software has not cleared the flag by
 *   then the chip resets.  NMICNT = 0 resets at once.  The core has no NMI input yet, so the
 *   NMI itself is not delivered: software cannot run its handler in the window.
 * - DEVID<31:28> (silicon revision) reads 0.
 */
#include "syscfg.h"

#include <stdio.h>
#include <string.h>

#include "../board/board.h"
#include "../cpu/cpu.h"
#include "../cpu/micromips.h"
#include "bus.h"
#include "sfr_reg.h"
#include "soc/devcfg.h"
#include "soc/dma.h"
#include "soc/memmap.h"
#include "soc/uart.h"

/* Register windows of the modules PMD can switch off (physical; pic32mz-ef.md §1.4, §4.1,
 * §6.2, §7.1).  Where the sheet has only a block base, the module owns its whole block. */
struct pmd_window {
    uint32_t base, size;
    enum pmd_module mod;
};
#define MAX_WINDOWS 72
static struct pmd_window windows[MAX_WINDOWS];
static unsigned nwindows;

static void add_window(uint32_t base, uint32_t size, enum pmd_module mod)
{
    if (nwindows < MAX_WINDOWS)
        windows[nwindows++] = (struct pmd_window){base, size, mod};
}

static void init_windows(void)
{
    if (nwindows)
        return;
    for (unsigned n = 1; n <= 9; n++) {
        add_window(0x1F840000u + 0x200u * (n - 1), 0x200, PMD_TMR(n));
        add_window(0x1F842000u + 0x200u * (n - 1), 0x200, PMD_IC(n));
        add_window(0x1F844000u + 0x200u * (n - 1), 0x200, PMD_OC(n));
    }
    for (unsigned n = 1; n <= 6; n++) {
        add_window(UART_PHYS(n), UART_BLOCK_SIZE, PMD_UART(n));
        add_window(0x1F821000u + 0x200u * (n - 1), 0x200, PMD_SPI(n));
    }
    for (unsigned n = 1; n <= 5; n++)
        add_window(0x1F820000u + 0x200u * (n - 1), 0x200, PMD_I2C(n));
    for (unsigned n = 1; n <= 4; n++)
        add_window(OSC_PHYS + OSC_REFOCON(n), 0x20, PMD_REFO(n));
    add_window(0x1F84B000u, 0x1000, PMD_ADC);
    add_window(0x1F84C000u, 0x10, PMD_CMP1); /* CM1CON; CM2CON follows (XC32 .S layout) */
    add_window(0x1F84C010u, 0x10, PMD_CMP2);
    add_window(0x1F800C00u, 0x100, PMD_RTCC);
    add_window(0x1F800E00u, 0x10, PMD_CVR);
    add_window(0x1F82E000u, 0x100, PMD_PMP);
    add_window(DMA_PHYS, DMA_SIZE, PMD_DMA);
    add_window(0x1F880000u, 0x1000, PMD_CAN1);
    add_window(0x1F881000u, 0x1000, PMD_CAN2);
    add_window(0x1F882000u, 0x1000, PMD_ETH);
    add_window(0x1F8E1000u, 0x1000, PMD_EBI);
    add_window(0x1F8E2000u, 0x1000, PMD_SQI1);
    add_window(0x1F8E3000u, 0x1000, PMD_USB);
    add_window(0x1F8E5000u, 0x1000, PMD_CRYPT);
    add_window(0x1F8E6000u, 0x1000, PMD_RNG);
}

bool syscfg_module_enabled(const struct syscfg *sc, enum pmd_module mod)
{
    unsigned w = (unsigned)mod / 32, b = (unsigned)mod % 32;
    return !sc || !((sc->pmd[w] >> b) & 1);
}

bool syscfg_muted(const struct syscfg *sc, uint32_t pa)
{
    uint32_t any = 0;
    for (unsigned i = 0; i < PMD_COUNT; i++)
        any |= sc->pmd[i];
    if (!any)
        return false;
    for (unsigned i = 0; i < nwindows; i++)
        if (pa - windows[i].base < windows[i].size)
            return !syscfg_module_enabled(sc, windows[i].mod);
    return false;
}

static const unsigned pg_shift[] = {
    [PG_CPU] = CFGPG_CPUPG_SHIFT,     [PG_DMA] = CFGPG_DMAPG_SHIFT,
    [PG_USB] = CFGPG_USBPG_SHIFT,     [PG_CAN1] = CFGPG_CAN1PG_SHIFT,
    [PG_CAN2] = CFGPG_CAN2PG_SHIFT,   [PG_ETH] = CFGPG_ETHPG_SHIFT,
    [PG_SQI1] = CFGPG_SQI1PG_SHIFT,   [PG_FC] = CFGPG_FCPG_SHIFT,
    [PG_CRYPT] = CFGPG_CRYPTPG_SHIFT,
};

unsigned syscfg_group(const struct syscfg *sc, enum pg_initiator who)
{
    return (sc->cfgpg >> pg_shift[who]) & 3;
}

bool syscfg_unlocked(const struct syscfg *sc)
{
    return sc->key_state == 2;
}

/* ---- reset ---- */

static void groups_changed(struct syscfg *sc)
{
    if (sc->groups_changed)
        sc->groups_changed(sc->groups_ctx);
}

static bool part_has(const struct syscfg *sc, const char *const *suffixes)
{
    const char *p = sc->board && sc->board->part ? sc->board->part : "";
    for (; *suffixes; suffixes++)
        if (strstr(p, *suffixes))
            return true;
    return false;
}

/* Implemented PMD and CFGPG bits of the board's part (pic32mz-ef.md §0, §2.4, §2.5). */
static void part_masks(struct syscfg *sc)
{
    static const char *const can_parts[] = {"EFF", "EFH", "EFK", "EFM", NULL};
    static const char *const crypto_parts[] = {"EFK", "EFM", NULL};
    static const char *const pin64[] = {"064", NULL};
    bool can = part_has(sc, can_parts), crypto = part_has(sc, crypto_parts);
    sc->pmd_impl[0] = PMD1_IMPL;
    sc->pmd_impl[1] = PMD2_IMPL;
    sc->pmd_impl[2] = PMD3_IMPL;
    sc->pmd_impl[3] = PMD4_IMPL;
    sc->pmd_impl[4] = PMD5_IMPL;
    sc->pmd_impl[5] = PMD6_IMPL;
    sc->pmd_impl[6] = PMD7_IMPL;
    sc->cfgpg_impl = CFGPG_CPUPG | CFGPG_DMAPG | CFGPG_FIELD(CFGPG_USBPG_SHIFT) |
                     CFGPG_FIELD(CFGPG_ETHPG_SHIFT) | CFGPG_FIELD(CFGPG_SQI1PG_SHIFT) |
                     CFGPG_FIELD(CFGPG_FCPG_SHIFT) | CFGPG_FIELD(CFGPG_ICD1PG_SHIFT);
    if (!can)
        sc->pmd_impl[4] &= ~(PMD5_CAN1MD | PMD5_CAN2MD);
    else
        sc->cfgpg_impl |= CFGPG_FIELD(CFGPG_CAN1PG_SHIFT) | CFGPG_FIELD(CFGPG_CAN2PG_SHIFT);
    if (!crypto)
        sc->pmd_impl[6] &= ~PMD7_CRYPTMD;
    else
        sc->cfgpg_impl |= CFGPG_FIELD(CFGPG_CRYPTPG_SHIFT);
    if (part_has(sc, pin64)) { /* 64-pin: no SPI5/6, I2C2, EBI ([XH-064]) */
        sc->pmd_impl[4] &= ~(PMD5_SPIMD(5) | PMD5_SPIMD(6) | PMD5_I2CMD(2));
        sc->pmd_impl[5] &= ~PMD6_EBIMD;
    }
}

static uint32_t field(uint32_t v, uint32_t mask, unsigned shift)
{
    return (v & mask) >> shift;
}

int syscfg_reset(struct syscfg *sc, uint32_t rcon_cause, char *err, unsigned errlen)
{
    bool blank = true;
    for (unsigned n = 0; n < 4; n++) {
        memcpy(&sc->devcfg[n], sc->boot_panel + DEVCFG_PANEL_OFF(n), 4);
        blank = blank && sc->devcfg[n] == 0xFFFFFFFFu;
    }
    sc->devcfg_blank = blank;
    if (blank) {
        /* Boards' shipped configuration (see the header comment): 24 MHz EC /3 x50 /2. */
        sc->devcfg[1] &= ~(DEVCFG1_FWDTEN | DEVCFG1_FDMTEN | DEVCFG1_FNOSC);
        sc->devcfg[1] |= OSC_SRC_SPLL << DEVCFG1_FNOSC_SHIFT;
        sc->devcfg[2] = 0xFFF9B11Au & ~DEVCFG2_FPLLICLK; /* tinyVP DM320007 word */
    }
    uint32_t d0 = sc->devcfg[0], d1 = sc->devcfg[1], d2 = sc->devcfg[2];
    /* BOOTISA = 0: the core starts (and takes exceptions) in microMIPS (devcfg.h). */
    if (sc->cpu)
        cpu_set_boot_isa(sc->cpu, !(d0 & DEVCFG0_BOOTISA));
    (void)err; /* every configuration can be honoured now */
    (void)errlen;

    sc->key_state = 0;
    unsigned ecc = field(d0, DEVCFG0_FECCCON, DEVCFG0_FECCCON_SHIFT);
    sc->cfgcon =
        CFGCON_TDOEN | (ecc << CFGCON_ECCCON_SHIFT) | ((d0 & DEVCFG0_JTAGEN) ? CFGCON_JTAGEN : 0);
    sc->pglock_set = sc->pmdlock_set = sc->iolock_set = false;
    sc->cfgpg = 0;
    sc->cfgebia = sc->cfgebic = 0;
    memset(sc->pmd, 0, sizeof(sc->pmd));
    part_masks(sc);

    unsigned fnosc = field(d1, DEVCFG1_FNOSC, DEVCFG1_FNOSC_SHIFT);
    sc->osccon = (fnosc << OSCCON_COSC_SHIFT) | (fnosc << OSCCON_NOSC_SHIFT) |
                 ((d1 & DEVCFG1_FSOSCEN) ? OSCCON_SOSCEN : 0);
    sc->osctun = 0;
    sc->spllcon = (field(d2, DEVCFG2_FPLLRNG, DEVCFG2_FPLLRNG_SHIFT) << SPLLCON_PLLRANGE_SHIFT) |
                  ((d2 & DEVCFG2_FPLLICLK) ? SPLLCON_PLLICLK : 0) |
                  (field(d2, DEVCFG2_FPLLIDIV, DEVCFG2_FPLLIDIV_SHIFT) << SPLLCON_PLLIDIV_SHIFT) |
                  (field(d2, DEVCFG2_FPLLMULT, DEVCFG2_FPLLMULT_SHIFT) << SPLLCON_PLLMULT_SHIFT) |
                  (field(d2, DEVCFG2_FPLLODIV, DEVCFG2_FPLLODIV_SHIFT) << SPLLCON_PLLODIV_SHIFT);
    if (rcon_cause & RCON_POR)
        sc->rcon = 0;
    sc->rcon |= rcon_cause;
    sc->rswrst = 0;
    sc->rnmicon = 0;
    sc->pwrcon = 0;
    sc->slewcon = 0;
    memset(sc->refocon, 0, sizeof(sc->refocon));
    memset(sc->refotrim, 0, sizeof(sc->refotrim));
    for (unsigned n = 1; n <= PB_DIVIDERS; n++)
        sc->pbdiv[n - 1] = PBDIV_PBDIVRDY | (n == 7 ? 0 : 1) | (n == 1 ? 0 : PBDIV_ON);
    sc->precon = PRECON_PFMWS;
    sc->prestat = 0;
    if (sc->events)
        events_cancel(sc->events, &sc->nmi_timer);
    sc->nmi_cause = 0;
    groups_changed(sc);
    return 0;
}

/* ---- the NMI timer (RNMICON) ---- */

static void nmi_expired(void *opaque, uint64_t now)
{
    struct syscfg *sc = opaque;
    (void)now;
    uint32_t cause = sc->nmi_cause;
    sc->nmi_cause = 0;
    if (cause && sc->reset_request)
        sc->reset_request(sc->reset_ctx, cause);
}

void syscfg_watchdog_event(struct syscfg *sc, uint32_t rnmicon_flag, uint32_t rcon_cause)
{
    sc->rnmicon |= rnmicon_flag;
    if (sc->nmi_cause)
        return; /* the timer already runs */
    sc->nmi_cause = rcon_cause;
    uint32_t cnt = sc->rnmicon & RNMICON_NMICNT;
    if (cnt == 0 || !sc->events || !sc->cpu)
        nmi_expired(sc, 0);
    else {
        events_schedule(sc->events, &sc->nmi_timer, cpu_cycles(sc->cpu) + cnt);
        cpu_request_stop(sc->cpu); /* the core's slice may end after the new event */
    }
}

/* ---- register access helpers ---- */

static uint32_t narrow(uint32_t reg, uint32_t off, unsigned size)
{
    uint32_t v = reg >> (8 * (off & 3));
    return size < 4 ? v & ((1u << (8 * size)) - 1) : v;
}

/* ---- system configuration block ---- */

static void syskey_write(struct syscfg *sc, unsigned size, uint32_t val)
{
    if (size == 4 && val == SYSKEY_UNLOCK1)
        sc->key_state = 1;
    else if (size == 4 && val == SYSKEY_UNLOCK2 && sc->key_state == 1)
        sc->key_state = 2;
    else
        sc->key_state = 0;
}

/* A lock bit of CFGCON may change only while unlocked, and not back to 0 after it was set
 * once when its DEVCFG3 one-way bit is 1. */
static uint32_t lock_bit(struct syscfg *sc, uint32_t old, uint32_t want, uint32_t bit,
                         uint32_t oneway, bool *was_set)
{
    if ((old ^ want) & bit) {
        bool to_one = want & bit;
        if (!syscfg_unlocked(sc) || (!to_one && *was_set && (sc->devcfg[3] & oneway)))
            return old & bit;
        if (to_one)
            *was_set = true;
        return want & bit;
    }
    return old & bit;
}

static void cfgcon_write(struct syscfg *sc, uint32_t v, uint32_t lanes)
{
    uint32_t old = sc->cfgcon;
    uint32_t want = (old & ~lanes) | (v & lanes);
    uint32_t plain = CFGCON_TDOEN | CFGCON_TROEN | CFGCON_JTAGEN | CFGCON_IOANCPEN |
                     CFGCON_USBSSEN | CFGCON_OCACLK | CFGCON_ICACLK | CFGCON_CPUPRI | CFGCON_DMAPRI;
    if (field(sc->devcfg[0], DEVCFG0_FECCCON, DEVCFG0_FECCCON_SHIFT) == 3)
        plain |= CFGCON_ECCCON;
    uint32_t next = (old & ~plain) | (want & plain);
    next &= ~(CFGCON_PGLOCK | CFGCON_PMDLOCK | CFGCON_IOLOCK);
    next |= lock_bit(sc, old, want, CFGCON_PGLOCK, DEVCFG3_PGL1WAY, &sc->pglock_set);
    next |= lock_bit(sc, old, want, CFGCON_PMDLOCK, DEVCFG3_PMDL1WAY, &sc->pmdlock_set);
    next |= lock_bit(sc, old, want, CFGCON_IOLOCK, DEVCFG3_IOL1WAY, &sc->iolock_set);
    sc->cfgcon = next;
    if (((old ^ next) & CFGCON_IOLOCK) && sc->iolock_changed)
        sc->iolock_changed(sc->iolock_ctx, next & CFGCON_IOLOCK); /* pps_set_locked() */
    if ((old ^ next) & (CFGCON_CPUPRI | CFGCON_DMAPRI))
        groups_changed(sc);
}

static bool cfg_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct syscfg *sc = opaque;
    uint32_t reg = off & ~0xFu, alias = off & SFR_ALIAS_MASK, r;
    bool shadows = true;
    switch (reg) {
    case CFG_CFGCON:
        r = sc->cfgcon;
        shadows = false;
        break;
    case CFG_DEVID:
        r = sc->board ? sc->board->devid & DEVID_DEVID : 0;
        shadows = false;
        break;
    case CFG_SYSKEY:
        r = 0;
        shadows = false;
        break;
    case CFG_CFGEBIA: r = sc->cfgebia; break;
    case CFG_CFGEBIC: r = sc->cfgebic; break;
    case CFG_CFGPG:
        r = sc->cfgpg;
        shadows = false;
        break;
    default:
        if (reg >= CFG_PMD(1) && reg <= CFG_PMD(PMD_COUNT)) {
            r = sc->pmd[(reg - CFG_PMD(1)) >> 4];
            break;
        }
        return false;
    }
    if (alias && !shadows)
        return false;
    *val = alias ? 0 : narrow(r, off, size);
    return true;
}

static bool cfg_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct syscfg *sc = opaque;
    uint32_t reg = off & ~0xFu, alias = off & SFR_ALIAS_MASK, lanes;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    switch (reg) {
    case CFG_CFGCON:
        if (alias)
            return false;
        cfgcon_write(sc, v, lanes);
        return true;
    case CFG_DEVID: return !alias; /* read-only */
    case CFG_SYSKEY:
        if (alias)
            return false;
        syskey_write(sc, size, val);
        return true;
    case CFG_CFGEBIA: sc->cfgebia = sfr_apply(sc->cfgebia, off, v, lanes); return true;
    case CFG_CFGEBIC: sc->cfgebic = sfr_apply(sc->cfgebic, off, v, lanes); return true;
    case CFG_CFGPG:
        if (alias)
            return false;
        if (!(sc->cfgcon & CFGCON_PGLOCK)) {
            sc->cfgpg = (sc->cfgpg & ~(lanes & sc->cfgpg_impl)) | (v & lanes & sc->cfgpg_impl);
            groups_changed(sc);
        }
        return true;
    default:
        if (reg >= CFG_PMD(1) && reg <= CFG_PMD(PMD_COUNT)) {
            unsigned i = (reg - CFG_PMD(1)) >> 4;
            if (!(sc->cfgcon & CFGCON_PMDLOCK))
                sc->pmd[i] = sfr_apply(sc->pmd[i], off, v, lanes & sc->pmd_impl[i]);
            return true;
        }
        return false;
    }
}

/* ---- oscillator and reset block ---- */

static uint32_t *osc_slot(struct syscfg *sc, uint32_t reg, uint32_t *writable)
{
    switch (reg) {
    case OSC_OSCCON:
        *writable = OSCCON_OSWEN | OSCCON_SOSCEN | OSCCON_SLPEN | OSCCON_CLKLOCK | OSCCON_NOSC |
                    OSCCON_SLP2SPD | OSCCON_DRMEN | OSCCON_FRCDIV;
        return &sc->osccon;
    case OSC_OSCTUN: *writable = SOC_FIELD(5, 0); return &sc->osctun;
    case OSC_SPLLCON:
        *writable = SPLLCON_PLLRANGE | SPLLCON_PLLICLK | SPLLCON_PLLIDIV | SPLLCON_PLLMULT |
                    SPLLCON_PLLODIV;
        return &sc->spllcon;
    case OSC_RCON:
        *writable = RCON_POR | RCON_BOR | RCON_IDLE | RCON_SLEEP | RCON_WDTO | RCON_DMTO |
                    RCON_SWR | RCON_EXTR | RCON_CMR | RCON_BCFGFAIL | RCON_BCFGERR;
        return &sc->rcon;
    case OSC_RSWRST: *writable = RSWRST_SWRST; return &sc->rswrst;
    case OSC_RNMICON:
        *writable = RNMICON_NMICNT | RNMICON_WDTS | RNMICON_CF | RNMICON_GNMI | RNMICON_SWNMI |
                    RNMICON_WDTO | RNMICON_DMTO;
        return &sc->rnmicon;
    case OSC_PWRCON: *writable = PWRCON_VREGS; return &sc->pwrcon;
    case OSC_SLEWCON:
        *writable = SLEWCON_DNEN | SLEWCON_UPEN | SLEWCON_SLWDIV | SLEWCON_SYSDIV;
        return &sc->slewcon;
    case OSC_CLKSTAT: *writable = 0; return &sc->clkstat;
    default: break;
    }
    for (unsigned n = 1; n <= 4; n++) {
        if (reg == OSC_REFOCON(n)) {
            *writable = REFOCON_ROSEL | REFOCON_DIVSWEN | REFOCON_RSLP | REFOCON_OE | REFOCON_SIDL |
                        REFOCON_ON | REFOCON_RODIV;
            return &sc->refocon[n - 1];
        }
        if (reg == OSC_REFOTRIM(n)) {
            *writable = REFOTRIM_ROTRIM;
            return &sc->refotrim[n - 1];
        }
    }
    for (unsigned n = 1; n <= PB_DIVIDERS; n++) {
        if (n != 6 && reg == OSC_PBDIV(n)) {
            *writable = PBDIV_PBDIV | (n == 1 ? 0 : PBDIV_ON);
            return &sc->pbdiv[n - 1];
        }
    }
    return NULL;
}

static bool osc_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct syscfg *sc = opaque;
    uint32_t writable, reg = off & ~0xFu;
    uint32_t *slot = osc_slot(sc, reg, &writable);
    if (!slot)
        return false;
    if (reg == OSC_CLKSTAT)
        sc->clkstat = CLKSTAT_FRCRDY | CLKSTAT_SPDIVRDY | CLKSTAT_POSCRDY | CLKSTAT_LPRCRDY |
                      ((sc->osccon & OSCCON_SOSCEN) ? CLKSTAT_SOSCRDY : 0);
    *val = (off & SFR_ALIAS_MASK) ? 0 : narrow(*slot, off, size);
    if (reg == OSC_RSWRST && !(off & SFR_ALIAS_MASK) && (sc->rswrst & RSWRST_SWRST)) {
        sc->rswrst = 0;
        if (sc->reset_request)
            sc->reset_request(sc->reset_ctx, RCON_SWR);
    }
    return true;
}

static bool osc_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct syscfg *sc = opaque;
    uint32_t writable, lanes, reg = off & ~0xFu;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    uint32_t *slot = osc_slot(sc, reg, &writable);
    if (!slot)
        return false;
    if ((reg == OSC_OSCCON || reg == OSC_RSWRST) && !syscfg_unlocked(sc))
        return true; /* locked: the write has no effect */
    if (reg == OSC_OSCCON && (sc->osccon & OSCCON_CLKLOCK))
        writable &= ~(OSCCON_NOSC | OSCCON_OSWEN | OSCCON_CLKLOCK);
    uint32_t old = *slot;
    *slot = sfr_apply(*slot, off, v, writable & lanes);
    if (reg == OSC_OSCCON && (*slot & OSCCON_OSWEN)) {
        uint32_t nosc = (*slot & OSCCON_NOSC) >> OSCCON_NOSC_SHIFT;
        *slot = (*slot & ~(OSCCON_OSWEN | OSCCON_COSC)) | (nosc << OSCCON_COSC_SHIFT);
    }
    for (unsigned n = 0; n < 4; n++)
        if (slot == &sc->refocon[n])
            *slot = (*slot & ~(REFOCON_DIVSWEN | REFOCON_ACTIVE)) |
                    ((*slot & REFOCON_ON) ? REFOCON_ACTIVE : 0);
    if (slot == &sc->rnmicon && sc->nmi_cause) {
        /* Clearing the flag of the pending watchdog event stops the NMI timer (FRM Section 9). */
        uint32_t flag = sc->nmi_cause == RCON_WDTO ? RNMICON_WDTO : RNMICON_DMTO;
        if ((old & flag) && !(*slot & flag)) {
            sc->nmi_cause = 0;
            if (sc->events)
                events_cancel(sc->events, &sc->nmi_timer);
        }
    }
    return true;
}

/* ---- prefetch ---- */

static bool pre_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct syscfg *sc = opaque;
    uint32_t reg = off & ~0xFu;
    if (reg != PRE_PRECON && reg != PRE_PRESTAT)
        return false;
    *val = (off & SFR_ALIAS_MASK) ? 0
                                  : narrow(reg == PRE_PRECON ? sc->precon : sc->prestat, off, size);
    return true;
}

static bool pre_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct syscfg *sc = opaque;
    uint32_t lanes, reg = off & ~0xFu;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    if (reg == PRE_PRECON)
        sc->precon =
            sfr_apply(sc->precon, off, v, lanes & (PRECON_PFMWS | PRECON_PREFEN | PRECON_PFMSECEN));
    else if (reg == PRE_PRESTAT)
        sc->prestat = sfr_apply(sc->prestat, off, v,
                                lanes & (PRESTAT_PFMSEC | PRESTAT_PFMDED | PRESTAT_PFMSECCNT));
    else
        return false;
    return true;
}

int syscfg_attach(struct syscfg *sc, struct bus *b, struct event_queue *q,
                  const struct board *board, const uint8_t *boot_panel)
{
    init_windows();
    memset(sc, 0, sizeof(*sc));
    sc->bus = b;
    sc->events = q;
    sc->board = board;
    sc->boot_panel = boot_panel;
    sc->nmi_timer = (struct sim_event){.fn = nmi_expired, .opaque = sc};
    part_masks(sc);
    const struct bus_device devs[] = {
        {.name = "syscfg",
         .base = CFG_PHYS,
         .size = CFG_SIZE,
         .opaque = sc,
         .read = cfg_read,
         .write = cfg_write},
        {.name = "osc",
         .base = OSC_PHYS,
         .size = OSC_SIZE,
         .opaque = sc,
         .read = osc_read,
         .write = osc_write},
        {.name = "prefetch",
         .base = PREFETCH_PHYS,
         .size = PREFETCH_SIZE,
         .opaque = sc,
         .read = pre_read,
         .write = pre_write},
    };
    for (unsigned i = 0; i < sizeof(devs) / sizeof(devs[0]); i++)
        if (bus_add_device(b, &devs[i]))
            return -1;
    return 0;
}
