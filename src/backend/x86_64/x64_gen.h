/*
 * x64_gen.h -- the x86-64 code generator: optimized IR in, machine code of one function out.
 */
#ifndef TR_X64_GEN_H
#define TR_X64_GEN_H

#include "backend/mcode.h"
#include "ir/ir.h"

/* Generates TrValue sym(Frame *f) for fn into out. false (and *why) when fn uses something the
   back-end cannot lower yet. */
bool x64_gen(IrFunc *fn, const char *sym, McCode *out, const char **why);

#endif
