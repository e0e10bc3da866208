/* Host stand-in for a tvpconf-generated tvp_config.h (tests/fuzz/hv): two VMs whose tables
 * tests/fuzz/hv/host.c defines by hand (the generated C checks 32-bit offsets). */
#ifndef TVP_CONFIG_H
#define TVP_CONFIG_H

#define TVP_NVMS      2
#define TVP_MAX_VMID  7
#define TVP_NTHREADS  0
#define TVP_ERET_PAGE 0x9ffff000u
#define TVP_MAX_MMIO  4
#define TVP_MAX_TRAPS 4

#include <stdint.h>

#include "tvp/tables.h"

extern const struct tvp_vm tvp_vms[TVP_NVMS];
extern const uint8_t tvp_vm_index[TVP_MAX_VMID + 1];
extern const uint8_t tvp_irq_owner[TVP_NIRQ];
extern const uint8_t tvp_irq_emulator[TVP_NIRQ];

#endif
