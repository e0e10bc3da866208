/*
 * libFuzzer harness for tvpconf's language side: the input is a system configuration, or
 * "DEVLIB\n%%\nBOARD\n%%\nCONFIG" to reach all three parsers. Everything after parsing runs
 * too (checks, allocation, layout, page trees, tables, C emission to /dev/null), except
 * reading guest images: a fuzz input must not open files.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "emit.h"
#include "hwtables.h"
#include "layout.h"
#include "lexer.h"
#include "parse.h"
#include "resolve.h"

static const char default_lib[] = ".device\n name = console\n irq = 170 171 172\n share = 1\n"
                                  " emulator = console\n regs =\n  0x1f822600 0x100 erwu\n .\n.\n"
                                  ".device\n name = ic\n share = 1\n emulator = ic_emulator\n"
                                  " regs = 0x1f810000 0x1000 erwu\n.\n"
                                  ".device\n name = ports\n regs = 0x1f860000 0x1000 rwsu\n.\n";
static const char default_board[] = "PLATFORM = pic32mz2048efg100\nrom = 0x1d010000 0x1d200000\n"
                                    "ram = 0 0x78000\nvzcode = 0x9d000000\nvzdata = 0x80078000\n"
                                    "pmd-registers-base = 1 2 3 4 5 6 7\n";

static FILE *devnull;

static void run(const char *lib, size_t nlib, const char *board, size_t nboard, const char *conf,
                size_t nconf)
{
    struct arena arena = {0};
    struct config cfg = {.arena = &arena};
    struct lexer lx;
    lex_open_text(&lx, &arena, "lib", lib, nlib);
    if (parse_devlib(&cfg, &lx))
        goto out;
    lex_open_text(&lx, &arena, "board", board, nboard);
    if (parse_board(&cfg, &lx))
        goto out;
    lex_open_text(&lx, &arena, "conf", conf, nconf);
    if (parse_system(&cfg, &lx))
        goto out;
    for (size_t i = 0; i < cfg.vms.n; i++)
        cfg.vms.v[i]->elf = cfg.vms.v[i]->file = NULL;
    if (resolve_config(&cfg, NULL) || check_config(&cfg) || alloc_guest_memory(&cfg) ||
        check_placement(&cfg))
        goto out;
    struct vm_layout *lay = arena_alloc(&arena, (cfg.vms.n + 1) * sizeof(*lay));
    struct hwtables *hw = arena_alloc(&arena, sizeof(*hw));
    if (layout_build(&cfg, lay) == 0 && hwtables_build(&cfg, hw) == 0) {
        struct emit_input in = {&cfg, lay, hw};
        emit_tables_c(devnull, &in);
        emit_header(devnull, &in);
        emit_offsets(devnull, &in);
    }
    layout_free(lay, cfg.vms.n);
out:
    arena_free(&arena);
    diag_reset();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!devnull) {
        devnull = fopen("/dev/null", "w");
        diag_silent = 1;
    }
    const char *s = (const char *)data;
    const char *sep1 = size >= 4 ? memmem(s, size, "\n%%\n", 4) : NULL;
    const char *sep2 = sep1 ? memmem(sep1 + 4, size - (size_t)(sep1 + 4 - s), "\n%%\n", 4) : NULL;
    if (sep2)
        run(s, (size_t)(sep1 - s), sep1 + 4, (size_t)(sep2 - sep1 - 4), sep2 + 4,
            size - (size_t)(sep2 + 4 - s));
    else
        run(default_lib, sizeof(default_lib) - 1, default_board, sizeof(default_board) - 1, s,
            size);
    return 0;
}
