/*
 * specialize.c -- type specialization: generic tagged arithmetic, comparisons, truth tests,
 * list indexing and len() become unboxed int64/double code where specialize_types.c proves or
 * guards the operand types; loop phis whose inputs are all inline ints (floats) become int64
 * (double) phis; `for i in range(ints)` counts in an int64 phi with no iterator object (frame
 * states hold a virtual one). Guards copy the frame state of the op they replace, so a failed
 * guard re-runs that op in the interpreter. Runs first, on the IR as built (whose guardable ops
 * carry full frame states); it shrinks the states of ops left generic outside try blocks back
 * to a pc.
 */
#include "ir/passes/passes.h"
#include "ir/passes/specialize.h"
#include "ir/program.h"

#include "runtime/builtins.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/list.h"
#include "runtime/object.h"
#include "runtime/tuple.h"

#include <string.h>


typedef struct Forms { /* unboxed forms of a tagged value made by a guard, valid in their block */
    IrInstr *i, *f;
} Forms;

/* --- Making instructions ------------------------------------------------------------------ */

static IrFrameState *fs_copy(IrFunc *fn, const IrFrameState *fs)
{
    IrFrameState *c = ir_fs_new(fn, fs->pc, fs->nlocals, fs->nstack);
    memcpy(c->vals, fs->vals, sizeof(IrInstr *) * (size_t)(fs->nlocals + fs->nstack));
    return c;
}

/* A new instruction before `at`, from at's bytecode; ops that exit get a copy of at's state. */
static IrInstr *mk(SpecCtx *s, IrOp op, IrInstr *a, IrInstr *b, IrInstr *at)
{
    IrInstr *args[2] = {a, b};
    IrInstr *i = ir_new(s->fn, op, b ? 2 : a ? 1 : 0, args);
    i->pc = at->pc;
    if (ir_op_info[op].flags & (IRF_GUARD | IRF_RAISE)) {
        TR_ASSERT(at->fs);
        i->fs = fs_copy(s->fn, at->fs);
    }
    ir_insert_before(at, i);
    return i;
}

static IrInstr *mk_i64(SpecCtx *s, int64_t c, IrInstr *at)
{
    IrInstr *i = mk(s, IR_const_i64, NULL, NULL, at);
    i->imm = c;
    return i;
}

static IrInstr *mk_f64(SpecCtx *s, double d, IrInstr *at)
{
    IrInstr *i = mk(s, IR_const_f64, NULL, NULL, at);
    i->fval = d;
    return i;
}

static IrInstr *mk_const(SpecCtx *s, TrValue v, IrInstr *at)
{
    IrInstr *i = mk(s, IR_const, NULL, NULL, at);
    i->cval = v;
    return i;
}

static IrInstr *mk_cmp(SpecCtx *s, IrOp op, IrInstr *a, IrInstr *b, int64_t cmp, IrInstr *at)
{
    IrInstr *i = mk(s, op, a, b, at);
    i->imm = cmp;
    return i;
}

static void guard(SpecCtx *s, IrInstr *cond, IrInstr *at) { mk(s, IR_guard, cond, NULL, at); }

static IrInstr *tagged(SpecCtx *s, IrOp box, IrInstr *v, uint32_t fact, IrInstr *at)
{
    IrInstr *t = mk(s, box, v, NULL, at);
    t->ptypes = fact;
    return t;
}

/* ins's value is now v: ins goes away. Uses are redirected lazily (resolve_uses before an
   instruction is rewritten, and over everything at the end): one ir_replace_uses per rewrite
   would make the pass quadratic on long functions. */
static void replace(SpecCtx *s, IrInstr *ins, IrInstr *v)
{
    if (ins->id >= s->nrepl) {
        int n = s->fn->nvalues + 64;
        IrInstr **r = ARENA_ARRAY(s->fn->arena, IrInstr *, n);
        if (s->nrepl)
            memcpy(r, s->repl, sizeof(IrInstr *) * (size_t)s->nrepl);
        s->repl = r;
        s->nrepl = n;
    }
    s->repl[ins->id] = v;
    ir_remove(ins);
}

static IrInstr *resolve(SpecCtx *s, IrInstr *v)
{
    while (v && v->id < s->nrepl && s->repl[v->id])
        v = s->repl[v->id];
    return v;
}

static void resolve_uses(SpecCtx *s, IrInstr *i)
{
    for (int k = 0; k < i->nargs; k++)
        i->args[k] = resolve(s, i->args[k]);
    if (i->fs)
        for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
            i->fs->vals[k] = resolve(s, i->fs->vals[k]);
}

