/*
 * ranges.c -- range facts: an interval [lo, hi] for every int64 value, from constants, the
 * operations that make it, induction variables of loops and the comparisons already passed
 * (the branch into a block, an earlier guard), plus "a < b" facts between values. With them it
 * deletes cmp_i64 guards that cannot fail (bounds checks), turns _ov arithmetic that cannot
 * overflow into the wrapping ops, and forwards identities the intervals show (x ^ s, x - s with
 * s known 0: the sign of a positive range step). Runs after licm (lengths hoisted, so that the
 * `i < len` of a loop over range(len(a)) compares the loop's own bound); dce then removes the
 * comparisons left unused.
 */
#include "ir/passes/passes.h"
#include "ir/passes/pass_util.h"
#include "runtime/object.h"

#include <string.h>

typedef struct Rng {
    int64_t lo, hi;
} Rng;

typedef struct Undo {
    int id;
    Rng old;
} Undo;

typedef struct Fact { /* a < b (strict) or a <= b; a and b are roots (see root()) */
    IrInstr *a, *b;
    bool strict;
} Fact;

enum { IV_NONE, IV_ASSUMED, IV_FAILED };

typedef struct Ctx {
    IrFunc *fn;
    PuDom dom;
    int n;
    Rng *r;            /* by value id: the interval known where the walk is */
    IrInstr **alias;   /* by value id: an equal value, or NULL */
    uint8_t *iv;       /* by value id: induction assumption on a loop header phi */
    bool *seen;        /* by value id: interval computed */
    bool *was_ov;      /* by value id: an _ov op made wrapping by this run */
    Undo *undo;
    int nundo;
    Fact *facts;
    int nfacts;
    bool retry;        /* an induction assumption failed: the walk must run again */
    bool apply;        /* the last walk: change the IR */
    PuFwd fwd;
} Ctx;

static const Rng FULL = {INT64_MIN, INT64_MAX};
static const Rng SMALL = {TR_SMALL_MIN, TR_SMALL_MAX};

static Rng rng(int64_t lo, int64_t hi) { return (Rng){lo, hi}; }
static int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }
static int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }

static IrInstr *root(const Ctx *c, IrInstr *v)
{
    while (v->id < c->n && c->alias[v->id])
        v = c->alias[v->id];
    return v;
}

static Rng get(const Ctx *c, IrInstr *v)
{
    v = root(c, v);
    if (v->op == IR_const_i64)
        return rng(v->imm, v->imm);
    if (v->type != IT_I || v->id >= c->n || !c->seen[v->id])
        return FULL;
    return c->r[v->id];
}

/* Narrows v's interval for the rest of the current dominator subtree. */
static void narrow(Ctx *c, IrInstr *v, Rng n)
{
    v = root(c, v);
    if (v->type != IT_I || v->id >= c->n || !c->seen[v->id])
        return;
    Rng o = c->r[v->id];
    n.lo = max64(n.lo, o.lo);
    n.hi = min64(n.hi, o.hi);
    if (n.lo > n.hi || (n.lo == o.lo && n.hi == o.hi))
        return; /* empty: the code is unreachable; nothing to gain */
    c->undo[c->nundo++] = (Undo){v->id, o};
    c->r[v->id] = n;
}

/* --- Interval arithmetic ---------------------------------------------------------------------- */

/* Saturating arithmetic on bounds: the exact result lies between the saturated ones. */
static int64_t sat(bool ovf, int64_t r, bool neg)
{
    return ovf ? (neg ? INT64_MIN : INT64_MAX) : r;
}
static int64_t sat_add(int64_t a, int64_t b, bool *o)
{
    int64_t r;
    bool v = __builtin_add_overflow(a, b, &r);
    *o |= v;
    return sat(v, r, b < 0);
}
static int64_t sat_sub(int64_t a, int64_t b, bool *o)
{
    int64_t r;
    bool v = __builtin_sub_overflow(a, b, &r);
    *o |= v;
    return sat(v, r, b > 0);
}
static int64_t sat_mul(int64_t a, int64_t b, bool *o)
{
    int64_t r;
    bool v = __builtin_mul_overflow(a, b, &r);
    *o |= v;
    return sat(v, r, (a < 0) != (b < 0));
}

