/*
 * compile_pattern.c -- the match statement (PEP 634) with CPython 3.11's MATCH_* opcodes.
 * Each pattern routine consumes the subject on top of the stack and jumps to a "fail_pop"
 * block on no match; captured values stay on the stack (under on_top working items) until
 * the whole pattern has matched, then are stored in order, as CPython does.
 */
#include "bytecode/compile_internal.h"

#include "runtime/runtime.h"

#include <string.h>

typedef struct PatternCtx {
    const char **stores; /* names captured so far, in stack order */
    int nstores, capstores;
    bool allow_irrefutable;
    Block **fail_pop;
    int fail_pop_size;
    int on_top; /* working items above the captures */
} PatternCtx;

#define WILDCARD_CHECK(n) ((n)->kind == AST_MatchAs && !(n)->u.MatchAs.name)
#define WILDCARD_STAR_CHECK(n) ((n)->kind == AST_MatchStar && !(n)->u.MatchStar.name)

static bool pattern(Compiler *c, Node *p, PatternCtx *pc);

static void ensure_fail_pop(Compiler *c, PatternCtx *pc, int n)
{
    int size = n + 1;
    if (size <= pc->fail_pop_size)
        return;
    Block **nb = ARENA_ARRAY(c->a, Block *, size);
    if (pc->fail_pop_size)
        memcpy(nb, pc->fail_pop, sizeof(Block *) * (size_t)pc->fail_pop_size);
    pc->fail_pop = nb;
    while (pc->fail_pop_size < size)
        pc->fail_pop[pc->fail_pop_size++] = cc_new_block(c);
}

static void jump_to_fail_pop(Compiler *c, PatternCtx *pc, int op)
{
    int pops = pc->on_top + pc->nstores;
    ensure_fail_pop(c, pc, pops);
    cc_jump(c, op, pc->fail_pop[pops]);
}

static void emit_and_reset_fail_pop(Compiler *c, PatternCtx *pc)
{
    if (!pc->fail_pop_size)
        return;
    while (--pc->fail_pop_size) {
        cc_use_block(c, pc->fail_pop[pc->fail_pop_size]);
        cc_emit(c, OP_POP_TOP, 0);
    }
    cc_use_block(c, pc->fail_pop[0]);
    pc->fail_pop = NULL;
}

static void rotate(Compiler *c, int count)
{
    while (1 < count)
        cc_emit(c, OP_SWAP, count--);
}

static int store_index(PatternCtx *pc, const char *name)
{
    for (int i = 0; i < pc->nstores; i++)
        if (strcmp(pc->stores[i], name) == 0)
            return i;
    return -1;
}

static void stores_insert(Compiler *c, PatternCtx *pc, int at, const char *name)
{
    if (pc->nstores == pc->capstores) {
        int nc = pc->capstores ? pc->capstores * 2 : 8;
        const char **n = ARENA_ARRAY(c->a, const char *, nc);
        if (pc->nstores)
            memcpy(n, pc->stores, sizeof(char *) * (size_t)pc->nstores);
        pc->stores = n;
        pc->capstores = nc;
    }
    memmove(&pc->stores[at + 1], &pc->stores[at], sizeof(char *) * (size_t)(pc->nstores - at));
    pc->stores[at] = name;
    pc->nstores++;
}

static bool dup_store_error(Compiler *c, const char *name)
{
    return cc_error(c, "multiple assignments to name '%s' in pattern", name);
}

static bool store_name(Compiler *c, const char *name, PatternCtx *pc)
{
    if (!name) {
        cc_emit(c, OP_POP_TOP, 0);
        return true;
    }
    if (store_index(pc, name) >= 0)
        return dup_store_error(c, name);
    rotate(c, pc->on_top + pc->nstores + 1);
    stores_insert(c, pc, pc->nstores, name);
    return true;
}

static bool subpattern(Compiler *c, Node *p, PatternCtx *pc)
{
    bool allow = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    if (!pattern(c, p, pc))
        return false;
    pc->allow_irrefutable = allow;
    return true;
}

static bool sequence_unpack(Compiler *c, NodeList *pats, PatternCtx *pc)
{
    int n = pats->len;
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        Node *elt = pats->items[i];
        if (elt->kind == AST_MatchStar && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 16))
                return cc_error(c, "too many expressions in star-unpacking sequence pattern");
            cc_emit(c, OP_UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = true;
        } else if (elt->kind == AST_MatchStar) {
            return cc_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star)
        cc_emit(c, OP_UNPACK_SEQUENCE, n);
    pc->on_top += n;
    for (int i = 0; i < n; i++) {
        pc->on_top--;
        if (!subpattern(c, pats->items[i], pc))
            return false;
    }
    return true;
}

