/*
 * Trap-and-emulate test guest (issue 8, "Trap-and-emulate"): under tinyVP every access below
 * traps.  It checks, printing "M: ok NAME" or "M: FAIL NAME got X want Y":
 *  - a page it owns only in part (Timer2's registers in the page of Timers 1..8): its own
 *    registers pass through at every width, the others are a bus error (pic32mz-ef.md §1.5);
 *  - every access width and the CLR/SET/INV addresses on emulated registers (the console
 *    UART's UxBRG, the EVIC's IPC0), with sign and zero extension (MD00086 LB/LH/LBU/LHU),
 *    SFR rules from pic32mz-ef.md §2.1 (aliases read 0, OFFn has none);
 *  - loads and stores to an emulated register in a branch delay slot, taken and not taken
 *    (the guest resumes where the branch sends it, mips-vz.md §4.7);
 *  - writes to a write-ignored register: dropped, the register keeps its value.
 */
#include "../rt/irq.h"
#include "../rt/pic32mz.h"
#include "soc/timer.h"

#define U4BRG  (UART_PHYS(4) + UxBRG)
#define R8(a)  (*(volatile uint8_t *)KSEG1(a))
#define S8(a)  (*(volatile int8_t *)KSEG1(a))
#define R16(a) (*(volatile uint16_t *)KSEG1(a))
#define S16(a) (*(volatile int16_t *)KSEG1(a))
#define R32(a) (*(volatile uint32_t *)KSEG1(a))

static unsigned failures;

static void hex(uint32_t v)
{
    for (int i = 28; i >= 0; i -= 4)
        console_putc("0123456789abcdef"[(v >> i) & 0xF]);
}

static void check(const char *name, uint32_t got, uint32_t want)
{
    if (got == want) {
        console_puts("M: ok ");
        console_puts(name);
    } else {
        failures++;
        console_puts("M: FAIL ");
        console_puts(name);
        console_puts(" got ");
        hex(got);
        console_puts(" want ");
        hex(want);
    }
    console_puts("\n");
}

/* A load that must be a bus error (DBE, ExcCode 7): the handler skips it. */
static void expect_dbe(const char *name, uint32_t pa, int write)
{
    uint32_t before = exc_count;
    if (write)
        R32(pa) = 0;
    else
        (void)R32(pa);
    check(name, exc_count - before == 1 && exc_code == EXCCODE_DBE, 1);
}

static void partial_page(void)
{
    uint32_t pr2 = TIMER_PHYS(2) + PRx;
    R32(pr2) = 0x1234;
    check("partial/own-word", R32(pr2), 0x1234);
    check("partial/own-half", R16(pr2), 0x1234);
    check("partial/own-byte", R8(pr2 + 1), 0x12);
    R8(pr2) = 0x56;
    check("partial/own-byte-store", R32(pr2), 0x1256);
    expect_dbe("partial/other-read-t1", TIMER_PHYS(1) + TxCON, 0);
    expect_dbe("partial/other-write-t3", TIMER_PHYS(3) + PRx, 1);
}

static void widths(void)
{
    R32(U4BRG) = 0xABCD;
    check("width/lw", R32(U4BRG), 0xABCD);
    check("width/lbu", R8(U4BRG), 0xCD);
    check("width/lbu+1", R8(U4BRG + 1), 0xAB);
    check("width/lb", (uint32_t)(int32_t)S8(U4BRG), 0xFFFFFFCDu);
    check("width/lhu", R16(U4BRG), 0xABCD);
    check("width/lh", (uint32_t)(int32_t)S16(U4BRG), 0xFFFFABCDu);
    R8(U4BRG + 1) = 0x12;
    check("width/sb+1", R32(U4BRG), 0x12CD);
    R16(U4BRG) = 0x5555;
    check("width/sh", R32(U4BRG), 0x5555);
    R32(U4BRG + SFR_SET) = 0x00F0;
    check("alias/set", R32(U4BRG), 0x55F5);
    R32(U4BRG + SFR_CLR) = 0x000F;
    check("alias/clr", R32(U4BRG), 0x55F0);
    R32(U4BRG + SFR_INV) = 0xFF00;
    check("alias/inv", R32(U4BRG), 0xAAF0);
    R8(U4BRG + SFR_CLR + 1) = 0x0A; /* a byte of the CLR address: bits 9 and 11 */
    check("alias/clr-byte", R32(U4BRG), 0xA0F0);
    check("alias/reads-0", R32(U4BRG + SFR_SET), 0);
    R32(U4BRG) = 0xFFFFFFFFu;
    check("width/unimplemented-bits", R32(U4BRG), 0xFFFF);
    /* EVIC: IPC0 holds vectors 0..3; this VM owns 0 (timer), 1 and 2 (sw0, sw1), not 3. */
    R32(EVIC_PHYS + EVIC_IPC(0)) = 0xFFFFFFFFu;
    check("evic/ipc-owned-fields", R32(EVIC_PHYS + EVIC_IPC(0)), 0x001F1F1F);
    R8(EVIC_PHYS + EVIC_IPC(0) + SFR_INV + 1) = 0x04;
    check("evic/ipc-inv-byte", R32(EVIC_PHYS + EVIC_IPC(0)), 0x001F1B1F);
    R16(EVIC_PHYS + EVIC_IPC(0) + SFR_CLR) = 0x1F1F;
    check("evic/ipc-clr-half", R32(EVIC_PHYS + EVIC_IPC(0)), 0x001F0000);
    R32(EVIC_PHYS + EVIC_OFF(1)) = 0x12345679u;
    check("evic/off-voff", R32(EVIC_PHYS + EVIC_OFF(1)), 0x00005678u);
    R16(EVIC_PHYS + EVIC_OFF(1) + 2) = 0x0001;
    check("evic/off-half", R32(EVIC_PHYS + EVIC_OFF(1)), 0x00015678u);
}

