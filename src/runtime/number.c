/*
 * number.c -- helpers shared by the numeric types: three-way compare outcomes, divmod() and
 * three-argument pow() across int and float, and the bodies of the generated dunder methods
 * (number.h), which call a type's own slot so subclasses cannot loop back into themselves.
 */
#include "runtime/number.h"

#include "runtime/complex.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/tuple.h"

TrValue tr_number_divmod(TrValue a, TrValue b)
{
    if (tr_is_int(a) && tr_is_int(b))
        return tr_int_divmod(a, b);
    double x, y;
    bool fa = tr_float_get(a, &x), fb = tr_float_get(b, &y);
    if (!(fa || tr_is_int(a)) || !(fb || tr_is_int(b)))
        return TR_NOTIMPL;
    if ((!fa && tr_to_double(a, &x) < 0) || (!fb && tr_to_double(b, &y) < 0))
        return TR_ERR;
    return tr_float_divmod(x, y);
}

static bool is_real(TrValue v)
{
    double d;
    return tr_is_int(v) || tr_float_get(v, &d);
}

TrValue tr_number_pow3(TrValue a, TrValue b, TrValue m)
{
    if (!m || m == TR_NONE)
        return tr_binop(a, b, TR_OP_POW);
    if (tr_is_int(a) && tr_is_int(b) && tr_is_int(m))
        return tr_int_powmod(a, b, m);
    if (tr_isinstance(a, &tr_complex_type) || tr_isinstance(b, &tr_complex_type))
        return tr_raise(&tr_ValueError, "complex modulo");
    if (is_real(a) && is_real(b))
        return tr_raise(&tr_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    return TR_NOTIMPL;
}

bool tr_cmp_holds(int c, int op)
{
    switch (op) {
    case TR_LT: return c < 0;
    case TR_LE: return c <= 0;
    case TR_EQ: return c == 0;
    case TR_NE: return c != 0;
    case TR_GT: return c > 0;
    default: return c >= 0;
    }
}

static int one_arg(size_t nargs, TrValue kw)
{
    if (kw && tr_as_tuple(kw)->len) {
        tr_raise(&tr_TypeError, "wrapper takes no keyword arguments");
        return -1;
    }
    if (nargs != 1) {
        tr_raise(&tr_TypeError, "expected 1 argument, got %zu", nargs);
        return -1;
    }
    return 0;
}

TrValue tr_num_dunder_bin(TrBinopSlot f, TrValue self, const TrValue *args, size_t nargs,
                          TrValue kw, int op, bool reflected)
{
    if (one_arg(nargs, kw) < 0)
        return TR_ERR;
    return reflected ? f(args[0], self, op) : f(self, args[0], op);
}

TrValue tr_num_dunder_cmp(TrCmpSlot f, TrValue self, const TrValue *args, size_t nargs,
                          TrValue kw, int op)
{
    if (one_arg(nargs, kw) < 0)
        return TR_ERR;
    return f(self, args[0], op);
}

TrValue tr_num_dunder_pow(TrBinopSlot f, TrValue self, const TrValue *args, size_t nargs,
                          TrValue kw, bool reflected)
{
    if (nargs == 2 && args[1] != TR_NONE) {
        TrValue a = reflected ? args[0] : self, b = reflected ? self : args[0];
        TrValue r = tr_number_pow3(a, b, args[1]);
        return r;
    }
    if (nargs == 2)
        nargs = 1;
    if (one_arg(nargs, kw) < 0)
        return TR_ERR;
    return reflected ? f(args[0], self, TR_OP_POW) : f(self, args[0], TR_OP_POW);
}

TrValue tr_num_m_divmod(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return one_arg(nargs, kw) < 0 ? TR_ERR : tr_number_divmod(self, args[0]);
}

TrValue tr_num_m_rdivmod(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return one_arg(nargs, kw) < 0 ? TR_ERR : tr_number_divmod(args[0], self);
}
