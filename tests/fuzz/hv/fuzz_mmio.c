/*
 * libFuzzer harness for tinyVP's MMIO decoder and device emulators (hv/core/mmio.c,
 * hv/emul/): each 12-byte record of the input is one trapped guest access — the instruction
 * word (BadInstr), the guest physical address (BadVAddr, steered to the VMs' device pages),
 * the register value, which VM, delay slot or not — handed to mmio_trap() as a root TLB
 * exception would.  Checked: no crash or sanitizer report, no hv_panic, pass-through writes
 * only inside the VM's window (host.c), a refused access is a bus error and nothing else, and
 * the guest's PC moves on only for an access that completed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mmio.h"
#include "core/vm.h"
#include "host.h"
#include "soc/cp0.h"

static const uint32_t pages[] = {0x1F822000u, 0x1F810000u, 0x1F800000u, 0x1F860000u,
                                 0x1F840000u, 0x1F8FF000u, 0x00000000u, 0x1FC00000u};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    host_init();
    return 0;
}

static uint32_t word(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (size_t off = 0; off + 12 <= size; off += 12) {
        const uint8_t *r = data + off;
        uint32_t insn = word(r);
        uint32_t sel = word(r + 4);
        uint32_t value = word(r + 8);
        /* Loads and stores mostly (op 0x20..0x2F), anything else now and then. */
        if ((sel >> 28) < 14)
            insn = (insn & 0x03FFFFFFu) | ((0x20u | ((insn >> 26) & 0xFu)) << 26);
        uint32_t gpa = pages[(sel >> 12) & 7u] | (sel & 0xFFFu);
        struct vm *vm = &vms[(sel >> 15) & 1u];
        current = vm;
        memset(host_gpr, 0, sizeof(host_gpr));
        for (unsigned k = 1; k < 32; k++)
            host_gpr[k] = value ^ (k * 0x9E3779B9u);
        bool bd = (sel >> 16) & 1u;
        host_cp0[8][0] = gpa;                  /* BadVAddr */
        host_cp0[8][1] = insn;                 /* BadInstr */
        host_cp0[8][2] = bd ? 0x10000003u : 0; /* BadInstrP: a BEQ taken to +16 */
        host_cp0[13][0] = bd ? CAUSE_BD : 0;
        host_cp0[14][0] = 0x9D000100u; /* EPC */
        vm->pc = 0x9D000100u;
        unsigned before = host_bus_errors;
        host_uart_room = (sel >> 17) & 7u;
        mmio_trap(vm, EXCCODE_TLBL);
        bool refused = host_bus_errors != before;
        if (refused && vm->pc != 0x9D000100u)
            abort(); /* a bus error leaves the PC for trap_bus_error (stubbed): unchanged */
        if (!refused && vm->pc == 0x9D000100u)
            abort(); /* a completed access moves the guest on */
        if (host_bus_errors - before > 1)
            abort();
        host_check_memory();
    }
    return 0;
}