/* a + b, a - b, a * b: false when a bound left int64 (then *out saturates, as a bound of the
   exact result). */
static bool add_rng(Rng a, Rng b, Rng *out)
{
    bool o = false;
    *out = (Rng){sat_add(a.lo, b.lo, &o), sat_add(a.hi, b.hi, &o)};
    return !o;
}

static bool sub_rng(Rng a, Rng b, Rng *out)
{
    bool o = false;
    *out = (Rng){sat_sub(a.lo, b.hi, &o), sat_sub(a.hi, b.lo, &o)};
    return !o;
}

static bool mul_rng(Rng a, Rng b, Rng *out)
{
    bool o = false;
    int64_t p[4] = {sat_mul(a.lo, b.lo, &o), sat_mul(a.lo, b.hi, &o), sat_mul(a.hi, b.lo, &o),
                    sat_mul(a.hi, b.hi, &o)};
    *out = (Rng){min64(min64(p[0], p[1]), min64(p[2], p[3])),
                 max64(max64(p[0], p[1]), max64(p[2], p[3]))};
    return !o;
}

static bool is_zero(Rng a) { return a.lo == 0 && a.hi == 0; }
static bool inside(Rng a, Rng b) { return a.lo >= b.lo && a.hi <= b.hi; }

/* Every bit below the highest set bit of x >= 0. */
static int64_t ones_to(int64_t x)
{
    uint64_t m = (uint64_t)x;
    for (int s = 1; s < 64; s *= 2)
        m |= m >> s;
    return (int64_t)m;
}

/* --- Comparisons ------------------------------------------------------------------------------ */

/* Whether a < b (strict) or a <= b holds by intervals alone or by a fact in scope. */
static bool direct_lt(const Ctx *c, IrInstr *a, IrInstr *b, bool strict)
{
    Rng ra = get(c, a), rb = get(c, b);
    if (strict ? ra.hi < rb.lo : ra.hi <= rb.lo)
        return true;
    if (a == b)
        return !strict;
    for (int k = c->nfacts; k-- > 0;)
        if (c->facts[k].a == a && c->facts[k].b == b && (c->facts[k].strict || !strict))
            return true;
    return false;
}

/* Same, also through one intermediate value: a < m (a fact) and m <= b. */
static bool prove_lt(const Ctx *c, IrInstr *a, IrInstr *b, bool strict)
{
    a = root(c, a);
    b = root(c, b);
    if (direct_lt(c, a, b, strict))
        return true;
    for (int k = c->nfacts; k-- > 0;) {
        const Fact *f = &c->facts[k];
        if (f->a == a && f->b != b && direct_lt(c, f->b, b, strict && !f->strict))
            return true;
    }
    return false;
}

/* cmp_i64 a, b (op): 1 always true, 0 always false, -1 unknown. */
static int eval_cmp(const Ctx *c, IrInstr *a, IrInstr *b, int op)
{
    switch (op) {
    case TR_LT: return prove_lt(c, a, b, true) ? 1 : prove_lt(c, b, a, false) ? 0 : -1;
    case TR_LE: return prove_lt(c, a, b, false) ? 1 : prove_lt(c, b, a, true) ? 0 : -1;
    case TR_GT: return eval_cmp(c, b, a, TR_LT);
    case TR_GE: return eval_cmp(c, b, a, TR_LE);
    case TR_EQ: case TR_NE: {
        Rng ra = get(c, a), rb = get(c, b);
        int r = -1;
        if (root(c, a) == root(c, b) || (ra.lo == ra.hi && rb.lo == rb.hi && ra.lo == rb.lo))
            r = 1;
        else if (ra.hi < rb.lo || rb.hi < ra.lo)
            r = 0;
        return r < 0 || op == TR_EQ ? r : !r;
    }
    default: return -1;
    }
}

static int negate(int op)
{
    static const int neg[] = {[TR_LT] = TR_GE, [TR_LE] = TR_GT, [TR_EQ] = TR_NE,
                              [TR_NE] = TR_EQ, [TR_GT] = TR_LE, [TR_GE] = TR_LT};
    return neg[op];
}

