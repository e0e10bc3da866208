/*
 * --warn-unmodelled (issue 4): an SFR address no model handles is a bus error (DBE) and is
 * reported once per address; run.sh runs this program with the option and counts the reports
 * (two different addresses, the first accessed twice: two lines).  0xBF800010 lies between
 * CFGCON and DEVID, 0xBF8FF000 in the system bus block below the test device (§1.4).
 */
#include "sp.h"

int main(void)
{
    for (unsigned i = 0; i < 2; i++) {
        expect_exception();
        (void)SFR(CFG_PHYS + 0x10);
        CHECK_EQ(exception_code(), EXCCODE_DBE);
    }
    expect_exception();
    SFR(0x1F8FF000u) = 1;
    CHECK_EQ(exception_code(), EXCCODE_DBE);
    return 0;
}
