/*
 * compile.c -- the bytecode compiler's driver: compilation units (one per code object),
 * instruction emission into basic blocks, constants and name tables, CPython's name-op choice
 * (LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME ...) from the scope analysis, closures.
 */
#include "bytecode/compile_internal.h"

#include "runtime/runtime.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- Errors ------------------------------------------------------------------------------ */

bool cc_error(Compiler *c, const char *fmt, ...)
{
    if (c->failed)
        return false;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->failed = true;
    int line = c->u ? c->u->lineno : 0;
    int col = c->u ? c->u->col + 1 : 0;
    const char *text = diag_source_line(c->a, c->src, c->len, line);
    int end_col = 0;
    if (c->u && c->u->end_line == line)
        end_col = c->u->end_col + 1;
    else if (c->u && text)
        end_col = (int)strlen(text) + 1;
    diag_set(c->err, c->a, "SyntaxError", c->filename, line, col, end_col, text, "%s", msg);
    return false;
}

/* --- Blocks and emission ------------------------------------------------------------------ */

Block *cc_new_block(Compiler *c)
{
    Block *b = ARENA_NEW(c->a, Block);
    b->alloc_next = c->u->blocks;
    c->u->blocks = b;
    return b;
}

void cc_use_block(Compiler *c, Block *b)
{
    c->u->cur->next = b;
    c->u->cur = b;
}

static bool is_terminator(int op)
{
    if (op >= PS_JUMP && op <= PS_POP_JUMP_IF_NOT_NONE)
        return true;
    switch (op) {
    case OP_RETURN_VALUE: case OP_RAISE_VARARGS: case OP_RERAISE: case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER: case OP_SEND:
        return true;
    default:
        return false;
    }
}

static Instr *next_instr(Compiler *c)
{
    Block *b = c->u->cur;
    if (b->n && is_terminator(b->instr[b->n - 1].op)) {
        /* like CPython, code after a jump or exit starts a new (implicit) block */
        Block *nb = cc_new_block(c);
        cc_use_block(c, nb);
        b = nb;
    }
    if (b->n == b->cap) {
        int nc = b->cap ? b->cap * 2 : 16;
        Instr *ni = ARENA_ARRAY(c->a, Instr, nc);
        if (b->n)
            memcpy(ni, b->instr, sizeof(Instr) * (size_t)b->n);
        b->instr = ni;
        b->cap = nc;
    }
    Instr *i = &b->instr[b->n++];
    memset(i, 0, sizeof *i);
    return i;
}

void cc_emit(Compiler *c, int op, int arg)
{
    Instr *i = next_instr(c);
    i->op = op;
    i->arg = arg;
    i->line = c->u->lineno;
}

void cc_emit_noline(Compiler *c, int op, int arg)
{
    Instr *i = next_instr(c);
    i->op = op;
    i->arg = arg;
    i->line = -1;
}

void cc_jump(Compiler *c, int op, Block *target)
{
    Instr *i = next_instr(c);
    i->op = op;
    i->target = target;
    i->line = c->u->lineno;
}

void cc_jump_noline(Compiler *c, int op, Block *target)
{
    Instr *i = next_instr(c);
    i->op = op;
    i->target = target;
    i->line = -1;
}

/* --- Constants ---------------------------------------------------------------------------- */

TrValue cc_str(const char *s) { return tr_str_intern_cstr(s); }

static bool bits_eq(double x, double y) { return memcmp(&x, &y, sizeof x) == 0; }

/* CPython's _PyCode_ConstantKey equality: same type and same value (so 1, 1.0, True, 0.0 and
   -0.0 stay distinct constants). */
static bool const_key_eq(TrValue x, TrValue y)
{
    if (x == y)
        return true;
    TrType *t = tr_type_of(x);
    if (t != tr_type_of(y))
        return false;
    if (t == &tr_int_type)
        return tr_int_cmp(x, y) == 0;
    if (t == &tr_float_type)
        return bits_eq(tr_float_val(x), tr_float_val(y));
    if (t == &tr_complex_type) {
        TrComplex *a = (TrComplex *)tr_obj(x), *b = (TrComplex *)tr_obj(y);
        return bits_eq(a->re, b->re) && bits_eq(a->im, b->im);
    }
    if (t == &tr_str_type)
        return tr_str_eq(x, y);
    if (t == &tr_bytes_type) {
        TrBytes *a = (TrBytes *)tr_obj(x), *b = (TrBytes *)tr_obj(y);
        return a->len == b->len && memcmp(a->data, b->data, (size_t)a->len) == 0;
    }
    if (t == &tr_tuple_type) {
        TrTuple *a = tr_as_tuple(x), *b = tr_as_tuple(y);
        if (a->len != b->len)
            return false;
        for (int64_t i = 0; i < a->len; i++)
            if (!const_key_eq(a->items[i], b->items[i]))
                return false;
        return true;
    }
    if (t == &tr_frozenset_type) {
        TrSet *a = (TrSet *)tr_obj(x), *b = (TrSet *)tr_obj(y);
        if (a->used != b->used)
            return false;
        int64_t pos = 0;
        TrValue k;
        while (tr_set_next(x, &pos, &k)) {
            bool found = false;
            int64_t p2 = 0;
            TrValue k2;
            while (!found && tr_set_next(y, &p2, &k2))
                found = const_key_eq(k, k2);
            if (!found)
                return false;
        }
        return true;
    }
    return false;
}