static void add_fact(Ctx *c, IrInstr *a, IrInstr *b, bool strict)
{
    c->facts[c->nfacts++] = (Fact){root(c, a), root(c, b), strict};
}

/* Records that a op b holds from here on (in the current dominator subtree). */
static void assume(Ctx *c, IrInstr *a, IrInstr *b, int op, int depth)
{
    Rng ra = get(c, a), rb = get(c, b), d;
    switch (op) {
    case TR_GT: assume(c, b, a, TR_LT, depth); return;
    case TR_GE: assume(c, b, a, TR_LE, depth); return;
    case TR_LT: case TR_LE: {
        int64_t k = op == TR_LT; /* a <= b - k */
        if (rb.hi >= INT64_MIN + k)
            narrow(c, a, rng(INT64_MIN, rb.hi - k));
        if (ra.lo <= INT64_MAX - k)
            narrow(c, b, rng(ra.lo + k, INT64_MAX));
        add_fact(c, a, b, op == TR_LT);
        break;
    }
    case TR_EQ:
        narrow(c, a, rb);
        narrow(c, b, ra);
        add_fact(c, a, b, false);
        add_fact(c, b, a, false);
        break;
    case TR_NE:
        if (rb.lo == rb.hi && ra.lo == rb.lo && ra.lo < INT64_MAX)
            narrow(c, a, rng(ra.lo + 1, ra.hi));
        else if (rb.lo == rb.hi && ra.hi == rb.lo && ra.hi > INT64_MIN)
            narrow(c, a, rng(ra.lo, ra.hi - 1));
        break;
    default: return;
    }
    /* (x - y) op 0 with no wrap-around is x op y: how counted loops with a step of unknown
       sign test their end (once the sign is known 0) */
    IrInstr *s = root(c, a);
    if (depth == 0 && s->op == IR_sub_i64 && is_zero(get(c, b)) &&
        sub_rng(get(c, s->args[0]), get(c, s->args[1]), &d))
        assume(c, s->args[0], s->args[1], op, 1);
}

/* cond (a B value) is known to be `truth` from here on. */
static void assume_cond(Ctx *c, IrInstr *cond, bool truth)
{
    if (cond->op == IR_not_b) {
        assume_cond(c, cond->args[0], !truth);
        return;
    }
    if (cond->op != IR_cmp_i64 || cond->imm < TR_LT || cond->imm > TR_GE)
        return;
    assume(c, cond->args[0], cond->args[1], truth ? (int)cond->imm : negate((int)cond->imm), 0);
}

/* --- Values ----------------------------------------------------------------------------------- */

/* For a loop header phi p whose back-edge operands all step it by x = p +/- s, s of one sign:
   +1 (never decreases), -1 (never increases), 0 otherwise. The step s must be known already. */
static int iv_direction(const Ctx *c, IrInstr *p)
{
    IrBlock *h = p->block;
    int dir = 0;
    bool back = false;
    for (int k = 0; k < p->nargs; k++) {
        if (!pu_dominates(&c->dom, h->id, h->preds[k]->id))
            continue;
        back = true;
        IrInstr *x = root(c, p->args[k]);
        if (x == p)
            continue;
        bool add = x->op == IR_add_i64 || x->op == IR_add_i64_ov;
        bool sub = x->op == IR_sub_i64 || x->op == IR_sub_i64_ov;
        IrInstr *st = root(c, x->args[1]);
        if ((!add && !sub) || root(c, x->args[0]) != p ||
            (st->op != IR_const_i64 && (st->id >= c->n || !c->seen[st->id])))
            return 0;
        Rng s = get(c, x->args[1]);
        int d = s.lo >= 0 ? 1 : s.hi <= 0 ? -1 : 0;
        if (sub)
            d = -d;
        if (d == 0 || (dir && d != dir))
            return 0;
        dir = d;
    }
    return back ? (dir ? dir : 2) : 0; /* 2: every back edge carries p itself */
}

/* A bound (hi when up, else lo) on every value loop header phi p receives over its back edges
   from the branches taking them: `while i < n: i += 1` rotated ends in `branch i' < n` back to
   the header, so i' <= hi(n) - 1 there. n must be known already (defined before the loop). */
