/* PIC32MZ-EF UART registers (pic32mz-ef.md §4). Offsets from a UART's base. */
#ifndef SOC_UART_H
#define SOC_UART_H

#include "bits.h"

#define UART_PHYS(n)    (SOC_U(0x1F822000) + SOC_U(0x200) * ((n)-1)) /* n = 1..6 */
#define UART_BLOCK_SIZE SOC_U(0x200)
#define UART_COUNT      6

#define UxMODE  0x00
#define UxSTA   0x10
#define UxTXREG 0x20 /* no CLR/SET/INV */
#define UxRXREG 0x30 /* no CLR/SET/INV */
#define UxBRG   0x40

/* IRQ numbers: fault, RX, TX (pic32mz-ef.md §4.1 table). */
#define UART1_IRQ_FAULT 112
#define UART2_IRQ_FAULT 145
#define UART3_IRQ_FAULT 157
#define UART4_IRQ_FAULT 170
#define UART5_IRQ_FAULT 179
#define UART6_IRQ_FAULT 188
/* The RX and TX requests follow the fault request of the same UART. */
#define UART_IRQ_RX(fault) ((fault) + 1)
#define UART_IRQ_TX(fault) ((fault) + 2)

/* UxMODE (§4.2) */
#define UxMODE_STSEL       SOC_BIT(0)
#define UxMODE_PDSEL_SHIFT 1
#define UxMODE_PDSEL       SOC_FIELD(2, 1)
#define UxMODE_BRGH        SOC_BIT(3)
#define UxMODE_RXINV       SOC_BIT(4)
#define UxMODE_ABAUD       SOC_BIT(5)
#define UxMODE_LPBACK      SOC_BIT(6)
#define UxMODE_WAKE        SOC_BIT(7)
#define UxMODE_UEN_SHIFT   8
#define UxMODE_UEN         SOC_FIELD(9, 8)
#define UxMODE_RTSMD       SOC_BIT(11)
#define UxMODE_IREN        SOC_BIT(12)
#define UxMODE_SIDL        SOC_BIT(13)
#define UxMODE_ON          SOC_BIT(15)
#define UxMODE_WRITABLE    SOC_U(0xBBFF)

/* UxSTA (§4.3) */
#define UxSTA_URXDA         SOC_BIT(0)
#define UxSTA_OERR          SOC_BIT(1)
#define UxSTA_FERR          SOC_BIT(2)
#define UxSTA_PERR          SOC_BIT(3)
#define UxSTA_RIDLE         SOC_BIT(4)
#define UxSTA_ADDEN         SOC_BIT(5)
#define UxSTA_URXISEL_SHIFT 6
#define UxSTA_URXISEL       SOC_FIELD(7, 6)
#define UxSTA_TRMT          SOC_BIT(8)
#define UxSTA_UTXBF         SOC_BIT(9)
#define UxSTA_UTXEN         SOC_BIT(10)
#define UxSTA_UTXBRK        SOC_BIT(11)
#define UxSTA_URXEN         SOC_BIT(12)
#define UxSTA_UTXINV        SOC_BIT(13)
#define UxSTA_UTXISEL_SHIFT 14
#define UxSTA_UTXISEL       SOC_FIELD(15, 14)
#define UxSTA_ADDR_SHIFT    16
#define UxSTA_ADDR          SOC_FIELD(23, 16)
#define UxSTA_ADM_EN        SOC_BIT(24)
/* Bits software may write directly; OERR may only be cleared. */
#define UxSTA_WRITABLE SOC_U(0x01FFFCE0)
/* URXISEL (§4.3) */
#define URXISEL_NOT_EMPTY 0
#define URXISEL_HALF      1 /* 4 or more of 8 */
#define URXISEL_3_4       2 /* 6 or more of 8 */
/* UTXISEL (§4.3) */
#define UTXISEL_SPACE    0 /* at least one free slot */
#define UTXISEL_ALL_SENT 1 /* shift register and buffer empty (TRMT) */
#define UTXISEL_EMPTY    2 /* buffer empty */

/* UxTXREG / UxRXREG data <8:0> */
#define UxDATA SOC_FIELD(8, 0)

#endif
