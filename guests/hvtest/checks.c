/*
 * Test guest for tinyVP: checks that what a guest keeps in the CPU survives the hypervisor
 * switching to another VM and back — guest CP0 registers, the 32 FPU registers and FCSR,
 * the DSP accumulators and DSPControl — and that its own faults reach its own vectors: a
 * load from an address with nothing behind it gives it a bus error (DBE), a SYSCALL its Sys
 * exception.  Each round waits 3 ms (WAIT: the other VM runs meanwhile) and prints one line.
 */
#include "../rt/pic32mz.h"

#define STR_(x) #x
#define STR(x)  STR_(x)
#define SEED    ((uint32_t)(STR(NAME)[0]) * 0x01010101u)

extern char rt_vectors[];
extern volatile uint32_t rt_exc[4];

static void say(const char *what, uint32_t round)
{
    console_puts("guest " STR(NAME) ": ");
    console_puts(what);
    console_putdec(round);
    console_puts("\n");
}

static void wait_ms(uint32_t ms)
{
    uint32_t until = core_count() + ms * (CORE_TIMER_HZ / 1000);
    mtc0(11, 0, until);
    while ((int32_t)(core_count() - until) < 0)
        __asm__ volatile("wait");
}

static void fpu_fill(uint32_t v)
{
#define FILL(n) __asm__ volatile("mtc1 %0, $f" #n "; mthc1 %1, $f" #n ::"r"(v + n), "r"(~v - n));
    FILL(0)
    FILL(1)
    FILL(2) FILL(3) FILL(4) FILL(5) FILL(6) FILL(7) FILL(8) FILL(9) FILL(10) FILL(11) FILL(12)
        FILL(13) FILL(14) FILL(15) FILL(16) FILL(17) FILL(18) FILL(19) FILL(20) FILL(21) FILL(22)
            FILL(23) FILL(24) FILL(25) FILL(26) FILL(27) FILL(28) FILL(29) FILL(30) FILL(31)
#undef FILL
                __asm__ volatile("ctc1 %0, $31" ::"r"(1u)); /* FCSR: round towards zero */
}

