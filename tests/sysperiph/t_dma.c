/*
 * DMA controller (pic32mz-ef.md §7; PIC32 FRM Section 31):
 * - memory to memory: a 64-byte block in four 16-byte cells, each started by CFORCE; the
 *   cell-done (CHCCIF) and block-done (CHBCIF) interrupts arrive through the EVIC as IRQ 134
 *   (channel 0, §3.6, single-vector mode) with the flags in DCH0INT; the channel disables
 *   itself at the end of the block; source/destination done and half flags are set;
 * - pattern match: a transfer with PATEN stops after the byte equal to DCHxDAT (CHBCIF);
 *   a 2-byte pattern (CHPATLEN = 1) needs both bytes in order;
 * - chaining: channel 1 (CHCHN, CHCHNS = 0: after channel 0) is enabled when channel 0 ends
 *   its block; both start on the Timer1 IRQ event (CHSIRQ, SIRQEN), here set by software in
 *   IFS0, without the interrupt being enabled;
 * - abort: the CHAIRQ event aborts a channel with CHTAIF; CABORT disables without a flag.
 */
#include "sp.h"

static volatile uint32_t seen_int[16];
static volatile unsigned nseen;

static uint8_t src[64] __attribute__((aligned(4)));
static uint8_t dst[64] __attribute__((aligned(4)));
static uint8_t dst2[64] __attribute__((aligned(4)));

static void handler(struct irq_frame *f)
{
    (void)f;
    unsigned irq = (EVIC(EVIC_INTSTAT) & INTSTAT_SIRQ) >> INTSTAT_SIRQ_SHIFT;
    unsigned ch = irq - IRQ_DMA(0);
    if (nseen < 16)
        seen_int[nseen++] = (ch << 24) | (DCH(ch, DCH_INT) & DCHINT_FLAGS);
    DCH(ch, DCH_INT + SFR_CLR) = DCHINT_FLAGS;
    evic_ack(irq);
}

static void fill(void)
{
    for (unsigned i = 0; i < 64; i++) {
        src[i] = (uint8_t)(i * 7 + 1);
        dst[i] = dst2[i] = 0xEE;
    }
}

static unsigned copied(const uint8_t *d, unsigned from, unsigned to)
{
    unsigned ok = 0;
    for (unsigned i = from; i < to; i++)
        ok += d[i] == src[i];
    return ok;
}

static void setup(unsigned n, const void *s, const void *d, unsigned ssiz, unsigned dsiz,
                  unsigned csiz)
{
    DCH(n, DCH_CON) = 0;
    DCH(n, DCH_ECON) = 0;
    DCH(n, DCH_INT) = 0;
    DCH(n, DCH_SSA) = PHYS(s);
    DCH(n, DCH_DSA) = PHYS(d);
    DCH(n, DCH_SSIZ) = ssiz;
    DCH(n, DCH_DSIZ) = dsiz;
    DCH(n, DCH_CSIZ) = csiz;
}

static void mem_to_mem(void)
{
    fill();
    nseen = 0;
    setup(0, src, dst, 64, 64, 16);
    DCH(0, DCH_INT) = DCHINT_EN(DCHINT_CHCCIF | DCHINT_CHBCIF);
    DCH(0, DCH_CON) = DCHCON_CHEN;
    CHECK_EQ(DCH(0, DCH_CON) & DCHCON_CHBUSY, DCHCON_CHBUSY);
    for (unsigned cell = 0; cell < 4; cell++) {
        DCH(0, DCH_ECON + SFR_SET) = DCHECON_CFORCE;
        spin(200);
        CHECK_EQ(copied(dst, 0, 16 * (cell + 1)), 16 * (cell + 1));
        CHECK_EQ(dst[16 * (cell + 1) % 64], cell == 3 ? src[0] : 0xEE);
        CHECK_EQ(DCH(0, DCH_CPTR), 0);
        if (cell < 3) {
            CHECK_EQ(DCH(0, DCH_SPTR), 16 * (cell + 1));
            CHECK_EQ(DCH(0, DCH_CON) & DCHCON_CHEN, DCHCON_CHEN);
        }
    }
    CHECK_EQ(nseen, 4);
    CHECK_EQ(seen_int[0] & ~(DCHINT_CHSHIF | DCHINT_CHDHIF), DCHINT_CHCCIF);
    CHECK_EQ(seen_int[1], DCHINT_CHCCIF | DCHINT_CHSHIF | DCHINT_CHDHIF); /* 32 = half */
    CHECK_EQ(seen_int[2], DCHINT_CHCCIF);
    CHECK_EQ(seen_int[3], DCHINT_CHCCIF | DCHINT_CHBCIF | DCHINT_CHSDIF | DCHINT_CHDDIF);
    CHECK_EQ(DCH(0, DCH_CON) & DCHCON_CHEN, 0); /* disabled at the end of the block */
    CHECK_EQ(DCH(0, DCH_SPTR), 0);
    CHECK_EQ(DMA(DMA_DMACON) & DMACON_DMABUSY, 0);
}

