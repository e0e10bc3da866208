/* Output files renamed into place at the end (outfile.h). */
#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int outfile_open(struct outfile *o, const char *path, char *err, size_t errlen)
{
    memset(o, 0, sizeof(*o));
    size_t n = strlen(path) + 8;
    o->path = strdup(path);
    o->tmp = malloc(n);
    if (!o->path || !o->tmp) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    snprintf(o->tmp, n, "%s.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create %s: %s", o->tmp, strerror(errno));
        goto fail;
    }
    fchmod(fd, 0644);
    o->f = fdopen(fd, "w");
    if (!o->f) {
        snprintf(err, errlen, "cannot open %s: %s", o->tmp, strerror(errno));
        close(fd);
        unlink(o->tmp);
        goto fail;
    }
    setvbuf(o->f, NULL, _IOFBF, 1 << 16);
    return 0;
fail:
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof(*o));
    return -1;
}

int outfile_close(struct outfile *o, bool keep)
{
    if (!o->f)
        return 0;
    int rc = 0;
    bool bad = ferror(o->f) != 0;
    if (fclose(o->f))
        bad = true;
    if (keep && !bad && rename(o->tmp, o->path) == 0) {
        /* in place */
    } else {
        if (keep) {
            fprintf(stderr, "pic32mz-sim: cannot write %s: %s\n", o->path, strerror(errno));
            rc = -1;
        }
        unlink(o->tmp);
    }
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof(*o));
    return rc;
}
