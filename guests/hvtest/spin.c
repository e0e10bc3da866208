/* Test guest that never waits: whenever another VM executes WAIT, tinyVP switches to it. */
#include "../rt/pic32mz.h"

int main(void)
{
    console_init(4);
    console_puts("guest spin: start\n");
    for (volatile uint32_t n = 0;; n++)
        ;
}
