/* The generated sources: tvp_config.c (tables), tvp_config.h (counts), tvp_offsets.h (asm). */
#ifndef TVPCONF_EMIT_H
#define TVPCONF_EMIT_H

#include <stdio.h>

#include "hwtables.h"
#include "layout.h"
#include "model.h"

struct emit_input {
    const struct config *cfg;
    const struct vm_layout *lay; /* cfg->vms.n entries */
    const struct hwtables *hw;
};

int emit_tables_c(FILE *f, const struct emit_input *in);
int emit_header(FILE *f, const struct emit_input *in);
int emit_offsets(FILE *f, const struct emit_input *in);

#endif
