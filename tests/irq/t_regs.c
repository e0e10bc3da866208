/*
 * EVIC register semantics (pic32mz-ef.md §3.1 register map, §3.2 fields, §2.1 CLR/SET/INV):
 * reset values, writable bits, the CLR/SET/INV aliases, OFFn without aliases, the vectors
 * reserved on every EF part, INTSTAT read-only, sub-word accesses, and holes in the block.
 */
#include "rt.h"

int main(void)
{
    /* Reset values: everything 0, single-vector mode (§3.2: MVEC resets to 0). */
    CHECK_EQ(EVIC(EVIC_INTCON), 0);
    CHECK_EQ(EVIC(EVIC_PRISS), 0);
    CHECK_EQ(EVIC(EVIC_INTSTAT), 0);
    CHECK_EQ(EVIC(EVIC_IPTMR), 0);
    uint32_t any = 0;
    for (unsigned k = 0; k < EVIC_FLAG_WORDS; k++)
        any |= EVIC(EVIC_IFS(k)) | EVIC(EVIC_IEC(k));
    for (unsigned k = 0; k < EVIC_IPC_WORDS; k++)
        any |= EVIC(EVIC_IPC(k));
    for (unsigned n = 0; n < EVIC_NUM_VECTORS; n++)
        any |= EVIC(EVIC_OFF(n));
    CHECK_EQ(any, 0);

    /* INTCON: INT0EP..INT4EP <4:0>, TPC <10:8>, MVEC <12>; the rest reads 0 (§3.2). */
    EVIC(EVIC_INTCON) = 0x00FFFFFF;
    CHECK_EQ(EVIC(EVIC_INTCON), 0x171F);
    EVIC(EVIC_INTCON + SFR_CLR) = INTCON_TPC;
    CHECK_EQ(EVIC(EVIC_INTCON), 0x101F);
    EVIC(EVIC_INTCON + SFR_INV) = INTCON_MVEC | INTCON_INT0EP;
    CHECK_EQ(EVIC(EVIC_INTCON), 0x001E);
    EVIC(EVIC_INTCON) = 0;

    /* PRISS: SS0 <0>, PRIxSS <4x+3:4x>; bits 3:1 unimplemented (§3.2). */
    EVIC(EVIC_PRISS) = 0xFFFFFFFF;
    CHECK_EQ(EVIC(EVIC_PRISS), 0xFFFFFFF1);
    EVIC(EVIC_PRISS + SFR_CLR) = 0x0F0F0F01;
    CHECK_EQ(EVIC(EVIC_PRISS), 0xF0F0F0F0);
    EVIC(EVIC_PRISS) = 0x76543210;
    CHECK_EQ(EVIC(EVIC_PRISS), 0x76543210);
    EVIC(EVIC_PRISS) = 0;

    /* IPTMR: a 32-bit value (§3.1), with the aliases. */
    EVIC(EVIC_IPTMR) = 0x12345678;
    EVIC(EVIC_IPTMR + SFR_SET) = 0x80000001;
    CHECK_EQ(EVIC(EVIC_IPTMR), 0x92345679);
    EVIC(EVIC_IPTMR + SFR_INV) = 0xFFFFFFFF;
    CHECK_EQ(EVIC(EVIC_IPTMR), 0x6DCBA986);
    EVIC(EVIC_IPTMR) = 0;

    /* INTSTAT is read-only (its fields are status, §3.2). */
    EVIC(EVIC_INTSTAT) = 0x7FF;
    EVIC(EVIC_INTSTAT + SFR_SET) = 0x7FF;
    CHECK_EQ(EVIC(EVIC_INTSTAT), 0);

    /* IFS/IEC with CLR/SET/INV (§2.1), on a word without reserved vectors (IFS1 = 32..63). */
    EVIC(EVIC_IFS(1)) = 0xA5A5A5A5;
    CHECK_EQ(EVIC(EVIC_IFS(1)), 0xA5A5A5A5);
    EVIC(EVIC_IFS(1) + SFR_CLR) = 0x0000FFFF;
    CHECK_EQ(EVIC(EVIC_IFS(1)), 0xA5A50000);
    EVIC(EVIC_IFS(1) + SFR_SET) = 0x000000FF;
    CHECK_EQ(EVIC(EVIC_IFS(1)), 0xA5A500FF);
    EVIC(EVIC_IFS(1) + SFR_INV) = 0xFFFFFFFF;
    CHECK_EQ(EVIC(EVIC_IFS(1)), 0x5A5AFF00);
    /* The alias addresses read as 0 (simulator decision, pic32mz-ef.md §2.1: treated as
     * write-only). */
    CHECK_EQ(EVIC(EVIC_IFS(1) + SFR_SET), 0);
    EVIC(EVIC_IFS(1)) = 0;
    EVIC(EVIC_IEC(4) + SFR_SET) = 0x80000001;
    CHECK_EQ(EVIC(EVIC_IEC(4)), 0x80000001);
    EVIC(EVIC_IEC(4)) = 0;

    /* Vectors reserved on every EF part (§3.6: 108, 191, 195, 197, 203, 204, 211, 212)
     * have no flag, enable or priority; bits above vector 213 do not exist. */
    EVIC(EVIC_IFS(3)) = 0xFFFFFFFF;
    CHECK_EQ(EVIC(EVIC_IFS(3)), 0xFFFFEFFF); /* 108 = IFS3<12> */
    EVIC(EVIC_IFS(3)) = 0;
    EVIC(EVIC_IEC(6)) = 0xFFFFFFFF;
    /* 192..213 minus 195, 197, 203, 204, 211, 212 */
    CHECK_EQ(EVIC(EVIC_IEC(6)),
             0x003FFFFF & ~(EVIC_IRQ_BIT(195) | EVIC_IRQ_BIT(197) | EVIC_IRQ_BIT(203) |
                            EVIC_IRQ_BIT(204) | EVIC_IRQ_BIT(211) | EVIC_IRQ_BIT(212)));
    EVIC(EVIC_IEC(6)) = 0;
    EVIC(EVIC_IPC(27)) = 0xFFFFFFFF; /* 108..111: 108 is reserved */
    CHECK_EQ(EVIC(EVIC_IPC(27)), 0x1F1F1F00);
    EVIC(EVIC_IPC(27)) = 0;

    /* IPCk: IP <4:2> and IS <1:0> per byte, bits 7:5 of each byte unimplemented (§3.2). */
    EVIC(EVIC_IPC(1)) = 0xFFFFFFFF;
    CHECK_EQ(EVIC(EVIC_IPC(1)), 0x1F1F1F1F);
    EVIC(EVIC_IPC(1) + SFR_CLR) = EVIC_IPC_MASK(5);
    CHECK_EQ(EVIC(EVIC_IPC(1)), 0x1F1F001F);
    EVIC(EVIC_IPC(1)) = 0;
    /* Byte and halfword accesses reach one lane (little-endian byte lanes). */
    REG8(EVIC_KSEG1 + EVIC_IPC(0) + 1) = 0xFF; /* IRQ 1's lane */
    CHECK_EQ(EVIC(EVIC_IPC(0)), 0x00001F00);
    CHECK_EQ(REG8(EVIC_KSEG1 + EVIC_IPC(0) + 1), 0x1F);
    EVIC(EVIC_IPC(0)) = 0;

    /* OFFn: VOFF <17:1>, bit 0 reads 0 (§3.2); one word per vector, no CLR/SET/INV (§3.1):
     * OFF000 + 4 is OFF001, not an alias of OFF000. */
    EVIC(EVIC_OFF(5)) = 0xFFFFFFFF;
    CHECK_EQ(EVIC(EVIC_OFF(5)), 0x0003FFFE);
    EVIC(EVIC_OFF(0)) = 0x200;
    EVIC(EVIC_OFF(1)) = 0x1234;
    EVIC(EVIC_OFF(2)) = 0x0F00;
    EVIC(EVIC_OFF(3)) = 0x0F00;
    CHECK_EQ(EVIC(EVIC_OFF(0)), 0x200);
    CHECK_EQ(EVIC(EVIC_OFF(1)), 0x1234);
    CHECK_EQ(EVIC(EVIC_OFF(213)), 0); /* untouched */
    EVIC(EVIC_OFF(213)) = 0x400;
    CHECK_EQ(EVIC(EVIC_OFF(213)), 0x400);
    EVIC(EVIC_OFF(108)) = 0x400; /* reserved vector: no OFF word */
    CHECK_EQ(EVIC(EVIC_OFF(108)), 0);
    REG16(EVIC_KSEG1 + EVIC_OFF(7) + 2) = 0xFFFF; /* upper half: VOFF<17:16> only */
    CHECK_EQ(EVIC(EVIC_OFF(7)), 0x00030000);

    /* Software can set any flag (§3.2 notes, [DS-115]); an IFS bit with IEC = 0 stays set. */
    evic_raise(IRQ_TIMER5);
    CHECK(evic_flag(IRQ_TIMER5));
    CHECK_EQ(EVIC(EVIC_IFS(0)), EVIC_IRQ_BIT(IRQ_TIMER5));
    evic_ack(IRQ_TIMER5);
    CHECK_EQ(EVIC(EVIC_IFS(0)), 0);

    /* Offsets that hold no register are bus errors: DBE on the load (simulator decision,
     * pic32mz-ef.md §1.5 recommendation). */
    expect_exception();
    (void)EVIC(EVIC_IFS(7)); /* the IFS7 slot: EF has IFS0..6 */
    CHECK_EQ(exception_code(), EXCCODE_DBE);
    expect_exception();
    (void)EVIC(0x4A0); /* after IPC53 */
    CHECK_EQ(exception_code(), EXCCODE_DBE);
    expect_exception();
    (void)EVIC(EVIC_OFF(213)); /* the last OFF word is there */
    CHECK_EQ(exception_code(), -1);
    return 0;
}
