/*
 * GPIO pin-level sharing: a port whose pins belong to several VMs is emulated so that each
 * VM reads and changes only its own pins (issue 8; syntax `pins = RG6 RD4`, docs/tvpconf.md).
 * Per-pin registers (ANSEL, TRIS, PORT, LAT, ODC, CNPU, CNPD, CNEN, CNSTAT, CNNE, CNF, SRCON0/1;
 * pic32mz-ef.md §5.1) act on the real port restricted to the VM's pins: reads show only
 * them (other pins read 0, as unimplemented pins do), writes through REG/CLR/SET/INV at any
 * width change only them, written to the real port through its SET/CLR aliases so no other
 * pin is touched.  A PORTx write goes to LATx, as on the chip.  CNCONx is one per port, so no
 * VM may change it (reads show the real value); the change-notice interrupt of a shared
 * port is not routed.
 */
#include "core/vm.h"
#include "emul/emul.h"
#include "soc/gpio.h"
#include "soc/memmap.h"
#include "soc/sfr.h"

/* Pins per VM index and port (A..K): tvpconf emits TVP_GPIO_PINS in tvp_config.h for the
 * configuration's `pins =`; without any, no VM owns a pin of an emulated port. */
#ifndef TVP_GPIO_PINS
#define TVP_GPIO_PINS                                                                              \
    {                                                                                              \
        {                                                                                          \
            0                                                                                      \
        }                                                                                          \
    }
#endif
static const uint32_t vm_pins[TVP_NVMS][GPIO_NUM_PORTS] = TVP_GPIO_PINS;

#define PORTREG(k, off) (*(volatile uint32_t *)KSEG1(GPIO_PORT_PHYS(k) + (off)))

static bool port_of(const struct vm *vm, const struct emul_reg *r, unsigned *port)
{
    for (unsigned i = 0; i < vm->cfg->n_mmio; i++) {
        const struct tvp_mmio *m = &vm->cfg->mmio[i];
        if (m->emulator == TVP_EMUL_GPIO && r->gpa - m->gpa < m->size) {
            /* The real address behind the window says which port. */
            unsigned k = (m->rpa + (r->gpa - m->gpa) - GPIO_PHYS) / GPIO_PORT_SIZE;
            if (k < GPIO_NUM_PORTS) {
                *port = k;
                return true;
            }
        }
    }
    return false;
}

bool vgpio_access(struct vm *vm, struct emul_reg *r)
{
    unsigned k;
    if (r->reg > SRCON1x || !port_of(vm, r, &k))
        return false;
    uint32_t mine = vm_pins[vm - vms][k];
    uint32_t reg = r->reg == PORTx && r->write ? LATx : r->reg;
    if (!r->write) {
        if (r->alias) {
            r->value = 0; /* alias addresses read 0 (pic32mz-ef.md §2.1) */
            return true;
        }
        uint32_t v = PORTREG(k, reg);
        r->value = reg == CNCONx ? v : v & mine;
        return true;
    }
    if (reg == CNCONx || reg == CNSTATx)
        return true; /* per port / read-only: not a VM's to change */
    uint32_t old = PORTREG(k, reg);
    uint32_t next = emul_apply(old, r, mine);
    if (next & ~old)
        PORTREG(k, reg + SFR_SET) = next & ~old;
    if (old & ~next)
        PORTREG(k, reg + SFR_CLR) = old & ~next;
    return true;
}
