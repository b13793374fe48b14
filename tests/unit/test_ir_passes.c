/*
 * test_ir_passes.c -- the classic optimizer passes (src/ir/passes: constfold, simplify,
 * copyprop, dce, cse, licm) on hand-built IR with the typed ops that only the specialize pass
 * makes from Python: each case builds a small function, runs one pass, checks the verifier and
 * the result. Prints nothing and exits 0 on success.
 */
#include "ir/ir.h"
#include "ir/passes/passes.h"
#include "runtime/runtime.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Arena arena;
static IrFunc *fn;
static IrBlock *cur;
static int failures;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "test_ir_passes: %s:%d: %s\n", __FILE__, __LINE__, #cond);            \
            dump();                                                                                \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static void dump(void)
{
    StrBuf sb;
    sb_init(&sb);
    ir_print(&sb, fn);
    fwrite(sb.data, 1, sb.len, stderr);
}

/* --- Building --------------------------------------------------------------------------------- */

static void begin(void)
{
    arena_free(&arena);
    arena_init(&arena);
    fn = ir_func_new(&arena, NULL);
    cur = ir_block_new(fn, -1);
}

static IrInstr *op3(IrOp op, IrInstr *a, IrInstr *b, IrInstr *c)
{
    IrInstr *args[3] = {a, b, c};
    int n = ir_op_info[op].nargs;
    IrInstr *i = ir_new(fn, op, n < 0 ? 0 : n, args);
    if (ir_op_info[op].flags & (IRF_GUARD | IRF_RAISE))
        i->fs = ir_fs_new(fn, 0, 0, 0);
    ir_append(cur, i);
    return i;
}
static IrInstr *op2(IrOp op, IrInstr *a, IrInstr *b) { return op3(op, a, b, NULL); }
static IrInstr *op1(IrOp op, IrInstr *a) { return op3(op, a, NULL, NULL); }
static IrInstr *cmp(IrOp op, IrInstr *a, IrInstr *b, int c)
{
    IrInstr *i = op2(op, a, b);
    i->imm = c;
    return i;
}

static IrInstr *ci(int64_t x)
{
    IrInstr *i = op2(IR_const_i64, NULL, NULL);
    i->imm = x;
    return i;
}
static IrInstr *cf(double x)
{
    IrInstr *i = op2(IR_const_f64, NULL, NULL);
    i->fval = x;
    return i;
}
static IrInstr *cb(bool x)
{
    IrInstr *i = op2(IR_const_bool, NULL, NULL);
    i->imm = x;
    return i;
}
static IrInstr *cv(TrValue v)
{
    IrInstr *i = op2(IR_const, NULL, NULL);
    i->cval = v;
    return i;
}
static IrInstr *arg(int k) /* an unknown tagged value */
{
    IrInstr *i = op2(IR_entry_local, NULL, NULL);
    i->imm = k;
    return i;
}
static IrInstr *int_arg(int k) { return op1(IR_untag_int, arg(k)); } /* unknown small int64 */

static void jump(IrBlock *to)
{
    op2(IR_jump, NULL, NULL);
    ir_add_edge(cur, to);
}
static void branch(IrInstr *c, IrBlock *t, IrBlock *f)
{
    op1(IR_branch, c);
    ir_add_edge(cur, t);
    ir_add_edge(cur, f);
}
static void ret(IrInstr *v) { op1(IR_ret, v); }

/* Returns v as the function's result, runs pass, verifies; the result afterwards. */
static IrInstr *after(void (*pass)(IrFunc *), IrInstr *v)
{
    ret(v);
    ir_order(fn);
    pass(fn);
    const char *e = ir_verify(fn);
    if (e) {
        fprintf(stderr, "test_ir_passes: invalid IR: %s\n", e);
        dump();
        failures++;
    }
    for (int b = 0; b < fn->nblocks; b++)
        if (fn->blocks[b]->last->op == IR_ret)
            return fn->blocks[b]->last->args[0];
    return NULL;
}