static void resolve_all(SpecCtx *s)
{
    for (int b = 0; b < s->fn->nblocks; b++)
        for (IrInstr *i = s->fn->blocks[b]->first; i; i = i->next)
            resolve_uses(s, i);
}

static Forms *forms(SpecCtx *s, IrInstr *x)
{
    if (!x->aux)
        x->aux = ARENA_NEW(s->fn->arena, Forms);
    return x->aux;
}

/* --- Unboxed operands ----------------------------------------------------------------------- */

/* x as an exact int64 before `at`, guarding that it is an inline int unless that is known.
   cache: remember a guarded form for later uses in the same block (not at a block's end). */
static IrInstr *as_i64(SpecCtx *s, IrInstr *x, IrInstr *at, bool cache)
{
    int64_t c;
    if (x->type == IT_I)
        return x;
    if (x->op == IR_tag_int || x->op == IR_box_int)
        return x->args[0];
    if (spec_is_small_const(x, &c))
        return mk_i64(s, c, at);
    Forms *fm = x->aux;
    if (fm && fm->i && fm->i->block == at->block)
        return fm->i;
    if (spec_fact(s, x) != PT_SMALLINT)
        guard(s, mk(s, IR_is_small, x, NULL, at), at);
    IrInstr *u = mk(s, IR_untag_int, x, NULL, at);
    if (cache)
        forms(s, x)->i = u;
    return u;
}

/* x as a double before `at`: a float, or an inline int converted (as Python's int + float). */
static IrInstr *as_f64(SpecCtx *s, IrInstr *x, IrInstr *at, bool cache)
{
    int64_t c;
    if (x->type == IT_F)
        return x;
    if (x->op == IR_box_float)
        return x->args[0];
    if (x->op == IR_const && tr_is_float(x->cval))
        return mk_f64(s, tr_float_val(x->cval), at);
    if (spec_is_small_const(x, &c))
        return mk_f64(s, (double)c, at);
    Forms *fm = x->aux;
    if (fm && fm->f && fm->f->block == at->block)
        return fm->f;
    uint32_t t = spec_fact(s, x);
    IrInstr *u;
    if (t == PT_SMALLINT || x->type == IT_I || x->op == IR_tag_int) {
        u = mk(s, IR_i64_to_f64, as_i64(s, x, at, cache), NULL, at);
    } else if (t == PT_FLOAT) {
        u = mk(s, IR_unbox_float, x, NULL, at);
    } else { /* a float or an int mixed with floats (2.0 * y / n with n an int) */
        u = mk(s, IR_num_to_f64, x, NULL, at);
    }
    if (cache)
        forms(s, x)->f = u;
    return u;
}

/* --- Arithmetic and comparisons ------------------------------------------------------------ */

static void binop_int(SpecCtx *s, IrInstr *ins)
{
    int op = (int)(ins->imm % TR_OP__COUNT);
    IrInstr *a = as_i64(s, ins->args[0], ins, true), *r;
    int64_t c = 0;
    spec_is_small_const(ins->args[1], &c);
    if (op == TR_OP_LSHIFT) { /* a * 2**c: the overflow check comes with the multiplication */
        r = mk(s, IR_mul_i64_ov, a, mk_i64(s, INT64_C(1) << c, ins), ins);
    } else if (op == TR_OP_RSHIFT) {
        r = mk(s, IR_sar_i64, a, mk_i64(s, c > 63 ? 63 : c, ins), ins);
    } else {
        static const uint8_t irop[TR_OP__COUNT] = {
            [TR_OP_ADD] = IR_add_i64_ov, [TR_OP_SUB] = IR_sub_i64_ov,
            [TR_OP_MUL] = IR_mul_i64_ov, [TR_OP_FLOORDIV] = IR_floordiv_i64,
            [TR_OP_MOD] = IR_mod_i64,    [TR_OP_AND] = IR_and_i64,
            [TR_OP_OR] = IR_or_i64,      [TR_OP_XOR] = IR_xor_i64};
        IrInstr *b = as_i64(s, ins->args[1], ins, true);
        r = mk(s, (IrOp)irop[op], a, b, ins);
    }
    uint32_t fact = spec_result(s, ins);
    replace(s, ins, tagged(s, fact == PT_SMALLINT ? IR_tag_int : IR_box_int, r, fact, ins));
}

