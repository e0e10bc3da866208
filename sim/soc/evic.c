/*
 * PIC32MZ-EF interrupt controller (EVIC), pic32mz-ef.md §3.  Decisions where the fact sheet is
 * unsure, with the reasons:
 *
 * - Vectors: the 214 of the EFM144 superset (§3.1); only the eight vectors reserved on every EF
 *   part (108, 191, 195, 197, 203, 204, 211, 212, §3.6) are missing: their IFS/IEC bits and
 *   IPC fields read 0 and ignore writes, their OFF word reads 0.  The per-package holes (e.g.
 *   94-101 on the EFG100) are not modelled; XC32 start-up never touches them (§3.4).
 * - Offsets inside the EVIC block that hold no register (IFS7/IEC7 slots, 0x4A0..0x53F) are a
 *   bus error (DBE), as the simulator treats unmapped SFR space (§1.5 recommendation).
 * - Reads of the CLR/SET/INV addresses return 0 (§2.1: treated as write-only), as uart.c does.
 * - Arbitration: highest IP, then highest IS, then the lower vector number (natural order,
 *   §3.3: "likely, not verified for MZ"; the datasheet's vector table lists sources in that
 *   order, and every other Microchip interrupt controller resolves ties so).
 * - Single-vector mode (MVEC=0): every request enters at EBase+0x200 (§3.4, [MW-entry]): the
 *   EVIC presents vector 0 with the explicit offset 0x200.  Shadow set: PRISS.SS0 is a single
 *   bit, so it cannot name one of the seven sets; as on the PIC32MX it came from (one shadow
 *   set, number 1; DS60001320 Table A-8 says SS0 selected shadow-set use there), SS0=1 presents
 *   set 1 and SS0=0 set 0.  UNVERIFIED on silicon (§11 item 2).
 * - Multi-vector mode: offset = OFFn of the winner, shadow set = PRIxSS of its priority.
 *   PRIxSS values 8..15 name no set on a core with HSS=7; they present set 0 (the datasheet's
 *   PRISS register description lists 1xxx as reserved, set 0 by default).
 *   OFFn = 0 cannot be told apart from "no explicit offset" in struct cpu_irq_source, so such
 *   a vector enters where the core's architectural vector spacing puts it.
 * - INTSTAT (SIRQ, SRIPL) is written when the core takes an interrupt (eic_ack) in both
 *   modes: the field names say "last request serviced"; QEMU also updates it always (§3.4).
 * - Persistent sources (flag re-asserted while the line is high, §3.5): the UART fault/RX/TX
 *   and change-notice vectors (Linux device tree, [LX-dts]), and the core software interrupts
 *   CS0/CS1.  The latter follow Cause.IP0/IP1, which software holds until it clears them
 *   (MIPS32 PRA Cause register); FreeRTOS's and RMP's PIC32MZ ports clear Cause.IP0 first and
 *   IFS0.CS0IF second, the order a persistent source needs.  Everything else (core timer,
 *   INT0..4 and all unclassified sources) is non-persistent: a flag is set on the active edge.
 * - External interrupts INT0..INT4: the line is the pin level; INTCON.INTxEP selects the edge
 *   that sets the flag (1 rising, 0 falling).
 * - How the core's IP1:IP0 reach the EVIC: the EVIC reads Cause through cpu_cp0() whenever the
 *   core samples its interrupt inputs (any Cause write makes it re-sample) and before any EVIC
 *   register access, so IFS0.CS0IF/CS1IF are never stale as software sees them.
 * - Not modelled: the interrupt proximity timer (INTCON.TPC and IPTMR are plain storage: the
 *   coalescing rules are UNVERIFIED, §3.2/§11) and the software NMI (INTCON.NMIKEY reads 0,
 *   the core has no NMI input yet).
 */
#include "evic.h"

#include <string.h>

#include "../cpu/cpu.h"
#include "bus.h"
#include "sfr_reg.h"
#include "soc/cp0_fields.h"
#include "soc/memmap.h"
#include "soc/sfr.h"
#include "soc/uart.h"