static bool is_i(const IrInstr *v, int64_t x) { return v->op == IR_const_i64 && v->imm == x; }
static bool is_b(const IrInstr *v, bool x) { return v->op == IR_const_bool && v->imm == x; }
static bool is_f(const IrInstr *v, double x) { return v->op == IR_const_f64 && v->fval == x; }

static int count_op(IrOp op)
{
    int n = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next)
            n += i->op == op;
    return n;
}

/* --- constfold -------------------------------------------------------------------------------- */

static IrInstr *fold2(IrOp op, int64_t a, int64_t b)
{
    begin();
    return after(pass_constfold, op2(op, ci(a), ci(b)));
}

static void test_constfold(void)
{
    CHECK(is_i(fold2(IR_add_i64, 2, 3), 5));
    CHECK(is_i(fold2(IR_mul_i64, INT64_MAX, 2), -2)); /* wraps */
    CHECK(is_i(fold2(IR_sar_i64, -8, 1), -4));
    CHECK(fold2(IR_shl_i64, 1, 64)->op == IR_shl_i64); /* count out of range */
    CHECK(is_i(fold2(IR_add_i64_ov, 1, 2), 3));
    CHECK(fold2(IR_add_i64_ov, (INT64_C(1) << 61) - 1, 1)->op == IR_add_i64_ov);
    CHECK(fold2(IR_mul_i64_ov, INT64_C(1) << 40, INT64_C(1) << 30)->op == IR_mul_i64_ov);
    CHECK(is_i(fold2(IR_floordiv_i64, -7, 2), -4));
    CHECK(is_i(fold2(IR_mod_i64, -7, 2), 1));
    CHECK(is_i(fold2(IR_mod_i64, 7, -2), -1));
    CHECK(fold2(IR_floordiv_i64, 7, 0)->op == IR_floordiv_i64); /* deopts: stays */
    begin();
    CHECK(is_b(after(pass_constfold, cmp(IR_cmp_i64, ci(-1), ci(1), TR_LT)), true));
    begin();
    CHECK(is_b(after(pass_constfold, cmp(IR_cmp_f64, cf(NAN), cf(NAN), TR_NE)), true));
    begin();
    CHECK(is_b(after(pass_constfold, cmp(IR_cmp_f64, cf(NAN), cf(1), TR_LE)), false));
    begin();
    CHECK(is_f(after(pass_constfold, op2(IR_div_f64, cf(1), cf(4))), 0.25));
    begin();
    CHECK(after(pass_constfold, op2(IR_div_f64, cf(1), cf(-0.0)))->op == IR_div_f64);
    begin();
    IrInstr *t = after(pass_constfold, op1(IR_tag_int, ci(-5)));
    CHECK(t->op == IR_const && t->cval == tr_small_new(-5));
    begin();
    CHECK(is_i(after(pass_constfold, op1(IR_untag_int, cv(tr_small_new(9)))), 9));
    begin();
    t = after(pass_constfold, op1(IR_box_int, ci(INT64_MAX - 1)));
    CHECK(t->op == IR_box_int); /* a big int is not in the (absent) code object's constants */
    begin();
    t = after(pass_constfold, op1(IR_box_int, ci(-3)));
    CHECK(t->op == IR_const && t->cval == tr_small_new(-3));
    begin();
    CHECK(is_b(after(pass_constfold, op1(IR_is_small, cv(tr_small_new(1)))), true));
    begin();
    CHECK(is_b(after(pass_constfold, op1(IR_is_float, cv(TR_NONE))), false));
    begin();
    CHECK(is_f(after(pass_constfold, op1(IR_unbox_float, cv(tr_float_new(1.5)))), 1.5));
    begin();
    t = after(pass_constfold, op1(IR_bool_to_obj, op1(IR_not_b, cb(false))));
    CHECK(t->op == IR_const && t->cval == TR_TRUE);
    begin(); /* generic: 7 // 2 */
    t = after(pass_constfold, cmp(IR_binop, cv(tr_small_new(7)), cv(tr_small_new(2)),
                                  TR_OP_FLOORDIV));
    CHECK(t->op == IR_const && t->cval == tr_small_new(3));
    begin(); /* 1 < None raises: stays, and the error is not left pending */
    t = after(pass_constfold, cmp(IR_compare, cv(tr_small_new(1)), cv(TR_NONE), TR_LT));
    CHECK(t->op == IR_compare && !tr_err_occurred());

    /* guard on true goes; branch on false keeps only the else arm */
    begin();
    IrBlock *yes = ir_block_new(fn, -1), *no = ir_block_new(fn, -1);
    op1(IR_guard, cb(true));
    branch(cb(false), yes, no);
    cur = yes;
    ret(ci(1));
    cur = no;
    t = after(pass_constfold, ci(2));
    CHECK(is_i(t, 2) && fn->nblocks == 2 && count_op(IR_guard) == 0 && count_op(IR_branch) == 0);
}

