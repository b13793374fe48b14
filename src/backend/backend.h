/*
 * backend.h -- what the AOT driver and the JIT call to turn one code object into machine code:
 * the whole pipeline bytecode -> IR -> passes -> lowering -> register allocation -> encoding for
 * the host target. The generated function has the C signature
 *     TrValue fn(Frame *f)
 * where f is a frame already bound by the caller (arguments in f->lp); it returns the result, or
 * TR_ERR with the exception pending and the frame's traceback entry added (src/vm/native.c).
 */
#ifndef TR_BACKEND_H
#define TR_BACKEND_H

#include "backend/mcode.h"
#include "bytecode/code.h"
#include "ir/program.h"

/* Compiles co alone (not the code objects among its constants) into out, as the function named
   sym; env (or NULL) says which functions the module's global names hold. Returns false when co uses something the compiler does not handle yet: *why (static text)
   says what, and the VM will interpret co. */
bool backend_compile(CodeObj *co, const char *sym, const IrEnv *env, McCode *out,
                     const char **why);

#endif
