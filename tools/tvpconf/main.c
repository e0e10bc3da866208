/*
 * tvpconf: the tinyVP configuration compiler (docs/tvpconf.md).
 *
 *   tvpconf [options] CONFIG             check CONFIG, print its map, write tables with -o
 *   tvpconf merge [options] CONFIG       build the flashable image
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "emit.h"
#include "hwtables.h"
#include "layout.h"
#include "lexer.h"
#include "merge.h"
#include "outfile.h"
#include "parse.h"
#include "report.h"
#include "resolve.h"

static const char usage[] =
    "usage: tvpconf [OPTIONS] CONFIG\n"
    "       tvpconf merge [OPTIONS] --hv HV.ELF [--srec OUT.srec] [--hex OUT.hex] CONFIG\n"
    "\n"
    "Compiles a tinyVP system configuration (docs/tvpconf.md): checks it, allocates guest\n"
    "flash and RAM, builds the page trees, IRQ and bus-arbiter tables, prints the memory map\n"
    "and the TLB entries each VM needs, and with -o writes tvp_config.c, tvp_config.h and\n"
    "tvp_offsets.h. `merge` builds one image (Motorola S-records and/or Intel HEX) from the\n"
    "hypervisor ELF, the guests' ELFs relocated to their flash, and the configuration words.\n"
    "\n"
    "options:\n"
    "  -b, --board FILE        board file (required)\n"
    "  -d, --devlib FILE       device library (default: device.lib beside CONFIG)\n"
    "  -o, --outdir DIR        write the generated sources into DIR\n"
    "      --image-root DIR    relative guest image paths start from DIR (default: .)\n"
    "      --max-page-size N   largest TLB page: 0x100000 (1 MB) or 0x10000000 (256 MB);\n"
    "                          overrides the board's max-page-size (default 1 MB)\n"
    "      --hv FILE           (merge) the hypervisor ELF\n"
    "      --srec FILE         (merge) write Motorola S-records\n"
    "      --hex FILE          (merge) write Intel HEX\n"
    "  -q, --quiet             print nothing but errors\n"
    "  -h, --help              this text\n"
    "\n"
    "Errors are printed as FILE:LINE: message; on any error the exit status is 1 and no\n"
    "output file is written.\n";

struct opts {
    const char *board, *devlib, *outdir, *image_root, *config;
    struct merge_args merge;
    uint32_t max_page;
    int is_merge, quiet;
};

static int parse_args(int argc, char **argv, struct opts *o)
{
    enum { OPT_IMAGE_ROOT = 256, OPT_MAX_PAGE, OPT_HV, OPT_SREC, OPT_HEX };
    static const struct option longopts[] = {
        {"board", required_argument, 0, 'b'},
        {"devlib", required_argument, 0, 'd'},
        {"outdir", required_argument, 0, 'o'},
        {"image-root", required_argument, 0, OPT_IMAGE_ROOT},
        {"max-page-size", required_argument, 0, OPT_MAX_PAGE},
        {"hv", required_argument, 0, OPT_HV},
        {"srec", required_argument, 0, OPT_SREC},
        {"hex", required_argument, 0, OPT_HEX},
        {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    if (argc > 1 && strcmp(argv[1], "merge") == 0) {
        o->is_merge = 1;
        argv++;
        argc--;
    }
    int c;
    struct loc cmd = {"tvpconf", 0};
    while ((c = getopt_long(argc, argv, "b:d:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': o->board = optarg; break;
        case 'd': o->devlib = optarg; break;
        case 'o': o->outdir = optarg; break;
        case 'q': o->quiet = 1; break;
        case 'h': fputs(usage, stdout); exit(0);
        case OPT_IMAGE_ROOT: o->image_root = optarg; break;
        case OPT_HV: o->merge.hv_elf = optarg; break;
        case OPT_SREC: o->merge.srec = optarg; break;
        case OPT_HEX: o->merge.hex = optarg; break;
        case OPT_MAX_PAGE:
            if (parse_u32(optarg, &cmd, "--max-page-size", &o->max_page))
                return -1;
            if (o->max_page != (1u << 20) && o->max_page != (256u << 20)) {
                diag_error(&cmd, "--max-page-size must be 0x100000 or 0x10000000");
                return -1;
            }
            break;
        default: fputs(usage, stderr); return -1;
        }
    }
    if (optind != argc - 1) {
        fputs(usage, stderr);
        return -1;
    }
    o->config = argv[optind];
    if (!o->board) {
        diag_error(&cmd, "no board file (-b FILE)");
        return -1;
    }
    if (o->is_merge && (!o->merge.hv_elf || (!o->merge.srec && !o->merge.hex))) {
        diag_error(&cmd, "merge needs --hv and at least one of --srec, --hex");
        return -1;
    }
    return 0;
}

static const char *default_devlib(struct arena *a, const char *config)
{
    const char *slash = strrchr(config, '/');
    if (!slash)
        return "device.lib";
    size_t n = (size_t)(slash - config) + sizeof("/device.lib");
    char *p = arena_alloc(a, n);
    snprintf(p, n, "%.*s/device.lib", (int)(slash - config), config);
    return p;
}

static int load(struct config *cfg, const struct opts *o)
{
    struct lexer lx;
    const char *lib = o->devlib ? o->devlib : default_devlib(cfg->arena, o->config);
    if (lex_open(&lx, cfg->arena, lib) || parse_devlib(cfg, &lx))
        return -1;
    if (lex_open(&lx, cfg->arena, o->board) || parse_board(cfg, &lx))
        return -1;
    if (o->max_page)
        cfg->board.max_page_size = o->max_page;
    if (lex_open(&lx, cfg->arena, o->config) || parse_system(cfg, &lx))
        return -1;
    if (resolve_config(cfg, o->image_root) || check_config(cfg))
        return -1;
    if (alloc_guest_memory(cfg) || check_placement(cfg))
        return -1;
    return 0;
}

static int write_sources(const struct emit_input *in, const char *dir)
{
    struct outset s = {0};
    char path[3][4096];
    static const char *const names[3] = {"tvp_config.c", "tvp_config.h", "tvp_offsets.h"};
    int ok = 1;
    for (int i = 0; i < 3 && ok; i++) {
        if ((size_t)snprintf(path[i], sizeof(path[i]), "%s/%s", dir, names[i]) >= sizeof(path[i])) {
            struct loc at = {dir, 0};
            diag_error(&at, "output directory name too long");
            ok = 0;
            break;
        }
        FILE *f = outset_open(&s, path[i]);
        if (!f) {
            ok = 0;
            break;
        }
        int rc = i == 0 ? emit_tables_c(f, in) : i == 1 ? emit_header(f, in) : emit_offsets(f, in);
        ok = rc == 0;
    }
    return outset_finish(&s, ok);
}

int main(int argc, char **argv)
{
    struct opts o = {0};
    if (parse_args(argc, argv, &o))
        return 1;
    o.merge.image_root = o.image_root;
    o.merge.quiet = o.quiet;
    struct arena arena = {0};
    struct config cfg = {.arena = &arena};
    int rc = load(&cfg, &o);
    if (rc == 0 && o.is_merge) {
        rc = merge_image(&cfg, &o.merge);
    } else if (rc == 0) {
        struct vm_layout *lay = arena_alloc(&arena, (cfg.vms.n + 1) * sizeof(*lay));
        struct hwtables *hw = arena_alloc(&arena, sizeof(*hw));
        rc = layout_build(&cfg, lay);
        if (rc == 0)
            rc = hwtables_build(&cfg, hw);
        if (rc == 0 && !o.quiet)
            report_config(stdout, &cfg, lay);
        if (rc == 0 && o.outdir) {
            struct emit_input in = {&cfg, lay, hw};
            rc = write_sources(&in, o.outdir);
        }
        layout_free(lay, cfg.vms.n);
    }
    arena_free(&arena);
    if (rc || diag_errors())
        return 1;
    return 0;
}