/* --- simplify --------------------------------------------------------------------------------- */

static void test_simplify(void)
{
    IrInstr *x, *y, *r;
    begin();
    x = int_arg(0);
    CHECK(after(pass_simplify, op2(IR_add_i64, ci(0), x)) == x);
    begin();
    x = int_arg(0);
    CHECK(after(pass_simplify, op2(IR_add_i64_ov, x, ci(0))) == x); /* x fits: no overflow */
    begin();
    x = op2(IR_add_i64, int_arg(0), int_arg(1)); /* may not fit a small int */
    CHECK(after(pass_simplify, op2(IR_add_i64_ov, x, ci(0)))->op == IR_add_i64_ov);
    begin();
    x = int_arg(0);
    CHECK(is_i(after(pass_simplify, op2(IR_mul_i64_ov, x, ci(0))), 0));
    begin();
    x = int_arg(0);
    r = after(pass_simplify, op2(IR_mul_i64, ci(8), x));
    CHECK(r->op == IR_shl_i64 && r->args[0] == x && is_i(r->args[1], 3));
    begin();
    x = int_arg(0);
    CHECK(after(pass_simplify, op2(IR_mul_i64_ov, x, ci(8)))->op == IR_mul_i64_ov);
    begin();
    x = int_arg(0);
    CHECK(after(pass_simplify, op2(IR_and_i64, x, ci(-1))) == x);
    begin();
    x = int_arg(0);
    CHECK(is_i(after(pass_simplify, op2(IR_xor_i64, x, x)), 0));
    begin();
    x = op1(IR_unbox_float, arg(0));
    CHECK(after(pass_simplify, op2(IR_add_f64, x, cf(0.0)))->op == IR_add_f64); /* -0.0 + 0.0 */
    begin();
    x = op1(IR_unbox_float, arg(0));
    CHECK(after(pass_simplify, op2(IR_add_f64, x, cf(-0.0))) == x);
    begin();
    x = op1(IR_unbox_float, arg(0));
    CHECK(after(pass_simplify, op2(IR_mul_f64, cf(1.0), x)) == x);
    begin();
    x = op2(IR_eq_word, arg(0), arg(1));
    CHECK(after(pass_simplify, op1(IR_not_b, op1(IR_not_b, x))) == x);
    begin();
    x = arg(0);
    CHECK(is_b(after(pass_simplify, op2(IR_eq_word, x, x)), true));
    begin();
    x = op2(IR_add_i64, int_arg(0), int_arg(1));
    CHECK(after(pass_simplify, op1(IR_untag_int, op1(IR_tag_int, x))) == x);
    begin();
    x = arg(0);
    CHECK(after(pass_simplify, op1(IR_tag_int, op1(IR_untag_int, x))) == x);
    begin();
    x = op1(IR_sqrt_f64, op1(IR_unbox_float, arg(0)));
    CHECK(after(pass_simplify, op1(IR_unbox_float, op1(IR_box_float, x))) == x);
    begin();
    x = arg(0);
    y = arg(1);
    CHECK(after(pass_simplify, op3(IR_select, cb(false), x, y)) == y);
    begin();
    x = op2(IR_eq_word, arg(0), arg(1));
    CHECK(after(pass_simplify, op1(IR_truth, op1(IR_bool_to_obj, x))) == x);
    begin(); /* check_bound of an argument goes */
    x = arg(0);
    CHECK(after(pass_simplify, op1(IR_check_bound, x)) == x);
    begin(); /* check_bound of a maybe-NULL value stays */
    CHECK(after(pass_simplify, op1(IR_check_bound, cv(0)))->op == IR_check_bound);

    /* branch (not_b c) -> t, f  is  branch c -> f, t */
    begin();
    IrBlock *t = ir_block_new(fn, -1), *f = ir_block_new(fn, -1);
    x = op2(IR_eq_word, arg(0), arg(1));
    branch(op1(IR_not_b, x), t, f);
    IrBlock *entry = cur;
    cur = t;
    ret(ci(1));
    cur = f;
    after(pass_simplify, ci(2));
    CHECK(entry->last->args[0] == x && entry->succ[0] == f && entry->succ[1] == t);
}

