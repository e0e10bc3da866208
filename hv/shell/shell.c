/*
 * The root console: input to root (VM 0, the default owner; emul/console.c switches owners
 * with EOT + digit) is a small command language, as in the original tinyVP.  A digit N
 * selects VM N for the command that follows it ("1s" stops VM 1; "0" or no digit means no
 * VM: "q" then shows every VM).  Commands:
 *   s c r   stop, continue, restart the selected VM
 *   q       status of the selected VM, or of every VM
 *   d       debug mode on/off (traces are recorded only while it is on)
 *   e i t   exception, interrupt and time traces (of the selected VM, or all)
 *   I       interrupt controller: physical and each VM's emulated one
 *   T       TLB dump
 *   ?       help
 * Root's output lines start with "[tvp] " (lib/print.c).  Commands run in the console's
 * receive interrupt, or, when the configuration has a `shell_thread` root thread, in that
 * thread (queued by the interrupt, run with interrupts off so that output stays whole).
 */
#include "shell.h"

#include "core/hv.h"
#include "core/thread.h"
#include "core/tlb.h"
#include "core/vm.h"
#include "emul/console.h"
#include "shell/trace.h"
#include "tvp_config.h"

static struct vm *selected; /* for the next command; NULL = none */

static struct vm *vm_by_id(unsigned id)
{
    if (id == 0 || id > TVP_MAX_VMID || tvp_vm_index[id] >= TVP_NVMS)
        return 0;
    return &vms[tvp_vm_index[id]];
}

static void help(void)
{
    hv_printf("commands: a digit N selects VM N for the next command (1s, 2r, 1q)\n"
              "  s stop  c continue  r restart  q status (all VMs without N)\n"
              "  d debug mode on/off  e i t exception/interrupt/time trace (debug mode)\n"
              "  I interrupt controllers  T TLB  ? this help\n"
              "  Ctrl-D N: input to VM N; Ctrl-D 0: back to root\n");
}

/* s, c and r need a VM: "1s", not "s". */
static struct vm *need_vm(struct vm *vm, char cmd)
{
    if (!vm)
        hv_printf("'%c' needs a VM: type its number first (1%c)\n", cmd, cmd);
    return vm;
}

void shell_input(char c)
{
    struct vm *vm = selected;
    if (c >= '0' && c <= '9') {
        unsigned id = (unsigned)(c - '0');
        selected = vm_by_id(id);
        if (id && !selected)
            hv_printf("no VM%u\n", id);
        return;
    }
    selected = 0; /* a selection is for one command */
    switch (c) {
    case 's':
        if (need_vm(vm, c)) {
            vm_stop(vm);
            hv_printf("VM%u stopped\n", (unsigned)vm->cfg->id);
        }
        break;
    case 'c':
        if (need_vm(vm, c)) {
            vm_continue(vm);
            hv_printf("VM%u continues\n", (unsigned)vm->cfg->id);
        }
        break;
    case 'r':
        if (need_vm(vm, c)) {
            hv_printf("VM%u restarts\n", (unsigned)vm->cfg->id);
            vm_restart(vm);
        }
        break;
    case 'q': shell_print_status(vm); break;
    case 'd':
        trace_on = !trace_on;
        if (trace_on)
            trace_clear();
        hv_printf("debug mode %s\n", trace_on ? "on: recording traces (e, i, t)" : "off");
        break;
    case 'e': trace_print_exc(vm); break;
    case 'i': trace_print_irq(vm); break;
    case 't': trace_print_time(vm); break;
    case 'I': shell_print_interrupts(); break;
    case 'T': tlb_dump(); break;
    case '?':
    case 'h': help(); break;
    case ' ':
    case '\r':
    case '\n':
    case '\t': break;
    default: hv_printf("unknown command '%c': ? for help\n", c >= ' ' && c < 0x7F ? c : '?');
    }
}

/* Input queued for shell_thread (written by the RX interrupt, read by the thread). */
#define QUEUE 32
static char queue[QUEUE];
static volatile unsigned q_head, q_tail;
static struct thread *shell;

void console_root_input(char c)
{
    if (!shell) {
        shell_input(c);
        return;
    }
    if (q_tail - q_head < QUEUE)
        queue[q_tail++ % QUEUE] = c;
    thread_wake(shell);
}

void shell_thread(void)
{
    uint32_t st = thread_lock();
    shell = thread_self();
    for (;;) {
        while (q_head != q_tail)
            shell_input(queue[q_head++ % QUEUE]);
        thread_unlock(st);
        thread_sleep(); /* until console_root_input wakes it */
        st = thread_lock();
    }
}
