/*
 * The Linux side of the microMIPS differential test (run.sh): tests/diff/linux.c's harness for
 * a generated body in microMIPS, run by `qemu-mipsel -cpu M14Kc` (toolchain.md: QEMU's
 * microMIPS model; the harness is MIPS32 built for m14kc with legacy NaN, the body is entered
 * with JALX).  Trapping instructions make the kernel deliver SIGFPE (Ov) or SIGTRAP (Tr); the
 * handler logs the code and the PC from the signal context (bit 0 = 1: microMIPS, as EPC) and
 * resumes at PC + 4: the generator puts only 32-bit trapping instructions, and never in a
 * delay slot (mmgen.c).  The handler runs on an alternate signal stack.
 */
#include <stdint.h>

#include "layout.h"

/* o32 system call numbers and ABI constants (Linux arch/mips/include/uapi/asm). */
#define NR_write        4004
#define NR_rt_sigaction 4194
#define NR_sigaltstack  4206
#define NR_exit_group   4246
#define SIG_ILL         4
#define SIG_TRAP        5
#define SIG_FPE         8
#define SIG_BUS         10
#define SIG_SEGV        11
#define SA_SIGINFO_     0x00000008u
#define SA_ONSTACK_     0x08000000u
#define UC_PC_OFFSET    32 /* struct ucontext -> sigcontext.sc_pc (64 bits) */
#define ALTSTACK_SIZE   0x4000

struct k_sigaction {
    uint32_t flags;
    void (*handler)(int, void *, void *);
    uint32_t mask[4];
};

struct k_stack {
    uint32_t sp, size, flags;
};

void diff_linux_init(void);
void diff_out(const char *s, unsigned n);
_Noreturn void diff_exit(void);
extern char diff_epilogue[];

static long sys4(long nr, long a, long b, long c, long d)
{
    register long v0 __asm__("$2") = nr;
    register long a0 __asm__("$4") = a;
    register long a1 __asm__("$5") = b;
    register long a2 __asm__("$6") = c;
    register long a3 __asm__("$7") = d;
    __asm__ volatile("syscall"
                     : "+r"(v0), "+r"(a3)
                     : "r"(a0), "r"(a1), "r"(a2)
                     : "$1", "$3", "$8", "$9", "$10", "$11", "$12", "$13", "$14", "$15", "$24",
                       "$25", "hi", "lo", "memory");
    return a3 ? -v0 : v0;
}

void diff_out(const char *s, unsigned n)
{
    while (n) {
        long w = sys4(NR_write, 1, (long)s, (long)n, 0);
        if (w <= 0)
            diff_exit();
        s += w;
        n -= (unsigned)w;
    }
}

_Noreturn void diff_exit(void)
{
    for (;;)
        sys4(NR_exit_group, 0, 0, 0, 0);
}

static void crash(const char *msg, unsigned len)
{
    diff_out(msg, len);
    for (;;)
        sys4(NR_exit_group, 2, 0, 0, 0);
}

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
    struct k_stack ss = {DIFF_STACK_TOP - 2 * ALTSTACK_SIZE, ALTSTACK_SIZE, 0};
    if (sys4(NR_sigaltstack, (long)&ss, 0, 0, 0) < 0)
        crash("sigaltstack failed\n", 19);
    static const int sigs[] = {SIG_ILL, SIG_TRAP, SIG_FPE, SIG_BUS, SIG_SEGV};
    for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct k_sigaction sa = {SA_SIGINFO_ | SA_ONSTACK_, on_signal, {0, 0, 0, 0}};
        if (sys4(NR_rt_sigaction, sigs[i], (long)&sa, 0, sizeof(sa.mask)) < 0)
            crash("rt_sigaction failed\n", 20);
    }
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
