/*
 * Interrupt-driven console guest: receives lines through the UART's RX interrupt
 * (URXISEL = 00: a character is waiting) and prints "NAME: got LINE" through its TX
 * interrupt, UTXISEL = TXISEL (0: room in the buffer, 2: buffer empty; pic32mz-ef.md §4.3),
 * from a queue its handler moves into the UART until UTXBF.  Control characters are shown
 * as ^X.  An ordinary PIC32MZ program (guests/rt/irq.h).
 */
#include "../rt/irq.h"
#include "../rt/pic32mz.h"

#define STR_(x) #x
#define STR(x)  STR_(x)
#define U4      UART_PHYS(4)
#define IRQ_RX  UART_IRQ_RX(UART4_IRQ_FAULT)
#define IRQ_TX  UART_IRQ_TX(UART4_IRQ_FAULT)

static char txq[256];
static volatile unsigned tx_head, tx_count;
static char line[64];
static unsigned line_len;

static void tx_handler(unsigned vec)
{
    while (tx_count && !(REG32(U4 + UxSTA) & UxSTA_UTXBF)) {
        REG32(U4 + UxTXREG) = (uint8_t)txq[tx_head];
        tx_head = (tx_head + 1) % sizeof(txq);
        tx_count--;
    }
    if (!tx_count)
        REG32(EVIC_PHYS + EVIC_IEC_OF(IRQ_TX) + SFR_CLR) = EVIC_IRQ_BIT(IRQ_TX);
    irq_clear(vec); /* persistent: after the condition is gone or masked (§3.5) */
}

static void put(char c)
{
    while (tx_count == sizeof(txq))
        __asm__ volatile("wait");
    irq_disable();
    txq[(tx_head + tx_count) % sizeof(txq)] = c;
    tx_count++;
    REG32(EVIC_PHYS + EVIC_IEC_OF(IRQ_TX) + SFR_SET) = EVIC_IRQ_BIT(IRQ_TX);
    irq_enable();
}

static void puts_irq(const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            put('\r');
        put(*s);
    }
}

static void rx_handler(unsigned vec)
{
    while (REG32(U4 + UxSTA) & UxSTA_URXDA) {
        char c = (char)REG32(U4 + UxRXREG);
        if (c == '\n') {
            line[line_len] = 0;
            puts_irq(STR(NAME) ": got ");
            puts_irq(line);
            puts_irq("\n");
            line_len = 0;
        } else if (line_len < sizeof(line) - 3) {
            if ((uint8_t)c < 0x20) {
                line[line_len++] = '^';
                c = (char)(c + '@');
            }
            line[line_len++] = c;
        }
    }
    irq_clear(vec);
}

int main(void)
{
    console_init(4);
    console_puts(STR(NAME) ": start\n");
    REG32(U4 + UxSTA + SFR_CLR) = UxSTA_UTXISEL | UxSTA_URXISEL;
    REG32(U4 + UxSTA + SFR_SET) = (uint32_t)TXISEL << UxSTA_UTXISEL_SHIFT;
    irq_setup(1);
    irq_connect(IRQ_RX, rx_handler, 3, 0);
    irq_connect(IRQ_TX, tx_handler, 2, 0);
    REG32(EVIC_PHYS + EVIC_IEC_OF(IRQ_TX) + SFR_CLR) = EVIC_IRQ_BIT(IRQ_TX);
    irq_enable();
    puts_irq(STR(NAME) ": ready\n");
    for (;;)
        __asm__ volatile("wait");
}