/* A hash consistent with const_key_eq (equal keys hash alike); 0 for kinds hashed no further. */
static uint64_t const_hash(TrValue v)
{
    TrType *t = tr_type_of(v);
    uint64_t h = (uint64_t)(uintptr_t)t * 31;
    if (tr_is_small(v) || tr_is_flonum(v) || v == TR_NONE || v == TR_TRUE || v == TR_FALSE ||
        v == TR_ELLIPSIS)
        return h ^ v;
    if (t == &tr_str_type)
        return h ^ (uint64_t)tr_str_hash(v);
    if (t == &tr_float_type) {
        double d = tr_float_val(v);
        uint64_t bits;
        memcpy(&bits, &d, 8);
        return h ^ bits;
    }
    if (t == &tr_tuple_type) {
        TrTuple *tu = tr_as_tuple(v);
        h ^= (uint64_t)tu->len;
        for (int64_t i = 0; i < tu->len; i++)
            h = h * 1000003 ^ const_hash(tu->items[i]);
        return h;
    }
    return h;
}

static void constix_insert(Unit *u, int idx)
{
    uint64_t m = (uint64_t)u->constix_cap - 1, h = const_hash(u->consts[idx]) & m;
    while (u->constix[h])
        h = (h + 1) & m;
    u->constix[h] = idx + 1;
}

int cc_add_const(Compiler *c, TrValue v)
{
    Unit *u = c->u;
    if (u->constix_cap) {
        uint64_t m = (uint64_t)u->constix_cap - 1, h = const_hash(v) & m;
        for (; u->constix[h]; h = (h + 1) & m)
            if (const_key_eq(u->consts[u->constix[h] - 1], v))
                return u->constix[h] - 1;
    }
    if (u->nconsts == u->capconsts) {
        int nc = u->capconsts ? u->capconsts * 2 : 16;
        TrValue *n = ARENA_ARRAY(c->a, TrValue, nc);
        if (u->nconsts)
            memcpy(n, u->consts, sizeof(TrValue) * (size_t)u->nconsts);
        u->consts = n;
        u->capconsts = nc;
    }
    u->consts[u->nconsts] = v;
    if ((u->nconsts + 1) * 2 > u->constix_cap) {
        u->constix_cap = u->constix_cap ? u->constix_cap * 2 : 32;
        u->constix = ARENA_ARRAY(c->a, int, u->constix_cap);
        for (int i = 0; i < u->nconsts; i++)
            constix_insert(u, i);
    }
    constix_insert(u, u->nconsts);
    return u->nconsts++;
}

void cc_load_const(Compiler *c, TrValue v) { cc_emit(c, OP_LOAD_CONST, cc_add_const(c, v)); }

bool cc_is_const(Node *n) { return n && n->kind == AST_Constant; }

bool cc_const_truth(TrValue v)
{
    if (v == TR_NONE || v == TR_FALSE)
        return false;
    if (v == TR_TRUE || v == TR_ELLIPSIS)
        return true;
    int r = tr_truth(v);
    if (r < 0) {
        tr_err_clear();
        return true;
    }
    return r != 0;
}

/* --- Names -------------------------------------------------------------------------------- */

static int map_find(NameMap *m, const char *name) { return scope_index_get(&m->ix, name); }

static int map_add(Arena *a, NameMap *m, const char *name)
{
    int i = map_find(m, name);
    if (i >= 0)
        return i;
    if (m->n == m->cap) {
        int nc = m->cap ? m->cap * 2 : 8;
        const char **nv = ARENA_ARRAY(a, const char *, nc);
        if (m->n)
            memcpy(nv, m->v, sizeof(char *) * (size_t)m->n);
        m->v = nv;
        m->cap = nc;
    }
    scope_index_put(a, &m->ix, name, m->n);
    m->v[m->n] = name;
    return m->n++;
}

