/*
 * diag.c -- compile-time diagnostics and their CPython 3.11 stderr layout (pythonrun.c's
 * print_error_text: leading whitespace stripped, caret offset clipped to the line, no caret
 * when the offset falls left of the text).
 */
#include "front/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "common/strbuf.h"

bool diag_set(Diag *d, Arena *a, const char *type, const char *filename, int line, int col,
              int end_col, const char *text, const char *fmt, ...)
{
    StrBuf sb;
    va_list ap;
    sb_init(&sb);
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    d->type = type;
    d->msg = arena_strndup(a, sb.data ? sb.data : "", sb.len);
    d->filename = filename;
    d->line = line;
    d->col = col;
    d->end_col = end_col;
    d->text = text;
    return false;
}

static void print_text(FILE *f, int offset, int end_offset, const char *text)
{
    int reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    /* CPython clips with strlen() of the UTF-8 text: bytes, though offsets may count
       characters; copying that keeps carets identical on non-ASCII lines */
    int len = (int)strcspn(text, "\n");
    if (offset > len)
        offset = len;
    fprintf(f, "    %s\n", text);
    if (offset < 0)
        return;
    fputs("    ", f);
    while (--offset >= 0)
        fputc(' ', f);
    for (int i = 0; i < reps; i++)
        fputc('^', f);
    fputc('\n', f);
}

void diag_print(const Diag *d)
{
    fflush(stdout);
    const char *type = d->type ? d->type : "SyntaxError";
    if (strcmp(type, "SyntaxError") && strcmp(type, "IndentationError") &&
        strcmp(type, "TabError")) {
        /* RecursionError, MemoryError: CPython prints no location for these */
        fprintf(stderr, "%s%s%s\n", type, d->msg && *d->msg ? ": " : "", d->msg ? d->msg : "");
        return;
    }
    fprintf(stderr, "  File \"%s\", line %d\n", d->filename ? d->filename : "<unknown>", d->line);
    if (d->text)
        print_text(stderr, d->col, d->end_col, d->text);
    fprintf(stderr, "%s: %s\n", d->type ? d->type : "SyntaxError", d->msg ? d->msg : "");
}

const char *diag_source_line(Arena *a, const char *src, size_t len, int line)
{
    if (line < 1)
        return NULL;
    const char *p = src, *end = src + len;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    if (p >= end && line > 1)
        return NULL;
    const char *e = p;
    while (e < end && *e != '\n')
        e++;
    size_t n = (size_t)(e - p);
    if (n > 0 && p[n - 1] == '\r')
        n--;
    return arena_strndup(a, p, n);
}
