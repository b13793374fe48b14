/*
 * compile.h -- AST to code objects. Runs scope analysis (front/scope.c) first, then emits
 * bytecode with CPython 3.11's instruction choices, a line table and an exception table.
 */
#ifndef TR_COMPILE_H
#define TR_COMPILE_H

#include "bytecode/code.h"
#include "front/ast.h"
#include "front/diag.h"

/* Compiles a parsed module. src/len is the source (for error lines). Returns NULL and fills
   *err on a compile-time error (e.g. "'return' outside function", or an unsupported
   construct, named with its line). */
CodeObj *bc_compile_module(Arena *a, Node *mod, const char *filename, const char *src,
                           size_t len, Diag *err);

#endif