/* --- copyprop, dce ---------------------------------------------------------------------------- */

static void test_copyprop_dce(void)
{
    begin();
    IrInstr *x = int_arg(0);
    CHECK(after(pass_copyprop, op1(IR_copy, op1(IR_copy, x))) == x);

    /* a loop whose phi only ever holds x; and a phi cycle that feeds nothing but itself */
    begin();
    x = arg(0);
    IrInstr *zero = ci(0), *y = arg(1);
    IrBlock *h = ir_block_new(fn, -1), *exit = ir_block_new(fn, -1);
    jump(h);
    cur = h;
    IrInstr *p = ir_new(fn, IR_phi, 0, NULL), *q = ir_new(fn, IR_phi, 0, NULL);
    ir_append(h, p);
    ir_append(h, q);
    IrInstr *c = op2(IR_eq_word, p, y);
    IrInstr *inc = op2(IR_add_i64, q, ci(1));
    branch(c, exit, h);
    ir_phi_add(p, x);
    ir_phi_add(p, p);
    ir_phi_add(q, zero);
    ir_phi_add(q, inc);
    p->type = IT_T;
    q->type = IT_I;
    cur = exit;
    IrInstr *r = after(pass_copyprop, p);
    CHECK(r == x && c->args[0] == x);
    pass_dce(fn);
    CHECK(!ir_verify(fn) && count_op(IR_phi) == 0 && count_op(IR_add_i64) == 0);

    begin(); /* dce keeps guards, raising ops and what they need */
    x = int_arg(0);
    op2(IR_add_i64, x, x); /* unused: goes */
    op1(IR_guard, op2(IR_eq_word, arg(1), arg(2)));
    op1(IR_check_bound, arg(3)); /* unused but may raise */
    r = after(pass_dce, ci(0));
    CHECK(count_op(IR_add_i64) == 0 && count_op(IR_guard) == 1 && count_op(IR_eq_word) == 1 &&
          count_op(IR_check_bound) == 1 && count_op(IR_untag_int) == 0);
}

/* --- cse -------------------------------------------------------------------------------------- */

