/*
 * lex.h -- the tokenizer: UTF-8 source to tokens, one at a time, as CPython 3.11's tokenizer
 * does (INDENT/DEDENT from a stack of columns, tabs to multiples of 8 checked against tabs of
 * width 1, NEWLINE suppressed inside brackets). Strings and numbers are only delimited here;
 * the parser decodes them. Errors are CPython's tokenizer messages, reported through a Diag.
 */
#ifndef TR_LEX_H
#define TR_LEX_H

#include "common/arena.h"
#include "front/diag.h"

typedef enum {
#define TOK(name, text, cls) TOK_##name,
#include "front/tokens.def"
#undef TOK
    TOK__COUNT
} TokKind;

extern const char *const tok_texts[TOK__COUNT];

typedef struct Token {
    TokKind kind;
    int level;         /* bracket depth after the token */
    const char *start; /* into the (normalized) source; len bytes */
    int len;
    int line, col, end_line, end_col; /* col: 0-based byte offsets; INDENT/DEDENT: col -1 */
    const char *line_start;           /* first byte of the token's first line */
} Token;

enum { LEX_MAXINDENT = 100, LEX_MAXLEVEL = 200 };

typedef struct Lexer {
    Arena *arena;
    const char *filename;
    const char *src, *end, *cur; /* src is normalized: \n line ends, final newline */
    const char *line_start;
    int lineno;
    int indstack[LEX_MAXINDENT + 1], altindstack[LEX_MAXINDENT + 1], indent;
    int pendin;  /* >0: INDENTs to emit, <0: DEDENTs */
    bool atbol;  /* at the beginning of a logical line */
    bool blankline;
    bool cont;   /* the previous physical line ended in a backslash */
    char parenstack[LEX_MAXLEVEL];
    int parenline[LEX_MAXLEVEL], parencol[LEX_MAXLEVEL];
    int level;
    bool eof;       /* ENDMARKER returned */
    bool at_eof;    /* input exhausted; emitting final NEWLINE/DEDENTs */
    bool failed;
    bool soft_error; /* the error is one CPython raises only when the parser reaches it
                        (indentation, tabs, line continuation), not while scanning ahead */
    Diag *err;
} Lexer;

/* Prepares src (UTF-8; a BOM and \r\n are accepted) for tokenizing. Returns false with *err
   filled for null bytes or invalid UTF-8. */
bool lex_init(Lexer *lx, Arena *a, const char *filename, const char *src, size_t len, Diag *err);
/* Next token into *t. Returns false with lx->err filled on a tokenizer error. At the end,
   returns ENDMARKER forever. */
bool lex_next(Lexer *lx, Token *t);
/* 1-based character offset of byte column col0 (0-based) in the line starting at line_start. */
int lex_char_col(const char *line_start, int col0);
/* The source line at line_start, without its newline, copied into the arena. */
const char *lex_line_text(Arena *a, const char *line_start);

#endif
