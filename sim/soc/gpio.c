/*
 * PIC32MZ I/O ports and change notice (pic32mz-ef.md §5.1, §5.2; PIC32 FRM Section 12 "I/O
 * Ports").  Decisions where the fact sheet is unsure, with the reasons:
 *
 * - Which registers exist: ANSEL on every port but K ([XS-144]) and but the ports of the
 *   64-pin part that have no analog pin (C, D, F: [XS-064]); ports H and J of the 144-pin part
 *   have ANSELH/ANSELJ even though no analog pin of theirs is listed ([XS-144]).  SRCON0/1
 *   only on ports A, B, E, F, G (§5.1).  Anything else in a port block, and any absent port,
 *   is a bus error (the simulator's rule for SFR holes, §1.5).  Unimplemented pins read 0.
 * - Reset: ANSEL = every analog-capable pin analog, TRIS = all inputs (datasheet reset values
 *   of the PIC32MZ port registers); LAT = 0 (the datasheet gives "x"; 0 keeps runs
 *   deterministic); ODC, pulls and the CN registers 0 (§5.1).
 * - Pin level: an output (TRIS = 0) drives its LAT bit, except an open-drain output (ODC = 1)
 *   with LAT = 1, which releases the pin.  A pin nobody drives reads its pull-up (CNPU), else
 *   its pull-down (CNPD), else 0 (a floating input is undefined on silicon; 0 is
 *   deterministic).  An output wins over an outside drive (no contention modelled).
 * - The digital input (PORTx, change notice) of a pin with ANSEL = 1 is 0: the analog setting
 *   turns the digital input buffer off (§5.1); its output still works.
 * - Mismatch mode (EDGEDETECT = 0): a pin is in mismatch while its input differs from the value
 *   of the last PORTx read; CNSTATx shows the mismatching pins enabled in CNENx, live, not
 *   latched (Microchip FAQ 2895: "the CN status flags are not persistent": a second edge can
 *   cancel the mismatch); the request line is any such pin.  CNSTATx reads 0 in edge mode.
 * - Edge mode (EDGEDETECT = 1): a rising input sets its CNFx bit if enabled in CNENx, a falling
 *   one if enabled in CNNEx ([H3-gpio]); CNFx bits stay set until software clears them
 *   (CNFxCLR or a write); the request line is CNFx != 0 (FAQ 2895: edge mode latches).
 * - The CN request of port k is IRQ_CN(k) (118 + k), persistent (§3.5, evic.c): the line is
 *   the condition above while CNCONx.ON = 1.  Pins are compared whatever their TRIS: the input
 *   buffer sees an output's own level too.
 * - Reading the CLR/SET/INV addresses returns 0 (§2.1); only a read of PORTx itself latches
 *   the mismatch reference.  PORTx writes (and PORTxCLR/SET/INV) go to LATx (§5.1, [QM]).
 */
#include "gpio.h"

#include "../board/board.h"
#include "bus.h"
#include "sfr_reg.h"
#include "soc/evic.h"

#define PORT_SRCON_MASK                                                                            \
    ((1u << GPIO_PORT_A) | (1u << GPIO_PORT_B) | (1u << GPIO_PORT_E) | (1u << GPIO_PORT_F) |       \
     (1u << GPIO_PORT_G))

static uint32_t digital_in(const struct gpio_port *p)
{
    return p->level & ~p->ansel & p->pins;
}

static uint32_t compute_levels(const struct gpio_port *p)
{
    uint32_t out = ~p->tris & p->pins;
    uint32_t released = out & p->odc & p->lat; /* open drain, high: not driven */
    uint32_t driven = out & ~released;
    uint32_t pulled = p->cnpu & p->pins; /* a pull-down, or nothing, reads 0 */
    uint32_t outside = (p->ext_driven & p->ext_level) | (~p->ext_driven & pulled);
    return ((driven & p->lat) | (~driven & outside)) & p->pins;
}

static bool cn_on(const struct gpio_port *p)
{
    return (p->cncon & CNCON_ON) != 0;
}

static bool edge_mode(const struct gpio_port *p)
{
    return (p->cncon & CNCON_EDGEDETECT) != 0;
}

static uint32_t cnstat(const struct gpio_port *p)
{
    if (!cn_on(p) || edge_mode(p))
        return 0;
    return (digital_in(p) ^ p->last_read) & p->cnen & p->pins;
}

static void update_cn_line(struct gpio *g, unsigned k)
{
    const struct gpio_port *p = &g->port[k];
    bool line = cn_on(p) && (edge_mode(p) ? (p->cnf & p->pins) != 0 : cnstat(p) != 0);
    evic_set_irq(g->env.evic, IRQ_CN(k), line);
}

/* Recomputes the levels of port k after any change; reports changed pins, detects edges. */
static void settle(struct gpio *g, unsigned k)
{
    struct gpio_port *p = &g->port[k];
    uint32_t old = p->level;
    p->level = compute_levels(p);
    uint32_t changed = old ^ p->level;
    if (changed && g->pin_changed) {
        uint64_t now = dev_now(&g->env);
        for (unsigned pin = 0; pin < 16; pin++)
            if (changed & (1u << pin))
                g->pin_changed(g->ctx, k, pin, (p->level >> pin) & 1, now);
    }
    uint32_t in = digital_in(p);
    if (cn_on(p) && edge_mode(p)) {
        uint32_t rising = in & ~p->prev_in & p->cnen;
        uint32_t falling = ~in & p->prev_in & p->cnne;
        p->cnf |= (rising | falling) & p->pins;
    }
    p->prev_in = in;
    update_cn_line(g, k);
}

