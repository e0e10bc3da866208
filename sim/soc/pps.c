/*
 * PIC32MZ Peripheral Pin Select registers (pic32mz-ef.md §5.4).  Decisions, with the reasons:
 *
 * - Which registers exist: the input registers of the XC32 address file [XS] (INT1R..INT4R,
 *   T2CKR..T9CKR, IC1R..IC9R, OCFAR, U1RXR..U6CTSR, SDIxR/SSxR, REFCLKI1/3/4R), plus C1RXR and
 *   C2RXR on the CAN parts (EFF/EFH/EFK/EFM, §0).  Output registers RPxnR exist for the
 *   remappable pins of the four output groups of §5.4 that the part has (RPD6/RPD7 only where
 *   port D has those pins, i.e. the 144-pin part).  Other words of the block are a bus error
 *   (the simulator's rule for SFR holes, §1.5).
 * - The value is <3:0>; other bits read 0 (§5.4).  No CLR/SET/INV aliases (§2.1): every word
 *   is a register of its own.  Codes that name nothing in the group tables are stored as
 *   written (the chip's behaviour for reserved codes is not documented here).
 * - CFGCON.IOLOCK = 1 ignores writes (§5.4, [TV-h]); IOLOCK is 0 at reset, so firmware may
 *   route pins before it locks (Harmony's PPS code unlocks SYSKEY and clears IOLOCK first).
 */
#include "pps.h"

#include <string.h>

#include "../board/board.h"
#include "bus.h"
#include "soc/gpio.h"

/* Remappable pins per port A..G: the pin lists of output groups O1..O4 (pic32mz-ef.md §5.4). */
static const uint16_t rp_pins[7] = {
    0xC000, /* A: 14, 15 */
    0xC7EF, /* B: 0-3, 5-10, 14, 15 */
    0x601E, /* C: 1-4, 13, 14 */
    0xDEFF, /* D: 0-7, 9-12, 14, 15 */
    0x0328, /* E: 3, 5, 8, 9 */
    0x313F, /* F: 0-5, 8, 12, 13 */
    0x03C3, /* G: 0, 1, 6-9 */
};

static bool part_has_can(const char *part)
{
    const char *ef = part ? strstr(part, "EF") : NULL;
    return ef && ef[2] && strchr("FHKM", ef[2]);
}

static void mark(struct pps *s, uint32_t off)
{
    s->exists[off / 4] = true;
}

void pps_reset(struct pps *s)
{
    memset(s->value, 0, sizeof(s->value));
    s->locked = false;
}

void pps_set_locked(struct pps *s, bool locked)
{
    s->locked = locked;
}

int pps_input(const struct pps *s, uint32_t off)
{
    if (off >= PPS_SIZE || (off & 3) || !s->exists[off / 4] || off >= PPS_RPR(0, 0))
        return -1;
    return s->value[off / 4];
}

int pps_output(const struct pps *s, unsigned port, unsigned pin)
{
    if (port > GPIO_PORT_G || pin >= 16)
        return -1;
    uint32_t off = PPS_RPR(port, pin);
    return s->exists[off / 4] ? s->value[off / 4] : -1;
}

static bool pps_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct pps *s = opaque;
    if (!s->exists[off / 4])
        return false;
    uint32_t reg = s->value[off / 4];
    *val = reg >> (8 * (off & 3));
    if (size < 4)
        *val &= (1u << (8 * size)) - 1;
    return true;
}

static bool pps_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct pps *s = opaque;
    if (!s->exists[off / 4])
        return false;
    if (s->locked)
        return true; /* IOLOCK: the write is ignored, not an error */
    /* Only byte lane 0 holds the field. */
    if ((off & 3) == 0)
        s->value[off / 4] = (uint8_t)(val & PPS_VALUE);
    (void)size;
    return true;
}

int pps_attach(struct pps *s, struct bus *b, const struct board *board)
{
    memset(s, 0, sizeof(*s));
    static const uint32_t inputs[] = {
        PPS_INT1R, PPS_INT2R,     PPS_INT3R,     PPS_INT4R,
        PPS_OCFAR, PPS_REFCLKI1R, PPS_REFCLKI3R, PPS_REFCLKI4R,
    };
    for (unsigned i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
        mark(s, inputs[i]);
    for (unsigned n = 2; n <= 9; n++)
        mark(s, PPS_TCKR(n));
    for (unsigned n = 1; n <= 9; n++)
        mark(s, PPS_ICR(n));
    for (unsigned n = 1; n <= 6; n++) {
        mark(s, PPS_URXR(n));
        mark(s, PPS_UCTSR(n));
        mark(s, PPS_SDIR(n));
        mark(s, PPS_SSR(n));
    }
    if (part_has_can(board->part)) {
        mark(s, PPS_C1RXR);
        mark(s, PPS_C2RXR);
    }
    for (unsigned port = 0; port <= GPIO_PORT_G; port++)
        for (unsigned pin = 0; pin < 16; pin++)
            if (rp_pins[port] & board->port_pins[port] & (1u << pin))
                mark(s, PPS_RPR(port, pin));
    pps_reset(s);
    struct bus_device d = {
        .name = "pps",
        .base = PPS_PHYS,
        .size = PPS_SIZE,
        .opaque = s,
        .read = pps_read,
        .write = pps_write,
    };
    return bus_add_device(b, &d);
}
