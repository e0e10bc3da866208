/*
 * Memory layout shared by the differential-test generator (host), the Linux harness run under
 * qemu-mipsel and the bare-metal harness run in pic32mz-sim.  Both target programs use the
 * same virtual addresses, so PC-derived values (link registers, the PC of a trapping
 * instruction) are equal on both sides:
 *   - Linux: an ordinary static user program mapped at these addresses;
 *   - bare metal: the core stays at Status.ERL=1 after reset, where kuseg is an unmapped window
 *     onto physical memory (MIPS32 PRA MD00090 §4.3.1), and these addresses are RAM.
 * Everything below 0x8000 is reachable as offset($0), which lets the epilogue save all 31
 * GPRs without a scratch register.  Usable from C and assembly.
 */
#ifndef DIFF_LAYOUT_H
#define DIFF_LAYOUT_H

#include "soc/cp0_fields.h"

#define DIFF_SAVE      0x1000 /* word n = GPR n (n = 1..31), then HI (+128), LO (+132) */
#define DIFF_SAVE_HI   128
#define DIFF_SAVE_LO   132
#define DIFF_LOG       0x1100 /* word 0: exceptions taken; then (code, pc) pairs */
#define DIFF_LOG_END   0x2000
#define DIFF_LOG_MAX   ((DIFF_LOG_END - DIFF_LOG - 4) / 8)
#define DIFF_DATA      0x2000 /* the area random loads and stores touch */
#define DIFF_DATA_SIZE 0x400
#define DIFF_TEXT      0x10000 /* the generated sequence starts here on both sides */
#define DIFF_TEXT_END  0x38000
#define DIFF_STACK_TOP 0x40000 /* report code stack; the Linux signal stack lies below it */

/* Exception codes as the logs record them: Cause.ExcCode (MD00090 §9.30 table) on bare metal;
 * the Linux harness maps the signal back to the code of the exception that caused it. */
#define DIFF_EXC_OV     EXCCODE_OV
#define DIFF_EXC_TR     EXCCODE_TR
#define DIFF_EXC_BD     0x100 /* the exception was in a delay slot (Cause.BD) */
#define DIFF_EXC_SIGNAL 0x200 /* Linux: an unexpected signal, + signal number */

#endif
