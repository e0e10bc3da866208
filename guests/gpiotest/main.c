/*
 * GPIO pin-sharing test guest (issue 8): drives its LEDs through LATxINV/SET/CLR and checks
 * after every step that its pins (LAT and PORT) hold what it wrote, while trying again and
 * again to change the other VM's pin (through LATx, its CLR/SET/INV, TRISx and ANSELx) and
 * to read it: under tinyVP that pin reads 0 and never changes.  Prints "NAME: ok CASE" or
 * "NAME: FAIL CASE ...".  Wi-FIRE LEDs (pic32mz-ef.md §5.3): LD1 RG6, LD2 RD4, LD3 RB11,
 * LD4 RG15.  Built with LEDS = 1 (LD1; LD4's pin is the other VM's) or 234 (LD2..LD4;
 * LD1's pin is the other VM's).
 */
#include "../rt/pic32mz.h"
#include "soc/gpio.h"

#define STR_(x)   #x
#define STR(x)    STR_(x)
#define P(k, off) REG32(GPIO_PORT_PHYS(k) + (off))

struct pin {
    unsigned port, bit;
};
#if LEDS == 1
static const struct pin mine[] = {{GPIO_PORT_G, 6}};
static const struct pin other = {GPIO_PORT_G, 15};
#else
static const struct pin mine[] = {{GPIO_PORT_D, 4}, {GPIO_PORT_B, 11}, {GPIO_PORT_G, 15}};
static const struct pin other = {GPIO_PORT_G, 6};
#endif
#define NMINE (sizeof(mine) / sizeof(mine[0]))

static unsigned failures;

static void wait_ms(uint32_t ms)
{
    uint32_t until = core_count() + ms * (CORE_TIMER_HZ / 1000);
    mtc0(11, 0, until);
    while ((int32_t)(core_count() - until) < 0)
        __asm__ volatile("wait");
}

static void report(const char *what, uint32_t step, int ok)
{
    console_puts(STR(NAME) ": ");
    console_puts(ok ? "ok " : "FAIL ");
    console_puts(what);
    if (!ok) {
        console_puts(" at step ");
        console_putdec(step);
        failures++;
    }
    console_puts("\n");
}

/* Tries to change the other VM's pin; plain writes keep this VM's own pins as they are. */
static void attack(const uint32_t *want)
{
    uint32_t b = 1u << other.bit, keep = want[other.port];
    P(other.port, LATx + SFR_INV) = b;
    P(other.port, LATx + SFR_SET) = b;
    P(other.port, LATx) = keep | b;
    P(other.port, LATx) = keep;
    P(other.port, TRISx + SFR_SET) = b;
    P(other.port, ANSELx + SFR_SET) = b;
    P(other.port, PORTx) = keep | b;
}

int main(void)
{
    console_init(4);
    uint32_t want[GPIO_NUM_PORTS] = {0};
    int lat_ok = 1, port_ok = 1, hidden_ok = 1;
    for (unsigned i = 0; i < NMINE; i++) {
        uint32_t b = 1u << mine[i].bit;
        P(mine[i].port, ANSELx + SFR_CLR) = b; /* digital, so PORT reads the pin */
        P(mine[i].port, LATx + SFR_CLR) = b;
        P(mine[i].port, TRISx + SFR_CLR) = b; /* output */
    }
    uint32_t step;
    for (step = 1; step <= 12; step++) {
        for (unsigned i = 0; i < NMINE; i++) {
            uint32_t b = 1u << mine[i].bit;
            /* Alternate the three alias forms; each toggles or sets this pin. */
            switch ((step + i) % 3) {
            case 0: P(mine[i].port, LATx + SFR_INV) = b; break;
            case 1:
                P(mine[i].port, LATx + ((want[mine[i].port] & b) ? SFR_CLR : SFR_SET)) = b;
                break;
            default: P(mine[i].port, LATx + SFR_INV) = b; break;
            }
            want[mine[i].port] ^= b;
        }
        attack(want);
        wait_ms(2);
        attack(want);
        for (unsigned i = 0; i < NMINE; i++) {
            unsigned k = mine[i].port;
            uint32_t b = 1u << mine[i].bit;
            lat_ok &= (P(k, LATx) & b) == (want[k] & b);
            port_ok &= (P(k, PORTx) & b) == (want[k] & b);
            lat_ok &= (P(k, TRISx) & b) == 0;
        }
        /* Of the shared port this VM sees its own pins only. */
        uint32_t own = 0;
        for (unsigned i = 0; i < NMINE; i++)
            if (mine[i].port == other.port)
                own |= 1u << mine[i].bit;
        hidden_ok &= ((P(other.port, LATx) | P(other.port, TRISx) | P(other.port, PORTx) |
                       P(other.port, ANSELx)) &
                      ~own) == 0;
        if (!lat_ok || !port_ok || !hidden_ok)
            break;
    }
    report("own-pins-lat", step, lat_ok);
    report("own-pins-port", step, port_ok);
    report("foreign-pin-hidden", step, hidden_ok);
    console_puts(failures ? STR(NAME) ": done with failures\n" : STR(NAME) ": done\n");
    for (;;)
        wait_ms(1000);
}
