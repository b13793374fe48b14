/*
 * number.h -- what int, bool, float and complex share: comparison outcomes, the mixed-type
 * helpers behind divmod()/pow(a, b, m), and the arithmetic dunder methods (__add__, __radd__,
 * __eq__...) generated from a type's binop/richcmp slots so `int.__add__(1, 2)` works.
 */
#ifndef TR_NUMBER_H
#define TR_NUMBER_H

#include "runtime/object.h"

bool tr_cmp_holds(int c, int op); /* c is <0, 0, >0 from a three-way compare */

/* divmod(a, b) for ints and floats (either order); TR_NOTIMPL for other types. */
TrValue tr_number_divmod(TrValue a, TrValue b);
/* pow(a, b, m) for numbers: m None -> a ** b; ints -> modular power; otherwise CPython's
   TypeError. TR_NOTIMPL when a or b is not a built-in number. */
TrValue tr_number_pow3(TrValue a, TrValue b, TrValue m);

typedef TrValue (*TrBinopSlot)(TrValue a, TrValue b, int op);
typedef TrValue (*TrCmpSlot)(TrValue a, TrValue b, int op);
TrValue tr_num_dunder_bin(TrBinopSlot f, TrValue self, const TrValue *args, size_t nargs,
                          TrValue kw, int op, bool reflected);
TrValue tr_num_dunder_cmp(TrCmpSlot f, TrValue self, const TrValue *args, size_t nargs,
                          TrValue kw, int op);
TrValue tr_num_dunder_pow(TrBinopSlot f, TrValue self, const TrValue *args, size_t nargs,
                          TrValue kw, bool reflected);
/* __divmod__ / __rdivmod__ methods for int and float */
TrValue tr_num_m_divmod(TrValue self, const TrValue *args, size_t nargs, TrValue kw);
TrValue tr_num_m_rdivmod(TrValue self, const TrValue *args, size_t nargs, TrValue kw);

/* TR_NUM_DUNDERS(P, binop, richcmp) defines static wrappers P_add, P_radd, ..., P_eq...;
   TR_NUM_DUNDER_ROWS(P) lists them as TrMethodDef rows. */
#define TR_NUM_BINOPS_(X, P, F)                                                                    \
    X(P, F, ADD, add) X(P, F, SUB, sub) X(P, F, MUL, mul) X(P, F, TRUEDIV, truediv)                \
    X(P, F, FLOORDIV, floordiv) X(P, F, MOD, mod) X(P, F, LSHIFT, lshift)                          \
    X(P, F, RSHIFT, rshift) X(P, F, AND, and) X(P, F, OR, or) X(P, F, XOR, xor)
#define TR_NUM_CMPS_(X, P, F)                                                                      \
    X(P, F, LT, lt) X(P, F, LE, le) X(P, F, EQ, eq) X(P, F, NE, ne) X(P, F, GT, gt) X(P, F, GE, ge)

#define TR_NUM_BIN_FN_(P, F, OP, name)                                                             \
    static TrValue P##_##name(TrValue s, const TrValue *a, size_t n, TrValue kw)                   \
    {                                                                                              \
        return tr_num_dunder_bin(F, s, a, n, kw, TR_OP_##OP, false);                               \
    }                                                                                              \
    static TrValue P##_r##name(TrValue s, const TrValue *a, size_t n, TrValue kw)                  \
    {                                                                                              \
        return tr_num_dunder_bin(F, s, a, n, kw, TR_OP_##OP, true);                                \
    }
#define TR_NUM_CMP_FN_(P, F, OP, name)                                                             \
    static TrValue P##_##name(TrValue s, const TrValue *a, size_t n, TrValue kw)                   \
    {                                                                                              \
        return tr_num_dunder_cmp(F, s, a, n, kw, TR_##OP);                                         \
    }
#define TR_NUM_DUNDERS(P, BINOP, CMP)                                                              \
    TR_NUM_BINOPS_(TR_NUM_BIN_FN_, P, BINOP)                                                       \
    TR_NUM_CMPS_(TR_NUM_CMP_FN_, P, CMP)                                                           \
    static TrValue P##_pow(TrValue s, const TrValue *a, size_t n, TrValue kw)                      \
    {                                                                                              \
        return tr_num_dunder_pow(BINOP, s, a, n, kw, false);                                       \
    }                                                                                              \
    static TrValue P##_rpow(TrValue s, const TrValue *a, size_t n, TrValue kw)                     \
    {                                                                                              \
        return tr_num_dunder_pow(BINOP, s, a, n, kw, true);                                        \
    }

#define TR_NUM_BIN_ROW_(P, F, OP, name) {"__" #name "__", P##_##name, 0}, {"__r" #name "__", P##_r##name, 0},
#define TR_NUM_CMP_ROW_(P, F, OP, name) {"__" #name "__", P##_##name, 0},
#define TR_NUM_DUNDER_ROWS(P)                                                                      \
    TR_NUM_BINOPS_(TR_NUM_BIN_ROW_, P, 0)                                                          \
    TR_NUM_CMPS_(TR_NUM_CMP_ROW_, P, 0){"__pow__", P##_pow, 0}, {"__rpow__", P##_rpow, 0}

#endif
