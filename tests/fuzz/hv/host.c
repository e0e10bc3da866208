/*
 * Host stand-ins for what tinyVP's MMIO decoder, device emulators and console need from the
 * chip (tests/fuzz/hv): CP0 and guest registers as arrays (host/arch/mips/cp0.h), a console
 * UART with a harness-chosen capacity, interrupt-controller calls recorded, and two VMs'
 * tables written by hand in the shape tvpconf emits them (VM 1: console, ic, the system
 * registers read-only with writes ignored, one port page passed through; VM 2: console, ic).
 * Pass-through accesses reach a host copy of the SFR space (host/kseg.h).
 */
#include "host.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hv.h"
#include "core/irq.h"
#include "core/trap.h"
#include "core/vm.h"
#include "emul/console.h"
#include "soc/evic.h"
#include "soc/uart.h"

uint32_t host_cp0[32][8], host_gcp0[32][8], host_gpr[32];
unsigned host_bus_errors, host_uart_room, host_root_input;
uint8_t host_rx[64];
unsigned host_rx_n;

uint32_t guest_gpr(unsigned n)
{
    return n ? host_gpr[n & 31] : 0;
}

void set_guest_gpr(unsigned n, uint32_t v)
{
    if (n & 31)
        host_gpr[n & 31] = v;
}

void hv_panic(const char *what, uint32_t a, uint32_t b)
{
    fprintf(stderr, "tinyVP PANIC: %s (%08x %08x)\n", what, (unsigned)a, (unsigned)b);
    abort();
}

void hv_printf(const char *fmt, ...)
{
    (void)fmt;
}

void trap_bus_error(struct vm *vm, uint32_t gpa)
{
    (void)vm;
    (void)gpa;
    host_bus_errors++;
}

void platform_irq_route(unsigned irq, unsigned priority)
{
    if (irq >= TVP_NIRQ || priority > 7)
        abort();
}

static bool enabled[TVP_NIRQ];

void platform_irq_enable(unsigned irq, bool on)
{
    if (irq >= TVP_NIRQ)
        abort();
    enabled[irq] = on;
}

bool platform_irq_enabled(unsigned irq)
{
    if (irq >= TVP_NIRQ)
        abort();
    return enabled[irq];
}

void platform_irq_ack(unsigned irq)
{
    if (irq >= TVP_NIRQ)
        abort();
}

void platform_console_irqs(unsigned *rx, unsigned *tx)
{
    *rx = UART_IRQ_RX(UART4_IRQ_FAULT);
    *tx = UART_IRQ_TX(UART4_IRQ_FAULT);
}

/* The console UART takes host_uart_room characters now; after that, one each fourth try, as a
 * real UART drains at its baud rate (root's own output waits on it). */
bool platform_console_try_putc(char c)
{
    static unsigned tries;
    (void)c;
    if (!host_uart_room && (++tries & 3u))
        return false;
    if (host_uart_room)
        host_uart_room--;
    return true;
}

void platform_console_putc(char c)
{
    console_root_output();
    (void)c;
}

bool platform_console_getc(char *c)
{
    (void)c;
    return false;
}

void platform_console_tx_irq(bool on)
{
    (void)on;
}

void console_root_input(char c)
{
    (void)c;
    host_root_input++;
}

/* ---- the two VMs ---- */

#define PORT_PAGE 0x1F860000u

static const struct tvp_mmio vm1_mmio[] = {
    {0x1F822600u, 0x100, 0x1F822600u, TVP_MMIO_R | TVP_MMIO_W | TVP_MMIO_EMULATED,
     TVP_EMUL_CONSOLE},
    {0x1F810000u, 0x1000, 0x1F810000u, TVP_MMIO_R | TVP_MMIO_W | TVP_MMIO_EMULATED, TVP_EMUL_IC},
    {0x1F800000u, 0x100, 0x1F800000u, TVP_MMIO_R | TVP_MMIO_IGNORE | TVP_MMIO_SHARED,
     TVP_EMUL_NONE},
    {PORT_PAGE, 0x100, PORT_PAGE, TVP_MMIO_R | TVP_MMIO_W, TVP_EMUL_NONE},
};
static const struct tvp_mmio vm2_mmio[] = {
    {0x1F822600u, 0x100, 0x1F822600u, TVP_MMIO_R | TVP_MMIO_W | TVP_MMIO_EMULATED,
     TVP_EMUL_CONSOLE},
    {0x1F810000u, 0x1000, 0x1F810000u, TVP_MMIO_R | TVP_MMIO_W | TVP_MMIO_EMULATED, TVP_EMUL_IC},
};