/* Emulated accesses in branch delay slots (MD00086: the slot runs before the branch goes). */
static void delay_slots(void)
{
    uint32_t taken, fell, loaded;
    R32(U4BRG) = 0;
    __asm__ volatile(".set push; .set noreorder\n"
                     "  li    %0, 0\n"
                     "  beq   $zero, $zero, 1f\n"
                     "  sw    %2, 0(%1)\n" /* the slot: store to UxBRG */
                     "  li    %0, 2\n"     /* skipped when the branch is taken */
                     "1: addiu %0, %0, 1\n"
                     ".set pop"
                     : "=&r"(taken)
                     : "r"(KSEG1(U4BRG)), "r"(0x77u)
                     : "memory");
    check("delay/taken-target", taken, 1);
    check("delay/taken-store", R32(U4BRG), 0x77);
    __asm__ volatile(".set push; .set noreorder\n"
                     "  li    %0, 0\n"
                     "  bne   $zero, $zero, 1f\n"
                     "  sw    %2, 0(%1)\n"
                     "  li    %0, 2\n" /* runs: the branch falls through */
                     "1: addiu %0, %0, 1\n"
                     ".set pop"
                     : "=&r"(fell)
                     : "r"(KSEG1(U4BRG)), "r"(0x99u)
                     : "memory");
    check("delay/not-taken-fallthrough", fell, 3);
    check("delay/not-taken-store", R32(U4BRG), 0x99);
    __asm__ volatile(".set push; .set noreorder\n"
                     "  la    $t9, 1f\n"
                     "  jr    $t9\n"
                     "  lw    %0, 0(%1)\n" /* load in a JR's slot */
                     "  li    %0, 0\n"
                     "1:\n"
                     ".set pop"
                     : "=&r"(loaded)
                     : "r"(KSEG1(U4BRG))
                     : "t9", "memory");
    check("delay/jr-load", loaded, 0x99);
}

static void write_ignore(void)
{
    /* OSCCON is write-ignored and printed ('I'); CFGCON's page silently ('i'). */
    uint32_t osc = R32(0x1F801200u), cfg = R32(0x1F800000u);
    R32(0x1F801200u) = osc ^ 0x00000F00u;
    check("ignore/printed-kept", R32(0x1F801200u), osc);
    R32(0x1F800000u) = cfg ^ 0x1u;
    check("ignore/silent-kept", R32(0x1F800000u), cfg);
}

/* An irqpolling VM sees its flags (issue 8): the emulated core timer flags vector 0 at the
 * Compare match, and WAIT ends when an enabled source with a priority is flagged even with
 * interrupts off (MD00086 WAIT; pic32mz-ef.md §3.3). */
static void polling(void)
{
    irq_clear(IRQ_CORE_TIMER);
    uint32_t at = core_count() + CORE_TIMER_HZ / 1000;
    mtc0(11, 0, at);
    check("poll/timer-flag-before", irq_flagged(IRQ_CORE_TIMER), 0);
    while ((int32_t)(core_count() - at) < 0)
        __asm__ volatile("wait");
    check("poll/timer-flag-at-match", irq_flagged(IRQ_CORE_TIMER), 1);
    irq_clear(IRQ_CORE_TIMER);
    check("poll/timer-flag-cleared", irq_flagged(IRQ_CORE_TIMER), 0);
    R32(EVIC_PHYS + EVIC_IPC_OF(IRQ_CORE_SW0) + SFR_SET) = EVIC_IPC_VAL(IRQ_CORE_SW0, 1, 0);
    R32(EVIC_PHYS + EVIC_IEC_OF(IRQ_CORE_SW0) + SFR_SET) = EVIC_IRQ_BIT(IRQ_CORE_SW0);
    mtc0(13, 0, mfc0(13, 0) | CAUSE_IP0);
    __asm__ volatile("wait"); /* no timer armed: only the flagged sw0 can end it */
    check("poll/wait-ends-on-sw0", irq_flagged(IRQ_CORE_SW0), 1);
    mtc0(13, 0, mfc0(13, 0) & ~CAUSE_IP0);
    irq_clear(IRQ_CORE_SW0);
    check("poll/sw0-cleared", irq_flagged(IRQ_CORE_SW0), 0);
}

int main(void)
{
    console_init(4);
    irq_setup(0); /* the vector page, for the bus errors */
    partial_page();
    widths();
    delay_slots();
    write_ignore();
    polling();
    console_puts(failures ? "M: done with failures\n" : "M: done\n");
    for (;;)
        __asm__ volatile("wait");
}