static void pattern(void)
{
    fill();
    src[5] = '\n';
    src[20] = 0x0D;
    src[21] = 0x0A;
    setup(2, src, dst, 64, 64, 64);
    DCH(2, DCH_DAT) = '\n';
    DCH(2, DCH_ECON) = DCHECON_PATEN;
    DCH(2, DCH_CON) = DCHCON_CHEN;
    DCH(2, DCH_ECON + SFR_SET) = DCHECON_CFORCE;
    spin(300);
    CHECK_EQ(copied(dst, 0, 6), 6); /* up to and including the pattern */
    CHECK_EQ(dst[6], 0xEE);
    CHECK_EQ(DCH(2, DCH_INT) & DCHINT_CHBCIF, DCHINT_CHBCIF);
    CHECK_EQ(DCH(2, DCH_CON) & DCHCON_CHEN, 0);
    /* Two bytes: 0x0D then 0x0A (DAT<7:0> first); the lone '\n' at 5 no longer matches. */
    fill();
    src[5] = 0x0A;
    src[20] = 0x0D;
    src[21] = 0x0A;
    setup(2, src, dst, 64, 64, 64);
    DCH(2, DCH_DAT) = 0x0A0D;
    DCH(2, DCH_ECON) = DCHECON_PATEN;
    DCH(2, DCH_CON) = DCHCON_CHEN | DCHCON_CHPATLEN;
    DCH(2, DCH_ECON + SFR_SET) = DCHECON_CFORCE;
    spin(300);
    CHECK_EQ(copied(dst, 0, 22), 22);
    CHECK_EQ(dst[22], 0xEE);
    CHECK_EQ(DCH(2, DCH_INT) & DCHINT_CHBCIF, DCHINT_CHBCIF);
}

static void chaining(void)
{
    fill();
    setup(0, src, dst, 32, 32, 32);
    setup(1, src + 32, dst2, 32, 32, 32);
    uint32_t start = DCHECON_SIRQEN | (IRQ_TIMER1 << DCHECON_CHSIRQ_SHIFT);
    DCH(0, DCH_ECON) = start;
    DCH(1, DCH_ECON) = start;
    DCH(1, DCH_CON) = DCHCON_CHCHN; /* CHCHNS = 0: chained to channel 0 */
    DCH(0, DCH_CON) = DCHCON_CHEN;
    evic_raise(IRQ_TIMER1);
    spin(200);
    CHECK_EQ(copied(dst, 0, 32), 32);
    CHECK_EQ(dst2[0], 0xEE); /* channel 1 was disabled when the event came */
    CHECK_EQ(DCH(0, DCH_CON) & DCHCON_CHEN, 0);
    CHECK_EQ(DCH(1, DCH_CON) & DCHCON_CHEN, DCHCON_CHEN); /* enabled by the chain */
    evic_ack(IRQ_TIMER1);
    evic_raise(IRQ_TIMER1);
    spin(200);
    unsigned ok = 0;
    for (unsigned i = 0; i < 32; i++)
        ok += dst2[i] == src[32 + i];
    CHECK_EQ(ok, 32);
    CHECK_EQ(dst[32], 0xEE); /* channel 0 stayed off */
    evic_ack(IRQ_TIMER1);
}

static void abort_irq(void)
{
    fill();
    setup(3, src, dst, 64, 64, 16);
    DCH(3, DCH_ECON) = DCHECON_AIRQEN | (IRQ_TIMER1 << DCHECON_CHAIRQ_SHIFT);
    DCH(3, DCH_CON) = DCHCON_CHEN;
    DCH(3, DCH_ECON + SFR_SET) = DCHECON_CFORCE;
    spin(200);
    CHECK_EQ(copied(dst, 0, 16), 16);
    evic_raise(IRQ_TIMER1);
    CHECK_EQ(DCH(3, DCH_INT) & DCHINT_CHTAIF, DCHINT_CHTAIF);
    CHECK_EQ(DCH(3, DCH_CON) & DCHCON_CHEN, 0);
    evic_ack(IRQ_TIMER1);
    /* CABORT: disabled, no flag. */
    setup(3, src, dst, 64, 64, 16);
    DCH(3, DCH_CON) = DCHCON_CHEN;
    DCH(3, DCH_ECON + SFR_SET) = DCHECON_CABORT;
    CHECK_EQ(DCH(3, DCH_CON) & DCHCON_CHEN, 0);
    CHECK_EQ(DCH(3, DCH_ECON) & DCHECON_CABORT, 0);
    CHECK_EQ(DCH(3, DCH_INT) & DCHINT_FLAGS, 0);
}

int main(void)
{
    irq_handler = handler;
    for (unsigned n = 0; n < 4; n++) {
        evic_prio(IRQ_DMA(n), 3, 0);
        evic_enable(IRQ_DMA(n));
    }
    irq_enable();
    DMA(DMA_DMACON) = DMACON_ON;
    mem_to_mem();
    pattern();
    chaining();
    abort_irq();
    irq_disable();
    return 0;
}
