/*
 * UART registers, FIFOs, loopback and timing (pic32mz-ef.md §4; PIC32 FRM Section 21):
 * - reset state: UxMODE = UxBRG = 0, UxSTA shows TRMT and RIDLE only (§4.3);
 * - UxMODE/UxSTA/UxBRG have CLR/SET/INV, UxTXREG/UxRXREG do not (§4.1, §2.1);
 * - loopback (LPBACK): what is sent comes back in order; RX FIFO depth 8 (§4.4), URXDA;
 * - TX: one character in the shift register plus 8 in the buffer, then UTXBF (§4.3, §4.4);
 * - a 9th unread character sets OERR and is lost, the 8 stay readable; clearing OERR through
 *   UxSTACLR empties the RX FIFO (§4.3, Harmony/Linux);
 * - a write to UxTXREG with UTXEN = 0 is ignored, clearing UTXEN empties the TX buffer;
 * - character time = bits x (16 or 4 with BRGH) x (UxBRG + 1) PBCLK2 periods, PBCLK2 = 100 MHz
 *   (§4.4): TRMT polling sees it for 8N1, 8E2 and 9N1, and at 115200 baud (Harmony's BRG = 216
 *   with BRGH = 1, §4.4 example) one character is 86.8 us;
 * - RIDLE is 0 while a character is on the (looped-back) line;
 * - UTXBRK sends a break: received as 0x00 with FERR, UTXBRK clears itself (FRM 21).
 */
#include "periph.h"
#include "soc/uart.h"

#define U(off) SFR(UART_PHYS(2) + (off))

static void uart_off(void)
{
    U(UxMODE) = 0;
    U(UxSTA) = 0;
}

/* ON, loopback, given mode bits and BRG; transmitter and receiver enabled. */
static void uart_on(uint32_t mode, uint32_t brg)
{
    uart_off();
    U(UxBRG) = brg;
    U(UxSTA) = UxSTA_UTXEN | UxSTA_URXEN;
    U(UxMODE) = UxMODE_ON | UxMODE_LPBACK | mode;
}

static uint32_t wait_trmt(void)
{
    return wait_bits(KSEG1(UART_PHYS(2) + UxSTA), UxSTA_TRMT, UxSTA_TRMT, 2000000);
}

/* Cycles from a UxTXREG write until TRMT reads 1. */
static uint32_t char_time(uint32_t c)
{
    uint32_t t0 = simcycles();
    U(UxTXREG) = c;
    uint32_t t1 = wait_trmt();
    (void)U(UxRXREG);
    return t1 - t0;
}

static void reset_and_aliases(void)
{
    CHECK_EQ(U(UxMODE), 0);
    CHECK_EQ(U(UxBRG), 0);
    CHECK_EQ(U(UxSTA), UxSTA_TRMT | UxSTA_RIDLE);
    U(UxBRG + SFR_SET) = 0x1234;
    U(UxBRG + SFR_CLR) = 0x0030;
    U(UxBRG + SFR_INV) = 0x1001;
    CHECK_EQ(U(UxBRG), 0x0205);
    U(UxBRG) = 0xFFFFFFFF;
    CHECK_EQ(U(UxBRG), 0xFFFF); /* 16-bit register */
    U(UxMODE + SFR_SET) = UxMODE_BRGH | UxMODE_PDSEL;
    CHECK_EQ(U(UxMODE), UxMODE_BRGH | UxMODE_PDSEL);
    U(UxMODE) = 0xFFFFFFFF;
    CHECK_EQ(U(UxMODE), UxMODE_WRITABLE); /* bits 10, 14 and 31:16 unimplemented (§4.2) */
    U(UxMODE) = 0;
    U(UxSTA + SFR_SET) = UxSTA_URXISEL | UxSTA_ADDR;
    CHECK_EQ(U(UxSTA), UxSTA_URXISEL | UxSTA_ADDR | UxSTA_TRMT | UxSTA_RIDLE);
    U(UxSTA + SFR_INV) = UxSTA_URXISEL;
    CHECK_EQ(U(UxSTA), UxSTA_ADDR | UxSTA_TRMT | UxSTA_RIDLE);
    /* Read-only status bits ignore writes; OERR cannot be set by software. */
    U(UxSTA) = UxSTA_URXDA | UxSTA_OERR | UxSTA_FERR | UxSTA_PERR | UxSTA_UTXBF;
    CHECK_EQ(U(UxSTA), UxSTA_TRMT | UxSTA_RIDLE);
    uart_off();
}

