/* Helpers shared by every include/soc header; usable from C and from assembly (.S). */
#ifndef SOC_BITS_H
#define SOC_BITS_H

#ifdef __ASSEMBLER__
#define SOC_U(x) x
#else
#define SOC_U(x) x##u
#endif

/* A field FOO is described by FOO_SHIFT and FOO (the mask, already shifted). */
#define SOC_BIT(n)        (SOC_U(1) << (n))
#define SOC_FIELD(hi, lo) (((SOC_U(1) << ((hi) - (lo)) << 1) - 1) << (lo))

#endif
