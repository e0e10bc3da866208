/*
 * Peripheral Pin Select registers on the Wi-FIRE's EFG100 (pic32mz-ef.md §5.4, §4.5):
 * - input and output select registers hold a 4-bit code (<3:0>), reset 0;
 * - the Wi-FIRE console routing (U4RXR = 0b1011 for RF2, RPF8R = 0b0010 for U4TX, §4.5) and
 *   the UART1 header routing (U1RXR = 11, RPD15R = 1) are recorded;
 * - addresses with no register are bus errors: the hole at 0xBF801414 (no T1CKR), C1RXR on a
 *   part without CAN, RPD6R (RPD6/RPD7 exist only on the 144-pin part), RPA0R (not
 *   remappable).
 * - with CFGCON.IOLOCK = 1 (set after the SYSKEY unlock, §2.2, §2.3) writes are ignored
 *   (§5.4, [TV-h]); the CFGCON model tells the PPS model (pps_set_locked).
 */
#include "periph.h"
#include "soc/gpio.h"
#include "soc/pps.h"
#include "soc/syscfg.h"

#define PPS(off) REG32(PPS_KSEG1 + (off))

int main(void)
{
    CHECK_EQ(PPS(PPS_URXR(4)), 0);
    CHECK_EQ(PPS(PPS_RPR(GPIO_PORT_F, 8)), 0);
    PPS(PPS_URXR(4)) = PPS_IN_RPF2;
    PPS(PPS_RPR(GPIO_PORT_F, 8)) = PPS_OUT_U4TX;
    PPS(PPS_URXR(1)) = 11;
    PPS(PPS_RPR(GPIO_PORT_D, 15)) = PPS_OUT_U1TX;
    CHECK_EQ(PPS(PPS_URXR(4)), 0xB);
    CHECK_EQ(PPS(PPS_RPR(GPIO_PORT_F, 8)), 2);
    CHECK_EQ(PPS(PPS_URXR(1)), 11);
    CHECK_EQ(PPS(PPS_RPR(GPIO_PORT_D, 15)), 1);
    CHECK_EQ(REG32(0xBF801480), 0xB); /* U4RXR, XC32 address */
    CHECK_EQ(REG32(0xBF801660), 2);   /* RPF8R */
    CHECK_EQ(REG32(0xBF8015FC), 1);   /* RPD15R */
    /* Only <3:0> is implemented. */
    PPS(PPS_INT1R) = 0xFFFFFFFF;
    CHECK_EQ(PPS(PPS_INT1R), 0xF);
    PPS(PPS_REFCLKI4R) = 0x25;
    CHECK_EQ(PPS(PPS_REFCLKI4R), 5);
    PPS(PPS_SSR(6)) = 3;
    CHECK_EQ(PPS(PPS_SSR(6)), 3);
    CHECK_EQ(PPS(PPS_SDIR(6)), 0);
    /* No CLR/SET/INV: +4 is the next register (INT2R), not INT1RCLR. */
    PPS(PPS_INT1R + 4) = 0x7;
    CHECK_EQ(PPS(PPS_INT1R), 0xF);
    CHECK_EQ(PPS(PPS_INT2R), 0x7);

    static const uint32_t holes[] = {
        0x014,                   /* between INT4R and T2CKR */
        PPS_C1RXR,               /* no CAN on the EFG100 */
        PPS_RPR(GPIO_PORT_D, 6), /* 144-pin only */
        PPS_RPR(GPIO_PORT_A, 0), /* not remappable */
        PPS_RPR(GPIO_PORT_B, 4),
    };
    for (unsigned i = 0; i < sizeof(holes) / sizeof(holes[0]); i++) {
        expect_exception();
        (void)probe_read(PPS_KSEG1 + holes[i]);
        CHECK_EQ(exception_code(), EXCCODE_DBE);
        expect_exception();
        probe_write(PPS_KSEG1 + holes[i], 1);
        CHECK_EQ(exception_code(), EXCCODE_DBE);
    }

    /* IOLOCK: unlock, set it, lock again; PPS writes are then ignored. */
    REG32(KSEG1(SYSKEY_PHYS)) = 0;
    REG32(KSEG1(SYSKEY_PHYS)) = SYSKEY_UNLOCK1;
    REG32(KSEG1(SYSKEY_PHYS)) = SYSKEY_UNLOCK2;
    REG32(CFG_KSEG1 + CFG_CFGCON) |= CFGCON_IOLOCK;
    REG32(KSEG1(SYSKEY_PHYS)) = 0x33333333;
    CHECK_EQ(REG32(CFG_KSEG1 + CFG_CFGCON) & CFGCON_IOLOCK, CFGCON_IOLOCK);
    PPS(PPS_URXR(4)) = 3;
    PPS(PPS_RPR(GPIO_PORT_F, 8)) = 0;
    CHECK_EQ(PPS(PPS_URXR(4)), 0xB);
    CHECK_EQ(PPS(PPS_RPR(GPIO_PORT_F, 8)), 2);
    return 0;
}
