/*
 * Output files written atomically: each goes to a temporary file in the same directory and
 * all are renamed into place only when every one was written (conventions.md: no half-written
 * output, nothing left behind on error).
 */
#ifndef TVPCONF_OUTFILE_H
#define TVPCONF_OUTFILE_H

#include <stdio.h>

#define OUTFILE_MAX 8

struct outset {
    int n;
    struct {
        char *path, *tmp;
        FILE *f;
    } o[OUTFILE_MAX];
};

/* Opens PATH's temporary file. NULL after reporting an error. */
FILE *outset_open(struct outset *s, const char *path);
/* Closes every file; when ok and all writes succeeded, renames them all. 0 / -1. */
int outset_finish(struct outset *s, int ok);

#endif
