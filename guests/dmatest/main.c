/*
 * DMA test guest (issue 8, "DMA guests"): owns DMA channel 0 and a DMA zone (guest address ==
 * physical address, tvpconf's `dma =`).  It copies inside its zone, then asks the channel to
 * read and to write outside it: the bus arbiter tables stop both transfers and the channel
 * reports the address error (CHERIF) through its interrupt, routed to this VM.  It also tries
 * the arbiter's registers, CFGPG and channel 1, which are not its own: bus errors.
 * Prints "X: ok CASE" / "X: FAIL CASE ...".  PIC32 FRM 31; pic32mz-ef.md §7, §8.
 */
#include "../rt/irq.h"
#include "../rt/pic32mz.h"
#include "soc/dma.h"
#include "soc/sba.h"

#define CH0(r)     REG32(DMA_PHYS + DCH_REG(0, r))
#define DCHINT_ERR (1u << 0)    /* CHERIF */
#define DCHINT_BC  (1u << 3)    /* CHBCIF */
#define DCHINT_IE  (0x9u << 16) /* CHERIE | CHBCIE */

static uint8_t src[256], dst[256];
static volatile uint32_t seen, events;

static void dma_handler(unsigned vec)
{
    uint32_t f = CH0(DCH_INT) & 0xFFu;
    seen |= f;
    events++;
    CH0(DCH_INT + SFR_CLR) = f; /* the level goes away with the flags (§7.2) */
    irq_clear(vec);
}

static void check(const char *name, int ok)
{
    console_puts(ok ? "X: ok " : "X: FAIL ");
    console_puts(name);
    console_puts("\n");
}

/* One block of n bytes from physical src to physical dst; returns the flags seen. */
static uint32_t dma_copy(uint32_t from, uint32_t to, uint32_t n)
{
    seen = 0;
    uint32_t before = events;
    CH0(DCH_CON) = 0;
    CH0(DCH_INT) = DCHINT_IE;
    CH0(DCH_SSA) = from;
    CH0(DCH_DSA) = to;
    CH0(DCH_SSIZ) = n;
    CH0(DCH_DSIZ) = n;
    CH0(DCH_CSIZ) = n;
    CH0(DCH_CON + SFR_SET) = DCHCON_CHEN;
    CH0(DCH_ECON + SFR_SET) = 1u << 7; /* CFORCE: one cell now */
    uint32_t t0 = core_count();
    while (events == before && core_count() - t0 < CORE_TIMER_HZ / 100) {
        mtc0(11, 0, core_count() + CORE_TIMER_HZ / 1000);
        __asm__ volatile("wait");
    }
    return seen;
}

static void expect_dbe(const char *name, uint32_t pa)
{
    uint32_t before = exc_count;
    REG32(pa) = 0;
    check(name, exc_count - before == 1 && exc_code == EXCCODE_DBE);
}

int main(void)
{
    console_init(4);
    irq_setup(1);
    REG32(DMA_PHYS + DMA_DMACON) = DMACON_ON;
    irq_connect(IRQ_DMA(0), dma_handler, 3, 0);
    irq_enable();
    for (unsigned i = 0; i < sizeof(src); i++)
        src[i] = (uint8_t)(i * 7 + 1);
    uint32_t f =
        dma_copy((uint32_t)src & KSEG_PHYS_MASK, (uint32_t)dst & KSEG_PHYS_MASK, sizeof(src));
    int same = 1;
    for (unsigned i = 0; i < sizeof(src); i++)
        same &= dst[i] == src[i];
    check("inside-zone-copied", (f & DCHINT_BC) && !(f & DCHINT_ERR) && same);
    /* tinyVP's own data (the board's vzdata) and RAM beyond this VM's zone. */
    f = dma_copy(0x00078000u, (uint32_t)dst & KSEG_PHYS_MASK, 64);
    check("outside-read-blocked", (f & DCHINT_ERR) && !(f & DCHINT_BC));
    f = dma_copy((uint32_t)src & KSEG_PHYS_MASK, 0x00070000u, 64);
    check("outside-write-blocked", (f & DCHINT_ERR) && !(f & DCHINT_BC));
    expect_dbe("arbiter-registers", SBT_PHYS(2) + SBT_REG(0));
    expect_dbe("cfgpg", 0x1F8000E0u);
    expect_dbe("other-channel", DMA_PHYS + DCH_REG(1, DCH_CON));
    console_puts("X: done\n");
    for (;;)
        __asm__ volatile("wait");
}
