/* Intel HEX loader (Intel Hexadecimal Object File Format Specification, Rev. A, 1988).
 *
 * Record: ':', RECLEN (1 byte), LOAD OFFSET (2 bytes, big-endian), RECTYP (1 byte), RECLEN data
 * bytes, CHKSUM; all bytes of a record including the checksum sum to 0 modulo 256.
 *   00 data   01 end of file (required, RECLEN 0)
 *   02 extended segment address USBA: byte address = USBA*16 + ((offset + i) mod 64K)
 *   03 start segment address CS:IP -> entry CS*16 + IP
 *   04 extended linear address ULBA: byte address = (ULBA<<16 + offset + i) mod 4G
 *   05 start linear address EIP -> entry
 * The address rules are the specification's; a data record that runs past offset 0xFFFF is
 * handed to the sink in two pieces accordingly.  Nothing but blank lines may follow 01.
 */
#include "loader.h"

#include <stdio.h>

enum { REC_DATA, REC_EOF, REC_EXT_SEGMENT, REC_START_SEGMENT, REC_EXT_LINEAR, REC_START_LINEAR };

/* RECLEN each non-data record type must have; -1 for data. */
static const int fixed_len[6] = {-1, 0, 2, 4, 2, 4};
static const char *const type_name[6] = {
    "data",
    "end-of-file",
    "extended segment address",
    "start segment address",
    "extended linear address",
    "start linear address",
};

int load_ihex(const struct loader_job *job, struct loader_result *res)
{
    struct loader_line ln = {0};
    size_t pos = 0;
    unsigned long last_line = 0, eof_line = 0, start_line = 0;
    uint32_t base = 0; /* USBA*16 or ULBA<<16; zero until a 02/04 record */
    int linear = 1;    /* how an offset past 0xFFFF continues (see above) */
    uint8_t rec[5 + 255];
    char where[40], cn[8];

    while (loader_next_line(job, &pos, &ln)) {
        unsigned long no = ln.number;
        if (ln.n == 0)
            continue;
        if (eof_line)
            return loader_fail(job, ":%lu: record after the end-of-file record on line %lu", no,
                               eof_line);
        last_line = no;
        if (ln.p[0] != ':')
            return loader_fail(job, ":%lu: expected ':' at the start of a record, found %s", no,
                               loader_char_name(ln.p[0], cn));

        /* After ':': RECLEN, then 8 digits of offset, type and checksum, and 2 per data byte.
         * A non-digit is reported before a length mismatch, since it usually is the cause. */
        const char *hex = ln.p + 1;
        size_t ndigits = ln.n - 1;
        size_t want = 10;
        long bad = loader_hex_check(hex, ndigits < 2 ? ndigits : 2);
        if (bad >= 0)
            return loader_fail(job, ":%lu: bad hex digit %s at column %ld", no,
                               loader_char_name(hex[bad], cn), bad + 2);
        if (ndigits < 2)
            return loader_fail(job, ":%lu: short record: no byte count after ':'", no);
        loader_hex_decode(hex, 1, rec);
        want += 2 * (size_t)rec[0];
        bad = loader_hex_check(hex, ndigits < want ? ndigits : want);
        if (bad >= 0)
            return loader_fail(job, ":%lu: bad hex digit %s at column %ld", no,
                               loader_char_name(hex[bad], cn), bad + 2);
        if (ndigits < want)
            return loader_fail(job,
                               ":%lu: short record: %zu hex digits, byte count 0x%02x needs %zu",
                               no, ndigits, rec[0], want);
        if (ndigits > want)
            return loader_fail(job,
                               ":%lu: record longer than its byte count 0x%02x: %zu hex digits, "
                               "expected %zu",
                               no, rec[0], ndigits, want);
        unsigned reclen = rec[0];
        loader_hex_decode(hex, 5 + reclen, rec);
        unsigned sum = 0;
        for (unsigned i = 0; i < 4 + reclen; i++)
            sum += rec[i];
        uint8_t expect = (uint8_t)-sum;
        if (rec[4 + reclen] != expect)
            return loader_fail(job, ":%lu: checksum error: record has 0x%02x, computed 0x%02x", no,
                               rec[4 + reclen], expect);

        unsigned offset = (unsigned)rec[1] << 8 | rec[2];
        unsigned type = rec[3];
        const uint8_t *d = rec + 4;
        if (type > REC_START_LINEAR)
            return loader_fail(job, ":%lu: unknown record type 0x%02x", no, type);
        if (fixed_len[type] >= 0 && reclen != (unsigned)fixed_len[type])
            return loader_fail(
                job, ":%lu: wrong byte count 0x%02x for a%s %s record (expected 0x%02x)", no,
                reclen,
                type == REC_EOF || type == REC_EXT_SEGMENT || type == REC_EXT_LINEAR ? "n" : "",
                type_name[type], (unsigned)fixed_len[type]);

        switch (type) {
        case REC_DATA: {
            /* Bytes up to offset 0xFFFF, then the rest after the wrap. */
            unsigned first = reclen < 0x10000 - offset ? reclen : 0x10000 - offset;
            uint32_t wrap = linear ? base + 0x10000u : base;
            snprintf(where, sizeof where, ":%lu: ", no);
            if (loader_emit(job, where, base + offset, d, first) != 0 ||
                loader_emit(job, where, wrap, d + first, reclen - first) != 0)
                return -1;
            break;
        }
        case REC_EOF: eof_line = no; break;
        case REC_EXT_SEGMENT:
            base = ((uint32_t)d[0] << 8 | d[1]) << 4;
            linear = 0;
            break;
        case REC_EXT_LINEAR:
            base = ((uint32_t)d[0] << 8 | d[1]) << 16;
            linear = 1;
            break;
        default: /* start address records */
            if (start_line)
                return loader_fail(job,
                                   ":%lu: second start address record (the first is on line %lu)",
                                   no, start_line);
            start_line = no;
            if (type == REC_START_SEGMENT)
                res->entry = ((uint32_t)d[0] << 8 | d[1]) * 16u + ((uint32_t)d[2] << 8 | d[3]);
            else
                res->entry =
                    (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 | (uint32_t)d[2] << 8 | d[3];
            res->has_entry = 1;
            break;
        }
    }
    if (!eof_line) {
        if (!last_line)
            return loader_fail(job, ": no Intel HEX records in the file");
        return loader_fail(job,
                           ":%lu: file ends after this record without an end-of-file record "
                           "(type 01)",
                           last_line);
    }
    return 0;
}
