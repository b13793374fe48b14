/*
 * parse.h -- source text to AST. The tokenizer (lex.c) and parser (parse.c) cover the whole
 * Python 3.11 grammar; a syntax error comes back as a Diag, never as an exit or a crash.
 */
#ifndef TR_PARSE_H
#define TR_PARSE_H

#include "front/ast.h"
#include "front/diag.h"

/* Parses a module. On error returns NULL and fills *err. src need not be NUL-terminated. */
Node *parse_module(Arena *a, const char *filename, const char *src, size_t len, Diag *err);

#endif
