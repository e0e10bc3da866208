/* Host stand-ins for tinyVP code under libFuzzer (tests/fuzz/hv/host.c). */
#ifndef TESTS_FUZZ_HV_HOST_H
#define TESTS_FUZZ_HV_HOST_H

#include <stdint.h>

extern uint32_t host_cp0[32][8], host_gcp0[32][8], host_gpr[32];
extern unsigned host_bus_errors, host_uart_room, host_root_input;
extern uint8_t *host_port_page;

void host_init(void);
void host_check_memory(void);

#endif
