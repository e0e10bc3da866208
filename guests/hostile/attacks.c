/*
 * The attack catalogue of the hostile guest.  Each entry is one test case of
 * tests/isolation (where tests/isolation/attacks.tsv says what a real chip does and what
 * tinyVP must do); the order here is the attack number.  Addresses are guest physical as a
 * bare-metal program names them (KSEG0/KSEG1), from include/soc/ (pic32mz-ef.md).
 */
#include "attacks.h"

#include "soc/dma.h"
#include "soc/evic.h"
#include "soc/nvm.h"
#include "soc/sba.h"
#include "soc/syscfg.h"
#include "soc/timer.h"
#include "soc/wdt.h"

/* ---- outcome text ---- */

static char *put(char *o, const char *s)
{
    while (*s)
        *o++ = *s++;
    *o = 0;
    return o;
}

static char *hex(char *o, uint32_t v)
{
    for (int s = 28; s >= 0; s -= 4)
        *o++ = "0123456789abcdef"[(v >> s) & 15u];
    *o = 0;
    return o;
}

static char *dec(char *o, uint32_t v)
{
    char buf[11];
    int i = 10;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return put(o, &buf[i]);
}

static uint32_t exc_before;

static void begin(void)
{
    exc_before = hx[0];
}

static uint32_t excs(void)
{
    return hx[0] - exc_before;
}

/* "exc N" / "excs K last N" when something was taken, else NULL. */
static char *exc_outcome(char *o)
{
    uint32_t n = excs(), code = (hx[1] >> 2) & 31u;
    if (!n)
        return 0;
    if (n == 1)
        return dec(put(o, "exc "), code);
    o = dec(put(o, "excs "), n);
    return dec(put(o, " last "), code);
}

static void outcome(char *out, bool has_value, uint32_t value)
{
    if (exc_outcome(out))
        return;
    if (has_value)
        hex(put(out, "value "), value);
    else
        put(out, "none");
}

/* ---- addresses ---- */

#define VICTIM_FLASH 0xFFFFFF01u /* placeholders resolved from hostile_params */
#define VICTIM_RAM   0xFFFFFF02u

static uint32_t target(uint32_t addr, bool fetch)
{
    uint32_t pa = addr == VICTIM_FLASH ? hostile_params[1]
                  : addr == VICTIM_RAM ? hostile_params[2]
                                       : addr;
    if (addr == VICTIM_FLASH || addr == VICTIM_RAM)
        return fetch ? KSEG0(pa) : KSEG1(pa);
    return pa;
}

/* ---- memory probes ---- */

#define LOAD_ATTACK(fn, probe)                                                                     \
    static void fn(const struct attack *a, char *out)                                              \
    {                                                                                              \
        begin();                                                                                   \
        uint32_t v = probe(target(a->addr, false));                                                \
        outcome(out, true, v);                                                                     \
    }
#define STORE_ATTACK(fn, probe)                                                                    \
    static void fn(const struct attack *a, char *out)                                              \
    {                                                                                              \
        begin();                                                                                   \
        probe(target(a->addr, false), a->value);                                                   \
        outcome(out, false, 0);                                                                    \
    }

LOAD_ATTACK(ld_b, probe_lb)
LOAD_ATTACK(ld_h, probe_lh)
LOAD_ATTACK(ld_w, probe_lw)
LOAD_ATTACK(ld_wl, probe_lwl)
LOAD_ATTACK(ld_wr, probe_lwr)
LOAD_ATTACK(ld_ll, probe_ll)
STORE_ATTACK(st_b, probe_sb)
STORE_ATTACK(st_h, probe_sh)
STORE_ATTACK(st_w, probe_sw)
STORE_ATTACK(st_wl, probe_swl)
STORE_ATTACK(st_wr, probe_swr)

static void exec(const struct attack *a, char *out)
{
    begin();
    probe_exec(target(a->addr, true));
    if (!exc_outcome(out))
        put(out, "returned");
}