static bool edge_bound(const Ctx *c, IrInstr *p, bool up, Rng *out)
{
    IrBlock *h = p->block;
    *out = rng(INT64_MAX, INT64_MIN);
    for (int k = 0; k < p->nargs; k++) {
        IrBlock *l = h->preds[k];
        IrInstr *x = root(c, p->args[k]), *br = l->last;
        if (!pu_dominates(&c->dom, h->id, l->id) || x == p)
            continue;
        if (br->op != IR_branch || l->succ[0] == l->succ[1] || br->args[0]->op != IR_cmp_i64)
            return false;
        IrInstr *cmp = br->args[0], *y;
        int op = l->succ[0] == h ? (int)cmp->imm : negate((int)cmp->imm);
        if (root(c, cmp->args[0]) == x) {
            y = root(c, cmp->args[1]);
        } else if (root(c, cmp->args[1]) == x) {
            y = root(c, cmp->args[0]);
            op = op == TR_LT ? TR_GT : op == TR_LE ? TR_GE : op == TR_GT ? TR_LT
                 : op == TR_GE ? TR_LE : op;
        } else {
            return false;
        }
        if (y->op != IR_const_i64 && (y->id >= c->n || !c->seen[y->id]))
            return false;
        Rng ry = get(c, y);
        if (up && op == TR_LT && ry.hi > INT64_MIN)
            out->hi = max64(out->hi, ry.hi - 1);
        else if (up && (op == TR_LE || op == TR_EQ))
            out->hi = max64(out->hi, ry.hi);
        else if (!up && op == TR_GT && ry.lo < INT64_MAX)
            out->lo = min64(out->lo, ry.lo + 1);
        else if (!up && (op == TR_GE || op == TR_EQ))
            out->lo = min64(out->lo, ry.lo);
        else
            return false;
    }
    return true;
}

static Rng phi_range(Ctx *c, IrInstr *p)
{
    IrBlock *h = p->block;
    int dir = c->iv[p->id] == IV_FAILED ? 0 : iv_direction(c, p);
    Rng u = {INT64_MAX, INT64_MIN};
    bool loop = false, wraps = false;
    for (int k = 0; k < p->nargs; k++) {
        if (pu_dominates(&c->dom, h->id, h->preds[k]->id)) {
            loop = true;
            IrInstr *x = root(c, p->args[k]);
            wraps |= x->op == IR_add_i64 || x->op == IR_sub_i64;
            continue;
        }
        Rng a = get(c, p->args[k]);
        u.lo = min64(u.lo, a.lo);
        u.hi = max64(u.hi, a.hi);
    }
    if (!loop)
        return u;
    if (dir == 0)
        return FULL;
    c->iv[p->id] = IV_ASSUMED;
    if (dir == 2)
        return u;
    /* the steps of _ov ops stay small (else the loop deoptimizes); wrapping ones are checked
       at each back edge (check_steps) */
    Rng e;
    if (dir > 0) {
        if (edge_bound(c, p, true, &e))
            return rng(u.lo, max64(u.hi, e.hi));
        return rng(u.lo, wraps ? INT64_MAX : max64(u.hi, TR_SMALL_MAX));
    }
    if (edge_bound(c, p, false, &e))
        return rng(min64(u.lo, e.lo), u.hi);
    return rng(wraps ? INT64_MIN : min64(u.lo, TR_SMALL_MIN), u.hi);
}

/* At the end of latch b: the wrapping steps of induction phis of the loop b closes must not
   wrap with what is known here (by induction, the phi's assumed bound then holds). */
static void check_steps(Ctx *c, IrBlock *b)
{
    for (int s = 0; s < b->nsucc; s++) {
        IrBlock *h = b->succ[s];
        if (!pu_dominates(&c->dom, h->id, b->id))
            continue;
        for (IrInstr *p = h->first; p && p->op == IR_phi; p = p->next) {
            if (p->type != IT_I || c->iv[p->id] != IV_ASSUMED)
                continue;
            for (int k = 0; k < h->npreds; k++) {
                IrInstr *x = root(c, p->args[k]);
                if (h->preds[k] != b || x == p || c->was_ov[x->id] ||
                    (x->op != IR_add_i64 && x->op != IR_sub_i64))
                    continue;
                Rng rp = get(c, p), rs = get(c, x->args[1]), out;
                bool ok = x->op == IR_add_i64 ? add_rng(rp, rs, &out) : sub_rng(rp, rs, &out);
                if (!ok) {
                    c->iv[p->id] = IV_FAILED;
                    c->retry = true;
                }
            }
        }
    }
}

