/* Atomic output files (see outfile.h). */
#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

FILE *outset_open(struct outset *s, const char *path)
{
    struct loc at = {path, 0};
    if (s->n == OUTFILE_MAX) {
        diag_error(&at, "too many output files");
        return NULL;
    }
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    char *p = strdup(path);
    if (!tmp || !p) {
        free(tmp);
        free(p);
        diag_error(&at, "out of memory");
        return NULL;
    }
    snprintf(tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        diag_error(&at, "cannot create %s: %s", tmp, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        free(tmp);
        free(p);
        return NULL;
    }
    s->o[s->n].path = p;
    s->o[s->n].tmp = tmp;
    s->o[s->n].f = f;
    s->n++;
    return f;
}

int outset_finish(struct outset *s, int ok)
{
    for (int i = 0; i < s->n; i++) {
        int bad = ferror(s->o[i].f);
        if (fclose(s->o[i].f) || bad) {
            if (ok) {
                struct loc at = {s->o[i].path, 0};
                diag_error(&at, "write error");
            }
            ok = 0;
        }
    }
    for (int i = 0; i < s->n; i++) {
        if (ok && rename(s->o[i].tmp, s->o[i].path)) {
            struct loc at = {s->o[i].path, 0};
            diag_error(&at, "cannot rename %s: %s", s->o[i].tmp, strerror(errno));
            ok = 0;
        }
        if (!ok)
            unlink(s->o[i].tmp);
        free(s->o[i].tmp);
        free(s->o[i].path);
    }
    s->n = 0;
    return ok ? 0 : -1;
}
