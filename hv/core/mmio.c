/*
 * Guest loads and stores that trap: decoded from BadInstr (table-driven, so microMIPS can be
 * added as a second table), checked against the VM's windows and per-register masks from
 * tvpconf, then emulated, passed through to the real register, ignored, or answered with
 * the bus error a chip gives for nothing there.  mips-vz.md §4.7, §5.18.
 */
#include "mmio.h"

#include "arch/mips/branch.h"
#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/trap.h"
#include "core/vm.h"
#include "emul/emul.h"
#include "soc/memmap.h"
#include "soc/mips_insn.h"

/* MIPS32 loads and stores tinyVP emulates (MD00086; mips-vz.md §4.7 opcode list).  LWL/LWR/
 * SWL/SWR, LL/SC and FPU accesses to device registers are not emulated: bus error. */
struct ls_form {
    uint8_t op;
    uint8_t size;
    bool store;
    bool sign;
};

static const struct ls_form mips32_ls[] = {
    {OP_LB, 1, false, true},   {OP_LBU, 1, false, false}, {OP_LH, 2, false, true},
    {OP_LHU, 2, false, false}, {OP_LW, 4, false, false},  {OP_SB, 1, true, false},
    {OP_SH, 2, true, false},   {OP_SW, 4, true, false},
};

static const struct ls_form *decode(uint32_t w)
{
    for (unsigned i = 0; i < sizeof(mips32_ls) / sizeof(mips32_ls[0]); i++)
        if (mips32_ls[i].op == INSN_OP(w))
            return &mips32_ls[i];
    return 0;
}

static const struct tvp_mmio *find_window(const struct tvp_vm *cfg, uint32_t gpa)
{
    for (unsigned i = 0; i < cfg->n_mmio; i++) {
        const struct tvp_mmio *m = &cfg->mmio[i];
        if (gpa - m->gpa < m->size)
            return m;
    }
    return 0;
}

/* Per-register permission on a partially owned page (4-byte granularity). */
static bool register_owned(const struct tvp_vm *cfg, uint32_t gpa)
{
    for (unsigned i = 0; i < cfg->n_traps; i++) {
        const struct tvp_trap_page *p = &cfg->traps[i];
        if ((gpa & ~0xFFFu) == p->gpa) {
            unsigned w = (gpa & 0xFFFu) >> 2;
            return (p->mask[w >> 5] >> (w & 31)) & 1u;
        }
    }
    return true; /* a whole-window grant (no partial page) */
}

/* The guest access root is performing on the real register, for a bus error taken in root
 * (the chip answers a register the part does not have with DBE, pic32mz-ef.md §1.5): that
 * error is the guest's, never a reason for tinyVP to stop (mmio_passthrough_faulted). */
static struct vm *volatile passthrough_vm; /* read by the exception path */
static uint32_t passthrough_gpa;

bool mmio_passthrough_faulted(void)
{
    struct vm *vm = passthrough_vm;
    if (!vm)
        return false;
    passthrough_vm = 0;
    trap_bus_error(vm, passthrough_gpa);
    return true;
}

static bool passthrough(struct vm *vm, uint32_t rpa, struct mmio_access *a)
{
    volatile void *p = (volatile void *)KSEG1(rpa);
    passthrough_vm = vm;
    passthrough_gpa = a->gpa;
    if (a->write) {
        if (a->size == 1)
            *(volatile uint8_t *)p = (uint8_t)a->value;
        else if (a->size == 2)
            *(volatile uint16_t *)p = (uint16_t)a->value;
        else
            *(volatile uint32_t *)p = a->value;
    } else {
        a->value = a->size == 1   ? *(volatile uint8_t *)p
                   : a->size == 2 ? *(volatile uint16_t *)p
                                  : *(volatile uint32_t *)p;
    }
    passthrough_vm = 0;
    return true;
}

static bool access_window(struct vm *vm, const struct tvp_mmio *m, struct mmio_access *a)
{
    if (!register_owned(vm->cfg, a->gpa))
        return false;
    if (m->flags & TVP_MMIO_EMULATED)
        return emul_access(vm, m->emulator, a);
    if (a->write && (m->flags & (TVP_MMIO_IGNORE | TVP_MMIO_IGNORE_PRINT))) {
        if (m->flags & TVP_MMIO_IGNORE_PRINT)
            hv_printf("VM%u: ignored write %08x <= %08x\n", (unsigned)vm->cfg->id, (unsigned)a->gpa,
                      (unsigned)a->value);
        return true;
    }
    if ((a->write && !(m->flags & TVP_MMIO_W)) || (!a->write && !(m->flags & TVP_MMIO_R)))
        return false;
    return passthrough(vm, m->rpa + a->offset, a);
}

/* Is the fault the guest's instruction fetch?  Then BadInstr holds no instruction
 * (mips-vz.md §2.2): executing device registers is a bus error, never an emulated access.
 * A guest fetching through kseg0/kseg1 has GPA = PC & 0x1FFFFFFF. */
static bool fetch_fault(const struct vm *vm, uint32_t gpa)
{
    return (vm->pc & KSEG_PHYS_MASK) == (gpa & ~3u);
}

void mmio_trap(struct vm *vm, uint32_t exccode)
{
    uint32_t gpa = mfc0(8, 0);
    uint32_t w = mfc0(8, 1);
    const struct ls_form *f = decode(w);
    const struct tvp_mmio *m = find_window(vm->cfg, gpa);
    (void)exccode;
    if (fetch_fault(vm, gpa) || !f || !m || (gpa & (f->size - 1u))) {
        trap_bus_error(vm, gpa);
        return;
    }
    /* The branch outcome is taken from the registers before the load writes rt. */
    uint32_t next = resume_pc(vm->pc, mfc0(13, 0) & CAUSE_BD, mfc0(8, 2));
    struct mmio_access a = {
        .gpa = gpa,
        .offset = gpa - m->gpa,
        .size = f->size,
        .write = f->store,
        .value = f->store ? guest_gpr(INSN_RT(w)) : 0,
    };
    if (f->store && f->size < 4)
        a.value &= (1u << (8 * f->size)) - 1u;
    if (!access_window(vm, m, &a)) {
        trap_bus_error(vm, gpa);
        return;
    }
    if (!f->store) {
        uint32_t v = a.value;
        if (f->sign)
            v = f->size == 1 ? (uint32_t)(int8_t)v : f->size == 2 ? (uint32_t)(int16_t)v : v;
        set_guest_gpr(INSN_RT(w), v);
    }
    vm->pc = next;
}
