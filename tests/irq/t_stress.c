/*
 * A bare-metal program that lives on core-timer interrupts in EIC mode with shadow sets
 * (issue 3): TICKS interrupts, none lost.
 *
 * - The core timer (EVIC vector 0, priority 7, PRI7SS = 7) enters stress_timer_isr at
 *   EBase + OFF000 in shadow set 7; it advances Compare by PERIOD from its previous value
 *   (anchored, so a lost or late interrupt cannot hide: the next Compare would already be in
 *   the past and the timer would not fire again for 2^32 counts), acknowledges IFS0.CTIF,
 *   and every 16th tick raises the core software interrupt 1 (Cause.IP1).
 * - CS1 (vector 2, priority 2, PRI2SS = 2) enters stress_cs1_isr in shadow set 2; it clears
 *   Cause.IP1, then IFS0.CS1IF (persistent source, pic32mz-ef.md §3.5).
 * - Neither handler saves a register: both overwrite all of $1..$25 of their own set.  The
 *   interrupted code in set 0 (stress_loop) keeps 27 registers busy and checks them at the
 *   end, so any interrupt that ran in the wrong set shows (mips-vz.md §4.2 step 4, §4.5;
 *   pic32mz-ef.md §3.2 PRISS).  It alternates busy loops and WAIT (mips-vz.md §2.3).
 * Lost-none check: with interrupts off at the end, the ticks counted must be exactly the
 * Compare periods that elapsed: first + (ticks-1)*PERIOD <= Count < first + ticks*PERIOD.
 */
#include "rt.h"

#define PERIOD 400 /* Count ticks = 800 cycles between interrupts */
#define TICKS  4000

volatile uint32_t ticks, overruns, cs1_count, timer_srsctl, cs1_srsctl;
uint32_t stress_loop(void);
extern char stress_timer_isr[], stress_cs1_isr[];

#define STR_(x) #x
#define STR(x)  STR_(x)

/* $1..$25 of the handler's set get junk: the interrupted set must not see it. */
#define CLOBBER                                                                                    \
    ".irp r, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25\n\t"                \
    "li $\\r, 0xDEAD0000 + \\r\n\t"                                                                \
    ".endr\n\t"

