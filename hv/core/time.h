/* System time and the root's single timer (the core timer, Count/Compare). */
#ifndef HV_CORE_TIME_H
#define HV_CORE_TIME_H

#include <stdint.h>

/* Count runs at SYSCLK/2 = 100 MHz on the PIC32MZ-EF (pic32mz-ef.md §6.1). */
#define TICKS_PER_SECOND 100000000u
#define TICKS_PER_MS     (TICKS_PER_SECOND / 1000u)

/* 64-bit system time in Count ticks since boot (Count extended across its wraps). */
uint64_t time_now(void);
/* Programs Compare for the earliest of the scheduler's deadlines (at most ~40 s ahead). */
void time_arm(uint64_t at);

#endif