/* [first, *_, last]: index instead of unpacking */
static bool sequence_subscr(Compiler *c, NodeList *pats, int star, PatternCtx *pc)
{
    pc->on_top++;
    int size = pats->len;
    for (int i = 0; i < size; i++) {
        Node *p = pats->items[i];
        if (WILDCARD_CHECK(p) || i == star)
            continue;
        cc_emit(c, OP_COPY, 1);
        if (i < star) {
            cc_load_const(c, tr_small_new(i));
        } else {
            cc_emit(c, OP_GET_LEN, 0);
            cc_load_const(c, tr_small_new(size - i));
            cc_emit(c, OP_BINARY_OP, TR_OP_SUB);
        }
        cc_emit(c, OP_BINARY_SUBSCR, 0);
        if (!subpattern(c, p, pc))
            return false;
    }
    pc->on_top--;
    cc_emit(c, OP_POP_TOP, 0);
    return true;
}

static bool pattern_as(Compiler *c, Node *p, PatternCtx *pc)
{
    const char *name = p->u.MatchAs.name;
    if (!p->u.MatchAs.pattern) {
        if (!pc->allow_irrefutable) {
            if (name)
                return cc_error(c, "name capture '%s' makes remaining patterns unreachable", name);
            return cc_error(c, "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, name, pc);
    }
    pc->on_top++;
    cc_emit(c, OP_COPY, 1);
    if (!pattern(c, p->u.MatchAs.pattern, pc))
        return false;
    pc->on_top--;
    return store_name(c, name, pc);
}

static bool pattern_class(Compiler *c, Node *p, PatternCtx *pc)
{
    NodeList *pats = &p->u.MatchClass.patterns, *kwp = &p->u.MatchClass.kwd_patterns;
    const char **attrs = p->u.MatchClass.kwd_attrs;
    int nargs = pats->len, nattrs = kwp->len;
    if (nattrs) {
        for (int i = 0; i < nattrs; i++)
            for (int j = i + 1; j < nattrs; j++)
                if (strcmp(attrs[i], attrs[j]) == 0) {
                    cc_set_loc(c, kwp->items[j]);
                    return cc_error(c, "attribute name repeated in class pattern: %s", attrs[i]);
                }
        cc_set_loc(c, p);
    }
    if (!cc_expr(c, p->u.MatchClass.cls))
        return false;
    TrValue names = tr_tuple_new(nattrs);
    for (int i = 0; i < nattrs; i++)
        tr_as_tuple(names)->items[i] = cc_str(attrs[i]);
    cc_load_const(c, names);
    cc_emit(c, OP_MATCH_CLASS, nargs);
    cc_emit(c, OP_COPY, 1);
    cc_load_const(c, TR_NONE);
    cc_emit(c, OP_IS_OP, 1);
    pc->on_top++;
    jump_to_fail_pop(c, pc, PS_POP_JUMP_IF_FALSE);
    cc_emit(c, OP_UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        Node *sub = i < nargs ? pats->items[i] : kwp->items[i - nargs];
        if (WILDCARD_CHECK(sub)) {
            cc_emit(c, OP_POP_TOP, 0);
            continue;
        }
        if (!subpattern(c, sub, pc))
            return false;
    }
    return true;
}

static bool pattern_mapping(Compiler *c, Node *p, PatternCtx *pc)
{
    NodeList *keys = &p->u.MatchMapping.keys, *pats = &p->u.MatchMapping.patterns;
    int size = keys->len;
    const char *star = p->u.MatchMapping.rest;
    pc->on_top++;
    cc_emit(c, OP_MATCH_MAPPING, 0);
    jump_to_fail_pop(c, pc, PS_POP_JUMP_IF_FALSE);
    if (!size && !star) {
        pc->on_top--;
        cc_emit(c, OP_POP_TOP, 0);
        return true;
    }
    if (size) {
        cc_emit(c, OP_GET_LEN, 0);
        cc_load_const(c, tr_small_new(size));
        cc_emit(c, OP_COMPARE_OP, TR_GE);
        jump_to_fail_pop(c, pc, PS_POP_JUMP_IF_FALSE);
    }
    for (int i = 0; i < size; i++) {
        Node *key = keys->items[i];
        if (key->kind == AST_Constant) {
            for (int j = 0; j < i; j++) {
                Node *k2 = keys->items[j];
                if (k2->kind == AST_Constant &&
                    tr_richcmp_bool(k2->u.Constant.value, key->u.Constant.value, TR_EQ) == 1) {
                    TrValue r = tr_repr(key->u.Constant.value);
                    return cc_error(c, "mapping pattern checks duplicate key (%s)",
                                    r ? tr_str_utf8(r) : "?");
                }
            }
        } else if (key->kind != AST_Attribute) {
            return cc_error(c, "mapping pattern keys may only match literals and attribute "
                               "lookups");
        }
        if (!cc_expr(c, key))
            return false;
    }
    cc_emit(c, OP_BUILD_TUPLE, size);
    cc_emit(c, OP_MATCH_KEYS, 0);
    pc->on_top += 2;
    cc_emit(c, OP_COPY, 1);
    cc_load_const(c, TR_NONE);
    cc_emit(c, OP_IS_OP, 1);
    jump_to_fail_pop(c, pc, PS_POP_JUMP_IF_FALSE);
    cc_emit(c, OP_UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        if (!subpattern(c, pats->items[i], pc))
            return false;
    }
    pc->on_top -= 2;
    if (star) {
        cc_emit(c, OP_BUILD_MAP, 0);
        cc_emit(c, OP_SWAP, 3);
        cc_emit(c, OP_DICT_UPDATE, 2);
        cc_emit(c, OP_UNPACK_SEQUENCE, size);
        while (size) {
            cc_emit(c, OP_COPY, 1 + size--);
            cc_emit(c, OP_SWAP, 2);
            cc_emit(c, OP_DELETE_SUBSCR, 0);
        }
        return store_name(c, star, pc);
    }
    cc_emit(c, OP_POP_TOP, 0);
    cc_emit(c, OP_POP_TOP, 0);
    return true;
}

static bool pattern_or(Compiler *c, Node *p, PatternCtx *pc)
{
    Block *end = cc_new_block(c);
    NodeList *alts = &p->u.MatchOr.patterns;
    PatternCtx old = *pc;
    const char **control = NULL;
    int ncontrol = 0;
    for (int i = 0; i < alts->len; i++) {
        Node *alt = alts->items[i];
        cc_set_loc(c, alt);
        pc->stores = NULL;
        pc->nstores = pc->capstores = 0;
        pc->allow_irrefutable = i == alts->len - 1 && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        cc_emit(c, OP_COPY, 1);
        if (!pattern(c, alt, pc))
            return false;
        int n = pc->nstores;
        if (i == 0) {
            control = pc->stores;
            ncontrol = n;
        } else if (n != ncontrol) {
            return cc_error(c, "alternative patterns bind different names");
        } else if (n) {
            for (int ic = n - 1; ic >= 0; ic--) {
                int is = store_index(pc, control[ic]);
                if (is < 0)
                    return cc_error(c, "alternative patterns bind different names");
                if (ic != is) {
                    /* rotated = stores[:is+1]; del stores[:is+1];
                       stores[ic-is:ic-is] = rotated -- and the same on the stack */
                    int rotations = is + 1;
                    const char **rot = ARENA_ARRAY(c->a, const char *, rotations);
                    memcpy(rot, pc->stores, sizeof(char *) * (size_t)rotations);
                    memmove(pc->stores, pc->stores + rotations,
                            sizeof(char *) * (size_t)(pc->nstores - rotations));
                    int rest = pc->nstores - rotations, at = ic - is;
                    memmove(pc->stores + at + rotations, pc->stores + at,
                            sizeof(char *) * (size_t)(rest - at));
                    memcpy(pc->stores + at, rot, sizeof(char *) * (size_t)rotations);
                    while (rotations--)
                        rotate(c, ic + 1);
                }
            }
        }
        cc_jump(c, PS_JUMP, end);
        emit_and_reset_fail_pop(c, pc);
    }
    *pc = old;
    cc_emit(c, OP_POP_TOP, 0);
    jump_to_fail_pop(c, pc, PS_JUMP);
    cc_use_block(c, end);
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int i = 0; i < ncontrol; i++) {
        rotate(c, nrots);
        if (store_index(pc, control[i]) >= 0)
            return dup_store_error(c, control[i]);
        stores_insert(c, pc, pc->nstores, control[i]);
    }
    cc_emit(c, OP_POP_TOP, 0);
    return true;
}

static bool pattern_sequence(Compiler *c, Node *p, PatternCtx *pc)
{
    NodeList *pats = &p->u.MatchSequence.patterns;
    int size = pats->len, star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; i++) {
        Node *sub = pats->items[i];
        if (sub->kind == AST_MatchStar) {
            if (star >= 0)
                return cc_error(c, "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(sub);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(sub);
    }
    pc->on_top++;
    cc_emit(c, OP_MATCH_SEQUENCE, 0);
    jump_to_fail_pop(c, pc, PS_POP_JUMP_IF_FALSE);
    if (star < 0) {
        cc_emit(c, OP_GET_LEN, 0);
        cc_load_const(c, tr_small_new(size));
        cc_emit(c, OP_COMPARE_OP, TR_EQ);
        jump_to_fail_pop(c, pc, PS_POP_JUMP_IF_FALSE);
    } else if (size > 1) {
        cc_emit(c, OP_GET_LEN, 0);
        cc_load_const(c, tr_small_new(size - 1));
        cc_emit(c, OP_COMPARE_OP, TR_GE);
        jump_to_fail_pop(c, pc, PS_POP_JUMP_IF_FALSE);
    }
    pc->on_top--;
    if (only_wildcard) {
        cc_emit(c, OP_POP_TOP, 0);
        return true;
    }
    if (star_wildcard)
        return sequence_subscr(c, pats, star, pc);
    return sequence_unpack(c, pats, pc);
}

static bool pattern(Compiler *c, Node *p, PatternCtx *pc)
{
    cc_set_loc(c, p);
    switch (p->kind) {
    case AST_MatchValue: {
        Node *v = p->u.MatchValue.value;
        if (v->kind != AST_Constant && v->kind != AST_Attribute)
            return cc_error(c, "patterns may only match literals and attribute lookups");
        if (!cc_expr(c, v))
            return false;
        cc_emit(c, OP_COMPARE_OP, TR_EQ);
        jump_to_fail_pop(c, pc, PS_POP_JUMP_IF_FALSE);
        return true;
    }
    case AST_MatchSingleton:
        cc_load_const(c, p->u.MatchSingleton.value);
        cc_emit(c, OP_IS_OP, 0);
        jump_to_fail_pop(c, pc, PS_POP_JUMP_IF_FALSE);
        return true;
    case AST_MatchSequence: return pattern_sequence(c, p, pc);
    case AST_MatchMapping: return pattern_mapping(c, p, pc);
    case AST_MatchClass: return pattern_class(c, p, pc);
    case AST_MatchStar: return store_name(c, p->u.MatchStar.name, pc);
    case AST_MatchAs: return pattern_as(c, p, pc);
    case AST_MatchOr: return pattern_or(c, p, pc);
    default: return cc_error(c, "invalid match pattern node in AST");
    }
}

bool cc_match(Compiler *c, Node *s)
{
    if (!cc_expr(c, s->u.Match.subject))
        return false;
    Block *end = cc_new_block(c);
    NodeList *cases = &s->u.Match.cases;
    int n = cases->len;
    Node *m = cases->items[n - 1];
    int has_default = WILDCARD_CHECK(m->u.match_case.pattern) && 1 < n;
    PatternCtx pcs = {0}, *pc = &pcs;
    for (int i = 0; i < n - has_default; i++) {
        m = cases->items[i];
        cc_set_loc(c, m->u.match_case.pattern);
        if (i != n - has_default - 1)
            cc_emit(c, OP_COPY, 1);
        pc->stores = NULL;
        pc->nstores = pc->capstores = 0;
        pc->allow_irrefutable = m->u.match_case.guard != NULL || i == n - 1;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (!pattern(c, m->u.match_case.pattern, pc))
            return false;
        for (int k = 0; k < pc->nstores; k++)
            if (!cc_nameop(c, pc->stores[k], CTX_STORE))
                return false;
        if (m->u.match_case.guard) {
            ensure_fail_pop(c, pc, 0);
            if (!cc_jump_if(c, m->u.match_case.guard, pc->fail_pop[0], false))
                return false;
        }
        if (i != n - has_default - 1)
            cc_emit(c, OP_POP_TOP, 0);
        if (!cc_stmts(c, &m->u.match_case.body))
            return false;
        c->u->lineno = -1;
        cc_jump(c, PS_JUMP, end);
        cc_set_loc(c, m->u.match_case.pattern);
        emit_and_reset_fail_pop(c, pc);
    }
    if (has_default) {
        m = cases->items[n - 1];
        cc_set_loc(c, m->u.match_case.pattern);
        cc_emit(c, n == 1 ? OP_POP_TOP : OP_NOP, 0);
        if (m->u.match_case.guard && !cc_jump_if(c, m->u.match_case.guard, end, false))
            return false;
        if (!cc_stmts(c, &m->u.match_case.body))
            return false;
        c->u->lineno = -1;
    }
    cc_use_block(c, end);
    return true;
}