#define INTCON_WRITABLE (SOC_FIELD(4, 0) | INTCON_TPC | INTCON_MVEC)
#define PRISS_WRITABLE  (~0xEu) /* SS0 and PRI1SS..PRI7SS; bits 3:1 are unimplemented */

static const unsigned reserved_vectors[] = {108, 191, 195, 197, 203, 204, 211, 212};
static const unsigned external_irqs[] = {IRQ_INT0, IRQ_INT1, IRQ_INT2, IRQ_INT3, IRQ_INT4};
/* UART fault, RX, TX of UART1..6 (soc/uart.h numbers: RX/TX follow the fault vector). */
static const unsigned uart_fault_irqs[] = {UART1_IRQ_FAULT, UART2_IRQ_FAULT, UART3_IRQ_FAULT,
                                           UART4_IRQ_FAULT, UART5_IRQ_FAULT, UART6_IRQ_FAULT};

/* Bits of each IFS/IEC word that belong to an implemented vector. */
static uint32_t implemented[EVIC_FLAG_WORDS];

static void init_tables(void)
{
    if (implemented[0])
        return;
    for (unsigned n = 0; n < EVIC_NUM_VECTORS; n++)
        implemented[n >> 5] |= EVIC_IRQ_BIT(n);
    for (unsigned i = 0; i < sizeof(reserved_vectors) / sizeof(reserved_vectors[0]); i++)
        implemented[reserved_vectors[i] >> 5] &= ~EVIC_IRQ_BIT(reserved_vectors[i]);
}

static bool vector_implemented(unsigned n)
{
    return n < EVIC_NUM_VECTORS && (implemented[n >> 5] & EVIC_IRQ_BIT(n));
}

static bool bit_of(const uint32_t *words, unsigned n)
{
    return (words[n >> 5] >> (n & 31)) & 1;
}

static void put_bit(uint32_t *words, unsigned n, bool v)
{
    if (v)
        words[n >> 5] |= EVIC_IRQ_BIT(n);
    else
        words[n >> 5] &= ~EVIC_IRQ_BIT(n);
}

/* Writable bits of IPC word k: the 5-bit lane of each implemented vector. */
static uint32_t ipc_writable(unsigned k)
{
    uint32_t m = 0;
    for (unsigned j = 0; j < 4; j++)
        if (vector_implemented(4 * k + j))
            m |= EVIC_IPC_MASK(j);
    return m;
}

static int external_index(unsigned irq)
{
    for (unsigned i = 0; i < 5; i++)
        if (external_irqs[i] == irq)
            return (int)i;
    return -1;
}

/* A persistent source whose line is high keeps its flag set (pic32mz-ef.md §3.5). */
static void reassert_persistent(struct evic *e)
{
    for (unsigned k = 0; k < EVIC_FLAG_WORDS; k++)
        e->ifs[k] |= e->line[k] & e->persistent[k];
}

/* Drives line `irq`; returns true if the flag changed. */
static bool drive_line(struct evic *e, unsigned irq, bool level)
{
    bool old = bit_of(e->line, irq);
    put_bit(e->line, irq, level);
    if (!vector_implemented(irq))
        return false;
    bool set;
    int x = external_index(irq);
    if (bit_of(e->persistent, irq))
        set = level;
    else if (x >= 0)
        set = old != level && level == ((e->intcon & INTCON_INTEP(x)) != 0);
    else
        set = !old && level;
    if (set && (!old || !bit_of(e->ifs, irq)) && e->event_hook)
        e->event_hook(e->event_ctx, irq); /* a DMA trigger (evic_set_event_hook) */
    if (!set || bit_of(e->ifs, irq))
        return false;
    put_bit(e->ifs, irq, true);
    return true;
}

/* The core software interrupt requests are Cause.IP0/IP1 (pic32mz-ef.md §6.1). */
static void sample_core_swi(struct evic *e)
{
    if (!e->cpu)
        return;
    uint32_t cause = cpu_cp0(e->cpu, 13, 0);
    drive_line(e, IRQ_CORE_SW0, cause & CAUSE_IP0);
    drive_line(e, IRQ_CORE_SW1, cause & CAUSE_IP1);
}

void evic_set_irq(struct evic *e, unsigned irq, bool level)
{
    if (!e || irq >= EVIC_NUM_VECTORS)
        return;
    if (drive_line(e, irq, level) && e->cpu)
        cpu_irq_changed(e->cpu);
}

