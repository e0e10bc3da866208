/* Assembles the PIC32MZ-EF: memory map (pic32mz-ef.md §1), core, devices. */
#include "machine.h"

#include <stdlib.h>
#include <string.h>

#include "../cpu/cpu.h"
#include "soc/memmap.h"

static void console_tx(void *ctx, uint8_t byte)
{
    struct machine *m = ctx;
    fputc(byte, m->console_out);
    if (byte == '\n')
        fflush(m->console_out);
}

static void uart_tx_discard(void *ctx, uint8_t byte)
{
    (void)ctx;
    (void)byte;
}

static void reset_request(void *ctx, uint32_t rcon_cause)
{
    machine_request_reset(ctx, rcon_cause);
}

static void iolock_changed(void *ctx, bool locked)
{
    struct machine *m = ctx;
    pps_set_locked(&m->pps, locked);
}

/* --warn-unmodelled: an SFR access no model handles (a bus error), reported once per word
 * (issue 4, like QEMU's LOG_UNIMP). */
static void warn_unmodelled(void *ctx, uint32_t pa, unsigned size, bool write)
{
    struct machine *m = ctx;
    if (pa - SFR_PHYS >= SFR_SIZE)
        return;
    uint32_t w = (pa - SFR_PHYS) >> 2;
    if (m->unmodelled_seen[w >> 3] & (1u << (w & 7)))
        return;
    m->unmodelled_seen[w >> 3] |= (uint8_t)(1u << (w & 7));
    fprintf(stderr,
            "pic32mz-sim: unmodelled SFR %s of %u bytes at 0x%08x (KSEG1 0x%08x), pc 0x%08x: "
            "bus error\n",
            write ? "write" : "read", size, pa, pa | KSEG1_BASE, cpu_pc(m->cpu));
}

int machine_init(struct machine *m, const struct board *b, const struct machine_options *o)
{
    memset(m, 0, sizeof(*m));
    m->board = b;
    m->console_out = o->console_out ? o->console_out : stdout;
    bus_init(&m->bus);
    events_init(&m->events);

    m->ram = calloc(1, b->ram_size);
    m->flash = malloc(b->flash_size);
    m->boot_lower = malloc(BOOT_PANEL_SIZE);
    m->boot_upper = malloc(BOOT_PANEL_SIZE);
    if (!m->ram || !m->flash || !m->boot_lower || !m->boot_upper)
        return -1;
    /* Erased flash reads as all ones. */
    memset(m->flash, 0xFF, b->flash_size);
    memset(m->boot_lower, 0xFF, BOOT_PANEL_SIZE);
    memset(m->boot_upper, 0xFF, BOOT_PANEL_SIZE);

    /* Boot flash: the lower alias shows Boot Flash 1 and the upper alias Boot Flash 2 (no
     * panel swap modelled: pic32mz-ef.md §1.2 notes that one panel image per alias suffices);
     * each physical panel is the same host buffer as its alias. */
    if (bus_add_memory(&m->bus, RAM_PHYS, b->ram_size, m->ram, true) ||
        bus_add_memory(&m->bus, PFM_PHYS, b->flash_size, m->flash, false) ||
        bus_add_memory(&m->bus, BOOT_PHYS, BOOT_PANEL_SIZE, m->boot_lower, false) ||
        bus_add_memory(&m->bus, BOOT_UPPER_ALIAS, BOOT_PANEL_SIZE, m->boot_upper, false) ||
        bus_add_memory(&m->bus, BOOT_FLASH1, BOOT_PANEL_SIZE, m->boot_lower, false) ||
        bus_add_memory(&m->bus, BOOT_FLASH2, BOOT_PANEL_SIZE, m->boot_upper, false))
        return -1;

    struct cpu_params p = {
        .shadow_sets = 8,
        .tlb_entries = 16,
        .prid = 0x0001A700u, /* M5150 (mips-vz.md §2.7); revision 0 */
        .ebase_cpunum = 0,
        .max_page_size = o->max_page_size ? o->max_page_size : 0x10000000u,
        .guestid_bits = 3,
        .eic = true,
        .guest_timer_irq = false,
        .gpa_asid_compare = false,
    };
    m->cpu = cpu_create(&m->bus, &p);
    if (!m->cpu)
        return -1;
    /* The EVIC drives the core's EIC interface (pic32mz-ef.md §3.3). */
    if (evic_attach(&m->evic, &m->bus, m->cpu))
        return -1;

    /* Peripherals (sim/soc/devenv.h): interrupt requests, events, time. */
    struct dev_env env = {.evic = &m->evic, .events = &m->events, .cpu = m->cpu};
    for (unsigned i = 1; i <= UART_COUNT; i++) {
        bool console = i == b->console_uart;
        void (*tx)(void *, uint8_t) = console ? console_tx : uart_tx_discard;
        void *tx_ctx = m;
        if (o->uart_tx[i - 1]) {
            tx = o->uart_tx[i - 1];
            tx_ctx = o->uart_tx_ctx[i - 1];
        }
        if (uart_attach(&m->uart[i - 1], &m->bus, i, tx, tx_ctx))
            return -1;
        uart_connect(&m->uart[i - 1], &env);
        uart_set_instant(&m->uart[i - 1], o->uart_instant);
    }
    if (gpio_attach(&m->gpio, &m->bus, b, &env) || pps_attach(&m->pps, &m->bus, b) ||
        timers_attach(&m->timers, &m->bus, &env))
        return -1;
    /* System configuration, watchdogs, flash controller, DMA and the bus arbiter, which
     * filters every CPU and DMA access from here on (sim/soc/sba.h). */
    if (syscfg_attach(&m->syscfg, &m->bus, &m->events, b, m->boot_lower) ||
        wdt_attach(&m->wdt, &m->bus, &m->events, m->cpu, &m->syscfg) ||
        nvm_attach(&m->nvm, &m->bus, &m->events, m->cpu, &m->evic) ||
        dma_attach(&m->dma, &m->bus, &m->events, m->cpu, &m->evic, &m->syscfg) ||
        sba_attach(&m->sba, &m->bus, &m->syscfg, &m->evic))
        return -1;
    m->syscfg.cpu = m->cpu;
    m->syscfg.reset_request = reset_request;
    m->syscfg.reset_ctx = m;
    m->syscfg.iolock_changed = iolock_changed;
    m->syscfg.iolock_ctx = m;
    if (o->warn_unmodelled) {
        m->unmodelled_seen = calloc(1, SFR_SIZE / 4 / 8);
        if (!m->unmodelled_seen)
            return -1;
        m->bus.unhandled = warn_unmodelled;
        m->bus.unhandled_ctx = m;
    }
    if (o->test_device) {
        if (testdev_attach(&m->testdev, &m->bus, m->cpu, m->console_out, stderr))
            return -1;
        m->has_testdev = true;
    }
    return 0;
}

