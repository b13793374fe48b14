/*
 * constfold.c -- constant folding: typed arithmetic, compares, tag and box operations of
 * constants; generic binop/compare/unop/truth/not/contains of scalar constants, computed by the
 * runtime at compile time when the result is certain (no error) and small; branches on constant
 * conditions become jumps, and ir_order drops the blocks no longer reached; phis of one
 * constant become it; repeated until nothing changes. Runs first after specialize; leaves
 * other trivial phis to copyprop, dead values to dce.
 */
#include "ir/passes/passes.h"
#include "ir/passes/pass_util.h"

#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <math.h>
#include <string.h>

/* --- int64 and double ------------------------------------------------------------------------- */

static bool cmp_result(int64_t op, int c) /* c: -1, 0, 1 */
{
    switch (op) {
    case TR_LT: return c < 0;
    case TR_LE: return c <= 0;
    case TR_EQ: return c == 0;
    case TR_NE: return c != 0;
    case TR_GT: return c > 0;
    case TR_GE: return c >= 0;
    default: return false;
    }
}

/* Folds an int64 op of constants x (and y) into *out; false when it must stay. */
static bool fold_i64(int op, int64_t x, int64_t y, int64_t *out)
{
    uint64_t ux = (uint64_t)x, uy = (uint64_t)y;
    switch (op) {
    case IR_add_i64: *out = (int64_t)(ux + uy); return true;
    case IR_sub_i64: *out = (int64_t)(ux - uy); return true;
    case IR_mul_i64: *out = (int64_t)(ux * uy); return true;
    case IR_and_i64: *out = x & y; return true;
    case IR_or_i64: *out = x | y; return true;
    case IR_xor_i64: *out = x ^ y; return true;
    case IR_neg_i64: *out = (int64_t)(0 - ux); return true;
    case IR_shl_i64:
        if (y < 0 || y > 63)
            return false;
        *out = (int64_t)(ux << y);
        return true;
    case IR_sar_i64:
        if (y < 0 || y > 63)
            return false;
        *out = x >> y;
        return true;
    /* the _ov ops deoptimize when the result leaves the small-int range: keep those */
    case IR_add_i64_ov: return !__builtin_add_overflow(x, y, out) && tr_fits_small(*out);
    case IR_sub_i64_ov: return !__builtin_sub_overflow(x, y, out) && tr_fits_small(*out);
    case IR_mul_i64_ov: return !__builtin_mul_overflow(x, y, out) && tr_fits_small(*out);
    case IR_floordiv_i64: case IR_mod_i64: {
        if (y == 0 || (x == INT64_MIN && y == -1))
            return false; /* deopt, or C overflow */
        int64_t q = x / y, r = x % y;
        if (r != 0 && (r < 0) != (y < 0)) { /* Python floors */
            q -= 1;
            r += y;
        }
        *out = op == IR_floordiv_i64 ? q : r;
        return true;
    }
    default:
        return false;
    }
}

static bool fold_f64(int op, double x, double y, double *out)
{
    switch (op) {
    case IR_add_f64: *out = x + y; return true;
    case IR_sub_f64: *out = x - y; return true;
    case IR_mul_f64: *out = x * y; return true;
    case IR_div_f64:
        if (y == 0.0)
            return false; /* deoptimizes: the interpreter raises ZeroDivisionError */
        *out = x / y;
        return true;
    case IR_neg_f64: *out = -x; return true;
    case IR_sqrt_f64: *out = sqrt(x); return true;
    default:
        return false;
    }
}

/* --- Generic operations on scalar constants --------------------------------------------------- */

enum { MAX_STR = 64, MAX_INT_BITS = 128, MAX_EXP = 128 };

static bool is_scalar(TrValue v)
{
    if (!v || v == TR_STOP)
        return false;
    TrType *t = tr_type_of(v);
    return t == &tr_int_type || t == &tr_float_type || t == &tr_bool_type ||
           t == &tr_none_type || t == &tr_str_type;
}

/* A folded result worth keeping as a constant: a scalar of bounded size. */
static bool keep_result(TrValue v)
{
    if (!v) {
        tr_err_clear();
        return false;
    }
    TrType *t = tr_type_of(v);
    if (t == &tr_str_type)
        return tr_len(v) <= MAX_STR;
    if (t == &tr_int_type && !tr_is_small(v))
        return mpz_sizeinbase(((TrBigInt *)tr_obj(v))->z, 2) <= MAX_INT_BITS;
    return t == &tr_int_type || t == &tr_float_type || t == &tr_bool_type;
}

static bool small_int_in(TrValue v, int64_t lo, int64_t hi)
{
    if (v == TR_TRUE || v == TR_FALSE)
        return true;
    return tr_is_small(v) && tr_small_val(v) >= lo && tr_small_val(v) <= hi;
}

/* Whether computing a op b at compile time is cheap: no huge powers, shifts, repeats or
   %-formatting (whose output size depends on the format). Errors are fine: they are cleared. */