static void binop_float(SpecCtx *s, IrInstr *ins)
{
    static const uint8_t irop[TR_OP__COUNT] = {[TR_OP_ADD] = IR_add_f64, [TR_OP_SUB] = IR_sub_f64,
                                               [TR_OP_MUL] = IR_mul_f64,
                                               [TR_OP_TRUEDIV] = IR_div_f64};
    IrInstr *a = as_f64(s, ins->args[0], ins, true), *b = as_f64(s, ins->args[1], ins, true);
    IrInstr *r = mk(s, (IrOp)irop[ins->imm % TR_OP__COUNT], a, b, ins);
    replace(s, ins, tagged(s, IR_box_float, r, PT_FLOAT, ins));
}

/* Notes that fn's code guesses (IrEnv.speculated). */
static void guessed(SpecCtx *s)
{
    if (s->fn->env && s->fn->env->speculated)
        *s->fn->env->speculated = true;
}

/* K_FLOAT_GUESS: the first operand guarded to be a float makes the operation a float one.
   Always guarded: a double cached for it may come from num_to_f64, which takes ints too. */
static void binop_guess_float(SpecCtx *s, IrInstr *ins)
{
    IrInstr *x = ins->args[0];
    guard(s, mk(s, IR_is_float, x, NULL, ins), ins);
    Forms *fm = x->aux;
    if (!(fm && fm->f && fm->f->block == ins->block))
        forms(s, x)->f = mk(s, IR_unbox_float, x, NULL, ins);
    guessed(s);
    binop_float(s, ins);
}

/* Speculation (IrEnv.speculate): the argument facts of the direct calls seen are guarded at
   entry, which resumes the interpreter at the first instruction when they do not hold. Floats
   among them, or float constants, make unknown operands of arithmetic be taken for floats. */
static void speculate(SpecCtx *s)
{
    IrFunc *fn = s->fn;
    if (!fn->env || !fn->env->speculate)
        return;
    s->guess = true;
    const IrModFunc *mf = ir_env_code(fn->env, fn->co);
    IrBlock *b0 = fn->blocks[0];
    bool floats = false;
    for (IrInstr *i = b0->first; i && mf && mf->known; i = i->next) {
        uint32_t fact = i->op == IR_entry_local && i->imm < IR_ENV_MAX_ARGS
                            ? mf->argfacts[i->imm] : 0;
        IrOp test = fact == PT_FLOAT      ? IR_is_float
                    : fact == PT_SMALLINT ? IR_is_small
                    : fact == PT_LIST     ? IR_is_type
                                          : IR__COUNT;
        if (test == IR__COUNT)
            continue;
        IrFrameState *fs = ir_fs_new(fn, 0, fn->co->nlocalsplus, 0);
        for (IrInstr *e = b0->first; e; e = e->next)
            if (e->op == IR_entry_local && e->imm < fn->co->nlocalsplus)
                fs->vals[e->imm] = e;
        IrInstr *c = ir_new(fn, test, 1, &i), *g = ir_new(fn, IR_guard, 1, &c);
        c->imm = (int64_t)(uintptr_t)&tr_list_type;
        c->pc = g->pc = 0;
        g->fs = fs;
        ir_insert_before(b0->last, c);
        ir_insert_before(b0->last, g);
        i->ptypes = fact;
        floats |= fact == PT_FLOAT;
        guessed(s);
    }
    for (int b = 0; b < fn->nblocks && !floats; b++)
        for (IrInstr *i = fn->blocks[b]->first; i && !floats; i = i->next)
            floats = i->op == IR_const && tr_is_float(i->cval);
    s->guess_floats = floats;
}

static void compare(SpecCtx *s, IrInstr *ins, SpecKind k)
{
    IrInstr *c;
    if (k == K_INT)
        c = mk_cmp(s, IR_cmp_i64, as_i64(s, ins->args[0], ins, true),
                   as_i64(s, ins->args[1], ins, true), ins->imm, ins);
    else
        c = mk_cmp(s, IR_cmp_f64, as_f64(s, ins->args[0], ins, true),
                   as_f64(s, ins->args[1], ins, true), ins->imm, ins);
    replace(s, ins, tagged(s, IR_bool_to_obj, c, PT_BOOL, ins));
}

