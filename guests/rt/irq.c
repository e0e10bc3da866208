/* Interrupt set-up and dispatch for PIC32MZ programs (irq.h, isr.S). */
#include "irq.h"

#include "pic32mz.h"

#define ISR_SLOTS 8
#define EVIC(off) REG32(EVIC_PHYS + (off))

extern char _ebase[], isr_slots[];
static void (*slot_fn[ISR_SLOTS])(unsigned);
static unsigned slot_vec[ISR_SLOTS];
static unsigned used;
static void (*single_fn)(unsigned);

volatile uint32_t exc_count, exc_code, exc_badvaddr;

void irq_setup(int multi)
{
    /* EBase is written while BEV = 1 (pic32mz-ef.md §1.3); crt0 left BEV set. */
    mtc0(15, 1, (uint32_t)_ebase);
    mtc0(12, 1, 1u << INTCTL_VS_SHIFT);
    mtc0(13, 0, mfc0(13, 0) | CAUSE_IV);
    EVIC(EVIC_INTCON + (multi ? SFR_SET : SFR_CLR)) = INTCON_MVEC;
    mtc0(12, 0, mfc0(12, 0) & ~STATUS_BEV);
}

void irq_connect(unsigned vec, void (*fn)(unsigned), unsigned ip, unsigned is)
{
    unsigned s = used++;
    slot_fn[s] = fn;
    slot_vec[s] = vec;
    /* OFFn: offset of the slot's stub from EBase; each stub is 4 instructions. */
    EVIC(EVIC_OFF(vec)) = (uint32_t)(isr_slots + 16 * s - _ebase);
    EVIC(EVIC_IPC_OF(vec) + SFR_CLR) = EVIC_IPC_MASK(vec);
    EVIC(EVIC_IPC_OF(vec) + SFR_SET) = EVIC_IPC_VAL(vec, ip, is);
    EVIC(EVIC_IFS_OF(vec) + SFR_CLR) = EVIC_IRQ_BIT(vec);
    EVIC(EVIC_IEC_OF(vec) + SFR_SET) = EVIC_IRQ_BIT(vec);
}

void irq_single(void (*fn)(unsigned))
{
    single_fn = fn;
}

void irq_enable(void)
{
    __asm__ volatile("ei; ehb" ::: "memory");
}

void irq_disable(void)
{
    __asm__ volatile("di; ehb" ::: "memory");
}

void irq_clear(unsigned vec)
{
    EVIC(EVIC_IFS_OF(vec) + SFR_CLR) = EVIC_IRQ_BIT(vec);
}

void irq_set(unsigned vec)
{
    EVIC(EVIC_IFS_OF(vec) + SFR_SET) = EVIC_IRQ_BIT(vec);
}

int irq_flagged(unsigned vec)
{
    return (EVIC(EVIC_IFS_OF(vec)) >> (vec & 31)) & 1u;
}

void isr_dispatch(int slot);
void isr_dispatch(int slot)
{
    if (slot < 0) {
        /* Single-vector mode: INTSTAT names the request being serviced (§3.4). */
        unsigned vec = EVIC(EVIC_INTSTAT) & INTSTAT_SIRQ;
        for (unsigned s = 0; s < used; s++)
            if (slot_vec[s] == vec) {
                slot_fn[s](vec);
                return;
            }
        if (single_fn)
            single_fn(vec);
        return;
    }
    slot_fn[slot](slot_vec[slot]);
}

uint32_t exc_handler(uint32_t cause, uint32_t epc, uint32_t badvaddr);
uint32_t exc_handler(uint32_t cause, uint32_t epc, uint32_t badvaddr)
{
    exc_count++;
    exc_code = (cause & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT;
    exc_badvaddr = badvaddr;
    /* Tests never fault in a delay slot: the next instruction is EPC + 4. */
    return epc + 4;
}
