/*
 * quick.c -- support of the specialized instructions: the map back to generic opcodes and the
 * table of LOAD_GLOBAL caches (one slot per quickened site, found by the instruction's argument).
 */
#include "vm/quick.h"

#include "runtime/runtime.h"

#include <stdlib.h>

static const uint8_t generic_of[] = {
#define QOP(name, generic) OP_##generic,
#include "vm/quick.def"
#undef QOP
};

GlobalCache *vm_gcache;
static int gcache_len, gcache_cap;

int vm_generic_op(int op)
{
    if (op < OP__COUNT)
        return op;
    return generic_of[op - OP__COUNT];
}

BcWord vm_generic_word(BcWord w)
{
    int op = BC_OP(w);
    if (op == QOP_LOAD_GLOBAL_CACHED)
        return vm_gcache[BC_ARG(w)].orig;
    return BC_MAKE(vm_generic_op(op), BC_ARG(w));
}

int vm_gcache_new(BcWord w)
{
    if (gcache_len == gcache_cap) {
        if (gcache_cap >= (int)BC_ARG_MAX)
            return -1;
        int cap = gcache_cap ? gcache_cap * 2 : 256;
        GlobalCache *n = realloc(vm_gcache, sizeof(GlobalCache) * (size_t)cap);
        if (!n)
            return -1;
        vm_gcache = n;
        gcache_cap = cap;
    }
    GlobalCache *c = &vm_gcache[gcache_len];
    c->gkv = c->bkv = 0;
    c->ix = -1; /* never a hit until filled */
    c->orig = w;
    return gcache_len++;
}

GlobalCache *vm_gcache_at(CodeObj *co, int pc)
{
    BcWord w = co->code[pc];
    if ((int)BC_OP(w) == QOP_LOAD_GLOBAL_CACHED)
        return &vm_gcache[BC_ARG(w)];
    if (BC_OP(w) != OP_LOAD_GLOBAL)
        return NULL;
    int slot = vm_gcache_new(w);
    if (slot < 0)
        return NULL;
    co->code[pc] = BC_MAKE(QOP_LOAD_GLOBAL_CACHED, (uint32_t)slot);
    return &vm_gcache[slot];
}

static bool exact_dict(TrValue d) { return tr_is_ptr(d) && tr_obj(d)->type == &tr_dict_type; }

TrValue vm_gcache_fill(GlobalCache *c, TrValue globals, TrValue builtins, TrValue name)
{
    c->ix = -1;
    /* keys versions are unique except 0 (every empty dict): with both nonzero, a hit means
       the very same dicts, in the same key state */
    if (!exact_dict(globals) || !exact_dict(builtins) || !tr_is_str(name) ||
        !tr_as_dict(globals)->keys_version)
        return 0;
    int64_t ix = tr_dict_find_str(globals, name);
    if (ix >= 0) {
        c->gkv = tr_as_dict(globals)->keys_version;
        c->bkv = 0;
        c->ix = ix;
        return tr_as_dict(globals)->entries[ix].value;
    }
    if (ix != -1)
        return 0;
    ix = tr_dict_find_str(builtins, name);
    if (ix >= 0) {
        c->gkv = tr_as_dict(globals)->keys_version;
        c->bkv = tr_as_dict(builtins)->keys_version;
        c->ix = ix;
        return tr_as_dict(builtins)->entries[ix].value;
    }
    return 0;
}