static void unop(SpecCtx *s, IrInstr *ins, SpecKind k)
{
    IrInstr *x = ins->args[0];
    if (ins->imm == TR_UN_POS) { /* +x is x itself for exact ints and floats */
        replace(s, ins, x);
        return;
    }
    if (k == K_FLOAT) {
        IrInstr *r = mk(s, IR_neg_f64, as_f64(s, x, ins, true), NULL, ins);
        replace(s, ins, tagged(s, IR_box_float, r, PT_FLOAT, ins));
        return;
    }
    IrInstr *a = as_i64(s, x, ins, true), *r;
    if (ins->imm == TR_UN_NEG) /* -(-2**61) is not inline: checked like a subtraction */
        r = mk(s, IR_sub_i64_ov, mk_i64(s, 0, ins), a, ins);
    else
        r = mk(s, IR_xor_i64, a, mk_i64(s, -1, ins), ins);
    replace(s, ins, tagged(s, IR_tag_int, r, PT_SMALLINT, ins));
}

/* bool(x) without a call where x's type is known. */
static void truth(SpecCtx *s, IrInstr *ins)
{
    IrInstr *x = ins->args[0], *c;
    uint32_t t = spec_fact(s, x);
    if (x->op == IR_bool_to_obj)
        c = x->args[0];
    else if (t == PT_BOOL)
        c = mk(s, IR_is_true_obj, x, NULL, ins);
    else if (t == PT_SMALLINT)
        c = mk_cmp(s, IR_cmp_i64, as_i64(s, x, ins, true), mk_i64(s, 0, ins), TR_NE, ins);
    else if (t == PT_FLOAT) /* nan is true: cmp_f64 ne is true on nan */
        c = mk_cmp(s, IR_cmp_f64, as_f64(s, x, ins, true), mk_f64(s, 0.0, ins), TR_NE, ins);
    else if (t == PT_NONE)
        (c = mk(s, IR_const_bool, NULL, NULL, ins))->imm = 0;
    else
        return;
    replace(s, ins, c);
}

static void not_obj(SpecCtx *s, IrInstr *ins)
{
    IrInstr *x = ins->args[0], *c;
    if (x->op == IR_bool_to_obj)
        c = x->args[0];
    else if (spec_fact(s, x) == PT_BOOL)
        c = mk(s, IR_is_true_obj, x, NULL, ins);
    else
        return;
    replace(s, ins, tagged(s, IR_bool_to_obj, mk(s, IR_not_b, c, NULL, ins), PT_BOOL, ins));
}

/* --- Containers and builtins ------------------------------------------------------------- */

/* The index of container[key] as an int64 in [0, n), guarded, or NULL (stay generic). */
static IrInstr *seq_index(SpecCtx *s, IrInstr *key, IrInstr *n, IrInstr *at)
{
    int64_t c;
    IrInstr *i = as_i64(s, key, at, true);
    if (spec_is_small_const(key, &c) && c < 0) { /* a[-1]: counted from the end */
        i = mk(s, IR_add_i64, n, i, at);
        guard(s, mk_cmp(s, IR_cmp_i64, i, mk_i64(s, 0, at), TR_GE, at), at);
        return i;
    }
    if (!spec_is_small_const(key, NULL)) /* other negative indexes: the interpreter */
        guard(s, mk_cmp(s, IR_cmp_i64, i, mk_i64(s, 0, at), TR_GE, at), at);
    guard(s, mk_cmp(s, IR_cmp_i64, i, n, TR_LT, at), at);
    return i;
}

/* container[key] (and container[key] = v) on a list, or a tuple known as such, by an int. */
static void subscript(SpecCtx *s, IrInstr *ins)
{
    IrInstr *seq = ins->args[0], *key = ins->args[1];
    uint32_t t = spec_fact(s, seq);
    NumClass k = spec_class(spec_fact(s, key));
    bool tuple = t == PT_TUPLE && ins->op == IR_getitem;
    if (!tuple && !(t & PT_LIST))
        return;
    /* an unknown container is taken for a list when the key is a known int, not otherwise;
       speculating (a fallback exists), also when the key may be an int */
    if (!(k == C_INT || (k == C_UNKNOWN && (t == PT_LIST || tuple || s->guess))))
        return;
    if (k == C_UNKNOWN && t != PT_LIST && !tuple)
        guessed(s);
    if (!tuple && t != PT_LIST) {
        IrInstr *g = mk(s, IR_is_type, seq, NULL, ins);
        g->imm = (int64_t)(uintptr_t)&tr_list_type;
        guard(s, g, ins);
    }
    IrInstr *n = mk(s, tuple ? IR_tuple_len : IR_list_len, seq, NULL, ins);
    IrInstr *i = seq_index(s, key, n, ins);
    if (ins->op == IR_setitem) {
        IrInstr *args[3] = {seq, i, ins->args[2]};
        IrInstr *st = ir_new(s->fn, IR_list_set, 3, args);
        st->pc = ins->pc;
        ir_insert_before(ins, st);
        ir_remove(ins);
        return;
    }
    replace(s, ins, mk(s, tuple ? IR_tuple_item : IR_list_item, seq, i, ins));
}

