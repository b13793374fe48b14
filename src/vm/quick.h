/*
 * quick.h -- specialized instructions (quick.def) and the LOAD_GLOBAL cache. Quickening
 * rewrites instruction words in place in co->code; vm_generic_word gives back what the
 * compiler emitted, for anything that must see CPython's instruction set (dis, a JIT).
 */
#ifndef TR_VM_QUICK_H
#define TR_VM_QUICK_H

#include "bytecode/code.h"
#include "runtime/dict.h"

enum {
    QOP__FIRST = OP__COUNT - 1,
#define QOP(name, generic) QOP_##name,
#include "vm/quick.def"
#undef QOP
    QOP__END
};

/* One LOAD_GLOBAL site. A hit: the globals' keys_version equals gkv and the name is entry ix
   of globals (bkv == 0), or gkv matches, bkv matches the builtins' keys_version and ix is the
   entry in builtins. Only versions and numbers: no TrValue, so plain malloc memory. */
typedef struct GlobalCache {
    uint64_t gkv, bkv;
    int64_t ix;
    BcWord orig; /* the generic instruction word */
} GlobalCache;

extern GlobalCache *vm_gcache;

/* The opcode / instruction word as the compiler emitted it. */
int vm_generic_op(int op);
BcWord vm_generic_word(BcWord w);

/* A new cache slot for the LOAD_GLOBAL word w (-1 when the table is full). */
int vm_gcache_new(BcWord w);
/* Looks the global up (globals, then builtins, both exact dicts) and fills the slot when the
   lookup can be cached. Returns the value, 0 when absent (nothing raised), TR_ERR on error. */
TrValue vm_gcache_fill(GlobalCache *c, TrValue globals, TrValue builtins, TrValue name);

/* The value c caches for these namespaces, or 0 on a miss (then vm_gcache_fill). */
static inline TrValue vm_gcache_hit(const GlobalCache *c, TrValue globals, TrValue builtins)
{
    TrDict *g = (TrDict *)tr_obj(globals);
    if (TR_LIKELY(g->keys_version == c->gkv && c->ix >= 0)) {
        if (c->bkv == 0)
            return g->entries[c->ix].value;
        TrDict *bd = (TrDict *)tr_obj(builtins);
        if (TR_LIKELY(bd->keys_version == c->bkv))
            return bd->entries[c->ix].value;
    }
    return 0;
}

/* The cache slot of the LOAD_GLOBAL at instruction pc of co, for compiled code: quickens the
   instruction first if the interpreter has not (so both share the slot). NULL when the
   instruction is not a LOAD_GLOBAL or the table is full. */
GlobalCache *vm_gcache_at(CodeObj *co, int pc);

#endif
