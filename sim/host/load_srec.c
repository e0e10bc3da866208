/* Motorola S-record loader.
 *
 * Record: 'S', type digit, byte count (2 hex digits) = number of bytes that follow (address,
 * data, checksum), address (2/3/4 bytes, big-endian), data, checksum = ones' complement of the
 * low byte of the sum of count, address and data bytes (srec_motorola(5), srecord 1.64).
 *   S0 header (ignored)        S1/S2/S3 data, 16/24/32-bit address
 *   S5/S6 count of S1/S2/S3 records before it, 16/24-bit (checked)
 *   S7/S8/S9 termination with the start address, 32/24/16-bit
 * S4 is reserved.  The termination record is optional: srec_cat (srecord 1.64) writes none when
 * it knows no execution start address.  When present, nothing but blank lines may follow it.
 */
#include "loader.h"

#include <stdio.h>

/* Address bytes per record type S0..S9; 0 for the reserved S4. */
static const unsigned addr_bytes[10] = {2, 2, 3, 4, 0, 2, 3, 4, 3, 2};

int load_srec(const struct loader_job *job, struct loader_result *res)
{
    struct loader_line ln = {0};
    size_t pos = 0;
    unsigned long data_records = 0, last_line = 0, end_line = 0;
    uint8_t rec[256];
    char where[40], cn[8];

    while (loader_next_line(job, &pos, &ln)) {
        unsigned long no = ln.number;
        if (ln.n == 0)
            continue;
        if (end_line)
            return loader_fail(job, ":%lu: record after the termination record on line %lu", no,
                               end_line);
        last_line = no;
        if (ln.p[0] != 'S')
            return loader_fail(job, ":%lu: expected 'S' at the start of a record, found %s", no,
                               loader_char_name(ln.p[0], cn));
        if (ln.n < 2)
            return loader_fail(job, ":%lu: short record: no record type after 'S'", no);
        if (ln.p[1] < '0' || ln.p[1] > '9')
            return loader_fail(job, ":%lu: bad record type %s after 'S'", no,
                               loader_char_name(ln.p[1], cn));
        unsigned type = (unsigned)(ln.p[1] - '0');
        if (type == 4)
            return loader_fail(job, ":%lu: unsupported record type S4 (reserved)", no);
        if (ln.n < 4)
            return loader_fail(job, ":%lu: short record: no byte count", no);

        /* After "Sx": the byte count, then two digits per counted byte.  A non-digit is
         * reported before a length mismatch, since it usually is the cause. */
        const char *hex = ln.p + 2;
        size_t ndigits = ln.n - 2;
        long bad = loader_hex_check(hex, 2);
        if (bad >= 0)
            return loader_fail(job, ":%lu: bad hex digit %s at column %ld", no,
                               loader_char_name(hex[bad], cn), bad + 3);
        loader_hex_decode(hex, 1, rec);
        unsigned count = rec[0];
        size_t want = 2 + 2 * (size_t)count;
        bad = loader_hex_check(hex, ndigits < want ? ndigits : want);
        if (bad >= 0)
            return loader_fail(job, ":%lu: bad hex digit %s at column %ld", no,
                               loader_char_name(hex[bad], cn), bad + 3);
        if (ndigits < want)
            return loader_fail(job,
                               ":%lu: short record: byte count 0x%02x needs %zu hex digits "
                               "after it, found %zu",
                               no, count, want - 2, ndigits - 2);
        if (ndigits > want)
            return loader_fail(job,
                               ":%lu: record longer than its byte count 0x%02x: %zu hex digits "
                               "after it, expected %zu",
                               no, count, ndigits - 2, want - 2);
        loader_hex_decode(hex + 2, count, rec + 1);

        unsigned alen = addr_bytes[type];
        if (count < alen + 1)
            return loader_fail(job,
                               ":%lu: wrong byte count 0x%02x: an S%u record has at least %u "
                               "bytes (address and checksum)",
                               no, count, type, alen + 1);
        unsigned sum = 0;
        for (unsigned i = 0; i < count; i++) /* rec[0] is the count, rec[count] the checksum */
            sum += rec[i];
        uint8_t expect = (uint8_t)~sum;
        if (rec[count] != expect)
            return loader_fail(job, ":%lu: checksum error: record has 0x%02x, computed 0x%02x", no,
                               rec[count], expect);

        uint32_t addr = 0;
        for (unsigned i = 0; i < alen; i++)
            addr = addr << 8 | rec[1 + i];
        const uint8_t *data = rec + 1 + alen;
        unsigned dlen = count - alen - 1;

        switch (type) {
        case 0: break;
        case 1:
        case 2:
        case 3:
            data_records++;
            snprintf(where, sizeof where, ":%lu: ", no);
            if (loader_emit(job, where, addr, data, dlen) != 0)
                return -1;
            break;
        case 5:
        case 6:
            if (dlen != 0)
                return loader_fail(job,
                                   ":%lu: wrong byte count 0x%02x for an S%u record "
                                   "(expected 0x%02x)",
                                   no, count, type, alen + 1);
            if (addr != data_records)
                return loader_fail(job,
                                   ":%lu: S%u record count %lu does not match the %lu "
                                   "data records before it",
                                   no, type, (unsigned long)addr, data_records);
            break;
        default: /* 7, 8, 9 */
            if (dlen != 0)
                return loader_fail(job,
                                   ":%lu: wrong byte count 0x%02x for an S%u record "
                                   "(expected 0x%02x)",
                                   no, count, type, alen + 1);
            res->entry = addr;
            res->has_entry = addr != 0;
            end_line = no;
            break;
        }
    }
    if (!last_line)
        return loader_fail(job, ": no S-records in the file");
    return 0;
}