void evic_set_persistent(struct evic *e, unsigned irq, bool persistent)
{
    if (irq < EVIC_NUM_VECTORS)
        put_bit(e->persistent, irq, persistent);
}

static unsigned priority_of(const struct evic *e, unsigned irq)
{
    return (e->ipc[irq >> 2] >> EVIC_IPC_SHIFT(irq)) & 0x1F; /* IP:IS, 5 bits */
}

/* struct cpu_irq_source.eic_request: the winning enabled request (pic32mz-ef.md §3.3). */
static void evic_request(void *opaque, unsigned *ripl, unsigned *vector, uint32_t *offset,
                         unsigned *eicss)
{
    struct evic *e = opaque;
    sample_core_swi(e);
    int best = -1;
    unsigned best_pri = 0;
    for (unsigned k = 0; k < EVIC_FLAG_WORDS; k++) {
        uint32_t pend = e->ifs[k] & e->iec[k];
        while (pend) {
            unsigned irq = 32 * k + (unsigned)__builtin_ctz(pend);
            pend &= pend - 1;
            unsigned pri = priority_of(e, irq);
            /* IP = 0 disables the source (pic32mz-ef.md §3.2); strictly greater keeps the
             * lower vector number on ties (natural order). */
            if ((pri >> 2) != 0 && pri > best_pri) {
                best = (int)irq;
                best_pri = pri;
            }
        }
    }
    e->presented = best;
    if (best < 0) {
        *ripl = *vector = *eicss = 0;
        *offset = 0;
        return;
    }
    unsigned ip = best_pri >> 2;
    *ripl = ip;
    if (e->intcon & INTCON_MVEC) {
        unsigned ss = (e->priss >> PRISS_PRISS_SHIFT(ip)) & 0xF;
        *vector = (unsigned)best;
        *offset = e->off[best];
        *eicss = ss < 8 ? ss : 0;
    } else {
        *vector = 0;
        *offset = VEC_INTERRUPT;
        *eicss = (e->priss & PRISS_SS0) ? 1 : 0;
    }
}

/* struct cpu_irq_source.eic_ack: the core took the presented request. */
static void evic_ack(void *opaque, unsigned ripl, unsigned vector)
{
    struct evic *e = opaque;
    (void)vector; /* 0 in single-vector mode: the IRQ number is the one presented */
    if (e->presented < 0)
        return;
    e->intstat = ((uint32_t)e->presented << INTSTAT_SIRQ_SHIFT) |
                 ((ripl << INTSTAT_SRIPL_SHIFT) & INTSTAT_SRIPL);
}

/* struct cpu_irq_source.timer: Cause.TI is the core timer's line, IRQ 0 (§6.1). */
static void evic_timer(void *opaque, bool level)
{
    struct evic *e = opaque;
    drive_line(e, IRQ_CORE_TIMER, level);
}

/* The register image at a 16-byte-aligned offset; NULL if there is none. */
static uint32_t *sfr_slot(struct evic *e, uint32_t base, uint32_t *writable)
{
    if (base == EVIC_INTCON) {
        *writable = INTCON_WRITABLE;
        return &e->intcon;
    }
    if (base == EVIC_PRISS) {
        *writable = PRISS_WRITABLE;
        return &e->priss;
    }
    if (base == EVIC_INTSTAT) {
        *writable = 0; /* read-only */
        return &e->intstat;
    }
    if (base == EVIC_IPTMR) {
        *writable = ~0u;
        return &e->iptmr;
    }
    if (base >= EVIC_IFS(0) && base < EVIC_IFS(EVIC_FLAG_WORDS)) {
        unsigned k = (base - EVIC_IFS(0)) >> 4;
        *writable = implemented[k];
        return &e->ifs[k];
    }
    if (base >= EVIC_IEC(0) && base < EVIC_IEC(EVIC_FLAG_WORDS)) {
        unsigned k = (base - EVIC_IEC(0)) >> 4;
        *writable = implemented[k];
        return &e->iec[k];
    }
    if (base >= EVIC_IPC(0) && base < EVIC_IPC(EVIC_IPC_WORDS)) {
        unsigned k = (base - EVIC_IPC(0)) >> 4;
        *writable = ipc_writable(k);
        return &e->ipc[k];
    }
    return NULL;
}

