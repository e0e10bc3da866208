/* Diagnostics: every error names its file and line ("FILE:LINE: message") on stderr. */
#ifndef TVPCONF_DIAG_H
#define TVPCONF_DIAG_H

/* Where a statement came from. file is never NULL; line 0 means "the whole file". */
struct loc {
    const char *file;
    int line;
};

void diag_error(const struct loc *at, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_note(const struct loc *at, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int diag_errors(void);  /* errors reported so far */
void diag_reset(void);  /* forget the count (fuzz harness: one run per input) */
extern int diag_silent; /* count errors but print nothing */
/* An error whose text already names its place (e.g. from pagetree.c). */
void diag_raw(const char *msg);

#endif