__asm__(
    ".text\n\t"
    ".set push\n\t.set noreorder\n\t.set noat\n"
    "stress_timer_isr:\n\t"
    "mfc0  $8, $11, 0\n\t" /* Compare */
    "addiu $8, $8, " STR(
        PERIOD) "\n\t"
                "mtc0  $8, $11, 0\n\t" /* writing Compare clears Cause.TI */
                "ehb\n\t"
                "mfc0  $9, $9, 0\n\t" /* Count */
                "subu  $10, $8, $9\n\t"
                "bgtz  $10, 1f\n\t"
                "lui   $11, %hi(overruns)\n\t"
                "lw    $12, %lo(overruns)($11)\n\t"
                "addiu $12, $12, 1\n\t"
                "sw    $12, %lo(overruns)($11)\n"
                "1:\n\t"
                "lui   $11, %hi(ticks)\n\t"
                "lw    $12, %lo(ticks)($11)\n\t"
                "addiu $12, $12, 1\n\t"
                "sw    $12, %lo(ticks)($11)\n\t"
                "mfc0  $13, $12, 2\n\t"
                "lui   $11, %hi(timer_srsctl)\n\t"
                "sw    $13, %lo(timer_srsctl)($11)\n\t"
                "li    $13, " STR(
                    EVIC_KSEG1 + EVIC_IFS(0) +
                    SFR_CLR) "\n\t"
                             "li    $14, 1\n\t"
                             "sw    $14, 0($13)\n\t" /* IFS0CLR = CTIF */
                             "andi  $12, $12, 15\n\t"
                             "bnez  $12, 2f\n\t"
                             "nop\n\t"
                             "mfc0  $15, $13, 0\n\t"
                             "ori   $15, $15, 0x200\n\t" /* Cause.IP1: raise CS1 */
                             "mtc0  $15, $13, 0\n"
                             "2:\n\t" CLOBBER "ehb\n\t"
                             "eret\n"

                             "stress_cs1_isr:\n\t"
                             "mfc0  $8, $13, 0\n\t"
                             "ins   $8, $0, 9, 1\n\t"
                             "mtc0  $8, $13, 0\n\t" /* Cause.IP1 = 0 first, */
                             "ehb\n\t"
                             "li    $10, " STR(
                                 EVIC_KSEG1 + EVIC_IFS(0) +
                                 SFR_CLR) "\n\t"
                                          "li    $11, 4\n\t"
                                          "sw    $11, 0($10)\n\t" /* then IFS0CLR = CS1IF */
                                          "lui   $11, %hi(cs1_count)\n\t"
                                          "lw    $12, %lo(cs1_count)($11)\n\t"
                                          "addiu $12, $12, 1\n\t"
                                          "sw    $12, %lo(cs1_count)($11)\n\t"
                                          "mfc0  $13, $12, 2\n\t"
                                          "sw    $13, %lo(cs1_srsctl)($11)\n\t" CLOBBER "eret\n"

                                          /* stress_loop: returns 0, or the number of a register
                                             that changed under it. */
                                          ".globl stress_loop\n"
                                          "stress_loop:\n\t"
                                          "addiu $sp, $sp, -48\n\t"
                                          ".irp r, 16,17,18,19,20,21,22,23,28,30,31\n\t"
                                          "sw    $\\r, 4 * (\\r - 16)($sp)\n\t"
                                          ".endr\n\t"
                                          ".irp r, "
                                          "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,"
                                          "22,23,24,25,28,30\n\t"
                                          "li    $\\r, (\\r << 24) | (\\r << 8)\n\t"
                                          ".endr\n"
                                          "3:\n\t"
                                          "li    $31, 50\n"
                                          "4:\n\t"
                                          ".irp r, "
                                          "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,"
                                          "22,23,24,25,28,30\n\t"
                                          "addiu $\\r, $\\r, 1\n\t"
                                          ".endr\n\t"
                                          "addiu $31, $31, -1\n\t"
                                          "bnez  $31, 4b\n\t"
                                          "nop\n\t"
                                          "wait\n\t"
                                          "lui   $26, %hi(ticks)\n\t"
                                          "lw    $26, %lo(ticks)($26)\n\t"
                                          "sltiu $26, $26, " STR(
                                              TICKS) "\n\t"
                                                     "bnez  $26, 3b\n\t"
                                                     "nop\n\t"
                                                     "li    $26, (1 << 24) | (1 << 8)\n\t"
                                                     "subu  $27, $1, $26\n\t" /* increments seen by
                                                                                 $1 */
                                                     ".irp r, "
                                                     "2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,"
                                                     "19,20,21,22,23,24,25,28,30\n\t"
                                                     "li    $26, (\\r << 24) | (\\r << 8)\n\t"
                                                     "subu  $26, $\\r, $26\n\t"
                                                     "bne   $26, $27, 5f\n\t"
                                                     "li    $26, \\r\n\t"
                                                     ".endr\n\t"
                                                     "move  $26, $0\n"
                                                     "5:\n\t"
                                                     "move  $2, $26\n\t"
                                                     ".irp r, 16,17,18,19,20,21,22,23,28,30,31\n\t"
                                                     "lw    $\\r, 4 * (\\r - 16)($sp)\n\t"
                                                     ".endr\n\t"
                                                     "jr    $31\n\t"
                                                     "addiu $sp, $sp, 48\n\t"
                                                     ".set pop\n");

int main(void)
{
    EVIC(EVIC_INTCON) = INTCON_MVEC;
    EVIC(EVIC_PRISS) = (7u << PRISS_PRISS_SHIFT(7)) | (2u << PRISS_PRISS_SHIFT(2));
    evic_prio(IRQ_CORE_TIMER, 7, 0);
    evic_prio(IRQ_CORE_SW1, 2, 0);
    EVIC(EVIC_OFF(IRQ_CORE_TIMER)) = (uint32_t)(uintptr_t)stress_timer_isr - RT_EBASE;
    EVIC(EVIC_OFF(IRQ_CORE_SW1)) = (uint32_t)(uintptr_t)stress_cs1_isr - RT_EBASE;
    evic_enable(IRQ_CORE_TIMER);
    evic_enable(IRQ_CORE_SW1);

    uint32_t first = COUNT() + PERIOD;
    SET_COMPARE(first);
    irq_enable();
    uint32_t bad = stress_loop();
    irq_disable();
    uint32_t now = COUNT();
    uint32_t n = ticks;

    CHECK_EQ(bad, 0);
    CHECK(n >= TICKS);
    CHECK_EQ(overruns, 0);
    CHECK(now - first >= (n - 1) * PERIOD); /* every elapsed period was counted once */
    CHECK(now - first < n * PERIOD);
    CHECK_EQ(cs1_count, n / 16);
    CHECK_EQ((timer_srsctl & SRSCTL_CSS) >> SRSCTL_CSS_SHIFT, 7);
    CHECK_EQ((timer_srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT, 0);
    CHECK_EQ((cs1_srsctl & SRSCTL_CSS) >> SRSCTL_CSS_SHIFT, 2);
    CHECK_EQ((SRSCTL() & SRSCTL_CSS) >> SRSCTL_CSS_SHIFT, 0);
    CHECK_EQ(CAUSE() & CAUSE_IP1, 0);
    return 0;
}