/* A little function ("jr ra; nop") copied into RAM, called through KSEG0 or KSEG1: RAM is not
 * executable unless the configuration says x. */
static uint32_t ram_code[4] __attribute__((aligned(16)));

static void exec_data(const struct attack *a, char *out)
{
    ram_code[0] = 0x03E00008u; /* jr ra */
    ram_code[1] = 0;           /* nop */
    __asm__ volatile("sync" ::: "memory");
    begin();
    uint32_t pa = (uint32_t)ram_code & KSEG_PHYS_MASK;
    probe_exec(a->value ? KSEG1(pa) : KSEG0(pa));
    if (!exc_outcome(out))
        put(out, "returned");
}

/* ---- system registers behind SYSKEY (pic32mz-ef.md §2.2) ---- */

static void unlock(void)
{
    probe_sw(KSEG1(SYSKEY_PHYS), 0);
    probe_sw(KSEG1(SYSKEY_PHYS), SYSKEY_UNLOCK1);
    probe_sw(KSEG1(SYSKEY_PHYS), SYSKEY_UNLOCK2);
}

static void locked_write(const struct attack *a, char *out)
{
    begin();
    uint32_t before = probe_lw(KSEG1(a->addr));
    unlock();
    probe_sw(KSEG1(a->addr), a->value);
    if (a->addr == RSWRST_PHYS)
        (void)probe_lw(KSEG1(a->addr)); /* the read that resets the chip (§2.7) */
    uint32_t after = probe_lw(KSEG1(a->addr));
    probe_sw(KSEG1(SYSKEY_PHYS), 0);
    if (exc_outcome(out))
        return;
    if (before == after) {
        put(out, "unchanged");
    } else {
        char *o = hex(put(out, "changed "), before);
        hex(put(o, " -> "), after);
    }
}

/* ---- the VM's own interrupt controller (emulated per VM) ---- */

static void evic_own(const struct attack *a, char *out)
{
    (void)a;
    uint32_t bit = 1u << (UART_IRQ_RX(UART4_IRQ_FAULT) & 31u);
    uint32_t iec = KSEG1(EVIC_PHYS + EVIC_IEC(UART_IRQ_RX(UART4_IRQ_FAULT) >> 5));
    begin();
    probe_sw(iec + SFR_SET, bit);
    uint32_t v = probe_lw(iec);
    probe_sw(iec + SFR_CLR, bit);
    uint32_t w = probe_lw(iec);
    if (!exc_outcome(out))
        put(out, (v & bit) && !(w & bit) ? "own ok" : "own lost");
}

static void evic_flood(const struct attack *a, char *out)
{
    begin();
    for (uint32_t off = 0; off < EVIC_SIZE; off += 4)
        if (off != EVIC_INTSTAT)
            probe_sw(KSEG1(EVIC_PHYS + off), a->value);
    outcome(out, false, 0);
}

/* ---- CP0 ---- */

#define MTC0_ATTACK(fn, reg, sel)                                                                  \
    static void fn(const struct attack *a, char *out)                                              \
    {                                                                                              \
        begin();                                                                                   \
        __asm__ volatile(".set push\n.set noreorder\nmtc0 %0, $" #reg ", " #sel "\nehb\n"          \
                         ".set pop" ::"r"(a->value));                                              \
        outcome(out, false, 0);                                                                    \
    }
#define MFC0_ATTACK(fn, reg, sel)                                                                  \
    static void fn(const struct attack *a, char *out)                                              \
    {                                                                                              \
        (void)a;                                                                                   \
        uint32_t v = 0x5EA15EA1u;                                                                  \
        begin();                                                                                   \
        __asm__ volatile(".set push\n.set noreorder\nmfc0 %0, $" #reg ", " #sel "\nnop\n"          \
                         ".set pop"                                                                \
                         : "+r"(v));                                                               \
        outcome(out, true, v);                                                                     \
    }