/* The interval of i64 instruction i where it is defined; may set an alias. */
static Rng compute(Ctx *c, IrInstr *i)
{
    Rng a = i->nargs > 0 ? get(c, i->args[0]) : FULL, b = i->nargs > 1 ? get(c, i->args[1]) : FULL;
    Rng o;
    switch (i->op) {
    case IR_const_i64: return rng(i->imm, i->imm);
    case IR_untag_int: return SMALL;
    case IR_list_len: case IR_tuple_len: return rng(0, TR_SMALL_MAX);
    case IR_phi: return phi_range(c, i);
    case IR_copy: c->alias[i->id] = root(c, i->args[0]); return a;
    case IR_add_i64: case IR_add_i64_ov: case IR_sub_i64: case IR_sub_i64_ov:
        if (is_zero(b) || (is_zero(a) && (i->op == IR_add_i64 || i->op == IR_add_i64_ov))) {
            IrInstr *x = root(c, i->args[is_zero(b) ? 0 : 1]);
            if (i->op == IR_add_i64 || i->op == IR_sub_i64 || pu_fits_small(x) ||
                inside(get(c, x), SMALL)) {
                c->alias[i->id] = x;
                return get(c, x);
            }
        }
        /* fallthrough */
    case IR_mul_i64: case IR_mul_i64_ov: {
        bool ok = i->op == IR_add_i64 || i->op == IR_add_i64_ov   ? add_rng(a, b, &o)
                  : i->op == IR_sub_i64 || i->op == IR_sub_i64_ov ? sub_rng(a, b, &o)
                                                                  : mul_rng(a, b, &o);
        if (i->op == IR_add_i64 || i->op == IR_sub_i64 || i->op == IR_mul_i64)
            return ok ? o : FULL;
        if (ok && inside(o, SMALL)) {
            if (c->apply) { /* cannot overflow: no check */
                i->op = i->op == IR_add_i64_ov ? IR_add_i64
                        : i->op == IR_sub_i64_ov ? IR_sub_i64 : IR_mul_i64;
                i->fs = NULL;
                c->was_ov[i->id] = true;
            }
            return o;
        }
        /* else the op deoptimizes outside small ints */
        o = rng(max64(o.lo, SMALL.lo), min64(o.hi, SMALL.hi));
        return o.lo <= o.hi ? o : SMALL;
    }
    case IR_and_i64:
        if (a.lo >= 0 || b.lo >= 0)
            return rng(0, a.lo >= 0 && b.lo >= 0 ? min64(a.hi, b.hi) : a.lo >= 0 ? a.hi : b.hi);
        return FULL;
    case IR_or_i64: case IR_xor_i64:
        if (is_zero(a) || is_zero(b)) {
            c->alias[i->id] = root(c, i->args[is_zero(b) ? 0 : 1]);
            return is_zero(b) ? a : b;
        }
        if (a.lo >= 0 && b.lo >= 0)
            return rng(i->op == IR_or_i64 ? max64(a.lo, b.lo) : 0, ones_to(max64(a.hi, b.hi)));
        return FULL;
    case IR_sar_i64:
        if (b.lo == b.hi && b.lo >= 0 && b.lo <= 63)
            return rng(a.lo >> b.lo, a.hi >> b.lo);
        return FULL;
    case IR_neg_i64:
        return a.lo > INT64_MIN ? rng(-a.hi, -a.lo) : FULL;
    case IR_mod_i64: /* Python %: the sign of the divisor */
        if (b.lo >= 1)
            return rng(0, b.hi - 1);
        if (b.hi <= -1)
            return rng(b.lo + 1, 0);
        return FULL;
    case IR_floordiv_i64:
        if (a.lo >= 0 && b.lo >= 1)
            return rng(a.lo / b.hi, a.hi / b.lo);
        return FULL;
    default:
        return FULL;
    }
}

/* --- The walk --------------------------------------------------------------------------------- */

