/* The printed summary of a configuration (see report.h). */
#include "report.h"

#include "alloc.h"

static const char *kind_name(enum region_kind k)
{
    static const char *const n[] = {"regs", "code", "data", "rodata", "rom", "ram", "dma"};
    return n[k];
}

void report_config(FILE *f, const struct config *cfg, const struct vm_layout *lay)
{
    const struct board *b = &cfg->board;
    fprintf(f, "tinyVP: code 0x%08x..0x%08x, data+stack 0x%08x..0x%08x (stack 0x%x)\n",
            kphys(b->vzcode), kphys(b->vzcode) + b->vzcodesize - 1, kphys(b->vzdata),
            kphys(b->vzstacktop) - 1, b->vzstacksize);
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        fprintf(f, "vm%d: guestid %d, entry 0x%08x%s\n", vm->id, vm->gid, vm->entry,
                vm->irqpolling ? ", polling" : "");
        for (size_t j = 0; j < vm->mmap.n; j++) {
            const struct region *r = &vm->mmap.v[j];
            fprintf(f, "  %-6s gpa 0x%08x..0x%08x -> rpa 0x%08x  %-6s (%s:%d)\n",
                    kind_name(r->kind), r->gpa, r->gpa + r->size - 1, r->rpa, flags_str(r->flags),
                    r->loc.file, r->loc.line);
        }
        for (size_t j = 0; j < vm->devices.n; j++)
            fprintf(f, "  device %s\n", vm->devices.v[j]->name);
        if (lay)
            fprintf(f, "  %zu trapped page(s), %zu mmio window(s)\n", lay[i].traps.n,
                    lay[i].mmio.n);
        if (lay && lay[i].has_map)
            pt_print(f, &lay[i].map);
        if (lay)
            fprintf(f, "vm%d: %u TLB entries (%u pairs in its tree)\n", vm->id, lay[i].tlb_pairs,
                    lay[i].has_map ? pt_tlb_pairs(&lay[i].map) : 0u);
    }
    struct pool_usage rom, ram;
    alloc_usage(cfg, &rom, &ram);
    fprintf(f, "rom pool 0x%08x..0x%08x: 0x%x bytes used, 0x%x free\n", rom.start, rom.end - 1,
            rom.used, rom.end - rom.start - rom.used);
    fprintf(f, "ram pool 0x%08x..0x%08x: 0x%x bytes used, 0x%x free\n", ram.start, ram.end - 1,
            ram.used, ram.end - ram.start - ram.used);
}