MTC0_ATTACK(mt_guestctl0, 12, 6)
MFC0_ATTACK(mf_guestctl0, 12, 6)
MTC0_ATTACK(mt_guestctl1, 10, 4)
MTC0_ATTACK(mt_guestctl2, 10, 5)
MTC0_ATTACK(mt_guestctl3, 10, 6)
MTC0_ATTACK(mt_gctl0ext, 11, 4)
MTC0_ATTACK(mt_gtoffset, 12, 7)
MTC0_ATTACK(mt_srsctl, 12, 2)
MTC0_ATTACK(mt_srsmap, 12, 3)
MTC0_ATTACK(mt_count, 9, 0)
MTC0_ATTACK(mt_debug, 23, 0)
MTC0_ATTACK(mt_depc, 24, 0)
MTC0_ATTACK(mt_config7, 16, 7)
MTC0_ATTACK(mt_prid, 15, 0)
MFC0_ATTACK(mf_debug, 23, 0)

/* Every CP0 encoding at once (probe.S). */
static void cp0_sweep(const struct attack *a, char *out)
{
    begin();
    switch (a->addr) {
    case 0: probe_mtc0_all(a->value); break;
    case 1: probe_mfc0_all(); break;
    case 2: probe_mtgc0_all(a->value); break;
    default: probe_mfgc0_all(); break;
    }
    mtc0(12, 0, STATUS_CU1 | STATUS_FR | STATUS_MX); /* its own, in case a sweep changed it */
    if (!exc_outcome(out))
        put(out, "none");
}

#define INSN_ATTACK(fn, text)                                                                      \
    static void fn(const struct attack *a, char *out)                                              \
    {                                                                                              \
        (void)a;                                                                                   \
        begin();                                                                                   \
        __asm__ volatile(".set push\n.set noreorder\n.set virt\n" text "\nnop\n.set pop" ::        \
                             : "memory", "t0");                                                    \
        outcome(out, false, 0);                                                                    \
    }

INSN_ATTACK(i_mtgc0, "li $t0, 0x00400004\nmtgc0 $t0, $12, 0")
INSN_ATTACK(i_mfgc0, "mfgc0 $t0, $12, 6")
INSN_ATTACK(i_tlbgwi, "tlbgwi")
INSN_ATTACK(i_tlbginvf, "tlbginvf")
INSN_ATTACK(i_sdbbp, "sdbbp 0")
INSN_ATTACK(i_deret, "deret")

/* A guest TLB entry mapping GVA 0 to GPA `value` with PageMask `addr` (MD00090 §4.9): the
 * root TLB still decides what that GPA is. */
static void tlb_map(const struct attack *a, char *out)
{
    uint32_t pfn = a->value >> 12;
    mtc0(5, 0, a->addr);                                             /* PageMask */
    mtc0(10, 0, 0);                                                  /* EntryHi: VPN2 0, ASID 0 */
    mtc0(2, 0, (pfn << 6) | (2u << 3) | 0x7u);                       /* EntryLo0: C=2, D, V, G */
    mtc0(3, 0, ((pfn + (a->addr ? 0 : 1)) << 6) | (2u << 3) | 0x7u); /* EntryLo1 */
    mtc0(0, 0, 0);                                                   /* Index */
    __asm__ volatile("tlbwi; ehb" ::: "memory");
    begin();
    uint32_t v = probe_lw(a->addr ? 0x00010000u : 0x00000000u);
    outcome(out, true, v);
    mtc0(5, 0, 0);
}

static void cache_hit(const struct attack *a, char *out)
{
    begin();
    probe_cache_hit(a->addr);
    outcome(out, false, 0);
}

static void cache_index(const struct attack *a, char *out)
{
    begin();
    probe_cache_index(a->addr);
    outcome(out, false, 0);
}

