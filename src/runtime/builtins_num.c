/*
 * builtins_num.c -- the numeric builtins round, divmod and pow: int and float go straight to
 * the number helpers (int.h, float.h); other types through their special methods __round__,
 * __divmod__/__rdivmod__ and __pow__.
 */
#include "runtime/runtime.h"
#include "runtime/number.h"

/* --- round ------------------------------------------------------------------------------- */

static bool is_exact_int(TrValue v)
{
    return tr_is_small(v) || tr_type_of(v) == &tr_int_type || tr_type_of(v) == &tr_bool_type;
}

static TrValue bi_round(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"number", "ndigits"};
    TrValue a[2] = {0, 0};
    if (tr_parse_args("round", args, nargs, kw, names, 1, 2, 0, 2, a) < 0)
        return TR_ERR;
    TrValue x = a[0], nd = a[1] == TR_NONE ? 0 : a[1];
    if (tr_is_float(x) || is_exact_int(x)) {
        if (nd && (nd = tr_index(nd)) == TR_ERR)
            return TR_ERR;
        if (tr_is_float(x))
            return tr_float_round(tr_float_val(x), nd);
        x = tr_index(x); /* True -> 1 */
        return nd ? tr_int_round(x, nd) : x;
    }
    TrValue r;
    if (tr_bi_special(x, "__round__", &nd, nd ? 1 : 0, &r))
        return r;
    return tr_raise(&tr_TypeError, "type %s doesn't define __round__ method", tr_type_name(x));
}

/* --- divmod ------------------------------------------------------------------------------ */

static bool is_exact_num(TrValue v) { return is_exact_int(v) || tr_is_float(v); }

static TrValue bi_divmod(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("divmod", nargs, kw, 2, 2) < 0)
        return TR_ERR;
    TrValue a = args[0], b = args[1], r;
    if (!is_exact_num(a) || !is_exact_num(b)) {
        if (tr_bi_special(a, "__divmod__", &b, 1, &r) && r != TR_NOTIMPL)
            return r;
        if (tr_type_of(a) != tr_type_of(b) && tr_bi_special(b, "__rdivmod__", &a, 1, &r) &&
            r != TR_NOTIMPL)
            return r;
    }
    r = tr_number_divmod(a, b);
    if (r != TR_NOTIMPL)
        return r;
    return tr_raise(&tr_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                    tr_type_name(a), tr_type_name(b));
}

/* --- pow --------------------------------------------------------------------------------- */

static TrValue bi_pow(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"base", "exp", "mod"};
    TrValue a[3] = {0, 0, 0};
    if (tr_parse_args("pow", args, nargs, kw, names, 2, 3, 0, 3, a) < 0)
        return TR_ERR;
    if (!a[2] || a[2] == TR_NONE)
        return tr_binop(a[0], a[1], TR_OP_POW);
    TrValue r = tr_number_pow3(a[0], a[1], a[2]);
    if (r != TR_NOTIMPL)
        return r;
    /* built-in types were handled above; only a class's own __pow__ takes a modulus */
    if ((tr_type_of(a[0])->flags & TR_TYPE_HEAP) &&
        tr_bi_special(a[0], "__pow__", a + 1, 2, &r) && r != TR_NOTIMPL)
        return r;
    return tr_raise(&tr_TypeError,
                    "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    tr_type_name(a[0]), tr_type_name(a[1]), tr_type_name(a[2]));
}

const TrMethodDef tr_builtins_num_methods[] = {
    {"round", bi_round, 0},
    {"divmod", bi_divmod, 0},
    {"pow", bi_pow, 0},
    {NULL, NULL, 0},
};
