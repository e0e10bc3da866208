/* Branch outcome for emulated delay-slot instructions (mips-vz.md §4.7; MD00086). */
#include "branch.h"

#include "cp0.h"
#include "soc/mips_insn.h"

static bool taken(uint32_t w, uint32_t *target, uint32_t epc)
{
    int32_t rs = (int32_t)guest_gpr(INSN_RS(w));
    int32_t rt = (int32_t)guest_gpr(INSN_RT(w));
    *target = epc + 4 + ((uint32_t)INSN_SIMM(w) << 2);
    switch (INSN_OP(w)) {
    case OP_SPECIAL: /* JR, JALR (.HB) */ *target = (uint32_t)rs; return true;
    case OP_J:
    case OP_JAL: *target = ((epc + 4) & 0xF0000000u) | (INSN_INDEX(w) << 2); return true;
    case OP_BEQ:
    case OP_BEQL: return rs == rt;
    case OP_BNE:
    case OP_BNEL: return rs != rt;
    case OP_BLEZ:
    case OP_BLEZL: return rs <= 0;
    case OP_BGTZ:
    case OP_BGTZL: return rs > 0;
    case OP_REGIMM:
        switch (INSN_RT(w)) {
        case REGIMM_BLTZ:
        case REGIMM_BLTZL:
        case REGIMM_BLTZAL:
        case REGIMM_BLTZALL: return rs < 0;
        default: return rs >= 0; /* BGEZ, BGEZL, BGEZAL, BGEZALL */
        }
    default: return false; /* not a branch the guest could have executed: fall through */
    }
}

uint32_t resume_pc(uint32_t epc, bool in_delay_slot, uint32_t branch)
{
    if (!in_delay_slot)
        return epc + 4;
    uint32_t target;
    /* A branch-likely's slot only runs when it is taken, so "not taken" cannot occur here. */
    return taken(branch, &target, epc) ? target : epc + 8;
}