/* ---- storms: 1000 of the same thing, every time the attack runs ---- */

static void wait_storm(const struct attack *a, char *out)
{
    (void)a;
    uint32_t until = core_count() + 10;
    mtc0(11, 0, until); /* Compare in the past: TI stays set, so WAIT ends at once */
    while ((int32_t)(core_count() - until) < 0)
        ;
    begin();
    for (int i = 0; i < 1000; i++)
        __asm__ volatile("wait");
    outcome(out, false, 0);
}

static void compare_storm(const struct attack *a, char *out)
{
    (void)a;
    begin();
    for (int i = 0; i < 1000; i++)
        mtc0(11, 0, core_count() + 50);
    outcome(out, false, 0);
}

#define STORM_ATTACK(fn, text)                                                                     \
    static void fn(const struct attack *a, char *out)                                              \
    {                                                                                              \
        begin();                                                                                   \
        for (int i = 0; i < 1000; i++)                                                             \
            __asm__ volatile(".set push\n.set noreorder\n" text "\nnop\n.set pop" ::"r"(a->addr)   \
                             : "memory", "t0");                                                    \
        exc_outcome(out);                                                                          \
    }

STORM_ATTACK(s_adel, "lw $t0, 2(%0)")
STORM_ATTACK(s_trap, "teq $zero, $zero")
STORM_ATTACK(s_syscall, "syscall")
STORM_ATTACK(s_break, "break")
STORM_ATTACK(s_dbe, "lw $t0, 0(%0)")
STORM_ATTACK(s_ri, ".word 0x00000005")

static uint32_t hcall_out[1024];

static void hypcall_all(const struct attack *a, char *out)
{
    (void)a;
    begin();
    probe_hypcall_all(hcall_out);
    console_puts("\n"); /* ends the line of HCALL_PUTC's character (0xEF) */
    if (exc_outcome(out))
        return;
    uint32_t errors = 0;
    for (unsigned i = 0; i < 1024; i++)
        errors += hcall_out[i] == 0xFFFFFFFFu;
    char *o = dec(put(out, "errors "), errors);
    o = hex(put(o, " yield "), hcall_out[0]);
    o = hex(put(o, " putc "), hcall_out[1]);
    hex(put(o, " status "), hcall_out[2]);
}

/* WRPGPR/RDPGPR into every shadow set the guest might name through SRSCtl.PSS (own sp, ra,
 * gp restored at once in case the write lands in its own set). */
static void shadow_sets(const struct attack *a, char *out)
{
    uint32_t leaks = 0;
    begin();
    for (uint32_t pss = 0; pss < 8; pss++) {
        uint32_t got = 0x5EA15EA1u; /* left alone by a RDPGPR that does nothing */
        __asm__ volatile(".set push\n.set noreorder\n"
                         "mtc0 %1, $12, 2\nehb\n"
                         "move $t9, $sp\nmove $t7, $ra\nmove $t6, $gp\n"
                         "rdpgpr %0, $sp\n"
                         "wrpgpr $sp, %2\nwrpgpr $ra, %2\nwrpgpr $gp, %2\nwrpgpr $k0, %2\n"
                         "wrpgpr $s0, %2\nwrpgpr $a0, %2\n"
                         "move $sp, $t9\nmove $ra, $t7\nmove $gp, $t6\n.set pop"
                         : "+&r"(got)
                         : "r"(pss << 6), "r"(a->value)
                         : "t6", "t7", "t9", "k0", "s0", "a0", "memory");
        uint32_t sp;
        __asm__ volatile("move %0, $sp" : "=r"(sp));
        leaks += got != 0x5EA15EA1u && (got & ~0xFFFFu) != (sp & ~0xFFFFu);
    }
    mtc0(12, 2, 0);
    if (!exc_outcome(out))
        dec(put(out, "none leaks "), leaks);
}

