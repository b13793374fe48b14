/*
 * jit.h -- compiling code objects to machine code in memory while the program runs. Today only
 * the `--jit=always` policy exists (every function compiled before its first run: the mode the
 * tests use to run the whole suite through the compiler); tiers driven by the interpreter's
 * counters come with the JIT issue.
 */
#ifndef TR_JIT_H
#define TR_JIT_H

#include "backend/mcode.h"
#include "bytecode/code.h"

/* Turns on compile-everything: installs the VM hook. verbose: report what is not compiled. */
void jit_enable_always(bool verbose);
/* Copies mc into executable memory, resolving its relocations against the runtime's symbols.
   NULL (with *why) when a symbol is unknown or memory runs out. */
void *jit_load(const McCode *mc, const char **why);

#endif
