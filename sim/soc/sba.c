/*
 * System bus arbiter (see sba.h).  Decisions where pic32mz-ef.md §8 is unsure, with reasons:
 *
 * - Target address ranges (§8.3): T2/T3 the two RAM halves, T1 program flash, boot flash and
 *   the prefetch registers, T4 EBI (64 MB at 0x2000_0000), T5-T9 the peripheral sets as the
 *   sheet lists them, T10 USB (0x1F8E_3000), T11 SQI memory (64 MB at 0x3000_0000), T12 crypto
 *   (0x1F8E_5000), T13 RNG (0x1F8E_6000), T0 the system bus registers (0x1F8F_0000), except the
 *   simulator's test device, which no initiator of the real chip can reach and which is never
 *   filtered.  EBI and SQI1 register pages (0x1F8E_1000/2000) belong to no target here.
 * - Region 0 of every target covers the whole target; its REG0 register is read-only and shows
 *   the target's main range (tinyVP writes exactly those values, [TV-py]).  Regions 1..8
 *   (where the target has them, §8.3) match [BASE, BASE + 2^(SIZE+9)) and are off while
 *   SIZE = 0 ([TV-py]).  An address in several regions takes the permissions of the matching
 *   region with the higher PRI; between equal PRI, the higher region number wins.  This is
 *   what tinyVP's fencing needs (REG0 for group 0 only, REG1..2 opening a window to the DMA
 *   group with PRI = 0, [TV-py]); the datasheet's precedence rule is UNVERIFIED (§11 item 5).
 * - RDy/WRy reset to groups 0-2 (DS60001320 register 4-9; WRy assumed the same, §8.4).
 * - Region, read and write permission registers change only while CFGCON.PGLOCK = 0 (§8.1);
 *   the error registers always.  Writes to locked registers are ignored.
 * - A violation: the first one is logged in SBTxELOG1 (CMD 1 write / 2 read, REGION of the
 *   deciding region, INITID per §8.2 with CPUPRI/DMAPRI choosing the HIGH IDs, CODE = 3) and
 *   SBTxELOG2 (group); later ones only set ELOG1.MULTI.  SBFLAG bit x and IRQ 106 (a level,
 *   the OR of all reporting targets) follow "logged and SBTxECON.ERRP = 1" (§8.4).  The
 *   CODE value is UNVERIFIED (§11 item 5): 3 is the datasheet's "permission violation" row as
 *   recalled, kept as one constant (ELOG_CODE_PERM).
 * - Clearing (§8.4, [TV-sba]): writing ones to ELOG1 clears those bits (all ones clears the
 *   log), reading SBTxECLRS clears a single logged error, reading SBTxECLRM clears the log and
 *   MULTI.  Both clear registers read 0.
 * - The blocked initiator gets a bus error: the CPU an IBE/DBE (issue 4; pic32mz-ef.md §1.5
 *   leaves it UNVERIFIED), the DMA channel an address error (dma.c).  A blocked write has no
 *   effect, a blocked read returns nothing.
 * - Offsets of an SBT block that hold no register (and REGy/RDy/WRy of regions the target
 *   does not have) are a bus error, as every unmapped SFR.
 */
#include "sba.h"

#include <string.h>

#include "bus.h"
#include "evic.h"
#include "soc/memmap.h"
#include "soc/testdev.h"
#include "syscfg.h"

#define SBT_BLOCKS_PHYS SBT_PHYS(0)
#define SBFLAG_BLOCK    (SBFLAG_PHYS & ~0xFu)

/* Regions each target has (§8.3). */
static const uint16_t present[SBA_TARGETS] = {
    0x003, 0x1FD, 0x007, 0x007, 0x005, 0x007, 0x003,
    0x003, 0x003, 0x003, 0x001, 0x003, 0x001, 0x001,
};

struct range {
    uint32_t base, size;
    int target;
};

