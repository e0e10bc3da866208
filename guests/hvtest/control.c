/*
 * Test guest standing in for the root console: through tinyVP's test-only hypercall it stops
 * VM 1, continues it and restarts it, 30 ms apart, printing a line before each step.
 */
#include "../rt/pic32mz.h"

#define HCALL_VM_CONTROL_WORD 0x421F8028 /* hypcall 0x3F0 (mips-vz.md §5.11 encoding) */

static uint32_t vm_control(uint32_t id, uint32_t op)
{
    register uint32_t a0 __asm__("$4") = id;
    register uint32_t a1 __asm__("$5") = op;
    register uint32_t v0 __asm__("$2");
    __asm__ volatile(".set push; .set virt; hypcall 0x3f0; .set pop"
                     : "=r"(v0)
                     : "r"(a0), "r"(a1)
                     : "memory");
    return v0;
}

static void wait_ms(uint32_t ms)
{
    uint32_t until = core_count() + ms * (CORE_TIMER_HZ / 1000);
    mtc0(11, 0, until);
    while ((int32_t)(core_count() - until) < 0)
        __asm__ volatile("wait");
}

int main(void)
{
    static const char *const steps[] = {"stop", "continue", "restart"};
    console_init(4);
    for (uint32_t op = 0; op < 3; op++) {
        wait_ms(30);
        console_puts("ctl: ");
        console_puts(steps[op]);
        console_puts(vm_control(1, op) == 0 ? " 1 ok\n" : " 1 refused\n");
    }
    console_puts(vm_control(7, 0) == 0xFFFFFFFFu ? "ctl: vm 7 refused\n" : "ctl: vm 7 BAD\n");
    for (;;)
        wait_ms(1000);
}
