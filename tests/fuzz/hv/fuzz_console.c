/*
 * libFuzzer harness for tinyVP's console input path (hv/emul/console.c, hv/emul/vuart.c): the
 * input is what the terminal types — any bytes, EOT sequences included — interleaved with what
 * the two VMs do to their emulated UARTs (bytes 0xF8..0xFF are guest actions, the byte after
 * them their argument).  Checked after every step: no crash, sanitizer report or hv_panic;
 * input goes to root or to a configured VM only; each VM's receive FIFO and transmit buffer
 * stay within their sizes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/vm.h"
#include "emul/console.h"
#include "emul/emul.h"
#include "host.h"
#include "soc/sfr.h"
#include "soc/uart.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    host_init();
    return 0;
}

static uint32_t uart(struct vm *vm, uint32_t off, unsigned size, bool write, uint32_t value)
{
    struct mmio_access a = {
        .gpa = 0x1F822600u + off, .offset = off, .size = size, .write = write, .value = value};
    if (!emul_access(vm, TVP_EMUL_CONSOLE, &a))
        return 0xFFFFFFFFu;
    return a.value;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (unsigned i = 0; i < TVP_NVMS; i++)
        vuart_reset(&vms[i].uart);
    /* The input owner survives between inputs (a static in console.c): return it to root. */
    while (console_input_owner() != 0) {
        console_input(CONSOLE_EOT);
        console_input('0');
    }
    for (size_t i = 0; i < size; i++) {
        uint8_t b = data[i];
        struct vm *vm = &vms[b & 1u];
        uint8_t arg = i + 1 < size ? data[i + 1] : 0;
        switch (b >= 0xF8 ? b : 0) {
        case 0xF8:
        case 0xF9: /* the VM turns its UART on, receiver and transmitter enabled */
            uart(vm, UxMODE, 4, true, UxMODE_ON);
            uart(vm, UxSTA + SFR_SET, 4, true, UxSTA_URXEN | UxSTA_UTXEN | (arg & 0xC0u));
            break;
        case 0xFA:
        case 0xFB: /* it reads its receive register, at a width from the argument */
        {
            unsigned width = 1u << ((arg >> 2) % 3u); /* aligned, as mmio.c lets through */
            (void)uart(vm, UxRXREG + ((arg & 3u) & ~(width - 1u)), width, false, 0);
        }
            i++;
            break;
        case 0xFC:
        case 0xFD: /* it sends a character */
            uart(vm, UxTXREG, 4, true, arg);
            i++;
            break;
        case 0xFE: /* it clears OERR, or writes its status register as the argument says */
            uart(vm, UxSTA + (arg & 1u ? SFR_CLR : 0), 4, true, (uint32_t)arg << 1);
            i++;
            break;
        case 0xFF: /* the console UART takes some characters */
            host_uart_room = arg & 15u;
            console_pump();
            i++;
            break;
        default: console_input((char)b); break;
        }
        unsigned owner = console_input_owner();
        if (owner > TVP_MAX_VMID || (owner && tvp_vm_index[owner] >= TVP_NVMS))
            abort(); /* input given to a VM that does not exist */
        for (unsigned k = 0; k < TVP_NVMS; k++) {
            const struct vuart *u = &vms[k].uart;
            if (u->rx_count > VUART_RXQ || u->tx_count > VUART_TXBUF || u->rx_head >= VUART_RXQ ||
                u->tx_head >= VUART_TXBUF)
                abort();
        }
    }
    return 0;
}
