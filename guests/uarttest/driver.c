/*
 * Test guest standing in for the terminal: through tinyVP's test-only hypercall it "types"
 * characters into the shared console's input (emul/console.h), and stops/continues VM 1,
 * printing a line before each step so the test can place what the other VMs print.
 */
#include "../rt/pic32mz.h"

static uint32_t hcall_vm_control(uint32_t id, uint32_t op)
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

static void type_byte(uint8_t c)
{
    register uint32_t a0 __asm__("$4") = c;
    register uint32_t v0 __asm__("$2");
    __asm__ volatile(".set push; .set virt; hypcall 0x3f1; .set pop"
                     : "=r"(v0)
                     : "r"(a0)
                     : "memory");
}

static void type(const char *s)
{
    for (; *s; s++)
        type_byte((uint8_t)*s);
}

static void wait_ms(uint32_t ms)
{
    uint32_t until = core_count() + ms * (CORE_TIMER_HZ / 1000);
    mtc0(11, 0, until);
    while ((int32_t)(core_count() - until) < 0)
        __asm__ volatile("wait");
}

static void step(const char *what)
{
    console_puts("D: ");
    console_puts(what);
    console_puts("\n");
    wait_ms(5); /* the line is out before the next step acts */
}

int main(void)
{
    console_init(4);
    wait_ms(20);
    step("to 1");
    type("\0041hello A\n");
    wait_ms(10);
    step("to 2");
    type("\0042hello B\n");
    wait_ms(10);
    step("bells");
    type("\0045\004x\004\n");
    type("still B\n");
    wait_ms(10);
    step("all bytes to 2");
    /* Every byte the terminal can send but EOT, to a VM: it gets them, tinyVP does nothing. */
    for (unsigned c = 0; c < 256; c++)
        if (c != 0x04)
            type_byte((uint8_t)c);
    wait_ms(10);
    step("to root");
    type("\0040"); /* root's input now goes to the root console (none typed here) */
    wait_ms(10);
    step(hcall_vm_control(1, 0) ? "stop failed" : "stopped 1");
    type("\0041while stopped\n");
    wait_ms(20);
    step(hcall_vm_control(1, 1) ? "continue failed" : "continued 1");
    wait_ms(10);
    step("eot");
    type("\004\004 end\n");
    wait_ms(10);
    step("end");
    for (;;)
        wait_ms(1000);
}