static bool cheap_binop(TrValue a, TrValue b, int op)
{
    op %= TR_OP__COUNT;
    bool a_int = tr_type_of(a) == &tr_int_type || tr_type_of(a) == &tr_bool_type;
    bool a_str = tr_type_of(a) == &tr_str_type, b_str = tr_type_of(b) == &tr_str_type;
    switch (op) {
    case TR_OP_POW: return !a_int || small_int_in(b, -MAX_EXP, MAX_EXP);
    case TR_OP_LSHIFT: return small_int_in(b, -MAX_EXP, MAX_EXP);
    case TR_OP_MUL:
        if (a_str)
            return small_int_in(b, -MAX_STR, MAX_STR);
        return !b_str || small_int_in(a, -MAX_STR, MAX_STR);
    case TR_OP_MOD: return !a_str;
    default: return true;
    }
}

static TrValue fold_generic(const IrInstr *i)
{
    TrValue a = i->args[0]->cval, b = i->nargs > 1 ? i->args[1]->cval : 0;
    TrValue r = 0;
    switch (i->op) {
    case IR_binop:
        if (cheap_binop(a, b, (int)i->imm))
            r = tr_binop(a, b, (int)i->imm);
        break;
    case IR_compare: r = tr_richcmp(a, b, (int)i->imm); break;
    case IR_unop: r = tr_unop(a, (int)i->imm); break;
    case IR_not_obj: r = tr_not(a); break;
    case IR_contains: {
        if (tr_type_of(b) != &tr_str_type)
            return 0;
        int c = tr_contains(b, a);
        r = c < 0 ? 0 : tr_bool(c ^ (i->imm != 0));
        break;
    }
    default:
        return 0;
    }
    return keep_result(r) ? r : 0;
}

/* --- Constants the back-end can load ---------------------------------------------------------- */

