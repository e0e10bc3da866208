/* Small helpers of the configuration model: flag letters, emulator names, lookups. */
#include "model.h"

#include <string.h>

#include "parse.h"
#include "tvp/tables.h"

static const struct {
    char letter;
    unsigned bit;
} flag_letters[] = {
    {'r', RF_R},
    {'w', RF_W},
    {'x', RF_X},
    {'i', RF_IGNORE},
    {'I', RF_IGNORE_PRINT},
    {'s', RF_SHARED},
    {'e', RF_EMULATED},
    {'u', RF_UNCACHED},
    {'n', RF_CACHED},
    {'a', RF_ACCEL},
    {'t', RF_WTHROUGH},
    {'d', RF_D},
};

int parse_flags(const char *s, const struct loc *at, unsigned *out)
{
    unsigned f = 0;
    for (const char *p = s; *p; p++) {
        size_t i;
        for (i = 0; i < sizeof(flag_letters) / sizeof(flag_letters[0]); i++)
            if (flag_letters[i].letter == *p)
                break;
        if (i == sizeof(flag_letters) / sizeof(flag_letters[0])) {
            diag_error(at, "unknown flag letter '%c' in '%s' (letters: rwxiIseunatd)", *p, s);
            return -1;
        }
        f |= flag_letters[i].bit;
    }
    /* config-format.md: a and t are not allowed with e; one cache mode at most. */
    if ((f & RF_EMULATED) && (f & (RF_ACCEL | RF_WTHROUGH))) {
        diag_error(at, "flags '%s': 'e' cannot be combined with 'a' or 't'", s);
        return -1;
    }
    unsigned cache = f & (RF_UNCACHED | RF_CACHED | RF_ACCEL | RF_WTHROUGH);
    if (cache & (cache - 1)) {
        diag_error(at, "flags '%s': more than one cache mode (u, n, a, t)", s);
        return -1;
    }
    *out = f;
    return 0;
}

const char *flags_str(unsigned flags)
{
    static char buf[16];
    size_t n = 0;
    for (size_t i = 0; i < sizeof(flag_letters) / sizeof(flag_letters[0]); i++)
        if (flags & flag_letters[i].bit)
            buf[n++] = flag_letters[i].letter;
    buf[n] = 0;
    return buf;
}

static const char *const emulator_names[TVP_EMUL_COUNT] = {
    [TVP_EMUL_CONSOLE] = "console",
    [TVP_EMUL_IC] = "ic_emulator",
    [TVP_EMUL_INTERRUPT] = "interrupt",
    [TVP_EMUL_GPIO] = "gpio",
};

int emulator_id(const char *name)
{
    for (int i = 1; i < TVP_EMUL_COUNT; i++)
        if (strcmp(emulator_names[i], name) == 0)
            return i;
    return -1;
}

const struct device *devlib_find(const struct devlib *lib, const char *name)
{
    for (size_t i = 0; i < lib->devices.n; i++)
        if (strcmp(lib->devices.v[i]->name, name) == 0)
            return lib->devices.v[i];
    return NULL;
}
