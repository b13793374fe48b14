/*
 * scope.h -- symbol tables: which names of each function, class, lambda and comprehension are
 * local, global, free or cell, computed from the AST as CPython's symtable.c does (same flags,
 * same two passes, same SyntaxError texts), so the compiler picks CPython's load/store opcodes.
 */
#ifndef TR_SCOPE_H
#define TR_SCOPE_H

#include "front/ast.h"
#include "front/diag.h"

enum { /* how a name is used in one scope (CPython's DEF_* flags) */
    SYM_GLOBAL = 1 << 0,     /* `global` statement */
    SYM_LOCAL = 1 << 1,      /* assigned here */
    SYM_PARAM = 1 << 2,
    SYM_NONLOCAL = 1 << 3,
    SYM_USE = 1 << 4,        /* read here */
    SYM_FREE = 1 << 5,
    SYM_FREE_CLASS = 1 << 6, /* free in a method, bound in the class */
    SYM_IMPORT = 1 << 7,
    SYM_ANNOT = 1 << 8,
    SYM_COMP_ITER = 1 << 9,  /* iteration variable of a comprehension */
};
#define SYM_BOUND (SYM_LOCAL | SYM_PARAM | SYM_IMPORT)

typedef enum { /* where a name lives (CPython's scope values) */
    SCOPE_NONE, SCOPE_LOCAL, SCOPE_GLOBAL_EXPLICIT, SCOPE_GLOBAL_IMPLICIT, SCOPE_FREE, SCOPE_CELL
} SymScope;

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS } ScopeKind;
typedef enum { COMP_NONE, COMP_LIST, COMP_SET, COMP_DICT, COMP_GEN } CompKind;

typedef struct Symbol {
    const char *name; /* mangled */
    int flags;
    SymScope scope;
    Node *at;         /* the global/nonlocal directive (or walrus), for errors */
} Symbol;

/* A string -> int hash index in arena memory (names of scopes, name tables, sets). */
typedef struct NameIndexSlot {
    const char *key;
    int val;
} NameIndexSlot;
typedef struct NameIndex {
    NameIndexSlot *slots;
    int cap, used;
} NameIndex;
int scope_index_get(const NameIndex *ix, const char *key); /* -1 if absent */
void scope_index_put(Arena *a, NameIndex *ix, const char *key, int val);
void scope_index_del(NameIndex *ix, const char *key);

typedef struct Scope Scope;
struct Scope {
    ScopeKind kind;
    const char *name;
    Node *node;
    int line;
    Scope *parent;
    Symbol *syms;
    int nsyms, capsyms;
    NameIndex symindex;
    const char **params; /* parameter names in order (CPython's ste_varnames) */
    int nparams, capparams;
    Scope **children;
    int nchildren, capchildren;
    CompKind comp;
    bool nested, generator, coroutine, varargs, varkeywords, returns_value;
    bool has_free, child_free, needs_class_closure;
    bool comp_iter_target;
    int comp_iter_expr;
};

typedef struct ScopeTable {
    Scope *top;
    /* AST node -> scope, open addressing on the node pointer */
    Node **keys;
    Scope **vals;
    int cap, used;
    bool future_annotations;
} ScopeTable;

/* Builds and analyzes the scopes of a module. Returns NULL with *err filled on a SyntaxError. */
ScopeTable *scope_build(Arena *a, Node *mod, const char *filename, const char *src, size_t len,
                        Diag *err);
Scope *scope_of(ScopeTable *t, Node *n);          /* the scope a def/lambda/comp node opens */
Symbol *scope_lookup(Scope *s, const char *name); /* NULL if the name is not in s */
SymScope scope_get(Scope *s, const char *name);   /* SCOPE_NONE if absent */
/* CPython's _Py_Mangle: `__x` inside class `C` becomes `_C__x`. privateobj may be NULL. */
const char *scope_mangle(Arena *a, const char *privateobj, const char *name);

#endif