static void guard_callee(SpecCtx *s, IrInstr *call, TrValue builtin)
{
    guard(s, mk(s, IR_eq_word, call->args[1], mk_const(s, builtin, call), call), call);
}

/* f(args) where the global f is expected to hold a module function (program.h) taking exactly
   these positional arguments: a guard that it does, then a direct call. */
static void direct_call(SpecCtx *s, IrInstr *ins)
{
    IrInstr *callee = ins->args[1];
    /* load_name: in module code (class bodies too: the guard checks what was found) */
    if (!s->fn->env || ins->imm >= 0 ||
        (callee->op != IR_load_global && callee->op != IR_load_name) ||
        ins->args[0]->op != IR_const || ins->args[0]->cval)
        return;
    const IrModFunc *mf =
        ir_env_func(s->fn->env, tr_as_tuple(s->fn->co->names)->items[callee->imm]);
    if (!mf)
        return;
    CodeObj *co = mf->code;
    if (co->argcount != ins->nargs - 2 || co->kwonlyargcount || co->nfrees ||
        (co->flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE |
                      CO_ASYNC_GENERATOR)))
        return;
    IrInstr *is = mk(s, IR_func_code_is, callee, NULL, ins);
    is->imm = s->fn->env->by_code ? 0 : (int64_t)(uintptr_t)mf->sym;
    is->imm2 = (int64_t)(uintptr_t)co;
    guard(s, is, ins);
    for (int k = 1; k < ins->nargs; k++) /* drop the NULL slot: the callable's slot is first */
        ins->args[k - 1] = ins->args[k];
    ins->nargs--;
    ins->imm2++;
    ins->imm = (int64_t)(uintptr_t)co;
    ins->op = IR_call_direct;
}

static void call(SpecCtx *s, IrInstr *ins)
{
    direct_call(s, ins);
    if (ins->op != IR_call)
        return;
    if (spec_range_ok(s, ins)) { /* the loop's items are then known inline ints */
        guard_callee(s, ins, s->range_obj);
        for (int k = 2; k < ins->nargs; k++)
            if (spec_fact(s, ins->args[k]) != PT_SMALLINT)
                guard(s, mk(s, IR_is_small, ins->args[k], NULL, ins), ins);
    } else if (spec_len_ok(s, ins)) {
        /* built-in functions are no static objects: recognized by their C function */
        IrInstr *is = mk(s, IR_is_cfunc, ins->args[1], NULL, ins);
        is->imm = (int64_t)(uintptr_t)tr_bi_len;
        guard(s, is, ins);
        IrInstr *x = ins->args[2];
        IrInstr *n = mk(s, spec_fact(s, x) == PT_LIST ? IR_list_len : IR_tuple_len, x, NULL, ins);
        replace(s, ins, tagged(s, IR_tag_int, n, PT_SMALLINT, ins));
    } else if (spec_sqrt_ok(s, ins)) {
        IrInstr *is = mk(s, IR_is_cfunc, ins->args[1], NULL, ins);
        is->imm = (int64_t)(uintptr_t)tr_math_sqrt;
        guard(s, is, ins);
        IrInstr *x = as_f64(s, ins->args[2], ins, true);
        /* a negative x raises ValueError: the VM does it (NaN fails the test too, and the VM
           returns NaN) */
        guard(s, mk_cmp(s, IR_cmp_f64, x, mk_f64(s, 0.0, ins), TR_GE, ins), ins);
        replace(s, ins, tagged(s, IR_box_float, mk(s, IR_sqrt_f64, x, NULL, ins), PT_FLOAT, ins));
    }
}

/* --- Counted range loops ------------------------------------------------------------------ */

/* `for i in range(a[, b[, c]])` with guarded inline-int bounds: the counter lives in an int64
   phi and no iterator exists. The interpreter's iterator stays on its value stack for the whole
   body, so frame states there hold a range_iter_virtual of the counter instead, which an exit
   turns into a real iterator. Off: the loop keeps iter(range()) and steps it (range_next). */
static const bool counted_loops = true;

