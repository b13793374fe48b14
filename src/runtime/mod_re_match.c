/*
 * mod_re_match.c -- re.Match: groups by number or name, spans, groupdict, expand, lastindex
 * and lastgroup, and its repr "<re.Match object; span=(0, 3), match='abc'>".
 */
#include "runtime/mod_re.h"

#define MATCH(v) ((TrReMatch *)tr_obj(v))
#define MPAT(m) ((TrRePattern *)tr_obj((m)->pattern))

TrValue tr_re_match_new(TrRePattern *p, const ReSubject *s, int64_t pos, int64_t endpos,
                        const int64_t *spans, int64_t lastindex)
{
    TrReMatch *m = TR_NEW(TrReMatch, &tr_re_match_type);
    m->pattern = tr_val(p);
    m->string = s->obj;
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = lastindex;
    size_t n = (size_t)(p->groups + 1) * 2 * sizeof(int64_t);
    m->spans = tr_alloc_atomic(n);
    memcpy(m->spans, spans, n);
    return tr_val(m);
}

/* Resolves a group given by number or name; -1 with IndexError("no such group"). */
static int64_t group_index(TrReMatch *m, TrValue g)
{
    TrRePattern *p = MPAT(m);
    if (tr_is_int(g)) {
        int64_t i;
        if (tr_is_small(g) && (i = tr_small_val(g)) >= 0 && i <= p->groups)
            return i;
    } else if (tr_is_str(g) || tr_is_bytes(g)) {
        TrValue v = tr_is_str(g) ? tr_dict_get(p->groupindex, g) : 0;
        if (v)
            return tr_small_val(v);
        if (tr_err_occurred())
            return -1;
    } else if (tr_has_index(g)) {
        TrValue i = tr_index(g);
        if (i == TR_ERR)
            return -1;
        return group_index(m, i);
    }
    tr_raise(&tr_IndexError, "no such group");
    return -1;
}

static TrValue group_value(TrReMatch *m, int64_t g, TrValue dflt)
{
    if (m->spans[2 * g] < 0)
        return dflt;
    return tr_re_slice_obj(m->string, m->spans[2 * g], m->spans[2 * g + 1]);
}

static TrValue m_group(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrReMatch *m = MATCH(self);
    if (tr_no_kwargs("group", kw) < 0)
        return TR_ERR;
    if (nargs == 0)
        return group_value(m, 0, TR_NONE);
    if (nargs == 1) {
        int64_t g = group_index(m, args[0]);
        return g < 0 ? TR_ERR : group_value(m, g, TR_NONE);
    }
    TrValue t = tr_tuple_new((int64_t)nargs);
    for (size_t k = 0; k < nargs; k++) {
        int64_t g = group_index(m, args[k]);
        if (g < 0)
            return TR_ERR;
        tr_as_tuple(t)->items[k] = group_value(m, g, TR_NONE);
    }
    return t;
}

static TrValue m_getitem(TrValue self, TrValue key)
{
    int64_t g = group_index(MATCH(self), key);
    return g < 0 ? TR_ERR : group_value(MATCH(self), g, TR_NONE);
}

static TrValue m_groups(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"default"};
    TrValue a[1];
    if (tr_parse_args("groups", args, nargs, kw, names, 0, 1, 0, 1, a) < 0)
        return TR_ERR;
    TrReMatch *m = MATCH(self);
    int64_t n = MPAT(m)->groups;
    TrValue t = tr_tuple_new(n);
    for (int64_t g = 1; g <= n; g++)
        tr_as_tuple(t)->items[g - 1] = group_value(m, g, a[0] ? a[0] : TR_NONE);
    return t;
}

static TrValue m_groupdict(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"default"};
    TrValue a[1];
    if (tr_parse_args("groupdict", args, nargs, kw, names, 0, 1, 0, 1, a) < 0)
        return TR_ERR;
    TrReMatch *m = MATCH(self);
    TrValue d = tr_dict_new();
    int64_t it = 0;
    TrValue key, val;
    while (tr_dict_next(MPAT(m)->groupindex, &it, &key, &val))
        if (tr_dict_set(d, key, group_value(m, tr_small_val(val), a[0] ? a[0] : TR_NONE)) < 0)
            return TR_ERR;
    return d;
}

