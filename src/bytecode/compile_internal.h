/*
 * compile_internal.h -- shared by the parts of the bytecode compiler (compile*.c). Code is
 * first emitted into basic blocks with CPython 3.11's pseudo-instructions (JUMP, POP_JUMP_IF_*,
 * SETUP_*), then compile_flow.c optimizes and lays them out exactly as CPython's assemble().
 */
#ifndef TR_COMPILE_INTERNAL_H
#define TR_COMPILE_INTERNAL_H

#include "bytecode/compile.h"
#include "front/scope.h"

/* Pseudo-instructions, resolved by compile_flow.c (CPython 3.11's virtual opcodes). */
enum {
    PS_JUMP = 256,
    PS_JUMP_NO_INTERRUPT,
    PS_POP_JUMP_IF_FALSE,
    PS_POP_JUMP_IF_TRUE,
    PS_POP_JUMP_IF_NONE,
    PS_POP_JUMP_IF_NOT_NONE,
    PS_SETUP_FINALLY,
    PS_SETUP_CLEANUP,
    PS_SETUP_WITH,
    PS_POP_BLOCK,
};

typedef struct Block Block;
typedef struct Instr {
    int op, arg;
    int line;      /* -1: none */
    Block *target; /* jumps and SETUP_* */
    Block *except; /* innermost handler, set by the exception-table pass */
} Instr;

struct Block {
    Block *alloc_next; /* every block of the unit, most recent first (CPython's b_list) */
    Block *next;       /* layout order */
    Instr *instr;
    int n, cap;
    int startdepth, predecessors, offset;
    bool nofallthrough, exit, visited, preserve_lasti;
    void *exstack;
};

typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
    FB_ASYNC_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER, FB_ASYNC_COMPREHENSION_GENERATOR
} FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    Block *block, *exit;
    void *datum; /* finally body (NodeList *) or handler name (const char *) */
} FBlock;

typedef enum { U_MODULE, U_CLASS, U_FUNCTION, U_ASYNC_FUNCTION, U_LAMBDA, U_COMP } UnitKind;

typedef struct NameMap { /* ordered names -> index */
    const char **v;
    int n, cap;
    NameIndex ix;
} NameMap;

#define MAX_FBLOCKS 20

typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    Scope *ste;
    UnitKind kind;
    const char *name, *qualname, *private_;
    NameMap names, varnames, cellvars, freevars;
    TrValue *consts;
    int nconsts, capconsts;
    int *constix; /* hash index into consts: slot holds index + 1, 0 empty */
    int constix_cap;
    int argcount, posonlyargcount, kwonlyargcount;
    Block *blocks, *cur, *entry;
    int firstlineno, lineno, col, end_line, end_col; /* current location (CPython's u_lineno...) */
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
};

typedef struct Compiler {
    Arena *a;
    ScopeTable *st;
    const char *filename, *src;
    size_t len;
    Diag *err;
    bool failed;
    bool future_annotations;
    int future_lineno; /* line of the last leading `from __future__ import` (0: none) */
    Unit *u;
    TrValue filename_str;
} Compiler;

/* compile.c: units, emission, names and constants */
bool cc_error(Compiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Block *cc_new_block(Compiler *c);
void cc_use_block(Compiler *c, Block *b);  /* b follows the current block in layout */
void cc_emit(Compiler *c, int op, int arg);
void cc_emit_noline(Compiler *c, int op, int arg);
void cc_jump(Compiler *c, int op, Block *target);
void cc_jump_noline(Compiler *c, int op, Block *target);
int cc_add_const(Compiler *c, TrValue v);
void cc_load_const(Compiler *c, TrValue v);
int cc_name_index(Compiler *c, NameMap *m, const char *name);
void cc_emit_name(Compiler *c, int op, const char *name); /* mangled, into co_names */
const char *cc_mangle(Compiler *c, const char *name);
bool cc_nameop(Compiler *c, const char *name, ExprCtx ctx);
bool cc_enter_scope(Compiler *c, const char *name, UnitKind kind, Node *key, int firstlineno);
CodeObj *cc_assemble(Compiler *c, bool add_none);
void cc_exit_scope(Compiler *c);
bool cc_make_closure(Compiler *c, CodeObj *co, int flags);
bool cc_push_fblock(Compiler *c, FBlockKind k, Block *b, Block *exit, void *datum);
void cc_pop_fblock(Compiler *c);
static inline void cc_set_loc(Compiler *c, Node *n)
{
    c->u->lineno = n->line;
    c->u->col = n->col;
    c->u->end_line = n->end_line;
    c->u->end_col = n->end_col;
}
TrValue cc_str(const char *s); /* interned str constant */
bool cc_is_const(Node *n);
bool cc_const_truth(TrValue v); /* truth of a constant (None, bool, int, float, str, ...) */

/* compile_flow.c: CPython's assemble(): CFG optimization, line numbers, stack depth,
   exception table, final layout */
CodeObj *flow_assemble(Compiler *c, Unit *u, bool add_none);
int flow_stack_effect(int op, int arg, int jump);

/* compile_stmt.c */
bool cc_stmt(Compiler *c, Node *s);
bool cc_stmts(Compiler *c, NodeList *l);
bool cc_body(Compiler *c, NodeList *l); /* module/class body: annotations setup, docstring */
bool cc_unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop);
bool cc_find_ann(NodeList *l);
bool cc_call_exit_with_nones(Compiler *c);
void cc_pop_except_and_reraise(Compiler *c);

/* compile_try.c */
bool cc_with(Compiler *c, Node *s, int pos, bool is_async);
bool cc_try_finally(Compiler *c, Node *s);
bool cc_try_except(Compiler *c, Node *s);
bool cc_try_star(Compiler *c, Node *s);
const char *cc_docstring(NodeList *body); /* NULL-safe check of a leading string */

/* compile_expr.c */
bool cc_expr(Compiler *c, Node *e);
bool cc_exprs(Compiler *c, NodeList *l);
bool cc_jump_if(Compiler *c, Node *e, Block *next, bool cond);
bool cc_call_helper(Compiler *c, int n, NodeList *args, NodeList *keywords);
/* compile_func.c */
bool cc_function(Compiler *c, Node *s, bool is_async);
bool cc_lambda(Compiler *c, Node *e);
bool cc_comprehension(Compiler *c, Node *e, const char *name);
bool cc_class(Compiler *c, Node *s);
bool cc_decorators(Compiler *c, NodeList *decos);
bool cc_assign_target(Compiler *c, Node *t); /* store TOS into an assignment target */
bool cc_yield_from(Compiler *c, bool await);
void cc_emit_yield(Compiler *c);
bool cc_check_ann_expr(Compiler *c, Node *e);

/* compile_pattern.c */
bool cc_match(Compiler *c, Node *s);

/* compile_unparse.c: an annotation as source text (future annotations) */
TrValue cc_unparse(Compiler *c, Node *e);

/* compile_fold.c: CPython's AST optimizer (constant folding) */
void cc_fold_module(Compiler *c, Node *mod);

#endif