/* A bound of range() as an int64 (call() guarded it an inline int). */
static IrInstr *range_bound(SpecCtx *s, IrInstr *x, IrInstr *at)
{
    int64_t c;
    if (x->type == IT_I)
        return x;
    if (x->op == IR_tag_int || x->op == IR_box_int)
        return x->args[0];
    if (spec_is_small_const(x, &c))
        return mk_i64(s, c, at);
    return mk(s, IR_untag_int, x, NULL, at);
}

/* Whether the call and the iterator have no use but each other, the loop and frame states
   inside the loop (the iterator is popped when the loop ends, and a break pops it). */
static bool counted_ok(SpecCtx *s, IrInstr *ins)
{
    IrInstr *it = ins->args[0], *cl = it->args[0], *st = ins->next;
    IrBlock *h = ins->block, *pre = it->block;
    for (IrInstr *i = st ? st->next : NULL; i && i != h->last; i = i->next)
        if (!(ir_info(i)->flags & IRF_PURE) || i->fs)
            return false; /* constants and conversions for the phis of an exit may stay */
    if (!st || st->op != IR_is_stop || st->args[0] != ins ||
        h->last->op != IR_branch || h->last->args[0] != st || pre == h ||
        pre->last->op != IR_jump || pre->nsucc != 1)
        return false;
    for (IrInstr *i = it->next; i; i = i->next) /* the conversions of unbox_phis, if any */
        if (i->fs)
            return false;
    for (IrInstr *i = ins->prev; i; i = i->prev) /* phis and unbox_phis' conversions */
        if (i->fs)
            return false;
    int npre = 0;
    for (int k = 0; k < h->npreds; k++)
        npre += h->preds[k] == pre;
    int64_t c;
    if (npre != 1 || (cl->nargs == 5 && spec_is_small_const(cl->args[4], &c) && c == 0))
        return false;
    for (int b = 0; b < s->fn->nblocks; b++)
        for (IrInstr *i = s->fn->blocks[b]->first; i; i = i->next) {
            for (int k = 0; k < i->nargs; k++)
                if ((i->args[k] == it && i != ins) || (i->args[k] == cl && i != it))
                    return false;
            if (i->fs && i != it)
                for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
                    if (i->fs->vals[k] == cl)
                        return false;
        }
    return true;
}

static bool counted_loop(SpecCtx *s, IrInstr *ins)
{
    if (!counted_loops || !counted_ok(s, ins))
        return false;
    IrInstr *it = ins->args[0], *cl = it->args[0], *st = ins->next;
    IrBlock *h = ins->block, *pre = it->block;
    int n = cl->nargs - 2;
    IrInstr *start = n == 1 ? mk_i64(s, 0, cl) : range_bound(s, cl->args[2], cl);
    IrInstr *stop = range_bound(s, cl->args[n == 1 ? 2 : 3], cl);
    IrInstr *step = n == 3 ? range_bound(s, cl->args[4], cl) : mk_i64(s, 1, cl);
    int64_t c = 0;
    bool known = step->op == IR_const_i64;
    if (known)
        c = step->imm;
    else /* range() raises on a zero step: the interpreter re-runs the call */
        guard(s, mk_cmp(s, IR_cmp_i64, step, mk_i64(s, 0, cl), TR_NE, cl), cl);

    IrInstr *cur = ir_new(s->fn, IR_phi, 0, NULL);
    cur->type = IT_I;
    cur->pc = ins->pc;
    ir_insert_before(h->first, cur);
    IrInstr *next = mk(s, IR_add_i64, cur, step, ins); /* never past stop + step: no overflow */
    for (int k = 0; k < h->npreds; k++)
        ir_phi_add(cur, h->preds[k] == pre ? start : next);
    IrInstr *vargs[3] = {next, stop, step};
    IrInstr *virt = ir_new(s->fn, IR_range_iter_virtual, 3, vargs);
    virt->pc = ins->pc;
    ir_insert_before(ins, virt);

    /* the loop ends when cur is not before stop in the step's direction; st becomes that test */
    IrInstr **a = ARENA_ARRAY(s->fn->arena, IrInstr *, 2);
    if (known) {
        a[0] = cur;
        a[1] = stop;
        st->imm = c > 0 ? TR_GE : TR_LE;
    } else { /* (stop - cur) * sign(step) <= 0, without a multiplication */
        IrInstr *sgn = mk(s, IR_sar_i64, step, mk_i64(s, 63, ins), ins);
        IrInstr *d = mk(s, IR_xor_i64, mk(s, IR_sub_i64, stop, cur, ins), sgn, ins);
        a[0] = mk(s, IR_sub_i64, d, sgn, ins);
        a[1] = mk_i64(s, 0, ins);
        st->imm = TR_LE;
    }
    st->op = IR_cmp_i64;
    st->type = IT_B;
    st->nargs = 2;
    st->args = a;
    replace(s, ins, tagged(s, IR_tag_int, cur, PT_SMALLINT, ins));

    for (int b = 0; b < s->fn->nblocks; b++)
        for (IrInstr *i = s->fn->blocks[b]->first; i; i = i->next)
            if (i->fs && i != it)
                for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
                    if (i->fs->vals[k] == it)
                        i->fs->vals[k] = virt;
    ir_remove(it);
    ir_remove(cl);
    return true;
}

