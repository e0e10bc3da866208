/* `tvpconf merge`: one flashable image from tinyVP, the guests and the configuration words. */
#ifndef TVPCONF_MERGE_H
#define TVPCONF_MERGE_H

#include "model.h"

struct merge_args {
    const char *hv_elf;
    const char *srec, *hex; /* either may be NULL, not both */
    const char *image_root;
    int quiet;
};

/* cfg has been resolved and allocated. 0, or -1 after errors (no output left behind). */
int merge_image(struct config *cfg, const struct merge_args *a);

#endif
