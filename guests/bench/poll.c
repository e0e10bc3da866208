/* MMIO-heavy benchmark guest (issue 11, simulator speed): polls an emulated console register
 * (U4STA) forever, so nearly every simulated instruction is tinyVP emulating that load. */
#include "../rt/pic32mz.h"

void bench_mmio_load_loop(unsigned n, uint32_t addr);

int main(void)
{
    console_init(4);
    for (;;)
        bench_mmio_load_loop(0, KSEG1(UART_PHYS(4) + UxSTA)); /* 0: 2^32 loads */
}
