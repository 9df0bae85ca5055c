/*
 * The parts of ncursesw (and libc) that Swift cannot use directly: attribute macros built from
 * shifts and casts, function-like macros, and mutable globals that Swift 6 rejects as shared
 * state. Each becomes a static inline getter. Only the NcursesTerminal module imports this.
 */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* The wide API (cchar_t, setcchar, wget_wch) is only declared with this set. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
/* Explicitly the wide header: some distributions ship a narrow <curses.h>. */
#include <ncursesw/curses.h>

/* Attributes. */
static inline attr_t cnc_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t cnc_A_BOLD(void) { return A_BOLD; }
static inline attr_t cnc_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t cnc_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t cnc_A_DIM(void) { return A_DIM; }
static inline attr_t cnc_A_STANDOUT(void) { return A_STANDOUT; }
static inline attr_t cnc_A_ITALIC(void) { return A_ITALIC; }
static inline attr_t cnc_A_COLOR(void) { return A_COLOR; }
static inline attr_t cnc_A_ATTRIBUTES(void) { return A_ATTRIBUTES; }

/* Globals, read through functions so Swift never names shared mutable state. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_COLORS(void) { return COLORS; }
static inline int cnc_COLOR_PAIRS(void) { return COLOR_PAIRS; }

/* Mouse masks: built from shifts by NCURSES_MOUSE_MASK. Press, not click: a click waits out
   mouseinterval to tell it from a double click, and the wheel reports only presses. */
static inline mmask_t cnc_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t cnc_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t cnc_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t cnc_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }

/* Function-like macros. */
static inline int cnc_KEY_F(int n) { return KEY_F(n); }

/* libc's width for a scalar in the current locale: -1 means ncurses would not print it as is. */
static inline int cnc_wcwidth(wchar_t c) { return wcwidth(c); }

/* Whether the current LC_CTYPE encodes text as UTF-8. */
static inline int cnc_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* FILE streams over the standard descriptors, instead of Glibc's `stdin`/`stdout` globals. */
static inline FILE *cnc_fdopen(int descriptor, const char *mode) { return fdopen(descriptor, mode); }

#endif /* CNCURSESW_SHIM_H */
