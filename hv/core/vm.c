/* VM life cycle and entering a guest (mips-vz.md §5.18 "Enter a guest"). */
#include "vm.h"

#include "arch/mips/branch.h"
#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/llclear.h"

struct vm vms[TVP_NVMS];
struct vm *current;
uint32_t hv_exit_hilo[2];
uint32_t hv_guest_hilo[2];

/* GuestCtl0 for every guest (mips-vz.md §5.2): guest CP0 access, guest-controlled MMU (AT=3),
 * hit-type CACHE allowed; GT = 0 so that Count/Compare trap (the PIC32MZ-EF never delivers
 * the guest timer interrupt: §5.15); CF = 0 so Config writes trap. */
#define GUESTCTL0_GUEST (GUESTCTL0_CP0 | (GUESTCTL0_AT_GUEST << GUESTCTL0_AT_SHIFT) | GUESTCTL0_CG)

/* A guest's CP0 as a chip's after reset (MD00090 §6.2.2: BEV = ERL = 1), with the Config
 * registers as root sets them: the core's values without VZ (cp0 defaults in the guest
 * context) — read once from the hardware's guest context, which starts in that state. */
static struct guest_cp0 reset_cp0;

static void save_guest_cp0(struct guest_cp0 *s)
{
#define SAVE(reg, sel, name) s->name = mfgc0(reg, sel);
    GUEST_CP0_SWITCHED(SAVE)
#undef SAVE
}

static void load_guest_cp0(const struct guest_cp0 *s)
{
#define LOAD(reg, sel, name) mtgc0(reg, sel, s->name);
    GUEST_CP0_SWITCHED(LOAD)
#undef LOAD
    ehb();
}

void vm_reset(struct vm *vm)
{
    vm->cp0 = reset_cp0;
    vm->pc = vm->cfg->entry;
    vm->hilo[0] = vm->hilo[1] = 0;
    vm->state = VM_RUNNABLE;
    vm->compare_armed = false;
    vm->compare = 0;
    vuart_reset(&vm->uart);
    vm->evic = (struct vevic){0};
    fpu_forget(vm);
    if (current == vm)
        current = 0; /* reload its CP0 on the next entry */
}

void vm_init_all(void)
{
    save_guest_cp0(&reset_cp0);
    reset_cp0.status = STATUS_BEV | STATUS_ERL;
    for (unsigned i = 0; i < TVP_NVMS; i++) {
        vms[i].cfg = &tvp_vms[i];
        vm_reset(&vms[i]);
    }
}

void vm_stop(struct vm *vm)
{
    vuart_flush(vm);
    vm->state = VM_STOPPED;
}

void vm_continue(struct vm *vm)
{
    if (vm->state == VM_STOPPED)
        vm->state = VM_RUNNABLE;
}

void vm_restart(struct vm *vm)
{
    vm_reset(vm);
}

void vm_advance_pc(struct vm *vm)
{
    uint32_t cause = mfc0(13, 0);
    vm->pc = resume_pc(mfc0(14, 0), cause & CAUSE_BD, mfc0(8, 2));
}

void vm_enter(struct vm *vm)
{
    if (current != vm) {
        /* The guest context changes hands: save the old VM's, clear the guest LL bit in the
         * new VM's GuestID (core/llclear.c; it comes back here through the vectors), then
         * load the new VM's. */
        if (current) {
            save_guest_cp0(&current->cp0);
            vuart_flush(current);
            current = 0;
        }
        if (llclear_done() != vm)
            llclear_run(vm); /* comes back through exit.c: llclear_finish */
        load_guest_cp0(&vm->cp0);
        current = vm;
    }
    uint32_t id = vm->cfg->guestid;
    mtc0(10, 4, id | (id << GUESTCTL1_RID_SHIFT));
    uint32_t srsctl = mfc0(12, 2) & ~SRSCTL_PSS;
    mtc0(12, 2, srsctl | (vm->cfg->srs << SRSCTL_PSS_SHIFT));
    mtc0(14, 0, vm->pc);
    mtc0(11, 4, GUESTCTL0EXT_CGI | GUESTCTL0EXT_FCD);
    /* Root's FPU/DSP enables: only for the VM that owns the unit (lazy switching). */
    uint32_t st = mfc0(12, 0) & ~(STATUS_CU1 | STATUS_MX | STATUS_FR);
    mtc0(12, 0, st | fpu_status_bits(vm));
    mtc0(12, 6, GUESTCTL0_GUEST | GUESTCTL0_GM);
    hv_guest_hilo[0] = vm->hilo[0];
    hv_guest_hilo[1] = vm->hilo[1];
    hv_eret();
}