/* --- Unboxed phis ---------------------------------------------------------------------------- */

static bool unboxable(SpecCtx *s, IrInstr *p)
{
    uint32_t t = spec_fact(s, p);
    return p->type == IT_T && (t == PT_SMALLINT || t == PT_FLOAT);
}

/* Loop-carried ints and floats: phi(T) -> phi(I or F), with one tag_int/box_float after the
   phis for the uses that need the tagged value (dead when none does). */
static void unbox_phis(SpecCtx *s, IrBlock *b)
{
    IrInstr **conv = ARENA_ARRAY(s->fn->arena, IrInstr *, s->nty + 1), *last = NULL;
    int n = 0;
    for (IrInstr *p = b->first; p && p->op == IR_phi; p = p->next) {
        last = p;
        if (!unboxable(s, p))
            continue;
        IrInstr *q = ir_new(s->fn, IR_phi, 0, NULL);
        q->type = spec_fact(s, p) == PT_FLOAT ? IT_F : IT_I;
        q->pc = p->pc;
        ir_insert_before(p, q);
        conv[p->id] = q;
        n++;
    }
    if (!n)
        return;
    IrInstr *after = last->next;
    for (IrInstr *p = b->first; p && p->op == IR_phi; p = p->next) {
        IrInstr *q = p->id < s->nty ? conv[p->id] : NULL;
        if (!q)
            continue;
        for (int k = 0; k < p->nargs; k++) {
            IrInstr *v = resolve(s, p->args[k]), *at = b->preds[k]->last;
            IrInstr *u = v->op == IR_phi && v->block == b && v->id < s->nty && conv[v->id]
                             ? conv[v->id]
                         : q->type == IT_I ? as_i64(s, v, at, false)
                                           : as_f64(s, v, at, false);
            ir_phi_add(q, u);
        }
    }
    for (IrInstr *p = b->first, *next; p && p->op == IR_phi; p = next) {
        next = p->next;
        IrInstr *q = p->id < s->nty ? conv[p->id] : NULL;
        if (!q)
            continue;
        IrInstr *t = ir_new(s->fn, q->type == IT_I ? IR_tag_int : IR_box_float, 1, &q);
        t->ptypes = spec_fact(s, p);
        t->pc = p->pc;
        ir_insert_before(after, t);
        replace(s, p, t);
    }
}

/* --- Cleanup ------------------------------------------------------------------------------- */

static bool covered(const CodeObj *co, int pc)
{
    for (int k = 0; k < co->nexctab; k++)
        if (co->exctab[k].start <= pc && pc < co->exctab[k].end)
            return true;
    return false;
}

/* The unboxed value a boxing op boxes: frame states take it as it is (the exit boxes it). */
static IrInstr *unboxed(IrInstr *v)
{
    if (v && (v->op == IR_tag_int || v->op == IR_box_int || v->op == IR_box_float ||
              v->op == IR_bool_to_obj))
        return v->args[0];
    return v;
}

static void fold_pairs(SpecCtx *s)
{
    IrFunc *fn = s->fn;
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first, *next; i; i = next) {
            next = i->next;
            resolve_uses(s, i);
            IrInstr *a = i->nargs == 1 ? i->args[0] : NULL;
            if (a && ((i->op == IR_untag_int && a->op == IR_tag_int) ||
                      (i->op == IR_unbox_float && a->op == IR_box_float) ||
                      (i->op == IR_is_true_obj && a->op == IR_bool_to_obj)))
                replace(s, i, a->args[0]);
            if (i->fs)
                for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
                    i->fs->vals[k] = unboxed(i->fs->vals[k]);
        }
    resolve_all(s); /* phi operands from later blocks */
}

