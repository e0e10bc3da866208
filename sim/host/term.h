/*
 * The controlling terminal: raw mode for an interactive console, the LED status line's
 * scroll region, and signals.  Whatever this file changes on the terminal is undone on every
 * way out of the simulator: a normal return, exit() (atexit), SIGINT/SIGTERM/SIGHUP, and the
 * fatal signals (the state is restored, then the signal is raised again).
 */
#ifndef SIM_HOST_TERM_H
#define SIM_HOST_TERM_H

#include <signal.h>
#include <stdbool.h>

/* Puts the tty `fd` into raw mode, keeping ISIG (Ctrl-C still quits) and output processing
 * (a bare "\n" from firmware still starts a new line).  Returns -1 if fd is no tty. */
int term_raw(int fd);
/* Restores what term_raw and term_scroll_region changed.  Async-signal-safe; idempotent. */
void term_restore(void);
/* Reserves the last of `rows` terminal rows for a status line (0 = release it). */
void term_scroll_region(int fd, int rows);

/* Installs the signal handlers.  SIGINT/SIGTERM/SIGHUP set *stop to the signal number (the
 * run loop ends and cleans up); a second one restores the terminal and exits at once.
 * SIGWINCH sets *winch; SIGPIPE is ignored (a console client went away). */
void term_signals(volatile sig_atomic_t *stop, volatile sig_atomic_t *winch);

#endif
