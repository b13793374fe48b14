/*
 * code.h -- code objects: what the bytecode compiler produces for a module, class body,
 * function, lambda or comprehension, and what the VM (and later the IR builder) consume.
 * A code object is a runtime object (type `code`) so it can sit in a constants tuple.
 * Local variable layout follows CPython 3.11: localsplus = locals (args first), then cells
 * that are not arguments, then free variables.
 */
#ifndef TR_CODE_H
#define TR_CODE_H

#include "bytecode/opcodes.h"
#include "runtime/object.h"

enum { /* co_flags, CPython's values */
    CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
    CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40, CO_COROUTINE = 0x80,
    CO_ITERABLE_COROUTINE = 0x100, CO_ASYNC_GENERATOR = 0x200,
};
enum { /* kinds of localsplus entries (CPython's CO_FAST_*) */
    CO_FAST_LOCAL = 0x20, CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80,
};

typedef struct ExcEntry { /* exception table: instructions [start, end) go to handler */
    int32_t start, end, handler;
    int32_t depth;        /* stack depth to unwind to */
    bool lasti;           /* push the offset of the raising instruction first */
} ExcEntry;

typedef struct CodeObj {
    TrObject ob;
    TrValue name, qualname, filename; /* str */
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;
    int nlocalsplus, nlocals, ncells, nfrees; /* nlocals: plain locals incl. args */
    int stacksize;
    TrValue consts;          /* tuple */
    TrValue names;           /* tuple of interned str */
    TrValue localsplusnames; /* tuple of interned str */
    uint8_t *localspluskinds;
    BcWord *code;
    int ncode;
    int32_t *lines;          /* line of each instruction (-1: none) */
    ExcEntry *exctab;
    int nexctab;
    void *cache;             /* inline caches, owned by the VM */
    /* Machine code for this code object (TrValue fn(Frame *f)), set by the AOT loader or the
       JIT; NULL: the VM interprets it. */
    void *native;
    void *mcode;       /* the same machine code, kept when native is given up: names the
                          function in the guards of direct calls */
    void *fallback;    /* machine code without speculation, to take over from native when
                          native's guesses fail (AOT); NULL: none */
    bool native_tried; /* the JIT tried to compile it (whatever the outcome) */
    uint32_t deopts;   /* failed guards of its machine code (vm/native.c gives up past a limit) */
} CodeObj;

extern TrType bc_code_type;

static inline bool bc_is_code(TrValue v) { return tr_is_ptr(v) && tr_obj(v)->type == &bc_code_type; }
static inline CodeObj *bc_as_code(TrValue v) { return (CodeObj *)tr_obj(v); }
CodeObj *bc_code_new(void);
/* CPython's byte offset of instruction i (2 bytes a word plus inline caches), for dis. */
int bc_offset(const CodeObj *co, int i);
/* CPython's layout: offsets[0..ncode] in 2-byte units (offsets[i] is where instruction i's
   EXTENDED_ARG prefixes start; offsets[ncode] the end) and each instruction's CPython argument
   (relative for jumps). Both arrays hold ncode + 1 entries. Returns the size in units. */
int bc_layout(const CodeObj *co, int32_t *offsets, uint32_t *args);
bool bc_is_jump_op(int op);
bool bc_is_backward_jump(int op);

#endif
