/*
 * Gives the terminal back to the shell however the process ends. A C target of its own because
 * the signal handlers must run no Swift code (no runtime locks, no allocation) and the crash
 * handler needs storage for the handlers it chains to, which a header-only shim cannot hold.
 * Only the NcursesTerminal module imports this.
 */
#ifndef TRAILTRIAGE_TERMINAL_RESTORER_H
#define TRAILTRIAGE_TERMINAL_RESTORER_H

/* Leaves curses mode if a screen is active; otherwise does nothing. */
void ttr_restore_terminal(void);

/* Installs, for SIGINT, SIGTERM, SIGHUP and SIGQUIT (ignored ones stay ignored, e.g. SIGHUP
   under nohup), a handler that restores the terminal and re-raises with the default action; for
   the crash signals, a handler that restores the terminal and passes the signal on to the
   handler installed before it; and an atexit hook. Returns 0, or -1 if any step failed. */
int ttr_install_terminal_restorer(void);

#endif
