/* After parsing: guest extents from images, last rom/ram wins, defaults, board checks. */
#ifndef TVPCONF_RESOLVE_H
#define TVPCONF_RESOLVE_H

#include "model.h"

/* image_root: directory that relative image paths are taken from (NULL: current directory).
 * Returns 0, or -1 after errors were reported. */
int resolve_config(struct config *cfg, const char *image_root);

/* The path of an image named in the configuration, as opened (arena string). */
const char *image_path(struct config *cfg, const char *image_root, const char *name);

#endif