static int fpu_check(uint32_t v)
{
    uint32_t lo, hi, bad = 0;
#define CHECK(n)                                                                                   \
    __asm__ volatile("mfc1 %0, $f" #n "; mfhc1 %1, $f" #n : "=r"(lo), "=r"(hi));                   \
    bad |= (lo != v + n) | (hi != ~v - n);
    CHECK(0)
    CHECK(1)
    CHECK(2) CHECK(3) CHECK(4) CHECK(5) CHECK(6) CHECK(7) CHECK(8) CHECK(9) CHECK(10) CHECK(11)
        CHECK(12) CHECK(13) CHECK(14) CHECK(15) CHECK(16) CHECK(17) CHECK(18) CHECK(19) CHECK(20)
            CHECK(21) CHECK(22) CHECK(23) CHECK(24) CHECK(25) CHECK(26) CHECK(27) CHECK(28)
                CHECK(29) CHECK(30) CHECK(31)
#undef CHECK
                    uint32_t fcsr;
    __asm__ volatile("cfc1 %0, $31" : "=r"(fcsr));
    return !bad && (fcsr & 3u) == 1u;
}

static void dsp_fill(uint32_t v)
{
    __asm__ volatile(".set push; .set dspr2\n"
                     "mthi %0, $ac1; mtlo %1, $ac1; mthi %1, $ac2; mtlo %0, $ac2\n"
                     "mthi %2, $ac3; mtlo %0, $ac3; wrdsp %3, 0x01\n.set pop" ::"r"(v),
                     "r"(~v), "r"(v ^ 0x5a5a5a5au), "r"(v & 0x3fu));
}

static int dsp_check(uint32_t v)
{
    uint32_t a, b, c, d, e, f, pos;
    __asm__ volatile(".set push; .set dspr2\n"
                     "mfhi %0, $ac1; mflo %1, $ac1; mfhi %2, $ac2; mflo %3, $ac2\n"
                     "mfhi %4, $ac3; mflo %5, $ac3; rddsp %6, 0x01\n.set pop"
                     : "=r"(a), "=r"(b), "=r"(c), "=r"(d), "=r"(e), "=r"(f), "=r"(pos));
    return a == v && b == ~v && c == ~v && d == v && e == (v ^ 0x5a5a5a5au) && f == v &&
           (pos & 0x3fu) == (v & 0x3fu);
}

int main(void)
{
    console_init(4);
    /* Own vectors (EBase written while BEV = 1), then BEV off, FPU (FR=1) and DSP on. */
    mtc0(15, 1, (uint32_t)rt_vectors);
    mtc0(12, 0, STATUS_CU1 | STATUS_FR | STATUS_MX);
    console_puts("guest " STR(NAME) ": start\n");

    for (uint32_t round = 1; round <= 20; round++) {
        uint32_t v = SEED ^ (round * 0x9e3779b9u);
        mtc0(31, 2, v);       /* KScratch1 */
        mtc0(31, 3, ~v);      /* KScratch2 */
        mtc0(4, 2, v + 1);    /* UserLocal */
        mtc0(14, 0, v & ~3u); /* EPC */
        fpu_fill(v);
        dsp_fill(v);
        __asm__ volatile("mthi %0; mtlo %1" ::"r"(v ^ 0x13579bdfu), "r"(v + 7));
        wait_ms(3);
        uint32_t hi, lo;
        __asm__ volatile("mfhi %0; mflo %1" : "=r"(hi), "=r"(lo));
        int ok = mfc0(31, 2) == v && mfc0(31, 3) == ~v && mfc0(4, 2) == v + 1 &&
                 mfc0(14, 0) == (v & ~3u);
        say(ok ? "cp0 ok " : "cp0 BAD ", round);
        say(fpu_check(v) ? "fpu ok " : "fpu BAD ", round);
        say(dsp_check(v) ? "dsp ok " : "dsp BAD ", round);
        say(hi == (v ^ 0x13579bdfu) && lo == v + 7 ? "hilo ok " : "hilo BAD ", round);
    }

    /* Faults: a load from nothing (guest physical 0x00400000 is not configured) is a bus
     * error at our own vector; so is a SYSCALL (ExcCode 8), without the hypervisor. */
    uint32_t before = rt_exc[0];
    (void)*(volatile uint32_t *)0xA0400000u;
    uint32_t dbe_code = (rt_exc[1] >> 2) & 31;
    int dbe = rt_exc[0] == before + 1 && dbe_code == 7;
    __asm__ volatile("syscall");
    uint32_t sys_code = (rt_exc[1] >> 2) & 31;
    int sys = rt_exc[0] == before + 2 && sys_code == 8;
    say(dbe ? "fault ok exccode " : "fault BAD exccode ", dbe_code);
    say(sys ? "fault ok exccode " : "fault BAD exccode ", sys_code);
    /* LL/SC: without a VM switch between them SC succeeds; with one (WAIT while another VM
     * runs) it must fail, since tinyVP clears the guest LL bit on every switch (issue 7). */
    static volatile uint32_t word;
    uint32_t sc_now = 0, sc_switched = 1, tmp;
    __asm__ volatile(".set push; .set noreorder\n ll %0, 0(%2)\n move %1, %0\n sc %1, 0(%2)\n"
                     ".set pop"
                     : "=&r"(tmp), "=&r"(sc_now)
                     : "r"(&word)
                     : "memory");
    __asm__ volatile("ll %0, 0(%1)" : "=r"(tmp) : "r"(&word) : "memory");
    wait_ms(2);
    sc_switched = tmp;
    __asm__ volatile("sc %0, 0(%1)" : "+r"(sc_switched) : "r"(&word) : "memory");
    say(sc_now == 1 ? "ll ok sc " : "ll BAD sc ", sc_now);
    say("ll after wait sc ", sc_switched);
    console_puts("guest " STR(NAME) ": done\n");
    for (;;)
        wait_ms(1000);
}
