/*
 * Guest exits that tinyVP emulates: sensitive instructions (GPSI), field changes (GSFC),
 * hypercalls, and exceptions tinyVP hands back to the guest.  mips-vz.md §5.8-§5.11.
 */
#include "trap.h"

#include "arch/mips/branch.h"
#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/platform.h"
#include "core/sched.h"
#include "core/vm.h"
#include "emul/console.h"
#include "emul/vuart.h"
#include "shell/trace.h"
#include "soc/mips_insn.h"

static uint32_t badinstr(void)
{
    return mfc0(8, 1);
}

/* Guest MFC0 of a register the guest may not read directly. */
static uint32_t gpsi_read(struct vm *vm, unsigned reg, unsigned sel)
{
    switch (CP0_IDX(reg, sel)) {
    case CP0_COUNT: return mfgc0(9, 0); /* guest Count = Count + GTOffset (0) */
    case CP0_COMPARE: return vm->compare;
    case CP0_PRID: return mfc0(15, 0);
    case CP0_CONFIG6: return 0;
    case CP0_CONFIG7: return mfgc0(16, 7);
    case CP0_SRSCTL: return 0; /* the guest has no shadow sets of its own */
    default: return 0;         /* watch, perf counters, cache and debug registers: absent */
    }
}

/* Guest MTC0 of a register the guest may not write directly. */
static void gpsi_write(struct vm *vm, unsigned reg, unsigned sel, uint32_t val)
{
    switch (CP0_IDX(reg, sel)) {
    case CP0_COMPARE:
        /* The emulated guest timer (architecture.md: the PIC32MZ-EF never delivers the VZ
         * guest timer interrupt): writing Compare clears TI and arms the next match. */
        vm->compare = val;
        vm->compare_armed = true;
        trace_time(vm, TRACE_COMPARE, val, 0);
        mtgc0(13, 0, mfgc0(13, 0) & ~CAUSE_TI);
        sched_rearm();
        return;
    default: return; /* Count (shared clock), Config and implementation registers: ignored */
    }
}

void trap_gpsi(struct vm *vm)
{
    uint32_t w = badinstr();
    uint32_t next_pc = resume_pc(vm->pc, mfc0(13, 0) & CAUSE_BD, mfc0(8, 2));
    switch (INSN_OP(w)) {
    case OP_COP0:
        if (INSN_RS(w) == COP0_MF) {
            set_guest_gpr(INSN_RT(w), gpsi_read(vm, INSN_RD(w), INSN_SEL(w)));
        } else if (INSN_RS(w) == COP0_MT) {
            gpsi_write(vm, INSN_RD(w), INSN_SEL(w), guest_gpr(INSN_RT(w)));
        } else if (INSN_RS(w) >= COP0_CO && INSN_FUNCT(w) == CO_WAIT) {
            vm->pc = next_pc;
            sched_wait(vm); /* mips-vz.md §5.16 */
            return;
        }
        /* RDPGPR/WRPGPR (no guest shadow sets) and anything else: treated as a no-op. */
        break;
    case OP_SPECIAL3: /* RDHWR $2 (CC) with GT = 0 */
        if (INSN_FUNCT(w) == SPECIAL3_RDHWR)
            set_guest_gpr(INSN_RT(w), mfgc0(9, 0));
        break;
    case OP_CACHE: break; /* no cache to maintain in a guest's place */
    default: hv_panic("GPSI for an unknown instruction", w, vm->pc);
    }
    vm->pc = next_pc;
}

/* With GuestCtl0Ext.FCD = 1 there are no field-change exits; complete one anyway. */
void trap_gsfc(struct vm *vm)
{
    vm_advance_pc(vm);
}

#ifdef TVP_TEST_HOOKS
/* A test hook standing in for the root console's stop/continue/restart commands. */
static uint32_t vm_control(uint32_t id, uint32_t op)
{
    if (id > TVP_MAX_VMID || tvp_vm_index[id] >= TVP_NVMS)
        return HCALL_ERROR;
    struct vm *target = &vms[tvp_vm_index[id]];
    switch (op) {
    case VMCTL_STOP: vm_stop(target); return 0;
    case VMCTL_CONTINUE: vm_continue(target); return 0;
    case VMCTL_RESTART: vm_restart(target); return 0;
    default: return HCALL_ERROR;
    }
}
#endif

void trap_hypcall(struct vm *vm)
{
    unsigned code = (badinstr() >> 11) & 0x3FF; /* mips-vz.md §5.11 */
    uint32_t result = 0;
    vm_advance_pc(vm);
    switch (code) {
    case HCALL_YIELD: sched_yield(); break;
    case HCALL_PUTC: vuart_putc(vm, (uint8_t)guest_gpr(4)); break; /* lines stay whole */
    case HCALL_VM_STATUS: result = vm->cfg->id; break;
#ifdef TVP_TEST_HOOKS
    case HCALL_VM_CONTROL: result = vm_control(guest_gpr(4), guest_gpr(5)); break;
    case HCALL_CONSOLE_INPUT: console_input((char)guest_gpr(4)); break;
#endif
    default: result = HCALL_ERROR; break;
    }
    set_guest_gpr(2, result);
}

void trap_reflect(struct vm *vm, uint32_t code, uint32_t badvaddr)
{
    uint32_t st = mfgc0(12, 0);
    uint32_t cause = mfgc0(13, 0) & ~(CAUSE_EXCCODE | CAUSE_BD);
    uint32_t root_cause = mfc0(13, 0);
    if (!(st & STATUS_EXL)) {
        /* The restart PC is the faulting instruction, or its branch (MD00090 §6.2.1). */
        mtgc0(14, 0, vm->pc);
        if (root_cause & CAUSE_BD)
            cause |= CAUSE_BD;
    }
    if (code != EXCCODE_IBE && code != EXCCODE_DBE)
        mtgc0(8, 0, badvaddr);
    mtgc0(13, 0, cause | (code << CAUSE_EXCCODE_SHIFT));
    mtgc0(12, 0, st | STATUS_EXL);
    uint32_t base = (st & STATUS_BEV) ? 0xBFC00200u : (mfgc0(15, 1) & EBASE_BASE);
    vm->pc = base + 0x180;
}

void trap_bus_error(struct vm *vm, uint32_t gpa)
{
    /* A fetch fault when the failing address is the guest PC's own (kseg0/1 GVA). */
    bool fetch = (vm->pc & 0x1FFFFFFFu) == (gpa & ~3u) || vm->pc == gpa;
    trap_reflect(vm, fetch ? EXCCODE_IBE : EXCCODE_DBE, gpa);
}
