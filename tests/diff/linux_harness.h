/*
 * The Linux side's support code (tests/diff/linux.c, built once for the MIPS32 and once for
 * the microMIPS differential test): o32 system calls without libc, the output and exit
 * functions report.c calls, and installing a signal handler on an alternate stack (the
 * generated sequences overwrite $sp).  Include it in exactly one file of a program: it defines
 * diff_out and diff_exit.
 */
#ifndef DIFF_LINUX_HARNESS_H
#define DIFF_LINUX_HARNESS_H

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
/* struct ucontext: uc_flags, uc_link, uc_stack (12 bytes), pad to 8, then struct sigcontext:
 * sc_regmask, sc_status, sc_pc (64 bits). */
#define UC_PC_OFFSET  32
#define ALTSTACK_SIZE 0x4000

struct k_sigaction {
    uint32_t flags;
    void (*handler)(int, void *, void *);
    uint32_t mask[4]; /* _NSIG = 128 on MIPS */
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

static _Noreturn void crash(const char *msg, unsigned len)
{
    diff_out(msg, len);
    for (;;)
        sys4(NR_exit_group, 2, 0, 0, 0);
}

/* Handles SIGILL, SIGTRAP, SIGFPE, SIGBUS and SIGSEGV with `handler`, on the alternate stack
 * below the program's stack. */
static void install_handler(void (*handler)(int, void *, void *))
{
    struct k_stack ss = {DIFF_STACK_TOP - 2 * ALTSTACK_SIZE, ALTSTACK_SIZE, 0};
    if (sys4(NR_sigaltstack, (long)&ss, 0, 0, 0) < 0)
        crash("sigaltstack failed\n", 19);
    static const int sigs[] = {SIG_ILL, SIG_TRAP, SIG_FPE, SIG_BUS, SIG_SEGV};
    for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct k_sigaction sa = {SA_SIGINFO_ | SA_ONSTACK_, handler, {0, 0, 0, 0}};
        if (sys4(NR_rt_sigaction, sigs[i], (long)&sa, 0, sizeof(sa.mask)) < 0)
            crash("rt_sigaction failed\n", 20);
    }
}

#endif