/* The first range of each target is its main range (REG0). */
static const struct range ranges[] = {
    {0x1F8F0000u, 0x10000u, SBT_SYSBUS}, {PFM_PHYS, PFM_SIZE_MAX, SBT_FLASH},
    {RAM_PHYS, 0x40000u, SBT_RAM0},      {RAM_PHYS + 0x40000u, 0x40000u, SBT_RAM1},
    {0x20000000u, 0x4000000u, SBT_EBI},  {0x1F800000u, 0x20000u, SBT_PSET1},
    {0x1F820000u, 0x10000u, SBT_PSET2},  {0x1F840000u, 0x10000u, SBT_PSET3},
    {0x1F860000u, 0x10000u, SBT_PSET4},  {0x1F880000u, 0x10000u, SBT_PSET5},
    {0x1F8E3000u, 0x1000u, SBT_USB},     {0x30000000u, 0x4000000u, SBT_SQI},
    {0x1F8E5000u, 0x1000u, SBT_CRYPTO},  {0x1F8E6000u, 0x1000u, SBT_RNG},
    {BOOT_PHYS, BOOT_SIZE, SBT_FLASH},   {0x1F8E0000u, 0x1000u, SBT_FLASH},
};

int sba_target_of(uint32_t pa)
{
    if (pa - TESTDEV_PHYS < TESTDEV_SIZE)
        return -1;
    for (unsigned i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
        if (pa - ranges[i].base < ranges[i].size)
            return ranges[i].target;
    return -1;
}

static uint32_t reg0_value(int t)
{
    uint32_t size = ranges[t].size; /* ranges[t] is target t's main range */
    unsigned log2 = 0;
    while ((1u << log2) < size)
        log2++;
    return SBTREG_VAL(ranges[t].base, log2);
}

static bool region_has(const struct sba *s, int t, unsigned y, uint32_t pa)
{
    if (y == 0)
        return true;
    uint32_t r = s->reg[t][y];
    unsigned code = (r & SBTREG_SIZE) >> SBTREG_SIZE_SHIFT;
    if (code == 0)
        return false;
    unsigned log2 = code + 9;
    uint32_t base = r & SBTREG_BASE & ~(log2 >= 32 ? 0u : (1u << log2) - 1);
    return log2 >= 32 || pa - base < (1u << log2);
}

/* The region whose permissions apply to pa in target t. */
static unsigned deciding_region(const struct sba *s, int t, uint32_t pa)
{
    unsigned best = 0;
    bool best_pri = s->reg[t][0] & SBTREG_PRI;
    for (unsigned y = 1; y < SBA_MAX_REGIONS; y++) {
        if (!((present[t] >> y) & 1) || !region_has(s, t, y, pa))
            continue;
        bool pri = s->reg[t][y] & SBTREG_PRI;
        if (pri >= best_pri) {
            best = y;
            best_pri = pri;
        }
    }
    return best;
}

static void recompute(struct sba *s)
{
    unsigned deny = 0;
    for (int t = 0; t < SBA_TARGETS; t++)
        for (unsigned y = 0; y < SBA_MAX_REGIONS; y++) {
            if (!((present[t] >> y) & 1))
                continue;
            if (y && !(s->reg[t][y] & SBTREG_SIZE))
                continue;
            deny |= ~(s->rd[t][y] & s->wr[t][y]) & 0xFu;
        }
    s->deny_groups = deny;
    bus_restrictions_changed(s->bus);
}

void sba_groups_changed(void *sba)
{
    recompute(sba);
}

static bool reporting(const struct sba *s, int t)
{
    return s->logged[t] && (s->econ[t] & ECON_ERRP);
}

static void update_irq(struct sba *s)
{
    bool level = false;
    for (int t = 0; t < SBA_TARGETS; t++)
        level = level || reporting(s, t);
    evic_set_irq(s->evic, IRQ_SB_VIOLATION, level);
}

static unsigned initiator_id(const struct sba *s, enum bus_initiator who, bool write)
{
    uint32_t cfgcon = s->sc->cfgcon;
    if (who == BUS_CPU)
        return (cfgcon & CFGCON_CPUPRI) ? INITID_CPU_HIGH : INITID_CPU;
    bool high = cfgcon & CFGCON_DMAPRI;
    if (write)
        return high ? INITID_DMA_WR_HIGH : INITID_DMA_WR;
    return high ? INITID_DMA_RD_HIGH : INITID_DMA_RD;
}

static void log_violation(struct sba *s, int t, unsigned region, unsigned group, bool write,
                          enum bus_initiator who)
{
    if (s->logged[t]) {
        s->elog1[t] |= ELOG1_MULTI;
        return;
    }
    s->logged[t] = true;
    s->elog1[t] = (s->elog1[t] & ELOG1_MULTI) |
                  ((write ? ELOG_CMD_WRITE : ELOG_CMD_READ) << ELOG1_CMD_SHIFT) |
                  ((region << ELOG1_REGION_SHIFT) & ELOG1_REGION) |
                  (initiator_id(s, who, write) << ELOG1_INITID_SHIFT) |
                  (ELOG_CODE_PERM << ELOG1_CODE_SHIFT);
    s->elog2[t] = group & ELOG2_GROUP;
    update_irq(s);
}

static unsigned group_of(const struct sba *s, enum bus_initiator who)
{
    return syscfg_group(s->sc, who == BUS_DMA ? PG_DMA : PG_CPU);
}

static bool allowed(const struct sba *s, int t, uint32_t pa, unsigned group, bool write,
                    unsigned *region)
{
    unsigned y = deciding_region(s, t, pa);
    *region = y;
    return ((write ? s->wr[t][y] : s->rd[t][y]) >> group) & 1;
}

static enum bus_verdict sba_check(void *ctx, uint32_t pa, unsigned size, bool write,
                                  enum bus_initiator who)
{
    struct sba *s = ctx;
    (void)size;
    unsigned group = group_of(s, who);
    if ((s->deny_groups >> group) & 1) {
        int t = sba_target_of(pa);
        unsigned region;
        if (t >= 0 && !allowed(s, t, pa, group, write, &region)) {
            log_violation(s, t, region, group, write, who);
            return BUS_DENY;
        }
    }
    if (pa - SFR_PHYS < SFR_SIZE && syscfg_muted(s->sc, pa))
        return BUS_MUTE;
    return BUS_ALLOW;
}

static bool sba_restricted(void *ctx, uint32_t page_pa)
{
    struct sba *s = ctx;
    unsigned group = group_of(s, BUS_CPU);
    if (!((s->deny_groups >> group) & 1))
        return false;
    for (uint32_t pa = page_pa; pa < page_pa + 0x1000; pa += 0x400) { /* regions >= 1 KB */
        int t = sba_target_of(pa);
        unsigned region;
        if (t >= 0 &&
            (!allowed(s, t, pa, group, false, &region) || !allowed(s, t, pa, group, true, &region)))
            return true;
    }
    return false;
}

/* ---- registers ---- */

static uint32_t narrow(uint32_t reg, uint32_t off, unsigned size)
{
    uint32_t v = reg >> (8 * (off & 3));
    return size < 4 ? v & ((1u << (8 * size)) - 1) : v;
}

/* The register of target t at word offset w, NULL if none; *perm: a REG/RD/WR register. */
static uint32_t *slot(struct sba *s, int t, uint32_t w, bool *perm, uint32_t *writable)
{
    *perm = false;
    switch (w) {
    case SBT_ELOG1: *writable = ~0u; return &s->elog1[t];
    case SBT_ELOG2: *writable = 0; return &s->elog2[t];
    case SBT_ECON: *writable = ECON_ERRP; return &s->econ[t];
    default: break;
    }
    if (w < SBT_REG(0) || w >= SBT_REG(SBA_MAX_REGIONS))
        return NULL;
    unsigned y = (w - SBT_REG(0)) / 0x20, k = (w - SBT_REG(0)) % 0x20;
    if (!((present[t] >> y) & 1))
        return NULL;
    *perm = true;
    if (k == 0x00) {
        *writable = y ? SBTREG_BASE | SBTREG_PRI | SBTREG_SIZE : 0;
        return &s->reg[t][y];
    }
    *writable = 0xF;
    if (k == 0x10)
        return &s->rd[t][y];
    if (k == 0x18)
        return &s->wr[t][y];
    return NULL;
}

static bool sbt_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct sba *s = opaque;
    int t = (int)(off / SBT_BLOCK_SIZE);
    uint32_t w = (off % SBT_BLOCK_SIZE) & ~3u;
    if (w == SBT_ECLRS || w == SBT_ECLRM) {
        if (w == SBT_ECLRM)
            s->elog1[t] &= ~ELOG1_MULTI;
        if (s->logged[t]) {
            s->logged[t] = false;
            s->elog1[t] &= ELOG1_MULTI;
            s->elog2[t] = 0;
        }
        update_irq(s);
        *val = 0;
        return true;
    }
    bool perm;
    uint32_t writable;
    uint32_t *r = slot(s, t, w, &perm, &writable);
    if (!r)
        return false;
    *val = narrow(*r, off, size);
    return true;
}

