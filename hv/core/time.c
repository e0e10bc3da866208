/* System time from Count, extended to 64 bits (Count wraps every 42.9 s at 100 MHz; every
 * root timer interrupt and scheduling decision reads it, far more often than that). */
#include "time.h"

#include "arch/mips/cp0.h"

static uint32_t last_count;
static uint64_t high;

uint64_t time_now(void)
{
    uint32_t c = mfc0(9, 0);
    if (c < last_count)
        high += 1ull << 32;
    last_count = c;
    return high | c;
}

void time_arm(uint64_t at)
{
    uint64_t now = time_now();
    uint64_t delta = at > now ? at - now : 1;
    if (delta > 0x7FFFFFFFu)
        delta = 0x7FFFFFFFu; /* re-armed when it fires */
    if (delta < 50)
        delta = 50; /* far enough ahead that Count cannot pass it while we write it */
    mtc0(11, 0, (uint32_t)now + (uint32_t)delta); /* writing Compare clears Cause.TI */
}
