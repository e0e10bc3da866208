/*
 * Watchdog (pic32mz-ef.md §2.9, §2.11, §10.2): DEVCFG1 here has FWDTEN = 0 (software
 * control), WINDIS = 1, WDTPS = 1: a time-out of 2 ms (1 ms * 2^WDTPS, 32 kHz LPRC / 32;
 * PIC32 FRM Section 9), i.e. 400 000 cycles at 200 MHz.  RUNDIV shows WDTPS.  A WDT serviced
 * with the 16-bit key 0x5743 at WDTCON + 2 keeps running well past its period; a 32-bit write
 * of the key does not clear it; once the program stops servicing it, the chip resets after
 * 2 ms (RNMICON.NMICNT = 0: no NMI delay) with RCON.WDTO set, RAM kept.  DMT is off.
 */
#include "sp.h"

/* DEVCFG1: FDMTEN = 0, FWDTEN = 0, WINDIS = 1, WDTSPGM = 1, WDTPS = 1, the rest erased. */
DEVCFG_WORDS(0xFFFFFFFFu, 0xFFF9B11Au, 0x7F61FFFFu, 0xFFFFF7FFu);

#define WDTCON SFR(WDT_PHYS + WDT_WDTCON)
#define PERIOD 400000u
#define KICK() (REG16(K1(WDT_PHYS) + WDT_CLRKEY_OFFSET) = WDT_CLRKEY)

int main(void)
{
    if (KEEP32(0) != SP_MAGIC) {
        CHECK_EQ(OSC(OSC_RCON) & RCON_WDTO, 0);
        OSC(OSC_RCON + SFR_CLR) = RCON_POR | RCON_BOR; /* RCON flags stay until cleared */
        CHECK_EQ(WDTCON & WDTCON_ON, 0);
        CHECK_EQ((WDTCON & WDTCON_RUNDIV) >> WDTCON_RUNDIV_SHIFT, 1);
        KEEP32(0) = SP_MAGIC;
        WDTCON = WDTCON_ON;
        CHECK_EQ(WDTCON & WDTCON_ON, WDTCON_ON);
        /* Serviced every 1/4 period for 3 periods: no reset. */
        for (unsigned i = 0; i < 12; i++) {
            spin(PERIOD / 4);
            KICK();
        }
        /* A 32-bit write of the key is not a clear (FRM Section 9). */
        spin(PERIOD / 2);
        WDTCON = (WDT_CLRKEY << 16) | WDTCON_ON;
        KEEP32(1) = simcycles() - PERIOD / 2; /* the last real clear */
        TESTDEV(TESTDEV_PASS) = __LINE__;
        for (;;)
            ; /* the watchdog resets the chip PERIOD after the last clear */
    }
    uint32_t elapsed = simcycles() - KEEP32(1);
    KEEP32(0) = 0;
    CHECK_EQ(OSC(OSC_RCON) & (RCON_WDTO | RCON_SWR | RCON_POR), RCON_WDTO);
    CHECK(elapsed >= PERIOD);
    CHECK(elapsed < PERIOD + 2000);  /* the reset comes at the time-out, not much later */
    CHECK_EQ(WDTCON & WDTCON_ON, 0); /* software-enabled WDT is off after the reset */
    return 0;
}
