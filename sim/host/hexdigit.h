/* The value of one hexadecimal digit, for the text formats the simulator reads (Intel HEX,
 * SREC, --script strings, the gdb remote protocol). */
#ifndef SIM_HOST_HEXDIGIT_H
#define SIM_HOST_HEXDIGIT_H

/* 0..15, or -1 when `c` is not a hexadecimal digit. */
static inline int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

#endif