static void spin_forever(const struct attack *a, char *out)
{
    (void)out;
    attack_report(a->name, "spinning");
    if (a->value == 1)
        __asm__ volatile("di; ehb");
    else if (a->value == 2)
        mtc0(12, 0, mfc0(12, 0) | STATUS_ERL | STATUS_EXL);
    for (;;)
        ;
}

static void wait_forever(const struct attack *a, char *out)
{
    (void)out;
    attack_report(a->name, "waiting");
    for (;;)
        __asm__ volatile("wait");
}

static void eret_to(const struct attack *a, char *out)
{
    begin();
    probe_eret(a->addr);
    if (!exc_outcome(out))
        put(out, "returned");
}

/* ---- the console ---- */

static void raw_putc(uint8_t c)
{
    while (REG32(UART_PHYS(4) + UxSTA) & UxSTA_UTXBF)
        ;
    REG32(UART_PHYS(4) + UxTXREG) = c;
}

static void raw_puts(const char *s, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        raw_putc((uint8_t)s[i]);
}

static void flood_lines(const struct attack *a, char *out)
{
    (void)out;
    attack_report(a->name, "flooding");
    for (;;)
        console_puts("hostile: flood 0123456789abcdefghijklmnopqrstuvwxyz\n");
}

static void flood_raw(const struct attack *a, char *out)
{
    (void)out;
    attack_report(a->name, "flooding");
    for (;;)
        raw_putc('A');
}

static const char ctrl_seq[] = "\x1b[2J\x1b[6n\x1b[c\x1b]0;pwned\x07\x1b"
                               "c\x05\x1bZ\x9b"
                               "6n";

static void control_chars(const struct attack *a, char *out)
{
    (void)a;
    raw_puts("hostile: ctrl ", 14);
    for (unsigned c = 0; c < 0x20; c++)
        if (c != '\n')
            raw_putc((uint8_t)c);
    raw_putc(0x7F);
    for (unsigned c = 0x80; c < 0xA0; c++)
        raw_putc((uint8_t)c);
    raw_puts(ctrl_seq, sizeof(ctrl_seq) - 1);
    raw_putc('\n');
    put(out, "sent");
}

static void eot_output(const struct attack *a, char *out)
{
    (void)a;
    raw_puts("hostile: eot \x04"
             "0\x04"
             "2\x04\x04\x04"
             "9\x04"
             "1\n",
             24);
    put(out, "sent");
}

static void hypcall_putc(const struct attack *a, char *out)
{
    (void)a;
    static const char s[] = "\x04"
                            "2\x1b[2J\x1b[6n\x05\n";
    begin();
    for (unsigned i = 0; i < sizeof(s) - 1; i++)
        __asm__ volatile(
            ".set push\n.set virt\nmove $a0, %0\nhypcall 1\n.set pop" ::"r"((uint32_t)(uint8_t)s[i])
            : "a0", "v0", "memory");
    if (!exc_outcome(out))
        put(out, "sent");
}

static void uart_reconfig(const struct attack *a, char *out)
{
    (void)a;
    begin();
    for (int i = 0; i < 100; i++) {
        probe_sw(KSEG1(UART_PHYS(4) + UxMODE), 0);
        probe_sw(KSEG1(UART_PHYS(4) + UxBRG), (uint32_t)i);
        probe_sw(KSEG1(UART_PHYS(4) + UxSTA), 0xFFFFFFFFu);
        probe_sw(KSEG1(UART_PHYS(4) + UxMODE), 0xFFFFFFFFu);
    }
    console_init(4);
    outcome(out, false, 0);
}

/* ---- DMA (only in the DMA configuration, tests/isolation/dma.conf) ---- */

#define DMA(r)       KSEG1(DMA_PHYS + (r))
#define DMA_ZONE_BUF 0x8000u /* inside the attacker's zone (guest address == physical) */