static bool sbt_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct sba *s = opaque;
    int t = (int)(off / SBT_BLOCK_SIZE);
    uint32_t w = (off % SBT_BLOCK_SIZE) & ~3u;
    if (w == SBT_ECLRS || w == SBT_ECLRM)
        return true; /* cleared by reading */
    bool perm;
    uint32_t writable;
    uint32_t *r = slot(s, t, w, &perm, &writable);
    if (!r)
        return false;
    unsigned shift = 8 * (off & 3);
    uint32_t lanes = (size == 4 ? ~0u : ((1u << (8 * size)) - 1) << shift);
    uint32_t v = (val << shift) & lanes;
    if (w == SBT_ELOG1) {
        s->elog1[t] &= ~v; /* ones clear */
        if (!(s->elog1[t] & ~ELOG1_MULTI))
            s->logged[t] = false;
        update_irq(s);
        return true;
    }
    if (perm && (s->sc->cfgcon & CFGCON_PGLOCK))
        return true; /* locked: no effect */
    *r = (*r & ~(writable & lanes)) | (v & writable & lanes);
    if (perm)
        recompute(s);
    else
        update_irq(s);
    return true;
}

static bool sbflag_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct sba *s = opaque;
    if ((off & ~3u) != (SBFLAG_PHYS - SBFLAG_BLOCK))
        return false;
    uint32_t f = 0;
    for (int t = 0; t < SBA_TARGETS; t++)
        if (reporting(s, t))
            f |= 1u << t;
    *val = narrow(f, off, size);
    return true;
}

