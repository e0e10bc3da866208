/* Target of the gdb stub test: tick() counts in RAM; `pattern` is known data in flash. */
#include "hostrt.h"

volatile uint32_t counter;
const uint32_t pattern[4] = {0x11223344, 0x55667788, 0x99AABBCC, 0xDDEEFF00};

void __attribute__((noinline)) tick(void)
{
    counter++;
}

int main(void)
{
    for (;;)
        tick();
}
