/*
 * The M5150 floating-point unit (CP1): state and the entry points the decoder calls.
 *
 * Architecture: MIPS32 Instruction Set (MD00086) ch. 3 and the FPU pages; MIPS32 Architecture
 * Vol. I-A (MD00082) ch. 5-6 (FPU registers, FCSR, exceptions).  Decisions for the M5150 in a
 * PIC32MZ-EF (sources in the comments of fpu_regs.c):
 * - FIR = F64 | L | W | D | S | Has2008, ProcessorID/Revision from PRId; no paired single
 *   (PS), no 3D, no UFR/FRE.
 * - FCSR.NAN2008 = FCSR.ABS2008 = 1, read-only: the cross compiler's -march=m5100 code is
 *   NaN-2008 (`.nan 2008`, EF_MIPS_NAN2008) and QEMU's MIPS32r5 model (P5600) hard-wires both.
 * - Denormal operands and results are handled in hardware (no Unimplemented Operation); FS=1
 *   flushes denormal operands and tiny results (fpu_arith.c).
 * Include only from sim/cpu; the register file lives in struct cpu (cpu_internal.h).
 */
#ifndef SIM_CPU_FPU_H
#define SIM_CPU_FPU_H

#include <stdint.h>

struct cpu;

/* FIR (CP1 control register 0, MD00082 "FIR Register"); bit numbers as in Linux mipsregs.h. */
#define FIR_S       (1u << 16)
#define FIR_D       (1u << 17)
#define FIR_PS      (1u << 18)
#define FIR_3D      (1u << 19)
#define FIR_W       (1u << 20)
#define FIR_L       (1u << 21)
#define FIR_F64     (1u << 22)
#define FIR_HAS2008 (1u << 23)

/* FCSR (CP1 control register 31). */
#define FCSR_RM            0x00000003u
#define FCSR_FLAGS         0x0000007Cu /* I U O Z V at bits 2..6 */
#define FCSR_ENABLES       0x00000F80u /* I U O Z V at bits 7..11 */
#define FCSR_CAUSE         0x0003F000u /* I U O Z V E at bits 12..17 */
#define FCSR_ABS2008       (1u << 19)
#define FCSR_NAN2008       (1u << 18)
#define FCSR_FCC0          (1u << 23)
#define FCSR_FS            (1u << 24)
#define FCSR_FCC1_7        0xFE000000u
#define FCSR_FLAGS_SHIFT   2
#define FCSR_ENABLES_SHIFT 7
#define FCSR_CAUSE_SHIFT   12

/* Exception bits in the 5/6-bit cause/flag/enable order. */
#define FPX_I 0x01u /* inexact */
#define FPX_U 0x02u /* underflow */
#define FPX_O 0x04u /* overflow */
#define FPX_Z 0x08u /* division by zero */
#define FPX_V 0x10u /* invalid operation */
#define FPX_E 0x20u /* unimplemented operation (cause only, always enabled) */

/* Rounding modes (FCSR.RM). */
enum fpu_rm { FPU_RN = 0, FPU_RZ = 1, FPU_RP = 2, FPU_RM = 3 };

struct fpu {
    uint64_t fpr[32]; /* FR=1: the 64-bit registers; FR=0: 32-bit register n = low word of fpr[n] */
    uint32_t fcsr;
    uint32_t fir;
};

/* Power-on state: FPRs and FCSR zero except the hard-wired bits. */
void fpu_reset(struct cpu *c);

/* Decoder entry points: each checks Status.CU1 first (Coprocessor Unusable, unit 1). */
void fpu_exec_cop1(struct cpu *c, uint32_t w);  /* opcode COP1 */
void fpu_exec_cop1x(struct cpu *c, uint32_t w); /* opcode COP1X */
void fpu_exec_ldst(struct cpu *c, uint32_t w);  /* LWC1, LDC1, SWC1, SDC1 */
void fpu_exec_movci(struct cpu *c, uint32_t w); /* SPECIAL MOVCI: MOVF, MOVT */

#endif
