/*
 * simplify.c -- algebraic identities: x + 0, x - 0, x * 1, x * 0, x * 2**k -> shift on wrapping
 * int64 ops (on the _ov ops only where no overflow is possible), x | 0, x ^ 0, x & -1, double
 * identities that keep signed zeros and NaNs, double negation, undone tags and boxes, selects and
 * branches on known or negated conditions, truth of a value made from a bool, check_bound of a
 * value that cannot be unbound (a small forward analysis over phis). Runs after
 * constfold; replaced values go at once (they have no effect left), dead operands stay for dce.
 */
#include "ir/passes/passes.h"
#include "ir/passes/pass_util.h"

#include <string.h>

static bool is_commutative(int op)
{
    switch (op) {
    case IR_add_i64: case IR_mul_i64: case IR_and_i64: case IR_or_i64: case IR_xor_i64:
    case IR_add_i64_ov: case IR_mul_i64_ov: case IR_add_f64: case IR_mul_f64:
        return true;
    default:
        return false;
    }
}

/* The operand paired with the int64 constant c (on the right, or on either side of a
   commutative op), or NULL. */
static IrInstr *with_i64(const IrInstr *i, int64_t c)
{
    if (pu_is_i64(i->args[1], c))
        return i->args[0];
    if (is_commutative(i->op) && pu_is_i64(i->args[0], c))
        return i->args[1];
    return NULL;
}

static bool is_f64_bits(const IrInstr *v, double c)
{
    return v->op == IR_const_f64 && memcmp(&v->fval, &c, sizeof c) == 0;
}

static IrInstr *with_f64(const IrInstr *i, double c)
{
    if (is_f64_bits(i->args[1], c))
        return i->args[0];
    if (is_commutative(i->op) && is_f64_bits(i->args[0], c))
        return i->args[1];
    return NULL;
}

static int log2_exact(int64_t c) /* k when c == 2**k with k >= 1, else -1 */
{
    if (c < 2 || (c & (c - 1)))
        return -1;
    return __builtin_ctzll((unsigned long long)c);
}

static IrInstr *fits(IrInstr *x) { return x && pu_fits_small(x) ? x : NULL; }

static IrInstr *int_identity(IrInstr *i)
{
    IrInstr *a = i->args[0], *b = i->nargs > 1 ? i->args[1] : NULL, *x;
    switch (i->op) {
    case IR_add_i64: case IR_sub_i64: case IR_or_i64: case IR_xor_i64:
    case IR_shl_i64: case IR_sar_i64:
        if ((x = with_i64(i, 0)))
            return x;
        if (a == b && (i->op == IR_sub_i64 || i->op == IR_xor_i64))
            return pu_const_i64(i, 0);
        return a == b && i->op == IR_or_i64 ? a : NULL;
    case IR_add_i64_ov: case IR_sub_i64_ov:
        if (a == b && i->op == IR_sub_i64_ov)
            return pu_const_i64(i, 0);
        return fits(with_i64(i, 0));
    case IR_and_i64:
        if ((x = with_i64(i, -1)))
            return x;
        if (with_i64(i, 0))
            return pu_const_i64(i, 0);
        return a == b ? a : NULL;
    case IR_mul_i64: case IR_mul_i64_ov: {
        if (with_i64(i, 0))
            return pu_const_i64(i, 0);
        x = with_i64(i, 1);
        if (i->op == IR_mul_i64_ov)
            return fits(x);
        if (x)
            return x;
        /* wrapping x * 2**k and x << k are the same bits */
        int k = log2_exact(b->op == IR_const_i64 ? b->imm : 0);
        if (k < 0 && a->op == IR_const_i64) {
            k = log2_exact(a->imm);
            i->args[0] = b;
        }
        if (k > 0) {
            i->op = IR_shl_i64;
            i->args[1] = pu_const_i64(i, k);
        }
        return NULL;
    }
    case IR_neg_i64: return a->op == IR_neg_i64 ? a->args[0] : NULL;
    case IR_cmp_i64:
        if (a != b)
            return NULL;
        return pu_const_bool(i, i->imm == TR_EQ || i->imm == TR_LE || i->imm == TR_GE);
    default:
        return NULL;
    }
}

/* Only identities exact for every double, signed zeros and NaNs included. */
static IrInstr *float_identity(IrInstr *i)
{
    switch (i->op) {
    case IR_add_f64: return with_f64(i, -0.0);
    case IR_sub_f64: return is_f64_bits(i->args[1], 0.0) ? i->args[0] : NULL;
    case IR_mul_f64: return with_f64(i, 1.0);
    case IR_div_f64: return is_f64_bits(i->args[1], 1.0) ? i->args[0] : NULL;
    case IR_neg_f64: return i->args[0]->op == IR_neg_f64 ? i->args[0]->args[0] : NULL;
    default: return NULL;
    }
}