static struct tvp_trap_page vm1_traps[4], vm2_traps[2];

static void own(struct tvp_trap_page *p, uint32_t page, uint32_t from, uint32_t to)
{
    p->gpa = p->rpa = page;
    for (uint32_t w = from / 4; w < to / 4; w++)
        p->mask[w >> 5] |= 1u << (w & 31);
}

const struct tvp_vm tvp_vms[TVP_NVMS] = {
    {.id = 1,
     .guestid = 1,
     .srs = 1,
     .flags = TVP_VM_IRQPOLLING,
     .mmio = vm1_mmio,
     .n_mmio = 4,
     .traps = vm1_traps,
     .n_traps = 4,
     .irq_emulated = {[5] = 0x1C00u}}, /* 170..172: the console UART's */
    {.id = 2,
     .guestid = 2,
     .srs = 2,
     .mmio = vm2_mmio,
     .n_mmio = 2,
     .traps = vm2_traps,
     .n_traps = 2,
     .irq_emulated = {[5] = 0x1C00u}},
};
const uint8_t tvp_vm_index[TVP_MAX_VMID + 1] = {2, 0, 1, 2, 2, 2, 2, 2};
const uint8_t tvp_irq_owner[TVP_NIRQ];
const uint8_t tvp_irq_emulator[TVP_NIRQ];

uint8_t *host_port_page;
static uint8_t *sfr; /* physical 0x1F800000..0x1F8FFFFF */
static uint8_t port_snapshot[0x1000], sys_snapshot[0x1000];

uintptr_t host_kseg1(uint32_t pa)
{
    if (pa < 0x1F800000u || pa >= 0x1F900000u) {
        fprintf(stderr, "fuzz-hv: tinyVP reached physical %08x, outside the SFRs\n", (unsigned)pa);
        abort();
    }
    return (uintptr_t)(sfr + (pa - 0x1F800000u));
}

void host_init(void)
{
    sfr = calloc(0x100000, 1);
    if (!sfr)
        abort();
    host_port_page = (uint8_t *)host_kseg1(PORT_PAGE);
    own(&vm1_traps[0], 0x1F822000u, 0x600, 0x700);
    own(&vm1_traps[1], 0x1F810000u, 0, 0x1000);
    own(&vm1_traps[2], 0x1F800000u, 0, 0x100);
    own(&vm1_traps[3], PORT_PAGE, 0, 0x100);
    own(&vm2_traps[0], 0x1F822000u, 0x600, 0x700);
    own(&vm2_traps[1], 0x1F810000u, 0, 0x1000);
    memset(host_port_page, 0x5A, 0x1000);
    memset(sfr, 0xC3, 0x1000);
    memcpy(port_snapshot, host_port_page, 0x1000);
    memcpy(sys_snapshot, sfr, 0x1000);
    console_init();
    for (unsigned i = 0; i < TVP_NVMS; i++)
        vms[i].cfg = &tvp_vms[i];
}

/* Memory behind pass-through windows changed only where a VM may write: the first 0x100
 * bytes of the port page (VM 1's read-write window); the system page is read-only. */
void host_check_memory(void)
{
    if (memcmp(port_snapshot + 0x100, host_port_page + 0x100, 0x1000 - 0x100) ||
        memcmp(sys_snapshot, sfr, 0x1000)) {
        fprintf(stderr, "fuzz-hv: a pass-through write landed outside the VM's window\n");
        abort();
    }
}

struct vm vms[TVP_NVMS];
struct vm *current;

void platform_bus_guard_init(void) {}

bool platform_bus_violation(unsigned irq)
{
    (void)irq;
    return false;
}
