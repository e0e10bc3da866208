/* A small bare-metal program for the ELF reader tests: code, read-only data, initialised
 * data loaded at a different physical address (AT in elfguest.ld), and bss. */
int counter = 5;
int table[64];
const char banner[] = "tinyVP elf32 test";

void thread_main(void)
{
    for (int i = 0; i < 64; i++)
        table[i] += counter + banner[i & 15];
}

void start(void)
{
    thread_main();
    for (;;)
        ;
}
