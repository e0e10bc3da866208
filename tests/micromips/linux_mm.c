/*
 * The Linux side of the microMIPS differential test (run.sh): tests/diff/linux.c's harness for
 * a generated body in microMIPS, run by `qemu-mipsel -cpu M14Kc` (toolchain.md: QEMU's
 * microMIPS model; the harness is MIPS32 built for m14kc with legacy NaN, the body is entered
 * with JALX).  Trapping instructions make the kernel deliver SIGFPE (Ov) or SIGTRAP (Tr); the
 * handler logs the code and the PC from the signal context (bit 0 = 1: microMIPS, as EPC) and
 * resumes at PC + 4: the generator puts only 32-bit trapping instructions, and never in a
 * delay slot (mmgen.c).  The handler runs on an alternate signal stack.
 */
#include "linux_harness.h"

static void on_signal(int sig, void *info, void *uc)
{
    (void)info;
    volatile uint32_t *pcp = (volatile uint32_t *)((char *)uc + UC_PC_OFFSET);
    uint32_t pc = *pcp;
    if (pc < DIFF_TEXT || pc >= (uint32_t)diff_epilogue)
        crash("signal outside the generated sequence\n", 38);
    uint32_t code = sig == SIG_FPE    ? DIFF_EXC_OV
                    : sig == SIG_TRAP ? DIFF_EXC_TR
                                      : DIFF_EXC_SIGNAL + (uint32_t)sig;
    volatile uint32_t *log = (volatile uint32_t *)DIFF_LOG;
    uint32_t n = log[0];
    if (n < DIFF_LOG_MAX) {
        log[1 + 2 * n] = code;
        log[2 + 2 * n] = pc;
    }
    log[0] = n + 1;
    *pcp = pc + 4;
}

void diff_linux_init(void)
{
    install_handler(on_signal);
}

#define STR_(x) #x
#define STR(x)  STR_(x)

/* Entry: a stack for the set-up code, then the microMIPS body (JALX switches the ISA). */
__asm__(".section .text.start, \"ax\", @progbits\n"
        ".globl __start\n"
        ".set push\n.set noreorder\n"
        "__start:\n"
        "    lui   $sp, %hi(" STR(DIFF_STACK_TOP) ")\n"
                                                  "    addiu $sp, $sp, %lo(" STR(
                                                      DIFF_STACK_TOP) ")\n"
                                                                      "    jal   diff_linux_init\n"
                                                                      "    nop\n"
                                                                      "    jalx  diff_body\n"
                                                                      "    nop\n"
                                                                      ".set pop\n"
                                                                      ".previous\n");
