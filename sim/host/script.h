/*
 * Scripted console sessions in simulated time (docs/simulator.md "Scripts"):
 *
 *   expect "TEXT" [within DURATION]   expect-no "TEXT" for DURATION   send "TEXT"
 *   expect-led NAME on|off            press NAME   release NAME       run DURATION   exit
 *
 * The script sees the console UART's output through script_output() and acts through the
 * callbacks in struct script_env; the run loop asks script_advance() how far the machine may
 * run before the script must look again.  Nothing depends on wall-clock time.
 */
#ifndef SIM_HOST_SCRIPT_H
#define SIM_HOST_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../board/board.h"

enum script_op {
    OP_EXPECT,
    OP_EXPECT_NO,
    OP_SEND,
    OP_EXPECT_LED,
    OP_RUN,
    OP_PRESS,
    OP_RELEASE,
    OP_EXIT,
};

struct script_cmd {
    enum script_op op;
    unsigned line;
    uint8_t *text; /* expect, expect-no, send */
    size_t len;
    uint64_t cycles; /* within / for / run */
    unsigned index;  /* LED or button */
    bool on;         /* expect-led */
};

struct script_env {
    void *ctx;
    void (*send)(void *ctx, const uint8_t *data, size_t n);
    bool (*led_on)(void *ctx, unsigned led);
    void (*button)(void *ctx, unsigned button, bool pressed);
    /* Stop the machine after the current instruction (an expectation was decided). */
    void (*stop)(void *ctx);
};

struct script {
    char *file;
    const struct board *board;
    struct script_cmd *cmd;
    size_t ncmd, pc;
    bool started; /* cmd[pc] has begun */
    bool decided; /* ... and its text was seen */
    uint64_t deadline;
    uint8_t *out; /* console output not yet consumed by an expect */
    size_t len, cap;
    struct script_env env;
};

enum script_state { SCRIPT_RUNNING, SCRIPT_PASSED, SCRIPT_FAILED };

/* Default of `expect` without `within`: one simulated second. */
#define SCRIPT_DEFAULT_WITHIN 200000000u

/* Reads and checks the whole script.  On a malformed script: -1 and "FILE:LINE: what" in err. */
int script_load(struct script *s, const char *path, const struct board *b, char *err,
                size_t errlen);
/* The console UART's tap (struct uart_link); ctx is the script. */
void script_output(void *ctx, uint8_t byte);
/* Runs the commands that take no time at cycle `now`.  RUNNING: run the machine up to
 * *until (or until the script's stop callback) and call again.  FAILED: a message naming
 * FILE:LINE is on stderr. */
enum script_state script_advance(struct script *s, uint64_t now, uint64_t *until);
/* The program ended (`why`) at `now`: the script passes if nothing but `exit` is left. */
enum script_state script_program_ended(struct script *s, uint64_t now, const char *why);
void script_free(struct script *s);

#endif
