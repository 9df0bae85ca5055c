#include "terminal_restorer.h"

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <ncursesw/curses.h>

void ttr_restore_terminal(void) {
    /* isendwin() is false both while curses is active and when there is no screen at all; in
       the second case endwin() simply returns ERR. endwin is not formally async-signal-safe, but
       it is what ncurses' own SIGINT handler calls: it writes the reset sequences and restores
       the saved tty modes. */
    if (!isendwin()) {
        endwin();
    }
}

/* Ends the process "by signal", so a shell sees the status it expects (130 for Ctrl-C). */
static void ttr_restoring_signal_handler(int signal_number) {
    ttr_restore_terminal();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static void ttr_restore_terminal_at_exit(void) { ttr_restore_terminal(); }

/*
 * Crash signals. The Swift runtime's backtracer installs its handlers before main; replacing
 * them would lose the crash report, so this handler gives the terminal back and then calls the
 * handler that was installed before it, with the same arguments, as chained handlers do. After
 * that the process ends as the signal's default action would: a fault raised by the processor
 * (a trap on overflow, a bad access) is re-executed on return, and a signal sent by kill() or
 * raise() (abort() among them) is raised again, which takes effect when this handler returns.
 */
static const int ttr_crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT };
#define TTR_CRASH_SIGNAL_COUNT (sizeof(ttr_crash_signals) / sizeof(ttr_crash_signals[0]))
static struct sigaction ttr_previous_crash_actions[TTR_CRASH_SIGNAL_COUNT];

static void ttr_crash_signal_handler(int signal_number, siginfo_t *info, void *context) {
    ttr_restore_terminal();
    for (size_t index = 0; index < TTR_CRASH_SIGNAL_COUNT; index++) {
        if (ttr_crash_signals[index] != signal_number) { continue; }
        const struct sigaction *previous = &ttr_previous_crash_actions[index];
        if (previous->sa_flags & SA_SIGINFO) {
            if (previous->sa_sigaction != NULL) { previous->sa_sigaction(signal_number, info, context); }
        } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
            previous->sa_handler(signal_number);
        }
    }
    signal(signal_number, SIG_DFL);
    if (info == NULL || info->si_code <= 0) {
        raise(signal_number);
    }
}

int ttr_install_terminal_restorer(void) {
    int result = 0;
    const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    for (size_t index = 0; index < sizeof(signals) / sizeof(signals[0]); index++) {
        struct sigaction previous;
        if (sigaction(signals[index], NULL, &previous) != 0) { result = -1; continue; }
        if (previous.sa_handler == SIG_IGN) { continue; }
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = ttr_restoring_signal_handler;
        sigemptyset(&action.sa_mask);
        if (sigaction(signals[index], &action, NULL) != 0) { result = -1; }
    }
    for (size_t index = 0; index < TTR_CRASH_SIGNAL_COUNT; index++) {
        if (sigaction(ttr_crash_signals[index], NULL, &ttr_previous_crash_actions[index]) != 0) {
            result = -1;
            continue;
        }
        if (ttr_previous_crash_actions[index].sa_handler == SIG_IGN) { continue; }
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_sigaction = ttr_crash_signal_handler;
        /* SA_ONSTACK: a stack overflow can only be handled on the alternate stack that the
           Swift runtime sets up for its backtracer. */
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        if (sigaction(ttr_crash_signals[index], &action, NULL) != 0) { result = -1; }
    }
    if (atexit(ttr_restore_terminal_at_exit) != 0) { result = -1; }
    return result;
}
