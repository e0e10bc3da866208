/* Terminal state and signals (see term.h). */
#include "term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static int raw_fd = -1;
static int region_fd = -1;
static volatile sig_atomic_t *stop_flag;
static volatile sig_atomic_t *winch_flag;
static bool atexit_done;

/* Only async-signal-safe calls below (signal-safety(7)): write, tcsetattr. */
void term_restore(void)
{
    if (region_fd >= 0) {
        /* Save the cursor, reset the scroll region (which homes the cursor), restore it. */
        static const char reset[] = "\0337\033[r\0338";
        ssize_t n = write(region_fd, reset, sizeof(reset) - 1);
        (void)n;
        region_fd = -1;
    }
    if (raw_fd >= 0) {
        tcsetattr(raw_fd, TCSAFLUSH, &saved_termios);
        raw_fd = -1;
    }
}

static void at_exit(void)
{
    term_restore();
}

static void on_fatal_signal(int sig);

/* Called before the terminal is first changed.  The fatal-signal handlers are installed only
 * then, so that runs that leave the terminal alone keep the sanitizers' own handlers. */
static void need_atexit(void)
{
    if (atexit_done)
        return;
    atexit(at_exit);
    atexit_done = true;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGABRT, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
}

int term_raw(int fd)
{
    struct termios t;
    if (!isatty(fd) || tcgetattr(fd, &t))
        return -1;
    need_atexit();
    saved_termios = t;
    t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | IEXTEN);
    t.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
    t.c_cflag |= CS8;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    /* Ctrl-C quits the simulator (run-demo.sh says so); Ctrl-\ and Ctrl-Z go to the firmware
     * as bytes 0x1C and 0x1A instead of stopping a process that owns the terminal. */
    t.c_cc[VQUIT] = _POSIX_VDISABLE;
    t.c_cc[VSUSP] = _POSIX_VDISABLE;
    if (tcsetattr(fd, TCSAFLUSH, &t))
        return -1;
    raw_fd = fd;
    return 0;
}

void term_scroll_region(int fd, int rows)
{
    char buf[64];
    int n;
    if (rows > 2) {
        need_atexit();
        /* Make room below the cursor first (a newline, then back up), so that the cursor is
         * inside the region; DECSTBM homes the cursor, hence the save/restore around it. */
        n = snprintf(buf, sizeof(buf), "\n\033[A\0337\033[1;%dr\0338", rows - 1);
        region_fd = fd;
    } else {
        n = snprintf(buf, sizeof(buf), "\0337\033[r\0338");
        region_fd = -1;
    }
    ssize_t w = write(fd, buf, (size_t)n);
    (void)w;
}

static void on_stop_signal(int sig)
{
    if (stop_flag && !*stop_flag) {
        *stop_flag = sig;
        return;
    }
    term_restore();
    _exit(128 + sig);
}

static void on_fatal_signal(int sig)
{
    term_restore();
    raise(sig); /* SA_RESETHAND: the default action now */
}

static void on_winch(int sig)
{
    (void)sig;
    if (winch_flag)
        *winch_flag = 1;
}

void term_signals(volatile sig_atomic_t *stop, volatile sig_atomic_t *winch)
{
    stop_flag = stop;
    winch_flag = winch;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = on_winch;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
}