static int64_t opt_group(TrReMatch *m, const char *fname, const TrValue *args, size_t nargs,
                         TrValue kw)
{
    if (tr_no_kwargs(fname, kw) < 0 || tr_check_nargs(fname, nargs, 0, 1) < 0)
        return -1;
    return nargs ? group_index(m, args[0]) : 0;
}

static TrValue m_start(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t g = opt_group(MATCH(self), "start", args, nargs, kw);
    return g < 0 ? TR_ERR : tr_int_from_i64(MATCH(self)->spans[2 * g]);
}

static TrValue m_end(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t g = opt_group(MATCH(self), "end", args, nargs, kw);
    return g < 0 ? TR_ERR : tr_int_from_i64(MATCH(self)->spans[2 * g + 1]);
}

static TrValue span_of(TrReMatch *m, int64_t g)
{
    return tr_tuple_pack(2, tr_int_from_i64(m->spans[2 * g]),
                         tr_int_from_i64(m->spans[2 * g + 1]));
}

static TrValue m_span(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t g = opt_group(MATCH(self), "span", args, nargs, kw);
    return g < 0 ? TR_ERR : span_of(MATCH(self), g);
}

static TrValue m_expand(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"template"};
    TrValue a[1];
    if (tr_parse_args("expand", args, nargs, kw, names, 1, 1, 0, 1, a) < 0)
        return TR_ERR;
    return tr_re_expand(MATCH(self), a[0]);
}

static TrValue m_repr(TrValue self)
{
    TrReMatch *m = MATCH(self);
    TrValue g0 = group_value(m, 0, TR_NONE);
    TrValue r = tr_repr(g0);
    if (r == TR_ERR)
        return TR_ERR;
    return tr_str_fmt("<re.Match object; span=(%d, %d), match=%U>", (int)m->spans[0],
                      (int)m->spans[1], r);
}

static TrValue m_get_string(TrValue self) { return MATCH(self)->string; }
static TrValue m_get_re(TrValue self) { return MATCH(self)->pattern; }
static TrValue m_get_pos(TrValue self) { return tr_int_from_i64(MATCH(self)->pos); }
static TrValue m_get_endpos(TrValue self) { return tr_int_from_i64(MATCH(self)->endpos); }
static TrValue m_get_lastindex(TrValue self)
{
    int64_t li = MATCH(self)->lastindex;
    return li < 0 ? TR_NONE : tr_int_from_i64(li);
}
static TrValue m_get_lastgroup(TrValue self)
{
    TrReMatch *m = MATCH(self);
    if (m->lastindex < 0)
        return TR_NONE;
    return tr_as_tuple(MPAT(m)->groupnames)->items[m->lastindex];
}
static TrValue m_get_regs(TrValue self)
{
    TrReMatch *m = MATCH(self);
    int64_t n = MPAT(m)->groups + 1;
    TrValue t = tr_tuple_new(n);
    for (int64_t g = 0; g < n; g++)
        tr_as_tuple(t)->items[g] = span_of(m, g);
    return t;
}

static const TrGetSetDef m_getsets[] = {
    {"string", m_get_string, NULL},       {"re", m_get_re, NULL},
    {"pos", m_get_pos, NULL},             {"endpos", m_get_endpos, NULL},
    {"lastindex", m_get_lastindex, NULL}, {"lastgroup", m_get_lastgroup, NULL},
    {"regs", m_get_regs, NULL},           {NULL, NULL, NULL},
};

static const TrMethodDef m_methods[] = {
    {"group", m_group, 0},         {"groups", m_groups, 0}, {"groupdict", m_groupdict, 0},
    {"start", m_start, 0},         {"end", m_end, 0},       {"span", m_span, 0},
    {"expand", m_expand, 0},       {NULL, NULL, 0},
};

TrType tr_re_match_type = {
    .ob = {&tr_type_type}, .name = "re.Match", .basicsize = sizeof(TrReMatch),
    .repr = m_repr, .getitem = m_getitem, .methods = m_methods, .getsets = m_getsets,
};