/* Copies 16 bytes from `value` to `addr` (physical) with channel 0; reports DCH0INT. */
static void dma_copy(const struct attack *a, char *out)
{
    volatile uint32_t *buf = (volatile uint32_t *)KSEG1(DMA_ZONE_BUF);
    volatile uint32_t *dst = (volatile uint32_t *)KSEG1(a->addr);
    bool in_zone = a->addr >= DMA_ZONE_BUF && a->addr < 0x10000u;
    for (int i = 0; i < 4; i++) {
        buf[i] = 0xA5A50000u + (uint32_t)i;
        if (in_zone)
            dst[i] = 0x11111111u;
    }
    begin();
    probe_sw(DMA(DMA_DMACON), DMACON_ON);
    probe_sw(DMA(DCH_REG(0, DCH_INT)), 0);
    probe_sw(DMA(DCH_REG(0, DCH_SSA)), a->value == VICTIM_RAM ? hostile_params[2] : a->value);
    probe_sw(DMA(DCH_REG(0, DCH_DSA)), a->addr == VICTIM_RAM ? hostile_params[2] : a->addr);
    probe_sw(DMA(DCH_REG(0, DCH_SSIZ)), 16);
    probe_sw(DMA(DCH_REG(0, DCH_DSIZ)), 16);
    probe_sw(DMA(DCH_REG(0, DCH_CSIZ)), 16);
    probe_sw(DMA(DCH_REG(0, DCH_CON)), DCHCON_CHEN);
    probe_sw(DMA(DCH_REG(0, DCH_ECON)) + SFR_SET, DCHECON_CFORCE);
    uint32_t flags = 0;
    for (int i = 0; i < 10000 && !(flags & (DCHINT_CHBCIF | DCHINT_CHERIF)); i++)
        flags = probe_lw(DMA(DCH_REG(0, DCH_INT))) & DCHINT_FLAGS;
    probe_sw(DMA(DCH_REG(0, DCH_CON)), 0);
    if (exc_outcome(out))
        return;
    char *o = hex(put(out, "dchint "), flags);
    if (in_zone)
        put(o, dst[0] == 0x11111111u ? " dst kept"
               : dst[0] == buf[0]    ? " dst copied"
                                     : " dst other");
}

/* ---- the catalogue ---- */