static bool same_object_value(TrValue a, TrValue b)
{
    TrType *t = tr_type_of(a);
    if (t != tr_type_of(b))
        return false;
    if (t == &tr_float_type) {
        double x = tr_float_val(a), y = tr_float_val(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (t == &tr_str_type || t == &tr_int_type) {
        int eq = tr_eq(a, b);
        if (eq < 0)
            tr_err_clear();
        return eq == 1;
    }
    return false;
}

/* v, or an equal object from the code object's constants, or 0. Compiled code loads a heap
   constant through f->co->consts (static objects and immediates need nothing), so a result that
   is not there cannot be a constant. */
static TrValue loadable(IrFunc *fn, TrValue v)
{
    if (!v || !tr_is_ptr(v) || v == TR_NONE || v == TR_TRUE || v == TR_FALSE)
        return v;
    if (!fn->co)
        return 0;
    TrTuple *c = tr_as_tuple(fn->co->consts);
    for (int64_t k = 0; k < c->len; k++)
        if (c->items[k] == v)
            return v;
    for (int64_t k = 0; k < c->len; k++)
        if (tr_is_ptr(c->items[k]) && same_object_value(c->items[k], v))
            return c->items[k];
    return 0;
}

static IrInstr *const_val(IrInstr *at, TrValue v)
{
    v = loadable(at->block->fn, v);
    return v ? pu_const_val(at, v) : NULL;
}

/* --- One instruction -------------------------------------------------------------------------- */

static bool all_const(const IrInstr *i, IrOp op)
{
    for (int k = 0; k < i->nargs; k++)
        if (i->args[k]->op != op)
            return false;
    return i->nargs > 0;
}

/* Tag tests, boxes and small reads of one tagged constant c. */
static IrInstr *fold_tagged(IrInstr *i, TrValue c)
{
    switch (i->op) {
    case IR_is_small: return pu_const_bool(i, tr_is_small(c));
    case IR_is_flonum: return pu_const_bool(i, tr_is_flonum(c));
    case IR_is_type:
        return pu_const_bool(i, tr_is_ptr(c) && tr_obj(c)->type == (TrType *)(uintptr_t)i->imm);
    case IR_is_float: return c ? pu_const_bool(i, tr_is_float(c)) : NULL;
    case IR_is_true_obj: return pu_const_bool(i, c == TR_TRUE);
    case IR_is_stop: return pu_const_bool(i, c == TR_STOP);
    case IR_untag_int: return tr_is_small(c) ? pu_const_i64(i, tr_small_val(c)) : NULL;
    case IR_unbox_float: return c && tr_is_float(c) ? pu_const_f64(i, tr_float_val(c)) : NULL;
    case IR_tuple_len:
        return c && tr_is_ptr(c) && tr_obj(c)->type == &tr_tuple_type
                   ? pu_const_i64(i, tr_as_tuple(c)->len)
                   : NULL;
    case IR_truth: {
        if (!is_scalar(c))
            return NULL;
        int t = tr_truth(c);
        if (t < 0) {
            tr_err_clear();
            return NULL;
        }
        return pu_const_bool(i, t);
    }
    default:
        return NULL;
    }
}

/* What i folds to (a constant inserted before it), or NULL. */
static IrInstr *fold(IrInstr *i)
{
    int64_t n;
    double d;
    IrInstr *a = i->nargs ? i->args[0] : NULL;
    switch (i->op) {
    case IR_tag_int:
        return a->op == IR_const_i64 && tr_fits_small(a->imm)
                   ? const_val(i, tr_small_new(a->imm)) : NULL;
    case IR_box_int:
        return a->op == IR_const_i64 ? const_val(i, tr_int_from_i64(a->imm)) : NULL;
    case IR_box_float: {
        if (a->op != IR_const_f64)
            return NULL;
        TrValue v = tr_float_new(a->fval);
        return v ? const_val(i, v) : NULL;
    }
    case IR_i64_to_f64: return a->op == IR_const_i64 ? pu_const_f64(i, (double)a->imm) : NULL;
    case IR_bool_to_obj:
        return a->op == IR_const_bool ? const_val(i, tr_bool(a->imm != 0)) : NULL;
    case IR_not_b: return a->op == IR_const_bool ? pu_const_bool(i, !a->imm) : NULL;
    case IR_eq_word:
        if (a->op == IR_const && i->args[1]->op == IR_const)
            return pu_const_bool(i, a->cval == i->args[1]->cval);
        return NULL;
    case IR_cmp_i64:
        if (!all_const(i, IR_const_i64))
            return NULL;
        return pu_const_bool(i, cmp_result(i->imm, (a->imm > i->args[1]->imm) -
                                                       (a->imm < i->args[1]->imm)));
    case IR_cmp_f64: {
        if (!all_const(i, IR_const_f64))
            return NULL;
        double x = a->fval, y = i->args[1]->fval;
        if (isnan(x) || isnan(y))
            return pu_const_bool(i, i->imm == TR_NE);
        return pu_const_bool(i, cmp_result(i->imm, (x > y) - (x < y)));
    }
    case IR_check_bound: /* a constant other than NULL is bound */
        return a->op == IR_const && a->cval ? a : NULL;
    case IR_tuple_item: {
        IrInstr *t = a, *k = i->args[1];
        if (t->op != IR_const || k->op != IR_const_i64 || !t->cval || !tr_is_ptr(t->cval) ||
            tr_obj(t->cval)->type != &tr_tuple_type)
            return NULL;
        TrTuple *tu = tr_as_tuple(t->cval);
        return k->imm >= 0 && k->imm < tu->len ? const_val(i, tu->items[k->imm]) : NULL;
    }
    case IR_binop: case IR_compare: case IR_unop: case IR_not_obj: case IR_contains: {
        for (int k = 0; k < i->nargs; k++)
            if (i->args[k]->op != IR_const || !is_scalar(i->args[k]->cval))
                return NULL;
        TrValue v = fold_generic(i);
        return v ? const_val(i, v) : NULL;
    }
    default:
        break;
    }
    if (a && a->op == IR_const && i->nargs == 1)
        return fold_tagged(i, a->cval);
    if (i->type == IT_I && all_const(i, IR_const_i64) &&
        fold_i64(i->op, a->imm, i->nargs > 1 ? i->args[1]->imm : 0, &n))
        return pu_const_i64(i, n);
    if (i->type == IT_F && all_const(i, IR_const_f64) &&
        fold_f64(i->op, a->fval, i->nargs > 1 ? i->args[1]->fval : 0, &d))
        return pu_const_f64(i, d);
    return NULL;
}

/* One sweep in reverse post-order; true if it changed anything. */
static bool fold_round(IrFunc *fn)
{
    PuFwd f;
    pu_fwd_init(&f, fn);
    bool cfg = false, changed = false;
    for (int bi = 0; bi < fn->nblocks; bi++) {
        IrBlock *b = fn->blocks[bi];
        IrInstr *next;
        for (IrInstr *i = b->first; i; i = next) {
            next = i->next;
            if (i->op == IR_phi) { /* a phi of equal constants is that constant */
                IrInstr *r = pu_trivial_phi(&f, i);
                if (r && pu_is_const(r))
                    pu_forward(&f, i, r);
                continue;
            }
            pu_resolve_args(&f, i);
            if (i->op == IR_branch && i->args[0]->op == IR_const_bool) {
                pu_branch_to_jump(b, i->args[0]->imm ? 0 : 1);
                cfg = true;
                break;
            }
            if (i->op == IR_guard && i->args[0]->op == IR_const_bool && i->args[0]->imm) {
                ir_remove(i); /* always holds */
                changed = true;
                continue;
            }
            if (i->type == IT_V)
                continue;
            IrInstr *r = fold(i);
            if (r)
                pu_forward(&f, i, r);
        }
    }
    changed |= f.any || cfg;
    pu_fwd_apply(&f);
    if (cfg)
        ir_order(fn);
    return changed;
}

/* Rounds until nothing changes: a removed branch can leave a phi of one constant, whose uses
   fold in turn. The bound only guards against a bug. */
void pass_constfold(IrFunc *fn)
{
    for (int round = 0; round < 16 && fold_round(fn); round++) {
    }
}