/* Tags, boxes and bools: an operation undone by its operand's. */
static IrInstr *undo(IrInstr *i)
{
    IrInstr *a = i->nargs ? i->args[0] : NULL;
    IrInstr *inner = a && a->nargs == 1 ? a->args[0] : NULL;
    switch (i->op) {
    case IR_untag_int:
        return a->op == IR_tag_int || a->op == IR_box_int ? inner : NULL;
    case IR_tag_int: case IR_box_int:
        return a->op == IR_untag_int ? inner : NULL;
    case IR_unbox_float: return a->op == IR_box_float ? inner : NULL;
    case IR_box_float: return a->op == IR_unbox_float ? inner : NULL;
    case IR_is_small: return a->op == IR_tag_int ? pu_const_bool(i, true) : NULL;
    case IR_is_float: return a->op == IR_box_float ? pu_const_bool(i, true) : NULL;
    case IR_not_b: return a->op == IR_not_b ? inner : NULL;
    case IR_is_true_obj: case IR_truth: /* truth of True/False cannot fail */
        return a->op == IR_bool_to_obj ? inner : NULL;
    case IR_not_obj: {
        if (a->op != IR_bool_to_obj)
            return NULL;
        IrInstr *n = ir_new(i->block->fn, IR_not_b, 1, &inner);
        n->pc = i->pc;
        ir_insert_before(i, n);
        IrInstr *o = ir_new(i->block->fn, IR_bool_to_obj, 1, &n);
        o->pc = i->pc;
        ir_insert_before(i, o);
        return o;
    }
    case IR_eq_word: return a == i->args[1] ? pu_const_bool(i, true) : NULL;
    case IR_select:
        if (i->args[1] == i->args[2])
            return i->args[1];
        return a->op == IR_const_bool ? i->args[a->imm ? 1 : 2] : NULL;
    default:
        return NULL;
    }
}

/* --- Bound values ----------------------------------------------------------------------------- */

/* 1: never NULL (unbound); 0: may be; -1: as its operands (phi, copy, select). */
static int bound_by_op(const IrInstr *v)
{
    switch (v->op) {
    case IR_const: return v->cval != 0;
    case IR_phi: case IR_copy: case IR_select: return -1;
    /* arguments and cells at entry; the ops that make a value from a value */
    case IR_entry_local: case IR_check_bound: case IR_closure_item: case IR_tag_int:
    case IR_box_int: case IR_box_float: case IR_bool_to_obj: case IR_load_assertion_error:
        return 1;
    default:
        /* a raising op's tagged result: NULL (TR_ERR) leaves through its exit instead */
        return v->type == IT_T && (ir_info(v)->flags & IRF_RAISE) != 0;
    }
}

/* bound[id] for every value, optimistic on phis: a cycle of phis is bound unless something
   unbound flows in. */
static bool *bound_values(IrFunc *fn)
{
    bool *bound = ARENA_ARRAY(fn->arena, bool, fn->nvalues + 1);
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next)
            bound[i->id] = bound_by_op(i) != 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = 0; b < fn->nblocks; b++)
            for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
                if (!bound[i->id] || bound_by_op(i) >= 0)
                    continue;
                for (int k = i->op == IR_select; k < i->nargs; k++)
                    if (!bound[i->args[k]->id]) {
                        bound[i->id] = false;
                        changed = true;
                        break;
                    }
            }
    }
    return bound;
}

static bool is_bound(const bool *bound, int n, const IrInstr *v)
{
    return v->id < n ? bound[v->id] : bound_by_op(v) == 1;
}

/* branch (not_b c) -> b1, b2  is  branch c -> b2, b1 */
static void unnegate_branch(IrInstr *br)
{
    IrBlock *b = br->block;
    while (br->args[0]->op == IR_not_b && b->succ[0] != b->succ[1]) {
        br->args[0] = br->args[0]->args[0];
        IrBlock *t = b->succ[0];
        b->succ[0] = b->succ[1];
        b->succ[1] = t;
    }
}

void pass_simplify(IrFunc *fn)
{
    PuFwd f;
    pu_fwd_init(&f, fn);
    bool *bound = bound_values(fn);
    for (int bi = 0; bi < fn->nblocks; bi++) {
        IrInstr *next;
        for (IrInstr *i = fn->blocks[bi]->first; i; i = next) {
            next = i->next;
            if (i->op == IR_phi)
                continue;
            pu_resolve_args(&f, i);
            if (i->op == IR_branch) {
                unnegate_branch(i);
                continue;
            }
            if (!i->nargs || i->type == IT_V)
                continue;
            if (i->op == IR_check_bound && is_bound(bound, f.n, i->args[0])) {
                pu_forward(&f, i, i->args[0]);
                continue;
            }
            IrInstr *r = NULL;
            if (i->type == IT_I || i->op == IR_cmp_i64)
                r = int_identity(i);
            else if (i->type == IT_F)
                r = float_identity(i);
            if (!r)
                r = undo(i);
            if (r)
                pu_forward(&f, i, r);
        }
    }
    pu_fwd_apply(&f);
}