static bool evic_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct evic *e = opaque;
    uint32_t reg, writable;
    sample_core_swi(e);
    if (off >= EVIC_OFF(0)) {
        unsigned n = (off - EVIC_OFF(0)) >> 2;
        reg = vector_implemented(n) ? e->off[n] : 0;
    } else {
        uint32_t *slot = sfr_slot(e, off & ~0xFu, &writable);
        if (!slot)
            return false;
        reg = (off & SFR_ALIAS_MASK) ? 0 : *slot;
    }
    *val = reg >> (8 * (off & 3));
    if (size < 4)
        *val &= (1u << (8 * size)) - 1;
    return true;
}

static bool evic_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct evic *e = opaque;
    uint32_t lanes, writable;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    sample_core_swi(e);
    if (off >= EVIC_OFF(0)) {
        unsigned n = (off - EVIC_OFF(0)) >> 2;
        if (vector_implemented(n))
            e->off[n] = (e->off[n] & ~(lanes & OFF_VOFF)) | (v & lanes & OFF_VOFF);
        return true;
    }
    uint32_t *slot = sfr_slot(e, off & ~0xFu, &writable);
    if (!slot)
        return false;
    uint32_t before[EVIC_FLAG_WORDS];
    memcpy(before, e->ifs, sizeof(before));
    *slot = sfr_apply(*slot, off & 0xF, v, writable & lanes);
    if (slot >= e->ifs && slot < e->ifs + EVIC_FLAG_WORDS) {
        reassert_persistent(e);
        /* Flags that software (or a persistent line) just set are DMA triggers too. */
        for (unsigned k = 0; k < EVIC_FLAG_WORDS && e->event_hook; k++)
            for (uint32_t nw = e->ifs[k] & ~before[k]; nw; nw &= nw - 1)
                e->event_hook(e->event_ctx, 32 * k + (unsigned)__builtin_ctz(nw));
    }
    /* The core re-samples its interrupt inputs after every device write (mem.c). */
    return true;
}

void evic_set_event_hook(struct evic *e, void (*fn)(void *ctx, unsigned irq), void *ctx)
{
    e->event_hook = fn;
    e->event_ctx = ctx;
}

void evic_reset(struct evic *e)
{
    void (*hook)(void *, unsigned) = e->event_hook;
    void *hook_ctx = e->event_ctx;
    struct cpu *c = e->cpu;
    uint32_t persistent[EVIC_FLAG_WORDS];
    memcpy(persistent, e->persistent, sizeof(persistent));
    memset(e, 0, sizeof(*e));
    e->cpu = c;
    memcpy(e->persistent, persistent, sizeof(persistent));
    e->presented = -1;
    e->event_hook = hook;
    e->event_ctx = hook_ctx;
}

int evic_attach(struct evic *e, struct bus *b, struct cpu *c)
{
    init_tables();
    memset(e, 0, sizeof(*e));
    e->cpu = c;
    e->presented = -1;
    put_bit(e->persistent, IRQ_CORE_SW0, true);
    put_bit(e->persistent, IRQ_CORE_SW1, true);
    for (unsigned i = 0; i < sizeof(uart_fault_irqs) / sizeof(uart_fault_irqs[0]); i++)
        for (unsigned j = 0; j < 3; j++)
            put_bit(e->persistent, uart_fault_irqs[i] + j, true);
    for (unsigned port = 0; port < 10; port++)
        put_bit(e->persistent, IRQ_CN(port), true);

    struct bus_device d = {
        .name = "evic",
        .base = EVIC_PHYS,
        .size = EVIC_SIZE,
        .opaque = e,
        .read = evic_read,
        .write = evic_write,
    };
    if (bus_add_device(b, &d))
        return -1;
    if (c) {
        struct cpu_irq_source src = {
            .opaque = e,
            .eic_request = evic_request,
            .timer = evic_timer,
            .eic_ack = evic_ack,
        };
        cpu_set_irq_source(c, &src);
    }
    return 0;
}