static void fifo_and_overrun(void)
{
    uart_on(UxMODE_BRGH, 9); /* 10 bits x 4 x 10 x 2 = 800 cycles a character */
    /* Nine writes in less than a character time: the first goes to the shift register. */
    for (uint32_t i = 0; i < 8; i++)
        U(UxTXREG) = 'a' + i;
    CHECK_EQ(U(UxSTA) & (UxSTA_UTXBF | UxSTA_TRMT), 0);
    U(UxTXREG) = 'i';
    CHECK_EQ(U(UxSTA) & UxSTA_UTXBF, UxSTA_UTXBF);
    U(UxTXREG) = 'X'; /* buffer full: lost */
    CHECK(wait_trmt() != 0xFFFFFFFFu);
    /* 9 characters arrived; the 9th found the RX FIFO full. */
    uint32_t sta = U(UxSTA);
    CHECK_EQ(sta & (UxSTA_URXDA | UxSTA_OERR | UxSTA_UTXBF), UxSTA_URXDA | UxSTA_OERR);
    for (uint32_t i = 0; i < 8; i++)
        CHECK_EQ(U(UxRXREG), 'a' + i);
    CHECK_EQ(U(UxSTA) & (UxSTA_URXDA | UxSTA_OERR), UxSTA_OERR);
    /* While OERR is set nothing is received. */
    (void)char_time('z');
    CHECK_EQ(U(UxSTA) & UxSTA_URXDA, 0);
    U(UxSTA + SFR_CLR) = UxSTA_OERR;
    CHECK_EQ(U(UxSTA) & (UxSTA_URXDA | UxSTA_OERR), 0);

    /* Exactly 8 fit. */
    for (uint32_t i = 0; i < 8; i++) {
        U(UxTXREG) = 0x30 + i;
        wait_trmt();
    }
    CHECK_EQ(U(UxSTA) & (UxSTA_URXDA | UxSTA_OERR), UxSTA_URXDA);
    for (uint32_t i = 0; i < 8; i++)
        CHECK_EQ(U(UxRXREG), 0x30 + i);

    /* Clearing OERR empties the FIFO. */
    for (uint32_t i = 0; i < 10; i++)
        U(UxTXREG) = i;
    wait_trmt();
    wait_trmt();
    /* Not all 10 fit in TX (9 do), so the RX side got 9: 8 stored + overrun. */
    CHECK_EQ(U(UxSTA) & UxSTA_OERR, UxSTA_OERR);
    CHECK_EQ(U(UxRXREG), 0);
    CHECK_EQ(U(UxRXREG), 1);
    U(UxSTA + SFR_CLR) = UxSTA_OERR;
    CHECK_EQ(U(UxSTA) & (UxSTA_URXDA | UxSTA_OERR), 0);
    /* The receiver works again. */
    (void)U(UxSTA);
    U(UxTXREG) = 0x5A;
    wait_trmt();
    CHECK_EQ(U(UxRXREG), 0x5A);

    /* UxTXREG has no CLR/SET/INV: a write there sends nothing. */
    U(UxTXREG + SFR_SET) = 0x41;
    CHECK_EQ(U(UxSTA) & UxSTA_TRMT, UxSTA_TRMT);

    /* UTXEN = 0: writes ignored; clearing it aborts and empties the buffer. */
    U(UxSTA + SFR_CLR) = UxSTA_UTXEN;
    U(UxTXREG) = 0x11;
    CHECK_EQ(U(UxSTA) & UxSTA_TRMT, UxSTA_TRMT);
    U(UxSTA + SFR_SET) = UxSTA_UTXEN;
    for (uint32_t i = 0; i < 5; i++)
        U(UxTXREG) = 0x40 + i;
    U(UxSTA + SFR_CLR) = UxSTA_UTXEN;
    CHECK_EQ(U(UxSTA) & (UxSTA_TRMT | UxSTA_UTXBF), UxSTA_TRMT);
    U(UxSTA + SFR_SET) = UxSTA_UTXEN;
    uint32_t t = simcycles();
    while (simcycles() - t < 10000)
        ;
    CHECK_EQ(U(UxSTA) & UxSTA_URXDA, 0); /* nothing came back */
    uart_off();
    CHECK_EQ(U(UxSTA), UxSTA_TRMT | UxSTA_RIDLE);
}

