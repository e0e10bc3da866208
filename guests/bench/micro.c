/*
 * Micro-benchmark guest for issue 11: null hypercalls, loads and stores of an emulated
 * console register, then Timer2 interrupts taken in an idle loop.  The loops are in
 * micro_loops.S; the probes (bench/probe) time them from the outside, so this guest only
 * runs them.  ROUNDS per phase: the benchmark drops the first few (cold TLB) and keeps 1000.
 */
#include "../rt/pic32mz.h"
#include "soc/evic.h"
#include "soc/timer.h"

#define ROUNDS 1100
/* Timer2 from PBCLK3 (100 MHz, pic32mz-ef.md §6.2) 1:1: one interrupt per 20,000 cycles. */
#define T2_PERIOD   10000u
#define T2_PRIORITY 3

void bench_hcall_loop(unsigned n);
void bench_mmio_load_loop(unsigned n, uint32_t addr);
void bench_mmio_store_loop(unsigned n, uint32_t addr, uint32_t value);
void bench_idle_loop(void) __attribute__((noreturn));
extern char bench_ebase[];

#define EVIC(off) REG32(EVIC_PHYS + (off))
#define T2(off)   REG32(TIMER_PHYS(2) + (off))

int main(void)
{
    console_init(4);
    console_puts("bench micro: start\n");
    bench_hcall_loop(ROUNDS);
    bench_mmio_load_loop(ROUNDS, KSEG1(UART_PHYS(4) + UxSTA));
    bench_mmio_store_loop(ROUNDS, KSEG1(UART_PHYS(4) + UxBRG), 216);
    console_puts("bench micro: irq\n");
    /* Single-vector mode: EBase + 0x200 (EBase written while BEV = 1; MD00090 EBase). */
    mtc0(15, 1, (uint32_t)bench_ebase);
    mtc0(12, 1, 1u << INTCTL_VS_SHIFT);
    mtc0(13, 0, mfc0(13, 0) | CAUSE_IV);
    EVIC(EVIC_INTCON + SFR_CLR) = INTCON_MVEC;
    mtc0(12, 0, mfc0(12, 0) & ~STATUS_BEV);
    T2(TxCON) = 0;
    T2(TMRx) = 0;
    T2(PRx) = T2_PERIOD - 1;
    EVIC(EVIC_IPC_OF(IRQ_TIMER2) + SFR_CLR) = EVIC_IPC_MASK(IRQ_TIMER2);
    EVIC(EVIC_IPC_OF(IRQ_TIMER2) + SFR_SET) = EVIC_IPC_VAL(IRQ_TIMER2, T2_PRIORITY, 0);
    EVIC(EVIC_IFS_OF(IRQ_TIMER2) + SFR_CLR) = EVIC_IRQ_BIT(IRQ_TIMER2);
    EVIC(EVIC_IEC_OF(IRQ_TIMER2) + SFR_SET) = EVIC_IRQ_BIT(IRQ_TIMER2);
    T2(TxCON + SFR_SET) = TCON_ON;
    __asm__ volatile("ei; ehb" ::: "memory");
    bench_idle_loop();
}