static void test_cse(void)
{
    begin();
    IrInstr *x = int_arg(0), *y = int_arg(1);
    IrInstr *a = op2(IR_add_i64, x, y);
    IrInstr *b = op2(IR_add_i64, x, y);
    IrInstr *r = after(pass_cse, op2(IR_sub_i64, a, b));
    CHECK(r->args[0] == a && r->args[1] == a);

    /* list_len merges only with no effect between */
    begin();
    IrInstr *l = arg(0);
    IrInstr *n1 = op1(IR_list_len, l), *n2 = op1(IR_list_len, l);
    op3(IR_list_set, l, ci(0), arg(1));
    IrInstr *n3 = op1(IR_list_len, l);
    r = after(pass_cse, op2(IR_add_i64, op2(IR_add_i64, n1, n2), n3));
    CHECK(r->args[0]->args[1] == n1 && r->args[1] == n3);

    /* a guard-only op or guard dominated by its twin cannot fail: it goes */
    begin();
    x = int_arg(0);
    IrInstr *c = op1(IR_is_small, arg(1));
    op1(IR_guard, c);
    a = op2(IR_add_i64_ov, x, x);
    op1(IR_guard, c);
    b = op2(IR_add_i64_ov, x, x);
    r = after(pass_cse, op2(IR_sub_i64, a, b));
    CHECK(r->args[1] == a && count_op(IR_guard) == 1 && count_op(IR_add_i64_ov) == 1);

    /* sibling blocks do not dominate each other: nothing merges there */
    begin();
    x = int_arg(0);
    IrBlock *t = ir_block_new(fn, -1), *f = ir_block_new(fn, -1), *j = ir_block_new(fn, -1);
    branch(op2(IR_eq_word, arg(1), arg(2)), t, f);
    cur = t;
    IrInstr *nt = op1(IR_neg_i64, x);
    jump(j);
    cur = f;
    IrInstr *nf = op1(IR_neg_i64, x);
    jump(j);
    cur = j;
    IrInstr *p = ir_new(fn, IR_phi, 0, NULL);
    ir_append(j, p);
    ir_phi_add(p, nt);
    ir_phi_add(p, nf);
    p->type = IT_I;
    after(pass_cse, op1(IR_neg_i64, x));
    CHECK(count_op(IR_neg_i64) == 3);
}

/* --- licm ------------------------------------------------------------------------------------- */

static void test_licm(void)
{
    /* entry branches to the loop or out: the header needs a preheader */
    begin();
    IrInstr *x = int_arg(0), *y = int_arg(1), *fl = arg(2);
    IrBlock *h = ir_block_new(fn, -1), *body = ir_block_new(fn, -1), *exit = ir_block_new(fn, -1);
    IrInstr *zero = ci(0);
    branch(op2(IR_eq_word, arg(3), arg(4)), h, exit);
    cur = h;
    IrInstr *i = ir_new(fn, IR_phi, 0, NULL);
    ir_append(h, i);
    IrInstr *c = cmp(IR_cmp_i64, i, x, TR_LT);
    branch(c, body, exit);
    cur = body;
    IrInstr *inv = op2(IR_mul_i64, x, y);       /* invariant: moves */
    IrInstr *inv2 = op2(IR_add_i64, inv, ci(1)); /* invariant once inv moved */
    IrInstr *unb = op1(IR_unbox_float, fl);      /* invariant, but may fault before a guard */
    IrInstr *next = op2(IR_add_i64, i, inv2);
    op1(IR_guard, op1(IR_is_float, fl));
    jump(h);
    ir_phi_add(i, zero);
    ir_phi_add(i, next);
    i->type = IT_I;
    cur = exit;
    after(pass_licm, ci(0));
    IrBlock *ph = inv->block;
    CHECK(ph != body && ph->nsucc == 1 && ph->succ[0] == h && inv2->block == ph);
    CHECK(unb->block == body && next->block == body);
    CHECK(h->loop_depth == 1 && body->loop_depth == 1 && ph->loop_depth == 0 &&
          exit->loop_depth == 0);
    CHECK(h->npreds == 2 && i->args[0] == zero);
}

int main(int argc, char **argv)
{
    tr_runtime_init(argc, argv);
    arena_init(&arena);
    test_constfold();
    test_simplify();
    test_copyprop_dce();
    test_cse();
    test_licm();
    return failures != 0;
}
