/*
 * Console echo for the scripted-session tests: prints "echo ready", then sends back every
 * byte it receives on the board's console UART (CONSOLE_UART, pic32mz-ef.md §4.5); a carriage
 * return comes back as CR LF; Ctrl-D (0x04) prints "bye" and ends (the core then waits).
 */
#include "hostrt.h"

int main(void)
{
    uart_open(CONSOLE_UART);
    uart_puts("echo ready\n");
    for (;;) {
        char c = uart_getc();
        if (c == 0x04) {
            uart_puts("\nbye\n");
            return 0;
        }
        if (c == '\r')
            uart_puts("\n");
        else
            uart_putc(c);
    }
}
