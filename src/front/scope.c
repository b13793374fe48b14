/*
 * scope.c -- symbol tables, as CPython 3.11's symtable.c: a first pass records how each scope
 * uses each name (flags), a second pass (analyze) decides local/global/free/cell, passing the
 * sets of bound, free and global names down and up the scope tree. Errors are CPython's texts.
 */
#include "front/scope.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct Builder {
    Arena *a;
    ScopeTable *t;
    Scope *cur;
    const char *private_; /* class name for mangling */
    const char *filename, *src;
    size_t len;
    Diag *err;
    bool failed;
    bool in_ann; /* inside a string annotation (future annotations): check, record nothing */
} Builder;

static bool error_span(Builder *b, int line, int col, int end_line, int end_col,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static bool error_span(Builder *b, int line, int col, int end_line, int end_col,
                       const char *fmt, ...)
{
    if (b->failed)
        return false;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    b->failed = true;
    const char *text = diag_source_line(b->a, b->src, b->len, line);
    int ec = end_line == line ? end_col + 1 : text ? (int)strlen(text) + 1 : 0;
    diag_set(b->err, b->a, "SyntaxError", b->filename, line, col + 1, ec, text, "%s", msg);
    return false;
}
#define error_at(b, line, col, ...) error_span(b, line, col, line, (col) + 1, __VA_ARGS__)
#define error_node(b, n, ...)                                                                     \
    error_span(b, (n) ? (n)->line : 0, (n) ? (n)->col : 0, (n) ? (n)->end_line : 0,             \
               (n) ? (n)->end_col : 0, __VA_ARGS__)

/* --- Mangling and lookup --------------------------------------------------------------- */

const char *scope_mangle(Arena *a, const char *privateobj, const char *name)
{
    if (!privateobj || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if ((n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*privateobj == '_')
        privateobj++;
    if (!*privateobj)
        return name;
    size_t pn = strlen(privateobj);
    char *r = arena_alloc(a, pn + n + 2);
    r[0] = '_';
    memcpy(r + 1, privateobj, pn);
    memcpy(r + 1 + pn, name, n + 1);
    return r;
}

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

int scope_index_get(const NameIndex *ix, const char *key)
{
    if (!ix->cap)
        return -1;
    uint32_t m = (uint32_t)ix->cap - 1, h = name_hash(key) & m;
    for (; ix->slots[h].key; h = (h + 1) & m)
        if (ix->slots[h].val >= 0 && strcmp(ix->slots[h].key, key) == 0)
            return ix->slots[h].val;
    return -1;
}

void scope_index_put(Arena *a, NameIndex *ix, const char *key, int val)
{
    if ((ix->used + 1) * 2 > ix->cap) {
        NameIndex n = {0};
        n.cap = ix->cap ? ix->cap * 2 : 16;
        n.slots = ARENA_ARRAY(a, NameIndexSlot, n.cap);
        for (int i = 0; i < ix->cap; i++)
            if (ix->slots[i].key && ix->slots[i].val >= 0)
                scope_index_put(a, &n, ix->slots[i].key, ix->slots[i].val);
        *ix = n;
    }
    uint32_t m = (uint32_t)ix->cap - 1, h = name_hash(key) & m;
    for (; ix->slots[h].key; h = (h + 1) & m)
        if (strcmp(ix->slots[h].key, key) == 0) {
            if (ix->slots[h].val < 0)
                ix->used++;
            ix->slots[h].val = val;
            return;
        }
    ix->slots[h].key = key;
    ix->slots[h].val = val;
    ix->used++;
}

void scope_index_del(NameIndex *ix, const char *key)
{
    if (!ix->cap)
        return;
    uint32_t m = (uint32_t)ix->cap - 1, h = name_hash(key) & m;
    for (; ix->slots[h].key; h = (h + 1) & m)
        if (ix->slots[h].val >= 0 && strcmp(ix->slots[h].key, key) == 0) {
            ix->slots[h].val = -1; /* tombstone: keeps probe chains intact */
            return;
        }
}

Symbol *scope_lookup(Scope *s, const char *name)
{
    int i = scope_index_get(&s->symindex, name);
    return i < 0 ? NULL : &s->syms[i];
}

SymScope scope_get(Scope *s, const char *name)
{
    Symbol *sym = scope_lookup(s, name);
    return sym ? sym->scope : SCOPE_NONE;
}

static unsigned ptr_hash(Node *n, int cap) { return (unsigned)(((uintptr_t)n >> 4) * 2654435761u) & (cap - 1); }

static void map_put(Builder *b, Node *n, Scope *s)
{
    ScopeTable *t = b->t;
    if (t->cap == 0) {
        t->cap = 64;
        t->keys = ARENA_ARRAY(b->a, Node *, t->cap);
        t->vals = ARENA_ARRAY(b->a, Scope *, t->cap);
    }
    if ((t->used + 1) * 2 > t->cap) {
        Node **ok = t->keys;
        Scope **ov = t->vals;
        int oc = t->cap;
        t->cap *= 2;
        t->keys = ARENA_ARRAY(b->a, Node *, t->cap);
        t->vals = ARENA_ARRAY(b->a, Scope *, t->cap);
        for (int i = 0; i < oc; i++) {
            if (!ok[i])
                continue;
            unsigned h = ptr_hash(ok[i], t->cap);
            while (t->keys[h])
                h = (h + 1) & (t->cap - 1);
            t->keys[h] = ok[i];
            t->vals[h] = ov[i];
        }
    }
    t->used++;
    unsigned h = ptr_hash(n, t->cap);
    while (t->keys[h])
        h = (h + 1) & (t->cap - 1);
    t->keys[h] = n;
    t->vals[h] = s;
}

Scope *scope_of(ScopeTable *t, Node *n)
{
    if (!t->cap)
        return NULL;
    unsigned h = ptr_hash(n, t->cap);
    while (t->keys[h]) {
        if (t->keys[h] == n)
            return t->vals[h];
        h = (h + 1) & (t->cap - 1);
    }
    return NULL;
}

/* --- First pass: recording uses ---------------------------------------------------------- */

#define GROW(a, arr, n, cap, T)                                                                    \
    do {                                                                                           \
        if ((n) == (cap)) {                                                                        \
            int nc_ = (cap) ? (cap) * 2 : 8;                                                       \
            T *na_ = ARENA_ARRAY(a, T, nc_);                                                       \
            if (n)                                                                                 \
                memcpy(na_, arr, sizeof(T) * (size_t)(n));                                         \
            (arr) = na_;                                                                           \
            (cap) = nc_;                                                                           \
        }                                                                                          \
    } while (0)

static Symbol *sym_get_or_add(Arena *a, Scope *s, const char *name)
{
    Symbol *sym = scope_lookup(s, name);
    if (sym)
        return sym;
    GROW(a, s->syms, s->nsyms, s->capsyms, Symbol);
    scope_index_put(a, &s->symindex, name, s->nsyms);
    sym = &s->syms[s->nsyms++];
    sym->name = name;
    sym->flags = 0;
    sym->scope = SCOPE_NONE;
    sym->at = NULL;
    return sym;
}

static bool add_def_in(Builder *b, Scope *s, const char *name, int flag, int line, int col)
{
    const char *mangled = scope_mangle(b->a, b->private_, name);
    Symbol *sym = scope_lookup(s, mangled);
    int val = flag;
    if (sym) {
        if ((flag & SYM_PARAM) && (sym->flags & SYM_PARAM))
            return error_at(b, line, col, "duplicate argument '%s' in function definition", name);
        val = sym->flags | flag;
    }
    if (s->comp_iter_target) {
        if (val & (SYM_GLOBAL | SYM_NONLOCAL))
            return error_at(b, line, col,
                            "comprehension inner loop cannot rebind assignment expression target "
                            "'%s'", name);
        val |= SYM_COMP_ITER;
    }
    sym = sym_get_or_add(b->a, s, mangled);
    sym->flags = val;
    if (flag & SYM_PARAM) {
        GROW(b->a, s->params, s->nparams, s->capparams, const char *);
        s->params[s->nparams++] = mangled;
    } else if (flag & SYM_GLOBAL) {
        Symbol *g = sym_get_or_add(b->a, b->t->top, mangled);
        g->flags |= flag;
    }
    return true;
}

static bool add_def(Builder *b, const char *name, int flag, Node *at)
{
    if (b->in_ann)
        return true;
    return add_def_in(b, b->cur, name, flag, at ? at->line : 0, at ? at->col : 0);
}

static Scope *enter(Builder *b, const char *name, ScopeKind kind, Node *n)
{
    Scope *s = ARENA_NEW(b->a, Scope);
    s->kind = kind;
    s->name = name;
    s->node = n;
    s->line = n->line;
    s->parent = b->cur;
    if (b->cur) {
        if (b->cur->nested || b->cur->kind == SCOPE_FUNCTION)
            s->nested = true;
        GROW(b->a, b->cur->children, b->cur->nchildren, b->cur->capchildren, Scope *);
        b->cur->children[b->cur->nchildren++] = s;
    }
    map_put(b, n, s);
    b->cur = s;
    return s;
}

static void leave(Builder *b) { b->cur = b->cur->parent; }

static bool visit_expr(Builder *b, Node *e);
static bool visit_stmt(Builder *b, Node *s);

static bool visit_exprs(Builder *b, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (l->items[i] && !visit_expr(b, l->items[i]))
            return false;
    return true;
}

static bool visit_stmts(Builder *b, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (!visit_stmt(b, l->items[i]))
            return false;
    return true;
}

static bool visit_params(Builder *b, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (!add_def(b, l->items[i]->u.arg.arg, SYM_PARAM, l->items[i]))
            return false;
    return true;
}

static bool visit_arguments(Builder *b, Node *args)
{
    if (!visit_params(b, &args->u.arguments.posonlyargs) ||
        !visit_params(b, &args->u.arguments.args) ||
        !visit_params(b, &args->u.arguments.kwonlyargs))
        return false;
    if (args->u.arguments.vararg) {
        if (!add_def(b, args->u.arguments.vararg->u.arg.arg, SYM_PARAM, args->u.arguments.vararg))
            return false;
        b->cur->varargs = true;
    }
    if (args->u.arguments.kwarg) {
        if (!add_def(b, args->u.arguments.kwarg->u.arg.arg, SYM_PARAM, args->u.arguments.kwarg))
            return false;
        b->cur->varkeywords = true;
    }
    return true;
}

static bool visit_annotation(Builder *b, Node *e)
{
    if (!e)
        return true;
    if (!b->t->future_annotations)
        return visit_expr(b, e);
    /* CPython visits it in an annotation block of its own: names bind nothing outside */
    b->in_ann = true;
    bool ok = visit_expr(b, e);
    b->in_ann = false;
    return ok;
}

static bool visit_arg_annotations(Builder *b, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (!visit_annotation(b, l->items[i]->u.arg.annotation))
            return false;
    return true;
}

static bool visit_annotations(Builder *b, Node *args, Node *returns)
{
    if (!visit_arg_annotations(b, &args->u.arguments.posonlyargs) ||
        !visit_arg_annotations(b, &args->u.arguments.args))
        return false;
    if (args->u.arguments.vararg && !visit_annotation(b, args->u.arguments.vararg->u.arg.annotation))
        return false;
    if (args->u.arguments.kwarg && !visit_annotation(b, args->u.arguments.kwarg->u.arg.annotation))
        return false;
    if (!visit_arg_annotations(b, &args->u.arguments.kwonlyargs))
        return false;
    return visit_annotation(b, returns);
}

static bool visit_alias(Builder *b, Node *al, Node *stmt)
{
    const char *name = al->u.alias.asname ? al->u.alias.asname : al->u.alias.name;
    const char *dot = strchr(name, '.');
    if (dot && !al->u.alias.asname)
        name = arena_strndup(b->a, name, (size_t)(dot - name));
    if (strcmp(name, "*") == 0) {
        if (b->cur->kind != SCOPE_MODULE)
            return error_node(b, stmt, "import * only allowed at module level");
        return true;
    }
    return add_def(b, name, SYM_IMPORT, al);
}

static bool visit_directive(Builder *b, Node *s, bool global)
{
    const char *what = global ? "global" : "nonlocal";
    for (int i = 0; i < s->u.Global.len; i++) {
        const char *name = s->u.Global.names[i];
        Symbol *sym = scope_lookup(b->cur, scope_mangle(b->a, b->private_, name));
        int cur = sym ? sym->flags : 0;
        if (cur & (SYM_PARAM | SYM_LOCAL | SYM_USE | SYM_ANNOT)) {
            if (cur & SYM_PARAM)
                return error_node(b, s, "name '%s' is parameter and %s", name, what);
            if (cur & SYM_USE)
                return error_node(b, s, "name '%s' is used prior to %s declaration",
                                name, what);
            if (cur & SYM_ANNOT)
                return error_node(b, s, "annotated name '%s' can't be %s", name, what);
            return error_node(b, s, "name '%s' is assigned to before %s declaration",
                            name, what);
        }
        if (!add_def(b, name, global ? SYM_GLOBAL : SYM_NONLOCAL, s))
            return false;
        sym = scope_lookup(b->cur, scope_mangle(b->a, b->private_, name));
        if (!sym->at)
            sym->at = s;
    }
    return true;
}

static bool visit_stmt(Builder *b, Node *s)
{
    switch (s->kind) {
    case AST_FunctionDef:
    case AST_AsyncFunctionDef: {
        Node *args = s->u.FunctionDef.args;
        if (!add_def(b, s->u.FunctionDef.name, SYM_LOCAL, s) ||
            !visit_exprs(b, &args->u.arguments.defaults) ||
            !visit_exprs(b, &args->u.arguments.kw_defaults) ||
            !visit_annotations(b, args, s->u.FunctionDef.returns) ||
            !visit_exprs(b, &s->u.FunctionDef.decorators))
            return false;
        enter(b, s->u.FunctionDef.name, SCOPE_FUNCTION, s);
        if (s->kind == AST_AsyncFunctionDef)
            b->cur->coroutine = true;
        if (!visit_arguments(b, args) || !visit_stmts(b, &s->u.FunctionDef.body))
            return false;
        leave(b);
        return true;
    }
    case AST_ClassDef: {
        if (!add_def(b, s->u.ClassDef.name, SYM_LOCAL, s) ||
            !visit_exprs(b, &s->u.ClassDef.bases))
            return false;
        for (int i = 0; i < s->u.ClassDef.keywords.len; i++)
            if (!visit_expr(b, s->u.ClassDef.keywords.items[i]->u.keyword.value))
                return false;
        if (!visit_exprs(b, &s->u.ClassDef.decorators))
            return false;
        enter(b, s->u.ClassDef.name, SCOPE_CLASS, s);
        const char *saved = b->private_;
        b->private_ = s->u.ClassDef.name;
        if (!visit_stmts(b, &s->u.ClassDef.body))
            return false;
        b->private_ = saved;
        leave(b);
        return true;
    }
    case AST_Return:
        if (s->u.Return.value) {
            if (!visit_expr(b, s->u.Return.value))
                return false;
            b->cur->returns_value = true;
        }
        return true;
    case AST_Delete:
        return visit_exprs(b, &s->u.Delete.targets);
    case AST_Assign:
        return visit_exprs(b, &s->u.Assign.targets) && visit_expr(b, s->u.Assign.value);
    case AST_AugAssign:
        return visit_expr(b, s->u.AugAssign.target) && visit_expr(b, s->u.AugAssign.value);
    case AST_AnnAssign: {
        Node *t = s->u.AnnAssign.target;
        if (t->kind == AST_Name) {
            Symbol *sym = scope_lookup(b->cur, scope_mangle(b->a, b->private_, t->u.Name.id));
            int cur = sym ? sym->flags : 0;
            if ((cur & (SYM_GLOBAL | SYM_NONLOCAL)) && b->cur != b->t->top &&
                s->u.AnnAssign.simple)
                return error_node(b, s, "annotated name '%s' can't be %s",
                                t->u.Name.id, (cur & SYM_GLOBAL) ? "global" : "nonlocal");
            if (s->u.AnnAssign.simple) {
                if (!add_def(b, t->u.Name.id, SYM_ANNOT | SYM_LOCAL, t))
                    return false;
            } else if (s->u.AnnAssign.value && !add_def(b, t->u.Name.id, SYM_LOCAL, t)) {
                return false;
            }
        } else if (!visit_expr(b, t)) {
            return false;
        }
        if (!visit_annotation(b, s->u.AnnAssign.annotation))
            return false;
        return !s->u.AnnAssign.value || visit_expr(b, s->u.AnnAssign.value);
    }
    case AST_For:
    case AST_AsyncFor:
        return visit_expr(b, s->u.For.target) && visit_expr(b, s->u.For.iter) &&
               visit_stmts(b, &s->u.For.body) && visit_stmts(b, &s->u.For.orelse);
    case AST_While:
        return visit_expr(b, s->u.While.test) && visit_stmts(b, &s->u.While.body) &&
               visit_stmts(b, &s->u.While.orelse);
    case AST_If:
        return visit_expr(b, s->u.If.test) && visit_stmts(b, &s->u.If.body) &&
               visit_stmts(b, &s->u.If.orelse);
    case AST_Match:
        if (!visit_expr(b, s->u.Match.subject))
            return false;
        for (int i = 0; i < s->u.Match.cases.len; i++) {
            Node *c = s->u.Match.cases.items[i];
            if (!visit_expr(b, c->u.match_case.pattern))
                return false;
            if (c->u.match_case.guard && !visit_expr(b, c->u.match_case.guard))
                return false;
            if (!visit_stmts(b, &c->u.match_case.body))
                return false;
        }
        return true;
    case AST_Raise:
        return (!s->u.Raise.exc || visit_expr(b, s->u.Raise.exc)) &&
               (!s->u.Raise.cause || visit_expr(b, s->u.Raise.cause));
    case AST_Try:
    case AST_TryStar:
        if (!visit_stmts(b, &s->u.Try.body) || !visit_stmts(b, &s->u.Try.orelse))
            return false;
        for (int i = 0; i < s->u.Try.handlers.len; i++) {
            Node *h = s->u.Try.handlers.items[i];
            if (h->u.ExceptHandler.type && !visit_expr(b, h->u.ExceptHandler.type))
                return false;
            if (h->u.ExceptHandler.name && !add_def(b, h->u.ExceptHandler.name, SYM_LOCAL, h))
                return false;
            if (!visit_stmts(b, &h->u.ExceptHandler.body))
                return false;
        }
        return visit_stmts(b, &s->u.Try.finalbody);
    case AST_Assert:
        return visit_expr(b, s->u.Assert.test) && (!s->u.Assert.msg || visit_expr(b, s->u.Assert.msg));
    case AST_Import:
        for (int i = 0; i < s->u.Import.names.len; i++)
            if (!visit_alias(b, s->u.Import.names.items[i], s))
                return false;
        return true;
    case AST_ImportFrom:
        if (s->u.ImportFrom.module && strcmp(s->u.ImportFrom.module, "__future__") == 0)
            for (int i = 0; i < s->u.ImportFrom.names.len; i++)
                if (strcmp(s->u.ImportFrom.names.items[i]->u.alias.name, "annotations") == 0)
                    b->t->future_annotations = true;
        for (int i = 0; i < s->u.ImportFrom.names.len; i++)
            if (!visit_alias(b, s->u.ImportFrom.names.items[i], s))
                return false;
        return true;
    case AST_Global:
        return visit_directive(b, s, true);
    case AST_Nonlocal:
        return visit_directive(b, s, false);
    case AST_Expr:
        return visit_expr(b, s->u.Expr.value);
    case AST_With:
    case AST_AsyncWith:
        for (int i = 0; i < s->u.With.items.len; i++) {
            Node *it = s->u.With.items.items[i];
            if (!visit_expr(b, it->u.withitem.context_expr))
                return false;
            if (it->u.withitem.optional_vars && !visit_expr(b, it->u.withitem.optional_vars))
                return false;
        }
        return visit_stmts(b, &s->u.With.body);
    default:
        return true;
    }
}

/* A walrus inside a comprehension binds in the nearest enclosing function or module. */
static bool extend_namedexpr_scope(Builder *b, Node *target)
{
    const char *name = target->u.Name.id;
    for (Scope *s = b->cur; s; s = s->parent) {
        if (s->comp != COMP_NONE) {
            Symbol *sym = scope_lookup(s, name);
            if (sym && (sym->flags & SYM_COMP_ITER))
                return error_node(b, target,
                                "assignment expression cannot rebind comprehension iteration "
                                "variable '%s'", name);
            continue;
        }
        if (s->kind == SCOPE_FUNCTION) {
            Symbol *sym = scope_lookup(s, name);
            int flag = (sym && (sym->flags & SYM_GLOBAL)) ? SYM_GLOBAL : SYM_NONLOCAL;
            if (!add_def(b, name, flag, target))
                return false;
            scope_lookup(b->cur, scope_mangle(b->a, b->private_, name))->at = target;
            return add_def_in(b, s, name, SYM_LOCAL, target->line, target->col);
        }
        if (s->kind == SCOPE_MODULE) {
            if (!add_def(b, name, SYM_GLOBAL, target))
                return false;
            return add_def_in(b, s, name, SYM_GLOBAL, target->line, target->col);
        }
        return error_node(b, target,
                        "assignment expression within a comprehension cannot be used in a class "
                        "body");
    }
    return true;
}

static bool visit_comprehension(Builder *b, Node *e, const char *name, NodeList *gens, Node *elt,
                                Node *value)
{
    Node *outer = gens->items[0];
    b->cur->comp_iter_expr++;
    if (!visit_expr(b, outer->u.comprehension.iter))
        return false;
    b->cur->comp_iter_expr--;
    Scope *s = enter(b, name, SCOPE_FUNCTION, e);
    s->comp = e->kind == AST_ListComp  ? COMP_LIST
              : e->kind == AST_SetComp ? COMP_SET
              : e->kind == AST_DictComp ? COMP_DICT
                                        : COMP_GEN;
    if (outer->u.comprehension.is_async)
        s->coroutine = true;
    if (!add_def(b, ".0", SYM_PARAM, e))
        return false;
    s->comp_iter_target = true;
    if (!visit_expr(b, outer->u.comprehension.target))
        return false;
    s->comp_iter_target = false;
    if (!visit_exprs(b, &outer->u.comprehension.ifs))
        return false;
    for (int i = 1; i < gens->len; i++) {
        Node *g = gens->items[i];
        s->comp_iter_target = true;
        if (!visit_expr(b, g->u.comprehension.target))
            return false;
        s->comp_iter_target = false;
        s->comp_iter_expr++;
        if (!visit_expr(b, g->u.comprehension.iter))
            return false;
        s->comp_iter_expr--;
        if (!visit_exprs(b, &g->u.comprehension.ifs))
            return false;
        if (g->u.comprehension.is_async)
            s->coroutine = true;
    }
    if (value && !visit_expr(b, value))
        return false;
    if (!visit_expr(b, elt))
        return false;
    s->generator = e->kind == AST_GeneratorExp;
    bool is_async = s->coroutine && !s->generator;
    leave(b);
    if (is_async)
        b->cur->coroutine = true;
    return true;
}

static const char *comp_yield_error(CompKind k)
{
    switch (k) {
    case COMP_LIST: return "'yield' inside list comprehension";
    case COMP_SET: return "'yield' inside set comprehension";
    case COMP_DICT: return "'yield' inside dict comprehension";
    default: return "'yield' inside generator expression";
    }
}

static bool visit_expr(Builder *b, Node *e)
{
    if (b->in_ann) {
        switch (e->kind) {
        case AST_Yield:
        case AST_YieldFrom:
            return error_node(b, e, "'yield expression' can not be used within an annotation");
        case AST_Await:
            return error_node(b, e, "'await expression' can not be used within an annotation");
        case AST_NamedExpr:
            return error_node(b, e, "'named expression' can not be used within an annotation");
        case AST_Lambda:
        case AST_ListComp:
        case AST_SetComp:
        case AST_DictComp:
        case AST_GeneratorExp:
            return true;
        default:
            break;
        }
    }
    switch (e->kind) {
    case AST_NamedExpr:
        if (b->cur->comp_iter_expr > 0)
            return error_node(b, e,
                            "assignment expression cannot be used in a comprehension iterable "
                            "expression");
        if (b->cur->comp != COMP_NONE && !extend_namedexpr_scope(b, e->u.NamedExpr.target))
            return false;
        return visit_expr(b, e->u.NamedExpr.value) && visit_expr(b, e->u.NamedExpr.target);
    case AST_BoolOp:
        return visit_exprs(b, &e->u.BoolOp.values);
    case AST_BinOp:
        return visit_expr(b, e->u.BinOp.left) && visit_expr(b, e->u.BinOp.right);
    case AST_UnaryOp:
        return visit_expr(b, e->u.UnaryOp.operand);
    case AST_Lambda: {
        Node *args = e->u.Lambda.args;
        if (!visit_exprs(b, &args->u.arguments.defaults) ||
            !visit_exprs(b, &args->u.arguments.kw_defaults))
            return false;
        enter(b, "lambda", SCOPE_FUNCTION, e);
        if (!visit_arguments(b, args) || !visit_expr(b, e->u.Lambda.body))
            return false;
        leave(b);
        return true;
    }
    case AST_IfExp:
        return visit_expr(b, e->u.IfExp.test) && visit_expr(b, e->u.IfExp.body) &&
               visit_expr(b, e->u.IfExp.orelse);
    case AST_Dict:
        return visit_exprs(b, &e->u.Dict.keys) && visit_exprs(b, &e->u.Dict.values);
    case AST_Set:
        return visit_exprs(b, &e->u.Set.elts);
    case AST_GeneratorExp:
        return visit_comprehension(b, e, "genexpr", &e->u.Comp.generators, e->u.Comp.elt, NULL);
    case AST_ListComp:
        return visit_comprehension(b, e, "listcomp", &e->u.Comp.generators, e->u.Comp.elt, NULL);
    case AST_SetComp:
        return visit_comprehension(b, e, "setcomp", &e->u.Comp.generators, e->u.Comp.elt, NULL);
    case AST_DictComp:
        return visit_comprehension(b, e, "dictcomp", &e->u.Comp.generators, e->u.Comp.elt,
                                   e->u.Comp.value);
    case AST_Yield:
    case AST_YieldFrom:
        if (e->u.Yield.value && !visit_expr(b, e->u.Yield.value))
            return false;
        b->cur->generator = true;
        if (b->cur->comp != COMP_NONE)
            return error_node(b, e, "%s", comp_yield_error(b->cur->comp));
        return true;
    case AST_Await:
        if (!visit_expr(b, e->u.Yield.value))
            return false;
        b->cur->coroutine = true;
        return true;
    case AST_Compare:
        return visit_expr(b, e->u.Compare.left) && visit_exprs(b, &e->u.Compare.comparators);
    case AST_Call:
        if (!visit_expr(b, e->u.Call.func) || !visit_exprs(b, &e->u.Call.args))
            return false;
        for (int i = 0; i < e->u.Call.keywords.len; i++)
            if (!visit_expr(b, e->u.Call.keywords.items[i]->u.keyword.value))
                return false;
        return true;
    case AST_FormattedValue:
        return visit_expr(b, e->u.FormattedValue.value) &&
               (!e->u.FormattedValue.format_spec || visit_expr(b, e->u.FormattedValue.format_spec));
    case AST_JoinedStr:
        return visit_exprs(b, &e->u.JoinedStr.values);
    case AST_Attribute:
        return visit_expr(b, e->u.Attribute.value);
    case AST_Subscript:
        return visit_expr(b, e->u.Subscript.value) && visit_expr(b, e->u.Subscript.slice);
    case AST_Starred:
        return visit_expr(b, e->u.Starred.value);
    case AST_Slice:
        return (!e->u.Slice.lower || visit_expr(b, e->u.Slice.lower)) &&
               (!e->u.Slice.upper || visit_expr(b, e->u.Slice.upper)) &&
               (!e->u.Slice.step || visit_expr(b, e->u.Slice.step));
    case AST_Name:
        if (!add_def(b, e->u.Name.id, e->u.Name.ctx == CTX_LOAD ? SYM_USE : SYM_LOCAL, e))
            return false;
        if (e->u.Name.ctx == CTX_LOAD && b->cur->kind == SCOPE_FUNCTION &&
            strcmp(e->u.Name.id, "super") == 0)
            return add_def(b, "__class__", SYM_USE, e);
        return true;
    case AST_List:
    case AST_Tuple:
        return visit_exprs(b, &e->u.List.elts);
    /* patterns */
    case AST_MatchValue:
        return visit_expr(b, e->u.MatchValue.value);
    case AST_MatchSequence:
        return visit_exprs(b, &e->u.MatchSequence.patterns);
    case AST_MatchStar:
        return !e->u.MatchStar.name || add_def(b, e->u.MatchStar.name, SYM_LOCAL, e);
    case AST_MatchMapping:
        if (!visit_exprs(b, &e->u.MatchMapping.keys) || !visit_exprs(b, &e->u.MatchMapping.patterns))
            return false;
        return !e->u.MatchMapping.rest || add_def(b, e->u.MatchMapping.rest, SYM_LOCAL, e);
    case AST_MatchClass:
        return visit_expr(b, e->u.MatchClass.cls) && visit_exprs(b, &e->u.MatchClass.patterns) &&
               visit_exprs(b, &e->u.MatchClass.kwd_patterns);
    case AST_MatchAs:
        if (e->u.MatchAs.pattern && !visit_expr(b, e->u.MatchAs.pattern))
            return false;
        return !e->u.MatchAs.name || add_def(b, e->u.MatchAs.name, SYM_LOCAL, e);
    case AST_MatchOr:
        return visit_exprs(b, &e->u.MatchOr.patterns);
    default:
        return true;
    }
}

/* --- Second pass: analysis ------------------------------------------------------------- */

typedef struct NameSet {
    const char **v;
    int n, cap;
    NameIndex ix;
} NameSet;

static bool set_has(const NameSet *s, const char *name) { return scope_index_get(&s->ix, name) >= 0; }

static void set_add(Arena *a, NameSet *s, const char *name)
{
    if (set_has(s, name))
        return;
    GROW(a, s->v, s->n, s->cap, const char *);
    scope_index_put(a, &s->ix, name, s->n);
    s->v[s->n++] = name;
}

/* removal leaves a hole (NULL) in v so that indexes stay valid */
static void set_del(NameSet *s, const char *name)
{
    int i = scope_index_get(&s->ix, name);
    if (i < 0)
        return;
    s->v[i] = NULL;
    scope_index_del(&s->ix, name);
}

static void set_union(Arena *a, NameSet *dst, const NameSet *src)
{
    for (int i = 0; i < src->n; i++)
        if (src->v[i])
            set_add(a, dst, src->v[i]);
}

static NameSet set_copy(Arena *a, const NameSet *s)
{
    NameSet r = {0};
    set_union(a, &r, s);
    return r;
}

static bool analyze_name(Builder *b, Scope *ste, Symbol *sym, NameSet *bound, bool has_bound,
                         NameSet *local, NameSet *free, NameSet *global)
{
    const char *name = sym->name;
    int flags = sym->flags;
    if (flags & SYM_GLOBAL) {
        if (flags & SYM_NONLOCAL)
            return error_node(b, sym->at, "name '%s' is nonlocal and global", name);
        sym->scope = SCOPE_GLOBAL_EXPLICIT;
        set_add(b->a, global, name);
        if (has_bound)
            set_del(bound, name);
        return true;
    }
    if (flags & SYM_NONLOCAL) {
        if (!has_bound)
            return error_node(b, sym->at, "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name))
            return error_node(b, sym->at, "no binding for nonlocal '%s' found", name);
        sym->scope = SCOPE_FREE;
        ste->has_free = true;
        set_add(b->a, free, name);
        return true;
    }
    if (flags & SYM_BOUND) {
        sym->scope = SCOPE_LOCAL;
        set_add(b->a, local, name);
        set_del(global, name);
        return true;
    }
    if (has_bound && set_has(bound, name)) {
        sym->scope = SCOPE_FREE;
        ste->has_free = true;
        set_add(b->a, free, name);
        return true;
    }
    if (set_has(global, name)) {
        sym->scope = SCOPE_GLOBAL_IMPLICIT;
        return true;
    }
    if (ste->nested)
        ste->has_free = true;
    sym->scope = SCOPE_GLOBAL_IMPLICIT;
    return true;
}

static bool analyze_block(Builder *b, Scope *ste, NameSet *bound, bool has_bound, NameSet *free,
                          NameSet *global)
{
    Arena *a = b->a;
    NameSet local = {0}, newbound = {0}, newfree = {0}, newglobal = {0};
    if (ste->kind == SCOPE_CLASS) {
        set_union(a, &newglobal, global);
        if (has_bound)
            set_union(a, &newbound, bound);
    }
    for (int i = 0; i < ste->nsyms; i++)
        if (!analyze_name(b, ste, &ste->syms[i], bound, has_bound, &local, free, global))
            return false;
    if (ste->kind != SCOPE_CLASS) {
        if (ste->kind == SCOPE_FUNCTION)
            set_union(a, &newbound, &local);
        if (has_bound)
            set_union(a, &newbound, bound);
        set_union(a, &newglobal, global);
    } else {
        set_add(a, &newbound, "__class__");
    }
    bool child_has_bound = true; /* CPython passes every child a (maybe empty) bound set */
    NameSet allfree = {0};
    for (int i = 0; i < ste->nchildren; i++) {
        Scope *c = ste->children[i];
        NameSet tb = set_copy(a, &newbound), tf = set_copy(a, &newfree),
                tg = set_copy(a, &newglobal);
        if (!analyze_block(b, c, &tb, child_has_bound, &tf, &tg))
            return false;
        set_union(a, &allfree, &tf);
        if (c->has_free || c->child_free)
            ste->child_free = true;
    }
    set_union(a, &newfree, &allfree);
    if (ste->kind == SCOPE_FUNCTION) {
        for (int i = 0; i < ste->nsyms; i++) {
            Symbol *s = &ste->syms[i];
            if (s->scope == SCOPE_LOCAL && set_has(&newfree, s->name)) {
                s->scope = SCOPE_CELL;
                set_del(&newfree, s->name);
            }
        }
    } else if (ste->kind == SCOPE_CLASS && set_has(&newfree, "__class__")) {
        set_del(&newfree, "__class__");
        ste->needs_class_closure = true;
    }
    /* free names of children that are not resolved here */
    for (int i = 0; i < newfree.n; i++) {
        const char *name = newfree.v[i];
        if (!name)
            continue;
        Symbol *s = scope_lookup(ste, name);
        if (s) {
            if (ste->kind == SCOPE_CLASS && (s->flags & (SYM_BOUND | SYM_GLOBAL)))
                s->flags |= SYM_FREE_CLASS;
            continue;
        }
        if (has_bound && !set_has(bound, name))
            continue;
        s = sym_get_or_add(a, ste, name);
        s->scope = SCOPE_FREE;
    }
    set_union(a, free, &newfree);
    return true;
}

ScopeTable *scope_build(Arena *a, Node *mod, const char *filename, const char *src, size_t len,
                        Diag *err)
{
    Builder b = {0};
    b.a = a;
    b.t = ARENA_NEW(a, ScopeTable);
    b.filename = filename;
    b.src = src;
    b.len = len;
    b.err = err;
    /* `from __future__ import annotations` must come first; check it before visiting. */
    for (int i = 0; i < mod->u.Module.body.len; i++) {
        Node *s = mod->u.Module.body.items[i];
        if (s->kind != AST_ImportFrom || !s->u.ImportFrom.module ||
            strcmp(s->u.ImportFrom.module, "__future__") != 0)
            break;
        for (int j = 0; j < s->u.ImportFrom.names.len; j++)
            if (strcmp(s->u.ImportFrom.names.items[j]->u.alias.name, "annotations") == 0)
                b.t->future_annotations = true;
    }
    b.t->top = enter(&b, "top", SCOPE_MODULE, mod);
    if (!visit_stmts(&b, &mod->u.Module.body))
        return NULL;
    NameSet free = {0}, global = {0};
    if (!analyze_block(&b, b.t->top, NULL, false, &free, &global))
        return NULL;
    return b.t;
}
