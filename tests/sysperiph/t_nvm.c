/*
 * Flash controller (pic32mz-ef.md §9; PIC32 FRM Section 52): after NVMKEY 0xAA996655,
 * 0x556699AA, setting NVMCON.WR (WREN = 1) programs the word in NVMDATA0 at NVMADDR (physical);
 * WR stays 1 while the operation runs and clears by itself; programming only clears bits;
 * without the key sequence WR does nothing; an address outside flash sets WRERR; page erase
 * returns a page to all ones.  A CPU store to flash is a bus error (§1.5).
 */
#include "sp.h"
#include "soc/nvm.h"

#define NVM(off) SFR(NVM_PHYS + (off))
#define TARGET   0x1D010000u /* program flash, an erased page */

static void nvm_op(unsigned op, int keyed)
{
    NVM(NVM_NVMCON) = NVMCON_WREN | op;
    if (keyed) {
        NVM(NVM_NVMKEY) = NVM_KEY1;
        NVM(NVM_NVMKEY) = NVM_KEY2;
    }
    NVM(NVM_NVMCON + SFR_SET) = NVMCON_WR;
}

static void wait_done(void)
{
    unsigned n = 0;
    while ((NVM(NVM_NVMCON) & NVMCON_WR) && n < 1000000)
        n++;
    CHECK(n < 1000000);
}

int main(void)
{
    volatile uint32_t *flash = (volatile uint32_t *)K1(TARGET);
    CHECK_EQ(flash[0], 0xFFFFFFFFu);
    expect_exception();
    flash[0] = 0;
    CHECK_EQ(exception_code(), EXCCODE_DBE);

    NVM(NVM_NVMADDR) = TARGET;
    NVM(NVM_NVMDATA(0)) = 0x12345678u;
    nvm_op(NVMOP_WORD_PGM, 0); /* no key: nothing happens */
    CHECK_EQ(NVM(NVM_NVMCON) & NVMCON_WR, 0);
    CHECK_EQ(flash[0], 0xFFFFFFFFu);

    nvm_op(NVMOP_WORD_PGM, 1);
    CHECK_EQ(NVM(NVM_NVMCON) & NVMCON_WR, NVMCON_WR); /* still busy right after */
    wait_done();
    CHECK_EQ(NVM(NVM_NVMCON) & NVMCON_WRERR, 0);
    CHECK_EQ(flash[0], 0x12345678u);
    NVM(NVM_NVMDATA(0)) = 0xFFFF00FFu; /* programming can only clear bits */
    nvm_op(NVMOP_WORD_PGM, 1);
    wait_done();
    CHECK_EQ(flash[0], 0x12340078u);

    NVM(NVM_NVMADDR) = 0x00001000u; /* RAM: not flash */
    nvm_op(NVMOP_WORD_PGM, 1);
    wait_done();
    CHECK_EQ(NVM(NVM_NVMCON) & NVMCON_WRERR, NVMCON_WRERR);

    NVM(NVM_NVMADDR) = TARGET;
    nvm_op(NVMOP_PAGE_ERASE, 1);
    wait_done();
    CHECK_EQ(NVM(NVM_NVMCON) & NVMCON_WRERR, 0);
    CHECK_EQ(flash[0], 0xFFFFFFFFu);
    return 0;
}
