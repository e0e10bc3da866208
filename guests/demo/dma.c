/*
 * Demo DMA guest: an ordinary PIC32MZ program that copies a buffer memory to memory with
 * DMA channel 0 (pic32mz-ef.md §7; PIC32 FRM Section 31) once a step, checks the copy and
 * prints its progress.  Under tinyVP (configs/demo-dma.conf) all of its RAM is its DMA zone,
 * where guest physical addresses are the real ones, so it programs the controller with the
 * physical addresses of its own buffers exactly as it does bare-metal.
 */
#include "../rt/pic32mz.h"
#include "board.h"
#include "soc/dma.h"

#define STEP_MS 500
#define N       256

#define DMA(off) REG32(DMA_PHYS + (off))

static uint8_t src_buf[N], dst_buf[N];
/* The buffers through KSEG1: the DMA controller reads and writes memory, not the cache. */
#define UNCACHED(p) ((volatile uint8_t *)KSEG1((uint32_t)(p)&KSEG_PHYS_MASK))

/* One block transfer of n bytes, one cell, started by software (CFORCE); true when the
 * block-complete flag comes without an address error. */
static int dma_copy(const volatile void *from, volatile void *to, unsigned n)
{
    DMA(DCH_REG(0, DCH_CON)) = 0;
    DMA(DCH_REG(0, DCH_INT)) = 0;
    DMA(DCH_REG(0, DCH_ECON)) = 0;
    DMA(DCH_REG(0, DCH_SSA)) = (uint32_t)from & KSEG_PHYS_MASK;
    DMA(DCH_REG(0, DCH_DSA)) = (uint32_t)to & KSEG_PHYS_MASK;
    DMA(DCH_REG(0, DCH_SSIZ)) = n;
    DMA(DCH_REG(0, DCH_DSIZ)) = n;
    DMA(DCH_REG(0, DCH_CSIZ)) = n;
    DMA(DCH_REG(0, DCH_CON) + SFR_SET) = DCHCON_CHEN;
    DMA(DCH_REG(0, DCH_ECON) + SFR_SET) = DCHECON_CFORCE;
    for (unsigned spin = 0; spin < 100000; spin++) {
        uint32_t f = DMA(DCH_REG(0, DCH_INT));
        if (f & DCHINT_CHERIF)
            return 0;
        if (f & DCHINT_CHBCIF)
            return 1;
    }
    return 0;
}

int main(void)
{
    board_console_init();
    board_led_init(0);
    console_puts("\ndma guest: memory-to-memory DMA on " BOARD_NAME ", channel 0, ");
    console_putdec(N);
    console_puts(" bytes a step\n");
    DMA(DMA_DMACON + SFR_SET) = DMACON_ON;
    volatile uint8_t *src = UNCACHED(src_buf), *dst = UNCACHED(dst_buf);
    uint32_t next = core_count();
    /* WAIT with interrupts off ends on the core timer's request (as in poll.c). */
    /* The program never leaves BEV = 1, so the core is in compatibility interrupt mode: the
     * timer requests through Cause.IP7, and WAIT with IE = 0 ends when IM7 lets it through
     * (MD00090 Status.IM, WAIT with Config7.WII). */
    mtc0(12, 0, mfc0(12, 0) | (0x80u << STATUS_IM_SHIFT));
    for (uint32_t step = 1;; step++) {
        next += STEP_MS * (CORE_TIMER_HZ / 1000);
        mtc0(11, 0, next);
        while ((int32_t)(core_count() - next) < 0)
            __asm__ volatile("wait");
        for (unsigned i = 0; i < N; i++) {
            src[i] = (uint8_t)(step * 7 + i);
            dst[i] = 0;
        }
        int ok = dma_copy(src, dst, N);
        for (unsigned i = 0; ok && i < N; i++)
            ok = dst[i] == src[i];
        board_led_set(0, step & 1);
        console_puts("dma guest: copy ");
        console_putdec(step);
        console_puts(ok ? " ok\n" : " FAILED\n");
    }
}
