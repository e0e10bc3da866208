/* Image loading: reads the file, detects its format by content, dispatches to the format's
 * loader, and holds the helpers the three loaders share (messages, KSEG conversion, text
 * lines, hexadecimal digits). */
#include "loader.h"
#include "hexdigit.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum loader_format loader_detect(const uint8_t *buf, size_t len)
{
    if (len >= 4 && buf[0] == 0x7f && buf[1] == 'E' && buf[2] == 'L' && buf[3] == 'F')
        return LOADER_FORMAT_ELF;
    for (size_t i = 0; i < len; i++) {
        switch (buf[i]) {
        case ' ':
        case '\t':
        case '\r':
        case '\n': continue;
        case 'S': return LOADER_FORMAT_SREC;
        case ':': return LOADER_FORMAT_IHEX;
        default: return LOADER_FORMAT_UNKNOWN;
        }
    }
    return LOADER_FORMAT_UNKNOWN;
}

const char *loader_format_name(enum loader_format fmt)
{
    switch (fmt) {
    case LOADER_FORMAT_ELF: return "ELF";
    case LOADER_FORMAT_SREC: return "S-record";
    case LOADER_FORMAT_IHEX: return "Intel HEX";
    default: return "unknown";
    }
}

int loader_fail(const struct loader_job *job, const char *fmt, ...)
{
    if (job->err && job->errlen) {
        int n = snprintf(job->err, job->errlen, "%s", job->name);
        if (n >= 0 && (size_t)n < job->errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(job->err + n, job->errlen - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return -1;
}

/* MIPS32 PRA (MD00090) §4.3: KSEG0 (0x80000000-0x9FFFFFFF) and KSEG1 (0xA0000000-0xBFFFFFFF)
 * are unmapped windows onto physical 0x00000000-0x1FFFFFFF. */
int loader_phys_range(uint32_t addr, uint32_t len, uint32_t *paddr)
{
    uint64_t last = (uint64_t)addr + (len ? len - 1 : 0);
    if (last > 0xFFFFFFFFu)
        return -1;
    if (addr >= 0x80000000u && addr <= 0xBFFFFFFFu) {
        if ((last & ~(uint64_t)0x1FFFFFFF) != (addr & ~(uint32_t)0x1FFFFFFF))
            return -1;
        *paddr = addr & 0x1FFFFFFFu;
        return 0;
    }
    /* Other segments are passed as they are; a range that runs from KUSEG into KSEG0 or from
     * KSEG1 into KSEG2 is not one piece of anything. */
    if ((addr < 0x80000000u) != (last < 0x80000000u) ||
        (addr >= 0xC0000000u) != (last >= 0xC0000000u))
        return -1;
    *paddr = addr;
    return 0;
}

static int outside(const struct loader_job *job, const char *where, uint32_t addr, uint32_t len)
{
    return loader_fail(job, "%saddress 0x%08x (len %lu) is outside the memory map", where,
                       (unsigned)addr, (unsigned long)len);
}

int loader_emit(const struct loader_job *job, const char *where, uint32_t addr, const uint8_t *data,
                uint32_t len)
{
    uint32_t paddr;
    if (len == 0)
        return 0;
    if (loader_phys_range(addr, len, &paddr) != 0)
        return outside(job, where, addr, len);
    if (!job->dry_run && job->sink->write(job->sink->ctx, paddr, data, len) != 0)
        return outside(job, where, addr, len);
    return 0;
}

int loader_emit_zero(const struct loader_job *job, const char *where, uint32_t addr, uint32_t len)
{
    static const uint8_t zeros[4096];
    uint32_t paddr;
    if (len == 0)
        return 0;
    if (loader_phys_range(addr, len, &paddr) != 0)
        return outside(job, where, addr, len);
    if (job->dry_run)
        return 0;
    for (uint32_t done = 0; done < len;) {
        uint32_t n = len - done < sizeof zeros ? len - done : (uint32_t)sizeof zeros;
        if (job->sink->write(job->sink->ctx, paddr + done, zeros, n) != 0)
            return outside(job, where, addr, len);
        done += n;
    }
    return 0;
}

int loader_next_line(const struct loader_job *job, size_t *pos, struct loader_line *line)
{
    if (*pos >= job->len)
        return 0;
    const char *start = (const char *)job->buf + *pos;
    size_t left = job->len - *pos;
    const char *nl = memchr(start, '\n', left);
    size_t n = nl ? (size_t)(nl - start) : left;
    *pos += nl ? n + 1 : n;
    while (n > 0 && (start[n - 1] == '\r' || start[n - 1] == ' ' || start[n - 1] == '\t'))
        n--;
    line->p = start;
    line->n = n;
    line->number++;
    return 1;
}

long loader_hex_check(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (hex_digit(s[i]) < 0)
            return (long)i;
    return -1;
}

void loader_hex_decode(const char *s, size_t nbytes, uint8_t *out)
{
    for (size_t i = 0; i < nbytes; i++)
        out[i] = (uint8_t)(hex_digit(s[2 * i]) << 4 | hex_digit(s[2 * i + 1]));
}

const char *loader_char_name(char c, char buf[8])
{
    unsigned char u = (unsigned char)c;
    if (u >= 0x20 && u < 0x7f && u != '\'' && u != '\\')
        snprintf(buf, 8, "'%c'", c);
    else
        snprintf(buf, 8, "\\x%02x", u);
    return buf;
}

int loader_load_buffer(const char *name, const uint8_t *buf, size_t len,
                       const struct loader_sink *sink, struct loader_result *res, char *err,
                       size_t errlen)
{
    struct loader_job job = {name, buf, len, sink, err, errlen, 0};
    int (*load)(const struct loader_job *, struct loader_result *);
    res->entry = 0;
    res->has_entry = 0;
    if (len == 0)
        return loader_fail(&job, ": empty file");
    switch (loader_detect(buf, len)) {
    case LOADER_FORMAT_ELF: load = load_elf; break;
    case LOADER_FORMAT_SREC: load = load_srec; break;
    case LOADER_FORMAT_IHEX: load = load_ihex; break;
    default:
        return loader_fail(&job, ": unknown format (expected ELF, Motorola S-record or Intel HEX)");
    }
    /* Two passes over the same code: the dry run finds every format error and every range
     * that cannot be physical, so a bad file never reaches the sink. */
    struct loader_job dry = job;
    dry.dry_run = 1;
    if (load(&dry, res) != 0)
        return -1;
    res->entry = 0;
    res->has_entry = 0;
    return load(&job, res);
}

/* Reads the whole file; a pipe is read to its end too.  The buffer grows to at most one byte
 * beyond the limit, which is how "larger than the limit" is noticed. */
static int read_file(const char *path, uint8_t **out, size_t *outlen, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 0, len = 0;
    uint8_t *buf = NULL;
    for (;;) {
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            if (ncap > (size_t)LOADER_MAX_FILE_SIZE + 1)
                ncap = (size_t)LOADER_MAX_FILE_SIZE + 1;
            uint8_t *nbuf = realloc(buf, ncap);
            if (!nbuf) {
                snprintf(err, errlen, "%s: out of memory", path);
                goto fail;
            }
            buf = nbuf;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len > LOADER_MAX_FILE_SIZE) {
            snprintf(err, errlen, "%s: file is larger than %u bytes", path,
                     (unsigned)LOADER_MAX_FILE_SIZE);
            goto fail;
        }
        if (got == 0) {
            if (ferror(f)) {
                snprintf(err, errlen, "%s: read error: %s", path, strerror(errno));
                goto fail;
            }
            break;
        }
    }
    fclose(f);
    *out = buf;
    *outlen = len;
    return 0;
fail:
    free(buf);
    fclose(f);
    return -1;
}

int loader_load(const char *path, const struct loader_sink *sink, struct loader_result *res,
                char *err, size_t errlen)
{
    uint8_t *buf;
    size_t len;
    res->entry = 0;
    res->has_entry = 0;
    if (read_file(path, &buf, &len, err, errlen) != 0)
        return -1;
    int rc = loader_load_buffer(path, buf, len, sink, res, err, errlen);
    free(buf);
    return rc;
}
