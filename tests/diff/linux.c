/*
 * The Linux side of the differential test: a static, libc-free o32 user program run under
 * qemu-mipsel.  Trapping instructions of the generated sequence make the kernel deliver
 * SIGFPE (integer overflow, ExcCode Ov) or SIGTRAP (trap instructions, code 0, ExcCode Tr);
 * the handler logs the code and the PC from the signal context exactly as the bare-metal
 * exception handler logs Cause.ExcCode and EPC, then resumes at the next instruction.  For an
 * exception in a delay slot the PC is the branch (MD00090 §6.2.1: EPC, Cause.BD), which the
 * handler recognises because the word there is not a trapping instruction; it logs that as
 * DIFF_EXC_BD and resumes after the slot, as bare.S does.
 * The handler runs on an alternate signal stack, because the sequence overwrites $sp.
 *
 * Built with DIFF_BODY_MICROMIPS it is the Linux side of the microMIPS differential test
 * (tests/micromips/run.sh), run by `qemu-mipsel -cpu M14Kc`: the harness stays MIPS32 (built for
 * m14kc with legacy NaN, toolchain.md) and enters the microMIPS body with JALX.  mmgen puts
 * only 32-bit trapping instructions and never in a delay slot, so the handler always resumes
 * at PC + 4; the logged PC keeps bit 0 = 1 (microMIPS), as EPC does.
 */
#include "linux_harness.h"

#ifdef DIFF_BODY_MICROMIPS
#define BODY_ENTRY "jalx  diff_body"

static int in_delay_slot(uint32_t pc)
{
    (void)pc;
    return 0;
}
#else
#define BODY_ENTRY "j     diff_body"

/* ADD, SUB, ADDI and the trap instructions (MD00086 Appendix A opcode tables). */
static int traps(uint32_t w)
{
    unsigned op = w >> 26, funct = w & 63, rt = (w >> 16) & 31;
    if (op == 0)
        return funct == 0x20 || funct == 0x22 || (funct >= 0x30 && funct <= 0x34) || funct == 0x36;
    if (op == 1)
        return (rt >= 8 && rt <= 12) || rt == 14;
    return op == 8;
}

/* The reported PC holds a non-trapping word only when it is the branch of a delay slot. */
static int in_delay_slot(uint32_t pc)
{
    return !traps(*(const uint32_t *)pc);
}
#endif

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
    int bd = in_delay_slot(pc);
    if (bd)
        code |= DIFF_EXC_BD;
    volatile uint32_t *log = (volatile uint32_t *)DIFF_LOG;
    uint32_t n = log[0];
    if (n < DIFF_LOG_MAX) {
        log[1 + 2 * n] = code;
        log[2 + 2 * n] = pc;
    }
    log[0] = n + 1;
    *pcp = pc + (bd ? 8 : 4); /* the 64-bit sc_pc: its high word stays 0 here */
}

void diff_linux_init(void)
{
    install_handler(on_signal);
}

#define STR_(x) #x
#define STR(x)  STR_(x)

/* Entry: a stack for the set-up code, then the generated sequence (diff_body). */
__asm__(".section .text.start, \"ax\", @progbits\n"
        ".globl __start\n"
        ".set push\n.set noreorder\n"
        "__start:\n"
        "    lui   $sp, %hi(" STR(DIFF_STACK_TOP) ")\n"
                                                  "    addiu $sp, $sp, %lo(" STR(
                                                      DIFF_STACK_TOP) ")\n"
                                                                      "    jal   diff_linux_init\n"
                                                                      "    nop\n"
                                                                      "    " BODY_ENTRY "\n"
                                                                      "    nop\n"
                                                                      ".set pop\n"
                                                                      ".previous\n");
