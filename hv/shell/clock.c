/* The demo's background root thread: the system time on the console once a second. */
#include "core/hv.h"
#include "core/thread.h"
#include "core/time.h"
#include "shell/shell.h"

uint32_t shell_time_ms(void)
{
    /* Long division of the 64-bit tick count by TICKS_PER_MS, a byte at a time: the
     * remainder stays below 2^17, so every step fits in 32 bits. */
    uint64_t t = time_now();
    uint32_t word[2] = {(uint32_t)(t >> 32), (uint32_t)t};
    uint32_t rem = 0, ms = 0;
    for (unsigned i = 0; i < 8; i++) {
        rem = (rem << 8) | ((word[i / 4] >> (24 - 8 * (i % 4))) & 0xFF);
        ms = (ms << 8) | rem / TICKS_PER_MS; /* wraps after 49 days: fine for printing */
        rem %= TICKS_PER_MS;
    }
    return ms;
}

void clock_thread(void)
{
    uint64_t next = time_now();
    for (;;) {
        next += TICKS_PER_SECOND;
        thread_sleep_until(next);
        uint32_t ms = shell_time_ms();
        uint32_t st = thread_lock();
        hv_printf("system time %u.%03u s\n", (unsigned)(ms / 1000), (unsigned)(ms % 1000));
        thread_unlock(st);
    }
}