static void visit(Ctx *c, IrBlock *b)
{
    /* the branch that leads here, when it is the only way in */
    if (b->npreds == 1) {
        IrBlock *p = b->preds[0];
        if (p->nsucc == 2 && p->succ[0] != p->succ[1] && p->last->op == IR_branch)
            assume_cond(c, p->last->args[0], p->succ[0] == b);
    }
    IrInstr *next;
    for (IrInstr *i = b->first; i; i = next) {
        next = i->next;
        if (c->apply && i->op != IR_phi)
            pu_resolve_args(&c->fwd, i);
        if (i->type == IT_I && i->id < c->n) {
            c->alias[i->id] = NULL;
            c->r[i->id] = compute(c, i);
            c->seen[i->id] = true;
            if (c->apply && c->alias[i->id] && i->op != IR_phi)
                pu_forward(&c->fwd, i, c->alias[i->id]);
        } else if (i->op == IR_guard) {
            /* the facts the guard gives are recorded in both walks, so that they match */
            IrInstr *g = i->args[0];
            bool redundant = g->op == IR_cmp_i64 &&
                             eval_cmp(c, g->args[0], g->args[1], (int)g->imm) == 1;
            assume_cond(c, g, true);
            if (c->apply && redundant)
                ir_remove(i);
        }
    }
    check_steps(c, b);
}

static void walk(Ctx *c)
{
    IrFunc *fn = c->fn;
    PuDom *d = &c->dom;
    memset(c->seen, 0, sizeof(bool) * (size_t)c->n);
    c->nundo = c->nfacts = 0;
    c->retry = false;
    int *stack = ARENA_ARRAY(fn->arena, int, fn->nblocks + 1);
    int *next_kid = ARENA_ARRAY(fn->arena, int, fn->nblocks + 1);
    int *mundo = ARENA_ARRAY(fn->arena, int, fn->nblocks + 1);
    int *mfact = ARENA_ARRAY(fn->arena, int, fn->nblocks + 1);
    int sp = 0;
    stack[sp++] = 0;
    mundo[0] = mfact[0] = 0;
    visit(c, fn->blocks[0]);
    next_kid[0] = d->kid0[0];
    while (sp) {
        int b = stack[sp - 1];
        if (next_kid[b] < d->kid0[b + 1]) {
            int k = d->kids[next_kid[b]++];
            mundo[k] = c->nundo;
            mfact[k] = c->nfacts;
            visit(c, fn->blocks[k]);
            next_kid[k] = d->kid0[k];
            stack[sp++] = k;
            continue;
        }
        while (c->nundo > mundo[b]) {
            Undo *u = &c->undo[--c->nundo];
            c->r[u->id] = u->old;
        }
        c->nfacts = mfact[b];
        sp--;
    }
}

void pass_ranges(IrFunc *fn)
{
    ir_order(fn);
    Ctx c = {0};
    c.fn = fn;
    c.n = fn->nvalues;
    pu_dom(fn, &c.dom);
    int ninstr = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next)
            ninstr++;
    Arena *a = fn->arena;
    c.r = ARENA_ARRAY(a, Rng, c.n + 1);
    c.alias = ARENA_ARRAY(a, IrInstr *, c.n + 1);
    c.iv = ARENA_ARRAY(a, uint8_t, c.n + 1);
    c.seen = ARENA_ARRAY(a, bool, c.n + 1);
    c.was_ov = ARENA_ARRAY(a, bool, c.n + 1);
    /* each instruction narrows at most 4 intervals and adds at most 3 facts; each edge 4 and 3 */
    c.undo = ARENA_ARRAY(a, Undo, 4 * (ninstr + fn->nblocks) + 8);
    c.facts = ARENA_ARRAY(a, Fact, 3 * (ninstr + fn->nblocks) + 8);
    /* induction assumptions that fail are dropped and the walk redone; each retry drops one */
    int tries = 0;
    do {
        walk(&c);
    } while (c.retry && ++tries < 8);
    if (c.retry) /* give up on loops: no induction variables */
        for (int k = 0; k < c.n; k++)
            c.iv[k] = IV_FAILED;
    c.apply = true;
    pu_fwd_init(&c.fwd, fn);
    walk(&c);
    pu_fwd_apply(&c.fwd);
}