/* The register image at a 16-byte-aligned offset; NULL if the port has no such register. */
static uint32_t *slot(struct gpio_port *p, uint32_t base, uint32_t *writable)
{
    *writable = p->pins;
    switch (base) {
    case ANSELx: *writable = p->analog; return p->has_ansel ? &p->ansel : NULL;
    case TRISx: return &p->tris;
    case PORTx: return &p->lat; /* writes go to LAT; reads are handled apart */
    case LATx: return &p->lat;
    case ODCx: return &p->odc;
    case CNPUx: return &p->cnpu;
    case CNPDx: return &p->cnpd;
    case CNCONx: *writable = CNCON_ON | CNCON_SIDL | CNCON_EDGEDETECT; return &p->cncon;
    case CNENx: return &p->cnen;
    case CNSTATx: *writable = 0; return &p->cnf; /* read apart; never written */
    case CNNEx: return &p->cnne;
    case CNFx: return &p->cnf;
    case SRCON0x: return p->has_srcon ? &p->srcon0 : NULL;
    case SRCON1x: return p->has_srcon ? &p->srcon1 : NULL;
    default: return NULL;
    }
}

static bool gpio_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct gpio *g = opaque;
    unsigned k = off >> 8;
    struct gpio_port *p = &g->port[k];
    uint32_t base = off & 0xF0, w;
    uint32_t *r = p->present ? slot(p, base, &w) : NULL;
    if (!r)
        return false;
    uint32_t reg;
    bool alias = (off & SFR_ALIAS_MASK) != 0;
    if (alias)
        reg = 0; /* CLR/SET/INV addresses read as 0 (pic32mz-ef.md §2.1) */
    else if (base == PORTx) {
        reg = digital_in(p);
        p->last_read = reg;
        update_cn_line(g, k);
    } else if (base == CNSTATx)
        reg = cnstat(p);
    else
        reg = *r;
    *val = reg >> (8 * (off & 3));
    if (size < 4)
        *val &= (1u << (8 * size)) - 1;
    return true;
}

static bool gpio_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct gpio *g = opaque;
    unsigned k = off >> 8;
    struct gpio_port *p = &g->port[k];
    uint32_t base = off & 0xF0, writable, lanes;
    uint32_t *r = p->present ? slot(p, base, &writable) : NULL;
    if (!r)
        return false;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    uint32_t old_cncon = p->cncon;
    *r = sfr_apply(*r, off & 0xF, v, writable & lanes);
    if (base == CNCONx && !(old_cncon & CNCON_ON) && cn_on(p))
        p->prev_in = digital_in(p); /* edges count from the moment CN is switched on */
    settle(g, k);
    return true;
}

static void port_reset(struct gpio_port *p)
{
    p->ansel = p->has_ansel ? p->analog : 0;
    p->tris = p->pins;
    p->lat = p->odc = p->cnpu = p->cnpd = p->cncon = p->cnen = p->cnne = p->cnf = 0;
    p->srcon0 = p->srcon1 = 0;
    p->last_read = p->prev_in = 0;
}

void gpio_reset(struct gpio *g)
{
    for (unsigned k = 0; k < GPIO_NUM_PORTS; k++) {
        if (!g->port[k].present)
            continue;
        port_reset(&g->port[k]);
        settle(g, k);
        g->port[k].last_read = digital_in(&g->port[k]);
        update_cn_line(g, k);
    }
}

int gpio_attach(struct gpio *g, struct bus *b, const struct board *board, const struct dev_env *env)
{
    *g = (struct gpio){.env = *env};
    for (unsigned k = 0; k < GPIO_NUM_PORTS && k < BOARD_PORTS; k++) {
        struct gpio_port *p = &g->port[k];
        p->pins = board->port_pins[k];
        p->analog = board->port_analog[k] & p->pins;
        p->present = p->pins != 0;
        p->has_ansel = k != GPIO_PORT_K && (p->analog != 0 || k >= GPIO_PORT_H);
        p->has_srcon = (PORT_SRCON_MASK >> k) & 1;
    }
    gpio_reset(g);
    struct bus_device d = {
        .name = "gpio",
        .base = GPIO_PHYS,
        .size = GPIO_PORT_SIZE * GPIO_NUM_PORTS,
        .opaque = g,
        .read = gpio_read,
        .write = gpio_write,
    };
    return bus_add_device(b, &d);
}

void gpio_set_pin_changed(struct gpio *g,
                          void (*fn)(void *ctx, unsigned port, unsigned pin, int level,
                                     uint64_t cycle),
                          void *ctx)
{
    g->pin_changed = fn;
    g->ctx = ctx;
}

bool gpio_set_input(struct gpio *g, unsigned port, unsigned pin, enum gpio_level level)
{
    if (port >= GPIO_NUM_PORTS || pin >= 16 || !(g->port[port].pins & (1u << pin)))
        return false;
    struct gpio_port *p = &g->port[port];
    uint32_t bit = 1u << pin;
    if (level == GPIO_FLOAT)
        p->ext_driven &= ~bit;
    else
        p->ext_driven |= bit;
    p->ext_level = level == GPIO_HIGH ? p->ext_level | bit : p->ext_level & ~bit;
    settle(g, port);
    return true;
}

int gpio_pin_level(const struct gpio *g, unsigned port, unsigned pin)
{
    if (port >= GPIO_NUM_PORTS || pin >= 16 || !(g->port[port].pins & (1u << pin)))
        return -1;
    return (g->port[port].level >> pin) & 1;
}