void machine_free(struct machine *m)
{
    if (m->cpu)
        cpu_destroy(m->cpu);
    free(m->ram);
    free(m->flash);
    free(m->boot_lower);
    free(m->boot_upper);
    free(m->unmodelled_seen);
    memset(m, 0, sizeof(*m));
}

void machine_request_stop(struct machine *m)
{
    m->stop_requested = true;
    cpu_request_stop(m->cpu);
}

void machine_request_reset(struct machine *m, uint32_t rcon_cause)
{
    m->reset_cause |= rcon_cause;
    cpu_request_stop(m->cpu);
}

/* Chip reset (power-on when `power_on`): configuration words first (syscfg), then the core and
 * every device; memory is kept.  At power-on the core and the peripherals are already in
 * their reset state (and the host may have moved the PC: --entry). */
static int chip_reset(struct machine *m, uint32_t rcon_cause, bool power_on)
{
    char err[256];
    if (syscfg_reset(&m->syscfg, rcon_cause, err, sizeof(err))) {
        fprintf(stderr, "pic32mz-sim: %s\n", err);
        return -1;
    }
    if (!power_on) {
        cpu_reset(m->cpu);
        evic_reset(&m->evic);
        for (unsigned i = 0; i < UART_COUNT; i++)
            uart_reset(&m->uart[i]);
        gpio_reset(&m->gpio);
        pps_reset(&m->pps);
        timers_reset(&m->timers);
    }
    wdt_reset(&m->wdt);
    nvm_reset(&m->nvm);
    dma_reset(&m->dma);
    sba_reset(&m->sba);
    return 0;
}

enum machine_stop machine_run(struct machine *m, uint64_t max_cycles)
{
    if (!m->powered) {
        m->powered = true;
        if (chip_reset(m, RCON_POR | RCON_BOR, true))
            return MACHINE_ERROR;
    }
    for (;;) {
        uint64_t next = events_next(&m->events);
        enum cpu_stop why = cpu_run(m->cpu, next < max_cycles ? next : max_cycles);
        if (why == CPU_STOP_BREAK)
            return MACHINE_BREAK;
        events_run_due(&m->events, cpu_cycles(m->cpu));
        if (m->reset_cause) {
            uint32_t cause = m->reset_cause;
            m->reset_cause = 0;
            if (chip_reset(m, cause, false))
                return MACHINE_ERROR;
        }
        if (m->has_testdev && m->testdev.exited) {
            /* What firmware handed to a UART still reaches the host (sim/soc/uart.h). */
            for (unsigned i = 0; i < UART_COUNT; i++)
                uart_drain(&m->uart[i]);
            return MACHINE_EXIT;
        }
        if (m->stop_requested) {
            m->stop_requested = false;
            return MACHINE_STOP;
        }
        if (why == CPU_STOP_SLEEP) {
            /* The core sleeps and only a device can wake it: jump to the next event. */
            uint64_t ev = events_next(&m->events);
            if (ev == UINT64_MAX)
                return MACHINE_IDLE;
            cpu_skip_to(m->cpu, ev < max_cycles ? ev : max_cycles);
            events_run_due(&m->events, cpu_cycles(m->cpu));
        }
        if (cpu_cycles(m->cpu) >= max_cycles)
            return MACHINE_LIMIT;
    }
}
