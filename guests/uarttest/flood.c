/*
 * Console flood: prints LINES numbered lines as fast as the console takes them (polling
 * UTXBF, as guests/rt/console.c does), counting how often the transmitter was full, then
 * reports the count.  Run two of these at once: every line of each must arrive, whole.
 */
#include "../rt/pic32mz.h"

#define STR_(x) #x
#define STR(x)  STR_(x)

static uint32_t full;

static void put(char c)
{
    if (REG32(UART_PHYS(4) + UxSTA) & UxSTA_UTXBF) {
        full++;
        while (REG32(UART_PHYS(4) + UxSTA) & UxSTA_UTXBF)
            ;
    }
    REG32(UART_PHYS(4) + UxTXREG) = (uint8_t)c;
}

static void say(const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            put('\r');
        put(*s);
    }
}

static void say_dec(uint32_t v)
{
    char buf[11];
    int i = 10;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    say(&buf[i]);
}

int main(void)
{
    console_init(4);
    for (uint32_t n = 1; n <= LINES; n++) {
        say(STR(NAME) ": line ");
        say_dec(n);
        say(" the quick brown fox\n");
    }
    say(STR(NAME) ": full ");
    say_dec(full);
    say("\n");
    for (;;)
        __asm__ volatile("wait");
}