static void timing(void)
{
    /* 8N1, BRGH = 0, BRG = 3: 10 x 16 x 4 PBCLK2 = 1280 cycles. */
    uart_on(0, 3);
    CHECK_RANGE(char_time(0x55), 1280, 1280 + 40);
    /* RIDLE is 0 while the character is on the wire. */
    U(UxTXREG) = 0x66;
    CHECK_EQ(U(UxSTA) & (UxSTA_RIDLE | UxSTA_TRMT), 0);
    wait_trmt();
    CHECK_EQ(U(UxSTA) & UxSTA_RIDLE, UxSTA_RIDLE);
    CHECK_EQ(U(UxRXREG), 0x66);
    /* Two characters back to back: twice the time. */
    uint32_t t0 = simcycles();
    U(UxTXREG) = 1;
    U(UxTXREG) = 2;
    CHECK_RANGE(wait_trmt() - t0, 2560, 2560 + 40);
    (void)U(UxRXREG);
    (void)U(UxRXREG);
    /* 8E2 (PDSEL = 01, STSEL = 1): 1 + 8 + 1 + 2 = 12 bits; BRGH = 1, BRG = 10:
     * 12 x 4 x 11 x 2 = 1056 cycles. */
    uart_on(UxMODE_BRGH | (1u << UxMODE_PDSEL_SHIFT) | UxMODE_STSEL, 10);
    CHECK_RANGE(char_time(0x5A), 1056, 1056 + 40);
    /* 9N1: 11 bits, 9-bit data comes back whole. */
    uart_on(UxMODE_BRGH | (3u << UxMODE_PDSEL_SHIFT), 10);
    uint32_t t1 = simcycles();
    U(UxTXREG) = 0x1A5;
    CHECK_RANGE(wait_trmt() - t1, 968, 968 + 40);
    CHECK_EQ(U(UxRXREG), 0x1A5);
    /* 115200 baud as Harmony sets it up (100 MHz, BRGH = 1, BRG = 216): 86.8 us. */
    uart_on(UxMODE_BRGH, 216);
    CHECK_RANGE(char_time('H'), 17360, 17360 + 40);
    uart_off();
}

static void brk(void)
{
    uart_on(UxMODE_BRGH, 3);
    U(UxSTA + SFR_SET) = UxSTA_UTXBRK;
    uint32_t t0 = simcycles();
    U(UxTXREG) = 0xFF; /* triggers the break; not itself sent */
    uint32_t t1 = wait_trmt();
    /* start + 12 zero bits + stop = 14 bits x 4 x 4 x 2 = 448 cycles */
    CHECK_RANGE(t1 - t0, 448, 448 + 40);
    CHECK_EQ(U(UxSTA) & UxSTA_UTXBRK, 0);
    CHECK_EQ(U(UxSTA) & (UxSTA_URXDA | UxSTA_FERR), UxSTA_URXDA | UxSTA_FERR);
    CHECK_EQ(U(UxRXREG), 0);
    CHECK_EQ(U(UxSTA) & (UxSTA_URXDA | UxSTA_FERR), 0); /* FERR belongs to that character */
    uart_off();
}

int main(void)
{
    reset_and_aliases();
    fifo_and_overrun();
    timing();
    brk();
    return 0;
}
