/* Output files written whole or not at all (conventions.md "Style"): everything goes to a
 * temporary file next to the destination, renamed into place when the run ends. */
#ifndef SIM_HOST_OUTFILE_H
#define SIM_HOST_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct outfile {
    FILE *f;
    char *path, *tmp;
};

int outfile_open(struct outfile *o, const char *path, char *err, size_t errlen);
/* Closes; renames into place when `keep`, else removes.  Returns -1 (with a message on
 * stderr) if the data could not be written. */
int outfile_close(struct outfile *o, bool keep);

#endif