int cc_name_index(Compiler *c, NameMap *m, const char *name) { return map_add(c->a, m, name); }

const char *cc_mangle(Compiler *c, const char *name)
{
    return scope_mangle(c->a, c->u->private_, name);
}

void cc_emit_name(Compiler *c, int op, const char *name)
{
    cc_emit(c, op, map_add(c->a, &c->u->names, cc_mangle(c, name)));
}

/* Index of a cell or free variable before cell-offset fixing: cells first, then frees
   (CPython's numbering of LOAD_DEREF arguments inside the compiler). */
static int deref_index(Compiler *c, const char *name, bool cell)
{
    Unit *u = c->u;
    if (cell)
        return map_find(&u->cellvars, name);
    int i = map_find(&u->freevars, name);
    return i < 0 ? -1 : u->cellvars.n + i;
}

bool cc_nameop(Compiler *c, const char *name, ExprCtx ctx)
{
    Unit *u = c->u;
    const char *mangled = cc_mangle(c, name);
    if (strcmp(name, "__debug__") == 0 && ctx != CTX_LOAD)
        return cc_error(c, "cannot assign to __debug__");
    SymScope scope = scope_get(u->ste, mangled);
    enum { OP_NAMEK, OP_FASTK, OP_GLOBALK, OP_DEREFK } kind = OP_NAMEK;
    bool cell = false;
    switch (scope) {
    case SCOPE_FREE: kind = OP_DEREFK; break;
    case SCOPE_CELL: kind = OP_DEREFK; cell = true; break;
    case SCOPE_LOCAL:
        if (u->ste->kind == SCOPE_FUNCTION)
            kind = OP_FASTK;
        break;
    case SCOPE_GLOBAL_IMPLICIT:
        if (u->ste->kind == SCOPE_FUNCTION)
            kind = OP_GLOBALK;
        break;
    case SCOPE_GLOBAL_EXPLICIT: kind = OP_GLOBALK; break;
    default: break;
    }
    static const int ops[4][3] = {
        {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
        {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
    };
    int op = ops[kind][ctx];
    switch (kind) {
    case OP_DEREFK: {
        if (op == OP_LOAD_DEREF && u->ste->kind == SCOPE_CLASS)
            op = OP_LOAD_CLASSDEREF;
        int i = deref_index(c, mangled, cell);
        if (i < 0)
            return cc_error(c, "internal error: no cell for '%s'", mangled);
        cc_emit(c, op, i);
        return true;
    }
    case OP_FASTK:
        cc_emit(c, op, map_add(c->a, &u->varnames, mangled));
        return true;
    case OP_GLOBALK: {
        int i = map_add(c->a, &u->names, mangled);
        cc_emit(c, op, op == OP_LOAD_GLOBAL ? i << 1 : i);
        return true;
    }
    default:
        cc_emit(c, op, map_add(c->a, &u->names, mangled));
        return true;
    }
}

/* --- Units -------------------------------------------------------------------------------- */

static int cmp_names(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* CPython's dictbytype: the names of one scope kind (or flag), sorted. */
static void names_by_scope(Compiler *c, Scope *s, NameMap *m, SymScope want, int flag)
{
    int n = 0;
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == want || (s->syms[i].flags & flag))
            n++;
    if (!n)
        return;
    const char **v = ARENA_ARRAY(c->a, const char *, n);
    n = 0;
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == want || (s->syms[i].flags & flag))
            v[n++] = s->syms[i].name;
    qsort(v, (size_t)n, sizeof *v, cmp_names);
    for (int i = 0; i < n; i++)
        map_add(c->a, m, v[i]);
}

static const char *concat3(Arena *a, const char *x, const char *y, const char *z)
{
    size_t lx = strlen(x), ly = strlen(y), lz = strlen(z);
    char *r = arena_alloc(a, lx + ly + lz + 1);
    memcpy(r, x, lx);
    memcpy(r + lx, y, ly);
    memcpy(r + lx + ly, z, lz + 1);
    return r;
}

static void set_qualname(Compiler *c)
{
    Unit *u = c->u, *parent = u->parent;
    if (!parent || parent->kind == U_MODULE) {
        u->qualname = u->name;
        return;
    }
    bool force_global = false;
    if (u->kind == U_FUNCTION || u->kind == U_ASYNC_FUNCTION || u->kind == U_CLASS) {
        const char *mangled = scope_mangle(c->a, parent->private_, u->name);
        if (scope_get(parent->ste, mangled) == SCOPE_GLOBAL_EXPLICIT)
            force_global = true;
    }
    if (force_global) {
        u->qualname = u->name;
    } else if (parent->kind == U_FUNCTION || parent->kind == U_ASYNC_FUNCTION ||
               parent->kind == U_LAMBDA) {
        u->qualname = concat3(c->a, parent->qualname, ".<locals>.", u->name);
    } else {
        u->qualname = concat3(c->a, parent->qualname, ".", u->name);
    }
}

bool cc_enter_scope(Compiler *c, const char *name, UnitKind kind, Node *key, int firstlineno)
{
    Unit *u = ARENA_NEW(c->a, Unit);
    u->parent = c->u;
    u->kind = kind;
    u->name = name;
    u->ste = scope_of(c->st, key);
    if (!u->ste)
        return cc_error(c, "internal error: no scope for %s", name);
    u->private_ = c->u ? c->u->private_ : NULL;
    for (int i = 0; i < u->ste->nparams; i++)
        map_add(c->a, &u->varnames, u->ste->params[i]);
    if (u->ste->needs_class_closure)
        map_add(c->a, &u->cellvars, "__class__");
    names_by_scope(c, u->ste, &u->cellvars, SCOPE_CELL, 0);
    names_by_scope(c, u->ste, &u->freevars, SCOPE_FREE, SYM_FREE_CLASS);
    u->firstlineno = firstlineno;
    u->lineno = firstlineno;
    c->u = u;
    u->entry = u->cur = cc_new_block(c);
    if (kind == U_MODULE)
        u->lineno = 0;
    else
        set_qualname(c);
    cc_emit(c, OP_RESUME, 0);
    return true;
}

void cc_exit_scope(Compiler *c) { c->u = c->u->parent; }

CodeObj *cc_assemble(Compiler *c, bool add_none)
{
    if (c->failed)
        return NULL;
    return flow_assemble(c, c->u, add_none);
}

bool cc_make_closure(Compiler *c, CodeObj *co, int flags)
{
    if (co->nfrees) {
        TrTuple *names = tr_as_tuple(co->localsplusnames);
        for (int i = co->nlocalsplus - co->nfrees; i < co->nlocalsplus; i++) {
            const char *name = tr_str_utf8(names->items[i]);
            bool cell;
            if (c->u->kind == U_CLASS && strcmp(name, "__class__") == 0)
                cell = true;
            else
                cell = scope_get(c->u->ste, name) == SCOPE_CELL;
            int arg = deref_index(c, name, cell);
            if (arg < 0)
                return cc_error(c, "internal error: no closure cell for '%s'", name);
            cc_emit(c, OP_LOAD_CLOSURE, arg);
        }
        flags |= 8;
        cc_emit(c, OP_BUILD_TUPLE, co->nfrees);
    }
    cc_load_const(c, tr_val(co));
    cc_emit(c, OP_MAKE_FUNCTION, flags);
    return true;
}

bool cc_push_fblock(Compiler *c, FBlockKind k, Block *b, Block *exit, void *datum)
{
    Unit *u = c->u;
    if (u->nfblocks >= MAX_FBLOCKS)
        return cc_error(c, "too many statically nested blocks");
    FBlock *f = &u->fblocks[u->nfblocks++];
    f->kind = k;
    f->block = b;
    f->exit = exit;
    f->datum = datum;
    return true;
}

void cc_pop_fblock(Compiler *c) { c->u->nfblocks--; }

/* --- Entry point -------------------------------------------------------------------------- */

CodeObj *bc_compile_module(Arena *a, Node *mod, const char *filename, const char *src,
                           size_t len, Diag *err)
{
    Compiler cs = {0}, *c = &cs;
    c->a = a;
    c->filename = filename;
    c->src = src;
    c->len = len;
    c->err = err;
    c->filename_str = tr_str_from_cstr(filename);
    cc_fold_module(c, mod);
    c->st = scope_build(a, mod, filename, src, len, err);
    if (!c->st)
        return NULL;
    c->future_annotations = c->st->future_annotations;
    /* the leading future imports (after an optional docstring), as CPython's future.c */
    NodeList *body = &mod->u.Module.body;
    for (int i = cc_docstring(body) ? 1 : 0; i < body->len; i++) {
        Node *s = body->items[i];
        if (s->kind != AST_ImportFrom || !s->u.ImportFrom.module ||
            strcmp(s->u.ImportFrom.module, "__future__") != 0)
            break;
        c->future_lineno = s->line;
    }
    if (!cc_enter_scope(c, "<module>", U_MODULE, mod, 1))
        return NULL;
    if (!cc_body(c, &mod->u.Module.body))
        return NULL;
    CodeObj *co = cc_assemble(c, true);
    cc_exit_scope(c);
    return c->failed ? NULL : co;
}