/* Removes pure instructions (and phis) nothing uses any more, such as unused boxes. */
static void sweep(SpecCtx *s)
{
    IrFunc *fn = s->fn;
    int *uses = ARENA_ARRAY(fn->arena, int, fn->nvalues + 1);
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            for (int k = 0; k < i->nargs; k++)
                uses[i->args[k]->id]++;
            if (i->fs)
                for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
                    if (i->fs->vals[k])
                        uses[i->fs->vals[k]->id]++;
        }
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = 0; b < fn->nblocks; b++)
            for (IrInstr *i = fn->blocks[b]->first, *next; i; i = next) {
                next = i->next;
                bool pure = (ir_info(i)->flags & IRF_PURE) || i->op == IR_phi;
                if (uses[i->id] || !pure || i->op == IR_const || i->op == IR_phi)
                    continue;
                for (int k = 0; k < i->nargs; k++)
                    uses[i->args[k]->id]--;
                ir_remove(i);
                changed = true;
            }
    }
}

void spec_shrink_states(IrFunc *fn)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            const IrOpInfo *info = ir_info(i);
            if (i->fs && (info->flags & IRF_RAISE) && !(info->flags & IRF_GUARD) &&
                i->fs->nlocals + i->fs->nstack && !covered(fn->co, i->fs->pc))
                i->fs = ir_fs_new(fn, i->fs->pc, 0, 0); /* errors outside try need only pc */
        }
}

static void finish(SpecCtx *s)
{
    IrFunc *fn = s->fn;
    resolve_all(s);
    fold_pairs(s);
    sweep(s);
    /* with functions to inline, the generic ops keep their whole states: specialized again
       after inlining, they may become guards (pass_inline shrinks the states then) */
    if (!fn->env)
        spec_shrink_states(fn);
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            if (i->type == IT_T && i->id < s->nty) {
                uint32_t t = s->ty[i->id];
                if (t && !(t & PT_NULL) && t != PT_ANY)
                    i->ptypes = t;
            }
        }
}

/* --- The pass ------------------------------------------------------------------------------ */

static void rewrite(SpecCtx *s, IrInstr *ins)
{
    SpecKind k;
    switch (ins->op) {
    case IR_binop:
        k = spec_plan_binop(s, ins);
        if (k == K_INT)
            binop_int(s, ins);
        else if (k == K_FLOAT)
            binop_float(s, ins);
        else if (k == K_FLOAT_GUESS)
            binop_guess_float(s, ins);
        return;
    case IR_compare:
        if ((k = spec_plan_compare(s, ins)) != K_GENERIC)
            compare(s, ins, k);
        return;
    case IR_unop:
        if ((k = spec_plan_unop(s, ins)) != K_GENERIC)
            unop(s, ins, k);
        return;
    case IR_truth: truth(s, ins); return;
    case IR_not_obj: not_obj(s, ins); return;
    case IR_check_bound:
        if (!(spec_fact(s, ins->args[0]) & PT_NULL))
            replace(s, ins, ins->args[0]);
        return;
    case IR_getitem: case IR_setitem: subscript(s, ins); return;
    case IR_call: call(s, ins); return;
    case IR_num_to_f64: case IR_unbox_float: /* again after inlining: of a known number now */
        if (ins->args[0]->op == IR_box_float)
            replace(s, ins, ins->args[0]->args[0]);
        else if (ins->args[0]->op == IR_tag_int)
            replace(s, ins, mk(s, IR_i64_to_f64, ins->args[0]->args[0], NULL, ins));
        return;
    case IR_for_next:
        if (spec_range_loop(s, ins) && !counted_loop(s, ins)) { /* step iter(range()) inline */
            ins->op = IR_range_next;
            ins->fs = NULL;
        }
        return;
    default: return;
    }
}

void pass_specialize(IrFunc *fn)
{
    if (fn->env && fn->env->generic) { /* a fallback: no guesses at all */
        spec_shrink_states(fn);
        return;
    }
    SpecCtx ctx = {.fn = fn}, *s = &ctx;
    TrValue bi = tr_builtins();
    s->range_obj = tr_dict_get_cstr(bi, "range");
    s->len_obj = tr_dict_get_cstr(bi, "len");
    ir_clear_aux(fn);
    speculate(s);
    spec_infer(s);
    for (int b = 0; b < fn->nblocks; b++)
        unbox_phis(s, fn->blocks[b]);
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first, *next; i; i = next) {
            next = i->next;
            resolve_uses(s, i);
            rewrite(s, i);
        }
    finish(s);
    ir_clear_aux(fn);
    for (int b = 0; b < fn->nblocks; b++) /* any guard may fail: a fallback is worth having */
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next)
            if (ir_info(i)->flags & IRF_GUARD) {
                guessed(s);
                return;
            }
}