static bool sbflag_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    (void)opaque;
    (void)size;
    (void)val;
    return (off & ~3u) == (SBFLAG_PHYS - SBFLAG_BLOCK); /* read-only */
}

void sba_reset(struct sba *s)
{
    memset(s->reg, 0, sizeof(s->reg));
    for (int t = 0; t < SBA_TARGETS; t++) {
        s->reg[t][0] = reg0_value(t);
        for (unsigned y = 0; y < SBA_MAX_REGIONS; y++)
            s->rd[t][y] = s->wr[t][y] = SBTPERM_RESET;
        s->elog1[t] = s->elog2[t] = s->econ[t] = 0;
        s->logged[t] = false;
    }
    recompute(s);
    update_irq(s);
}

int sba_attach(struct sba *s, struct bus *b, struct syscfg *sc, struct evic *e)
{
    memset(s, 0, sizeof(*s));
    s->bus = b;
    s->sc = sc;
    s->evic = e;
    struct bus_device blocks = {.name = "sbt",
                                .base = SBT_BLOCKS_PHYS,
                                .size = SBT_BLOCK_SIZE * SBA_TARGETS,
                                .opaque = s,
                                .read = sbt_read,
                                .write = sbt_write};
    struct bus_device flag = {.name = "sbflag",
                              .base = SBFLAG_BLOCK,
                              .size = 0x10,
                              .opaque = s,
                              .read = sbflag_read,
                              .write = sbflag_write};
    if (bus_add_device(b, &blocks) || bus_add_device(b, &flag))
        return -1;
    sc->groups_changed = sba_groups_changed;
    sc->groups_ctx = s;
    sba_reset(s);
    struct bus_filter f = {.ctx = s, .check = sba_check, .restricted = sba_restricted};
    bus_set_filter(b, &f);
    return 0;
}