#define VAL 0xDEADBEEFu
const struct attack attacks[] = {
    {"baseline/spin", spin_forever, 0, 0},
    {"baseline/idle", wait_forever, 0, 0},
    /* memory */
    {"mem/victim-ram-read", ld_w, VICTIM_RAM, 0},
    {"mem/victim-ram-write", st_w, VICTIM_RAM, VAL},
    {"mem/victim-ram-exec", exec, VICTIM_RAM, 0},
    {"mem/victim-flash-read", ld_w, VICTIM_FLASH, 0},
    {"mem/victim-flash-exec", exec, VICTIM_FLASH, 0},
    {"mem/hv-code-read", ld_w, 0xBD00F000u, 0},
    {"mem/hv-vector-alias", ld_w, 0xBD000180u, 0},
    {"mem/hv-data-read", ld_w, 0xA0078000u, 0},
    {"mem/hv-data-write", st_w, 0xA0078000u, VAL},
    {"mem/hv-stack-write", st_w, 0xA007FFFCu, VAL},
    {"mem/eret-page-read", ld_w, 0xBFFFF000u, 0},
    {"mem/eret-page-exec", exec, 0x9FFFF000u, 0},
    {"mem/eret-page-write", st_w, 0xBFFFF000u, VAL},
    {"mem/ram-past-end", ld_w, 0xA0080000u, 0},
    {"mem/free-pool-ram", st_w, 0xA0030000u, VAL},
    {"mem/boot-flash-read", ld_w, 0xBFC00000u, 0},
    {"mem/boot-flash-exec", exec, 0xBFC00000u, 0},
    {"mem/config-words-read", ld_w, 0xBFC0FFC0u, 0},
    {"mem/own-code-write", st_w, 0xBD000400u, VAL},
    {"mem/exec-data-kseg0", exec_data, 0, 0},
    {"mem/exec-data-kseg1", exec_data, 0, 1},
    {"mem/unaligned-lw", ld_w, 0x8000FFFEu, 0},
    {"mem/unaligned-sw", st_w, 0x8000FFFEu, VAL},
    {"mem/lwl-across-page", ld_wl, 0x80010002u, 0},
    {"mem/lwr-own-edge", ld_wr, 0x8000FFFDu, 0},
    {"mem/swl-across-page", st_wl, 0x80010001u, VAL},
    {"mem/swr-across-page", st_wr, 0x80010000u, VAL},
    {"mem/lb-foreign-edge", ld_b, 0x80010000u, 0},
    {"mem/ll-foreign", ld_ll, 0xA0010000u, 0},
    /* devices */
    {"dev/timer1-read", ld_w, 0xBF840000u, 0},
    {"dev/gpio-write", st_w, 0xBF860000u, VAL},
    {"dev/uart1-lb", ld_b, 0xBF822000u, 0},
    {"dev/uart1-lh", ld_h, 0xBF822000u, 0},
    {"dev/uart1-lw", ld_w, 0xBF822000u, 0},
    {"dev/uart1-sb", st_b, 0xBF822000u, 0},
    {"dev/uart1-sh", st_h, 0xBF822002u, 0},
    {"dev/uart1-sw", st_w, 0xBF822000u, 0},
    {"dev/uart5-sw", st_w, 0xBF822800u, 0},
    {"dev/console-hole", st_w, 0xBF8226F0u, VAL},
    {"dev/evic-own", evic_own, 0, 0},
    {"dev/evic-flood", evic_flood, 0, 0xFFFFFFFFu},
    {"dev/syskey-cfgcon", locked_write, CFGCON_PHYS, 0},
    {"dev/cfgpg", locked_write, CFGPG_PHYS, 0xFFFFFFFFu},
    {"dev/pmd5-console-off", locked_write, PMD_PHYS(5), 0xFFFFFFFFu},
    {"dev/osccon", locked_write, OSC_PHYS + OSC_OSCCON, 0x00000501u},
    {"dev/rswrst", locked_write, RSWRST_PHYS, RSWRST_SWRST},
    {"dev/wdtcon", st_w, WDT_KSEG1 + WDT_WDTCON, WDTCON_ON},
    {"dev/nvmcon", st_w, KSEG1(NVM_PHYS + NVM_NVMCON), 0x4004u},
    {"dev/sba-read", ld_w, SBFLAG_KSEG1, 0},
    {"dev/sba-write", st_w, KSEG1(SBT_REG_PHYS(0, 0)), 0},
    {"dev/dma-dmacon", st_w, KSEG1(DMA_PHYS + DMA_DMACON), DMACON_ON},
    {"dev/dma-channel", st_w, KSEG1(DMA_PHYS + DCH_REG(0, DCH_CON)), DCHCON_CHEN},
    {"dev/pps-write", st_w, 0xBF801400u, 0},
    /* CPU */
    {"cpu/mtc0-guestctl0", mt_guestctl0, 0, 0},
    {"cpu/mfc0-guestctl0", mf_guestctl0, 0, 0},
    {"cpu/mtc0-guestctl1", mt_guestctl1, 0, 0x00020002u},
    {"cpu/mtc0-guestctl2", mt_guestctl2, 0, 0xFC00FFFFu},
    {"cpu/mtc0-guestctl3", mt_guestctl3, 0, 0xFFFFFFFFu},
    {"cpu/mtc0-guestctl0ext", mt_gctl0ext, 0, 0},
    {"cpu/mtc0-gtoffset", mt_gtoffset, 0, 0x80000000u},
    {"cpu/mtc0-srsctl", mt_srsctl, 0, 0x000001C0u},
    {"cpu/mtc0-srsmap", mt_srsmap, 0, 0x77777777u},
    {"cpu/mtc0-count", mt_count, 0, 0},
    {"cpu/mtc0-debug", mt_debug, 0, 0x40000000u},
    {"cpu/mfc0-debug", mf_debug, 0, 0},
    {"cpu/mtc0-depc", mt_depc, 0, 0x9D000000u},
    {"cpu/mtc0-config7", mt_config7, 0, 0},
    {"cpu/mtc0-prid", mt_prid, 0, 0},
    {"cpu/mtc0-every-encoding", cp0_sweep, 0, 0xFFFFFFFFu},
    {"cpu/mfc0-every-encoding", cp0_sweep, 1, 0},
    {"cpu/mtgc0-every-encoding", cp0_sweep, 2, 0xFFFFFFFFu},
    {"cpu/mfgc0-every-encoding", cp0_sweep, 3, 0},
    {"cpu/mtgc0", i_mtgc0, 0, 0},
    {"cpu/mfgc0", i_mfgc0, 0, 0},
    {"cpu/tlbgwi", i_tlbgwi, 0, 0},
    {"cpu/tlbginvf", i_tlbginvf, 0, 0},
    {"cpu/tlbwi-foreign", tlb_map, 0, 0x00010000u},
    {"cpu/tlbwi-giant", tlb_map, 0x1FFFE000u, 0},
    {"cpu/cache-hit-foreign", cache_hit, 0x80010000u, 0},
    {"cpu/cache-index-foreign", cache_index, 0x80010000u, 0},
    {"cpu/wait-storm", wait_storm, 0, 0},
    {"cpu/compare-storm", compare_storm, 0, 0},
    {"cpu/adel-storm", s_adel, 0x80000000u, 0},
    {"cpu/trap-storm", s_trap, 0, 0},
    {"cpu/syscall-storm", s_syscall, 0, 0},
    {"cpu/break-storm", s_break, 0, 0},
    {"cpu/ri-storm", s_ri, 0, 0},
    {"cpu/dbe-storm", s_dbe, 0xA0400000u, 0},
    {"cpu/hypcall-all", hypcall_all, 0, 0},
    {"cpu/sdbbp", i_sdbbp, 0, 0},
    {"cpu/deret", i_deret, 0, 0},
    {"cpu/shadow-sets", shadow_sets, 0, 0xDEAD0000u},
    {"cpu/eret-to-boot-flash", eret_to, 0xBFC00000u, 0},
    {"cpu/di-spin", spin_forever, 0, 1},
    {"cpu/erl-exl-spin", spin_forever, 0, 2},
    /* console */
    {"con/flood-lines", flood_lines, 0, 0},
    {"con/flood-no-newline", flood_raw, 0, 0},
    {"con/control-chars", control_chars, 0, 0},
    {"con/eot-output", eot_output, 0, 0},
    {"con/hypcall-putc", hypcall_putc, 0, 0},
    {"con/uart-reconfig", uart_reconfig, 0, 0},
    /* DMA (dma.conf) */
    {"dma/in-zone", dma_copy, DMA_ZONE_BUF + 0x100, DMA_ZONE_BUF},
    {"dma/to-victim", dma_copy, VICTIM_RAM, DMA_ZONE_BUF},
    {"dma/to-hv-data", dma_copy, 0x00078000u, DMA_ZONE_BUF},
    {"dma/from-hv-data", dma_copy, DMA_ZONE_BUF + 0x200, 0x00078000u},
    {"dma/to-flash", dma_copy, 0x1D000000u, DMA_ZONE_BUF},
    {"dma/channel3", st_w, KSEG1(DMA_PHYS + DCH_REG(3, DCH_CON)), DCHCON_CHEN},
};
const unsigned n_attacks = sizeof(attacks) / sizeof(attacks[0]);
