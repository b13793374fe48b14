/*
 * diag.h -- compile-time diagnostics (SyntaxError, IndentationError, TabError, and "not
 * supported" errors of later phases) and their CPython-style text:
 *     File "p.py", line 3
 *       if x
 *           ^
 *   SyntaxError: expected ':'
 */
#ifndef TR_DIAG_H
#define TR_DIAG_H

#include "common/arena.h"

typedef struct Diag {
    const char *type;     /* "SyntaxError", "IndentationError", "TabError" */
    const char *msg;
    const char *filename;
    int line;             /* 1-based; 0 if unknown */
    int col, end_col;     /* 1-based columns (in characters) of the caret range; 0: no caret */
    const char *text;     /* the source line without its newline, or NULL */
} Diag;

/* Fills d (message formatted printf-style into the arena). Returns false for convenience. */
bool diag_set(Diag *d, Arena *a, const char *type, const char *filename, int line, int col,
              int end_col, const char *text, const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));
/* Writes the CPython text of d to stderr. */
void diag_print(const Diag *d);
/* The text of line `line` (1-based) of src, copied into the arena, or NULL. */
const char *diag_source_line(Arena *a, const char *src, size_t len, int line);

#endif
