/*
 * The shared console (console.h).
 *
 * Output: each VM writes into its own buffer (emul/vuart.c).  A VM's text goes out only
 * as whole lines: a VM is chosen (round robin) once its buffer holds a complete line, or is
 * full, and keeps the terminal until that line's '\n' has been handed to the UART, so two
 * VMs' lines never mix.  The UART's TX interrupt (UTXISEL = buffer empty) keeps output
 * moving while guests run; root's own messages wait for the line in progress.  A full buffer
 * shows UTXBF = 1 to its guest, so a slow terminal throttles writers and loses nothing.
 *
 * Input: EOT then a digit N switches input to VM N (0 = root); EOT then anything that is not
 * a configured VM's digit rings the bell; EOT EOT passes one EOT to the owner.  Nothing else
 * the terminal sends is interpreted: the terminal can only switch input.  Input for a VM
 * goes into its receive FIFO even while the VM is stopped (as on a chip whose core is
 * halted): it reads it when it continues, and what does not fit is lost with OERR set.
 * A restart resets the VM's UART, and with it anything it had not read.
 */
#include "console.h"

#include "core/hv.h"
#include "core/irq.h"
#include "core/platform.h"
#include "core/vm.h"
#include "emul/vuart.h"

static int sending = -1;    /* index of the VM whose line is going out, -1 none */
static unsigned piece_left; /* characters left of a piece without a line end, 0 = a line */
static unsigned rr_next;
static unsigned owner; /* input owner: 0 root, else VM id */
static bool after_eot;
static unsigned rx_irq = ~0u, tx_irq = ~0u; /* none before console_init */

void console_init(void)
{
    platform_console_irqs(&rx_irq, &tx_irq);
    platform_irq_route(rx_irq, IRQ_ROUTE_PRIORITY);
    platform_irq_enable(rx_irq, true);
    platform_irq_route(tx_irq, IRQ_ROUTE_PRIORITY);
}

/* The next VM (round robin) with a whole line or a full buffer to print, or -1. */
static int pick(bool take)
{
    for (unsigned k = 0; k < TVP_NVMS; k++) {
        unsigned i = (rr_next + k) % TVP_NVMS;
        if (vuart_tx_ready(&vms[i].uart)) {
            if (take)
                rr_next = i + 1;
            return (int)i;
        }
    }
    return -1;
}

/* Hands the line in progress to the UART while it takes characters; false when it is full. */
static bool send_line(void)
{
    struct vm *vm = &vms[sending];
    bool room = true, moved = false;
    for (;;) {
        uint8_t c;
        if (!vm->uart.tx_count) {
            sending = -1; /* a buffer that was full without a line end: printed in pieces */
            break;
        }
        if (!platform_console_try_putc((char)vm->uart.tx[vm->uart.tx_head])) {
            room = false;
            break;
        }
        (void)vuart_tx_pop(&vm->uart, &c);
        moved = true;
        if (c == '\n' || (piece_left && !--piece_left)) {
            sending = -1;
            break;
        }
    }
    if (moved)
        vuart_irq_update(vm); /* room in its buffer: its TX condition may hold again */
    return room;
}

void console_pump(void)
{
    static bool busy; /* vuart_irq_update -> ... -> console_pump while this runs */
    if (busy)
        return;
    busy = true;
    for (;;) {
        if (sending < 0) {
            if ((sending = pick(true)) < 0)
                break;
            /* A full buffer without a line end goes out one buffer's worth at a time, then
             * the terminal moves on: a VM that refills its buffer as fast as it drains would
             * otherwise keep the terminal for good (tests/isolation con/flood-no-newline:
             * the other VMs' output, and with it the VMs, stopped). */
            piece_left = vms[sending].uart.tx_lines ? 0 : vms[sending].uart.tx_count;
        }
        if (!send_line())
            break;
    }
    platform_console_tx_irq(sending >= 0 || pick(false) >= 0);
    busy = false;
}

void console_root_output(void)
{
    while (sending >= 0)
        console_pump();
}

void console_finish_line(const struct vuart *u)
{
    while (sending >= 0 && &vms[sending].uart == u)
        console_pump();
}

bool console_irq(unsigned irq)
{
    if (irq == rx_irq) {
        char c;
        while (platform_console_getc(&c))
            console_input(c);
        platform_irq_ack(rx_irq); /* persistent: only after the FIFO is empty (§3.5) */
        return true;
    }
    if (irq == tx_irq) {
        console_pump();
        platform_irq_ack(tx_irq);
        return true;
    }
    return false;
}

unsigned console_input_owner(void)
{
    return owner;
}

__attribute__((weak)) void console_root_input(char c)
{
    (void)c; /* no root console yet: root's input is dropped */
}

static void deliver(char c)
{
    if (!owner)
        console_root_input(c);
    else
        (void)vuart_rx_push(&vms[tvp_vm_index[owner]], (uint8_t)c);
}

void console_input(char c)
{
    if (!after_eot) {
        if (c == CONSOLE_EOT)
            after_eot = true;
        else
            deliver(c);
        return;
    }
    after_eot = false;
    if (c == CONSOLE_EOT) {
        deliver(c);
        return;
    }
    unsigned n = (unsigned)(c - '0');
    if (n <= 9 && (n == 0 || (n <= TVP_MAX_VMID && tvp_vm_index[n] < TVP_NVMS))) {
        owner = n;
        if (n)
            hv_printf("console input: VM%u\n", n);
        else
            hv_printf("console input: root\n");
        return;
    }
    console_root_output();
    platform_console_putc(CONSOLE_BELL);
}
