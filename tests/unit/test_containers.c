/*
 * test_containers.c -- tuple, list, dict, set, range, slice and the iterators, called as Python
 * code would call them (builtins and methods through tr_call); each expected text is what
 * CPython 3.11 prints for the same expression (generated once with python3).
 */
#include "runtime/runtime.h"

#include <stdio.h>
#include <string.h>

static int failures, checks;

/* repr of a result, or "Type: message" for an exception (which is cleared). */
static const char *show(TrValue v)
{
    if (v == TR_ERR) {
        TrValue e = tr_err_fetch();
        if (!e)
            return "<TR_ERR without exception>";
        return tr_str_utf8(tr_str_fmt("%s: %S", tr_type_name(e), tr_exc_str(e)));
    }
    if (v == TR_STOP)
        return "<TR_STOP>";
    TrValue r = tr_repr(v);
    if (r == TR_ERR) {
        tr_err_clear();
        return "<repr failed>";
    }
    return tr_str_utf8(r);
}

static void check(int line, TrValue v, const char *want)
{
    const char *got = show(v);
    checks++;
    if (strcmp(got, want) != 0) {
        printf("test_containers.c:%d: got   %s\n                     want  %s\n", line, got, want);
        failures++;
    }
}
#define CHECK(v, want) check(__LINE__, (v), (want))

static TrValue B(const char *name)
{
    return tr_dict_get_cstr(tr_builtins(), name);
}
static TrValue I(int64_t x)
{
    return tr_int_from_i64(x);
}
static TrValue S(const char *s)
{
    return tr_str_from_cstr(s);
}
static TrValue F(double d)
{
    return tr_float_new(d);
}
static TrValue L(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    TrValue list = tr_list_new(n);
    for (int i = 0; i < n; i++)
        tr_list_append(list, va_arg(ap, TrValue));
    va_end(ap);
    return list;
}
static TrValue T(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    TrValue t = tr_tuple_new(n);
    for (int i = 0; i < n; i++)
        tr_as_tuple(t)->items[i] = va_arg(ap, TrValue);
    va_end(ap);
    return t;
}
/* {k0: v0, k1: v1, ...} */
static TrValue D(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    TrValue d = tr_dict_new();
    for (int i = 0; i < n; i++) {
        TrValue k = va_arg(ap, TrValue);
        tr_dict_set(d, k, va_arg(ap, TrValue));
    }
    va_end(ap);
    return d;
}
static TrValue BIG(const char *digits)
{
    return tr_int_from_str(digits, strlen(digits), 10);
}

#define NARGS(...) (sizeof((TrValue[]){__VA_ARGS__}) / sizeof(TrValue))
#define CALL(name, ...) tr_call(B(name), (TrValue[]){__VA_ARGS__}, NARGS(__VA_ARGS__), 0)
#define CALL0(name) tr_call(B(name), NULL, 0, 0)
#define M(obj, name, ...) tr_call_method(obj, name, (TrValue[]){__VA_ARGS__}, NARGS(__VA_ARGS__))
#define M0(obj, name) tr_call_method(obj, name, NULL, 0)
#define BIN(a, op, b) tr_binop(a, b, TR_OP_##op)
#define IBIN(a, op, b) tr_binop(a, b, TR_OP_INPLACE(TR_OP_##op))
#define CMP(a, op, b) tr_richcmp(a, b, TR_##op)
#define GI(a, k) tr_getitem(a, k)
#define SL(a, b, c) tr_slice_new(a, b, c)
#define N TR_NONE
#define LIST(x) CALL("list", x)
#define RANGE(...) CALL("range", __VA_ARGS__)
#define SET(x) CALL("set", x)

/* f(pos..., name=value) with one keyword */
static TrValue kw1(TrValue f, int npos, const TrValue *args, const char *name, TrValue value)
{
    TrValue all[8];
    for (int i = 0; i < npos; i++)
        all[i] = args[i];
    all[npos] = value;
    return tr_call(f, all, (size_t)npos, T(1, tr_str_intern_cstr(name)));
}
/* v after r, or the error of r */
static TrValue DO(TrValue r, TrValue v)
{
    return r == TR_ERR ? TR_ERR : v;
}
static TrValue INT(int64_t v)
{
    return v < 0 && tr_err_occurred() ? TR_ERR : I(v);
}
static TrValue BOOL(int v)
{
    return v < 0 ? TR_ERR : tr_bool(v);
}
static TrValue HASH(TrValue v)
{
    return INT(tr_hash(v));
}
static TrValue ITER_ALL(TrValue it) /* list(it) */
{
    return LIST(it);
}
/* a list that contains itself, and a dict that contains itself */
static TrValue selfref_list(void)
{
    TrValue l = L(2, I(1), I(2));
    tr_list_append(l, l);
    return l;
}
static TrValue selfref_dict(void)
{
    TrValue d = D(1, S("a"), I(1));
    tr_dict_set(d, S("self"), d);
    return d;
}
/* for k in d: d[k2] = v -- must raise */
static TrValue mutate_dict_while_iterating(void)
{
    TrValue d = D(2, I(1), I(2), I(3), I(4));
    TrValue it = tr_iter(d);
    for (int i = 0;; i++) {
        TrValue k = tr_next(it);
        if (k == TR_STOP || k == TR_ERR)
            return k == TR_STOP ? TR_NONE : TR_ERR;
        tr_dict_set(d, I(100 + i), I(0));
    }
}
static TrValue mutate_set_while_iterating(void)
{
    TrValue s = SET(L(2, I(1), I(2)));
    TrValue it = tr_iter(s);
    for (int i = 0;; i++) {
        TrValue k = tr_next(it);
        if (k == TR_STOP || k == TR_ERR)
            return k == TR_STOP ? TR_NONE : TR_ERR;
        tr_set_add(s, I(100 + i));
    }
}
/* sorted with key=len */
static TrValue sort_by(TrValue list, TrValue key, bool reverse)
{
    return DO(tr_list_sort(list, key, reverse) < 0 ? TR_ERR : TR_NONE, list);
}

int main(int argc, char **argv)
{
    tr_runtime_init(argc, argv);
    setvbuf(stdout, NULL, _IONBF, 0);
    CHECK(T(0), "()");
    CHECK(T(1, I(1)), "(1,)");
    CHECK(T(2, S("a"), T(0)), "('a', ())");
    CHECK(HASH(T(2, I(1), I(2))), "-3550055125485641917");
    CHECK(HASH(T(0)), "5740354900026072187");
    CHECK(HASH(T(1, I(-1))), "8078679518589016365");
    CHECK(HASH(T(2, T(2, I(1), I(2)), I(-2))), "-5672323978635250244");
    CHECK(HASH(T(1, L(0))), "TypeError: unhashable type: 'list'");
    CHECK(CMP(T(2, I(1), I(2)), LT, T(3, I(1), I(2), I(3))), "True");
    CHECK(CMP(T(2, I(1), I(2)), EQ, T(2, I(1), I(2))), "True");
    CHECK(CMP(T(2, I(1), L(1, I(2))), LT, T(2, I(1), L(1, I(3)))), "True");
    CHECK(CMP(T(1, I(1)), LT, T(1, S("a"))),
          "TypeError: '<' not supported between instances of 'int' and 'str'");
    CHECK(CMP(T(1, I(1)), EQ, T(1, S("a"))), "False");
    CHECK(CMP(T(1, I(1)), EQ, L(1, I(1))), "False");
    CHECK(BIN(T(1, I(1)), ADD, T(1, I(2))), "(1, 2)");
    CHECK(BIN(T(1, I(1)), ADD, L(1, I(2))),
          "TypeError: can only concatenate tuple (not \"list\") to tuple");
    CHECK(BIN(T(2, I(1), I(2)), MUL, I(2)), "(1, 2, 1, 2)");
    CHECK(BIN(I(3), MUL, T(1, I(0))), "(0, 0, 0)");
    CHECK(BIN(T(1, I(1)), MUL, I(-1)), "()");
    CHECK(BIN(T(1, I(1)), MUL, S("a")),
          "TypeError: can't multiply sequence by non-int of type 'str'");
    CHECK(BIN(T(1, I(1)), MUL, BIG("1000000000000000000000000")),
          "OverflowError: cannot fit 'int' into an index-sized integer");
    CHECK(GI(T(3, I(1), I(2), I(3)), I(-1)), "3");
    CHECK(GI(T(3, I(1), I(2), I(3)), I(3)), "IndexError: tuple index out of range");
    CHECK(GI(T(3, I(1), I(2), I(3)), S("a")),
          "TypeError: tuple indices must be integers or slices, not str");
    CHECK(GI(T(3, I(1), I(2), I(3)), SL(N, N, I(-1))), "(3, 2, 1)");
    CHECK(GI(T(3, I(1), I(2), I(3)), SL(I(1), BIG("100000000000000000000000"), N)), "(2, 3)");
    CHECK(GI(T(3, I(1), I(2), I(3)), SL(N, N, I(0))), "ValueError: slice step cannot be zero");
    CHECK(GI(T(3, I(1), I(2), I(3)), SL(S("a"), N, N)),
          "TypeError: slice indices must be integers or None or have an __index__ method");
    CHECK(M(T(4, I(1), I(2), I(1), I(1)), "count", I(1)), "3");
    CHECK(M(T(4, I(1), I(2), I(1), I(1)), "index", I(1), I(1)), "2");
    CHECK(M(T(4, I(1), I(2), I(1), I(1)), "index", I(5)),
          "ValueError: tuple.index(x): x not in tuple");
    CHECK(M(T(4, I(1), I(2), I(1), I(1)), "index", I(2), I(-2)),
          "ValueError: tuple.index(x): x not in tuple");
    CHECK(CALL("tuple", S("abc")), "('a', 'b', 'c')");
    CHECK(CALL("tuple", I(1)), "TypeError: 'int' object is not iterable");
    CHECK(CALL("tuple", I(1), I(2)), "TypeError: tuple expected at most 1 argument, got 2");
    CHECK(BOOL(tr_contains(T(2, I(1), S("x")), S("x"))), "True");
    CHECK(ITER_ALL(tr_iter(T(2, I(1), I(2)))), "[1, 2]");
    CHECK(L(0), "[]");
    CHECK(selfref_list(), "[1, 2, [...]]");
    CHECK(DO(M(L(1, I(1)), "append"), N),
          "TypeError: list.append() takes exactly one argument (0 given)");
    CHECK(M(L(0), "insert", I(1)), "TypeError: insert expected 2 arguments, got 1");
    CHECK(M(L(0), "pop"), "IndexError: pop from empty list");
    CHECK(M(L(1, I(1)), "pop", I(5)), "IndexError: pop index out of range");
    CHECK(M(L(3, I(1), I(2), I(3)), "pop", I(0)), "1");
    CHECK(M(L(1, I(1)), "index", I(2)), "ValueError: 2 is not in list");
    CHECK(M(L(1, I(1)), "index", I(1), S("a")),
          "TypeError: slice indices must be integers or have an __index__ method");
    CHECK(M(L(1, I(1)), "remove", I(2)), "ValueError: list.remove(x): x not in list");
    CHECK(M(L(1, I(1)), "clear", I(2)), "TypeError: list.clear() takes no arguments (1 given)");
    CHECK(M(L(1, I(1)), "sort", I(2)), "TypeError: sort() takes no positional arguments");
    CHECK(M(L(2, I(1), S("a")), "sort"),
          "TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK(M(L(3, S("b"), I(1), S("a")), "sort"),
          "TypeError: '<' not supported between instances of 'int' and 'str'");
    CHECK(GI(L(1, I(1)), I(5)), "IndexError: list index out of range");
    CHECK(GI(L(1, I(1)), F(1.5)), "TypeError: list indices must be integers or slices, not float");
    CHECK(GI(L(0), BIG("1000000000000000000000")),
          "IndexError: cannot fit 'int' into an index-sized integer");
    CHECK(BIN(L(1, I(1)), ADD, T(1, I(1))),
          "TypeError: can only concatenate list (not \"tuple\") to list");
    CHECK(BIN(L(1, I(1)), MUL, S("a")),
          "TypeError: can't multiply sequence by non-int of type 'str'");
    CHECK(BIN(L(2, I(1), I(2)), MUL, I(3)), "[1, 2, 1, 2, 1, 2]");
    CHECK(({
              TrValue l = L(1, I(1));
              DO(IBIN(l, ADD, S("ab")), l);
          }),
          "[1, 'a', 'b']");
    CHECK(({
              TrValue l = L(2, I(1), I(2));
              DO(IBIN(l, MUL, I(2)), l);
          }),
          "[1, 2, 1, 2]");
    CHECK(({
              TrValue l = L(2, I(1), I(2));
              DO(IBIN(l, MUL, I(0)), l);
          }),
          "[]");
    CHECK(CMP(L(2, I(1), I(2)), LT, L(2, I(1), I(3))), "True");
    CHECK(CMP(L(2, I(1), I(2)), GE, L(1, I(1))), "True");
    CHECK(CMP(L(1, I(1)), LT, T(1, I(1))),
          "TypeError: '<' not supported between instances of 'list' and 'tuple'");
    CHECK(({
              TrValue l = LIST(RANGE(I(10)));
              DO(tr_setitem(l, SL(N, N, I(2)), L(3, I(1), I(2), I(3))) < 0 ? TR_ERR : N, l);
          }),
          "ValueError: attempt to assign sequence of size 3 to extended slice of size 5");
    CHECK(({
              TrValue l = LIST(RANGE(I(10)));
              DO(tr_setitem(l, SL(N, N, I(2)), S("abcde")) < 0 ? TR_ERR : N, l);
          }),
          "['a', 1, 'b', 3, 'c', 5, 'd', 7, 'e', 9]");
    CHECK(({
              TrValue l = LIST(RANGE(I(10)));
              DO(tr_setitem(l, SL(I(8), N, I(-3)), S("abc")) < 0 ? TR_ERR : N, l);
          }),
          "[0, 1, 'c', 3, 4, 'b', 6, 7, 'a', 9]");
    CHECK(({
              TrValue l = LIST(RANGE(I(10)));
              DO(tr_setitem(l, SL(I(2), I(5), N), L(1, I(9))) < 0 ? TR_ERR : N, l);
          }),
          "[0, 1, 9, 5, 6, 7, 8, 9]");
    CHECK(({
              TrValue l = LIST(RANGE(I(10)));
              DO(tr_setitem(l, SL(I(5), I(2), N), L(2, I(7), I(8))) < 0 ? TR_ERR : N, l);
          }),
          "[0, 1, 2, 3, 4, 7, 8, 5, 6, 7, 8, 9]");
    CHECK(({
              TrValue l = LIST(RANGE(I(5)));
              DO(tr_setitem(l, SL(N, N, N), l) < 0 ? TR_ERR : N, l);
          }),
          "[0, 1, 2, 3, 4]");
    CHECK(({
              TrValue l = LIST(RANGE(I(5)));
              DO(tr_setitem(l, SL(I(1), I(1), N), l) < 0 ? TR_ERR : N, l);
          }),
          "[0, 0, 1, 2, 3, 4, 1, 2, 3, 4]");
    CHECK(({
              TrValue l = LIST(RANGE(I(3)));
              DO(tr_setitem(l, SL(N, N, I(2)), L(3, I(1), I(2), I(3))) < 0 ? TR_ERR : N, l);
          }),
          "ValueError: attempt to assign sequence of size 3 to extended slice of size 2");
    CHECK(({
              TrValue l = LIST(RANGE(I(3)));
              DO(tr_setitem(l, SL(I(0), I(1), N), I(5)) < 0 ? TR_ERR : N, l);
          }),
          "TypeError: can only assign an iterable");
    CHECK(({
              TrValue l = LIST(RANGE(I(3)));
              DO(tr_setitem(l, SL(N, N, I(2)), I(5)) < 0 ? TR_ERR : N, l);
          }),
          "TypeError: must assign iterable to extended slice");
    CHECK(({
              TrValue l = LIST(RANGE(I(3)));
              DO(tr_setitem(l, I(5), I(5)) < 0 ? TR_ERR : N, l);
          }),
          "IndexError: list assignment index out of range");
    CHECK(({
              TrValue l = LIST(RANGE(I(3)));
              DO(tr_delitem(l, I(5)) < 0 ? TR_ERR : N, l);
          }),
          "IndexError: list assignment index out of range");
    CHECK(({
              TrValue l = LIST(RANGE(I(3)));
              DO(tr_delitem(l, I(-3)) < 0 ? TR_ERR : N, l);
          }),
          "[1, 2]");
    CHECK(({
              TrValue l = LIST(RANGE(I(10)));
              DO(tr_delitem(l, SL(N, N, I(3))) < 0 ? TR_ERR : N, l);
          }),
          "[1, 2, 4, 5, 7, 8]");
    CHECK(({
              TrValue l = LIST(RANGE(I(10)));
              DO(tr_delitem(l, SL(N, N, I(-2))) < 0 ? TR_ERR : N, l);
          }),
          "[0, 2, 4, 6, 8]");
    CHECK(({
              TrValue l = LIST(RANGE(I(10)));
              DO(tr_delitem(l, SL(I(2), I(-2), N)) < 0 ? TR_ERR : N, l);
          }),
          "[0, 1, 8, 9]");
    CHECK(GI(LIST(RANGE(I(10))), SL(I(-3), N, N)), "[7, 8, 9]");
    CHECK(GI(LIST(RANGE(I(10))), SL(I(7), I(2), I(-2))), "[7, 5, 3]");
    CHECK(GI(LIST(RANGE(I(10))), SL(I(-100), I(100), I(4))), "[0, 4, 8]");
    CHECK(({
              TrValue l = L(3, I(1), I(2), I(3));
              DO(M(l, "insert", I(-10), I(0)), l);
          }),
          "[0, 1, 2, 3]");
    CHECK(({
              TrValue l = L(3, I(1), I(2), I(3));
              DO(M(l, "insert", I(10), I(0)), l);
          }),
          "[1, 2, 3, 0]");
    CHECK(({
              TrValue l = L(3, I(1), I(2), I(3));
              DO(M(l, "insert", I(-1), I(0)), l);
          }),
          "[1, 2, 0, 3]");
    CHECK(({
              TrValue l = L(3, I(1), I(2), I(3));
              DO(M0(l, "reverse"), l);
          }),
          "[3, 2, 1]");
    CHECK(({
              TrValue l = L(3, I(1), I(2), I(1));
              DO(M(l, "remove", I(1)), l);
          }),
          "[2, 1]");
    CHECK(({
              TrValue l = L(3, I(1), I(2), I(1));
              DO(M(l, "extend", l), l);
          }),
          "[1, 2, 1, 1, 2, 1]");
    CHECK(M(L(3, I(1), I(2), I(1)), "count", I(1)), "2");
    CHECK(M(L(3, I(1), I(2), I(1)), "index", I(1), I(1)), "2");
    CHECK(M(L(3, I(1), I(2), I(1)), "index", I(1), I(1), I(2)), "ValueError: 1 is not in list");
    CHECK(ITER_ALL(CALL("reversed", L(3, I(1), I(2), I(3)))), "[3, 2, 1]");
    CHECK(CALL("list", I(1), I(2)), "TypeError: list expected at most 1 argument, got 2");
    CHECK(CALL("list", D(2, I(1), I(2), I(3), I(4))), "[1, 3]");
    CHECK(sort_by(L(6, I(3), I(1), I(2), I(5), I(4), I(0)), 0, false), "[0, 1, 2, 3, 4, 5]");
    CHECK(sort_by(L(6, I(3), I(1), I(2), I(5), I(4), I(0)), 0, true), "[5, 4, 3, 2, 1, 0]");
    CHECK(sort_by(L(4, S("bb"), S("a"), S("ccc"), S("d")), B("len"), false),
          "['a', 'd', 'bb', 'ccc']");
    CHECK(sort_by(L(4, S("bb"), S("a"), S("ccc"), S("d")), B("len"), true),
          "['ccc', 'bb', 'a', 'd']");
    CHECK(sort_by(L(3, I(1), S("a"), I(2)), 0, false),
          "TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK(sort_by(L(3, I(1), S("a"), I(2)), B("len"), false),
          "TypeError: object of type 'int' has no len()");
    CHECK(sort_by(L(4, F(2.5), I(1), F(0.5), I(2)), 0, false), "[0.5, 1, 2, 2.5]");
    CHECK(sort_by(L(3, T(2, I(1), S("b")), T(2, I(1), S("a")), T(1, I(0))), 0, false),
          "[(0,), (1, 'a'), (1, 'b')]");
    CHECK(sort_by(CALL("list", RANGE(I(200), I(0), I(-7))), 0, false),
          "[4, 11, 18, 25, 32, 39, 46, 53, 60, 67, 74, 81, 88, 95, 102, 109, 116, 123, 130, 137, "
          "144, 151, 158, 165, 172, 179, 186, 193, 200]");
    CHECK(kw1(B("sorted"), 1, (TrValue[]){S("hello world")}, "reverse", TR_TRUE),
          "['w', 'r', 'o', 'o', 'l', 'l', 'l', 'h', 'e', 'd', ' ']");
    CHECK(kw1(tr_getattr_cstr(L(2, I(2), I(1)), "sort"), 0, NULL, "reverse", N),
          "TypeError: 'NoneType' object cannot be interpreted as an integer");
    CHECK(kw1(tr_getattr_cstr(L(2, I(2), I(1)), "sort"), 0, NULL, "foo", N),
          "TypeError: 'foo' is an invalid keyword argument for sort()");
    CHECK(D(0), "{}");
    CHECK(selfref_dict(), "{'a': 1, 'self': {...}}");
    CHECK(GI(D(1, S("a"), I(1)), S("b")), "KeyError: 'b'");
    CHECK(GI(D(1, S("a"), I(1)), L(0)), "TypeError: unhashable type: 'list'");
    CHECK(GI(D(1, I(1), I(1)), T(0)), "KeyError: ()");
    CHECK(M(D(0), "pop", I(1)), "KeyError: 1");
    CHECK(M(D(0), "pop", I(1), I(7)), "7");
    CHECK(M0(D(0), "popitem"), "KeyError: 'popitem(): dictionary is empty'");
    CHECK(M0(D(2, I(1), I(2), I(3), I(4)), "popitem"), "(3, 4)");
    CHECK(M0(D(0), "get"), "TypeError: get expected at least 1 argument, got 0");
    CHECK(M(D(1, I(1), I(2)), "get", I(1)), "2");
    CHECK(M(D(1, I(1), I(2)), "get", I(3)), "None");
    CHECK(M(D(1, I(1), I(2)), "get", F(1.0)), "2");
    CHECK(({
              TrValue d = D(0);
              DO(M(d, "setdefault", I(1), L(0)), d);
          }),
          "{1: []}");
    CHECK(M(D(0), "update", I(1)), "TypeError: 'int' object is not iterable");
    CHECK(M(D(0), "update", L(1, I(1))),
          "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    CHECK(M(D(0), "update", L(1, L(3, I(1), I(2), I(3)))),
          "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    CHECK(({
              TrValue d = D(1, I(1), I(1));
              DO(M(d, "update", L(2, S("ab"), T(2, I(1), I(5)))), d);
          }),
          "{1: 5, 'a': 'b'}");
    CHECK(CALL("dict", L(2, T(2, I(1), I(2)), T(2, I(3), I(4)))), "{1: 2, 3: 4}");
    CHECK(kw1(B("dict"), 1, (TrValue[]){D(1, S("a"), I(1))}, "b", I(2)), "{'a': 1, 'b': 2}");
    CHECK(CALL("dict", I(1), I(2)), "TypeError: dict expected at most 1 argument, got 2");
    CHECK(tr_call(tr_getattr_cstr(B("dict"), "fromkeys"), (TrValue[]){S("abc")}, 1, 0),
          "{'a': None, 'b': None, 'c': None}");
    CHECK(
        tr_call(tr_getattr_cstr(B("dict"), "fromkeys"), (TrValue[]){L(2, I(1), I(2)), I(0)}, 2, 0),
        "{1: 0, 2: 0}");
    CHECK(BIN(D(1, I(1), I(2)), OR, D(2, I(1), I(3), I(2), I(4))), "{1: 3, 2: 4}");
    CHECK(BIN(D(1, I(1), I(2)), OR, I(1)),
          "TypeError: unsupported operand type(s) for |: 'dict' and 'int'");
    CHECK(({
              TrValue d = D(1, I(1), I(2));
              DO(IBIN(d, OR, L(1, T(2, I(5), I(6)))), d);
          }),
          "{1: 2, 5: 6}");
    CHECK(({
              TrValue d = D(1, I(1), I(2));
              DO(IBIN(d, OR, I(1)), d);
          }),
          "TypeError: 'int' object is not iterable");
    CHECK(CMP(D(2, I(1), I(2), I(3), I(4)), EQ, D(2, I(3), I(4), I(1), F(2.0))), "True");
    CHECK(CMP(D(1, I(1), I(2)), NE, D(1, I(1), I(3))), "True");
    CHECK(CMP(D(1, I(1), I(2)), LT, D(1, I(1), I(3))),
          "TypeError: '<' not supported between instances of 'dict' and 'dict'");
    CHECK(tr_dict_set(D(0), L(0), I(1)) < 0 ? TR_ERR : N, "TypeError: unhashable type: 'list'");
    CHECK(mutate_dict_while_iterating(), "RuntimeError: dictionary changed size during iteration");
    CHECK(({
              TrValue d = D(0);
              for (int i = 0; i < 100; i++)
                  tr_dict_set(d, I(i * 7 % 13), I(i));
              for (int i = 0; i < 5; i++)
                  tr_dict_del(d, I(i));
              d;
          }),
          "{7: 92, 8: 94, 9: 96, 10: 98, 11: 87, 5: 88, 12: 89, 6: 90}");
    CHECK(({
              TrValue d = D(0);
              for (int i = 0; i < 3; i++)
                  tr_dict_set(d, I(i), I(i));
              M0(d, "popitem");
              tr_dict_set(d, I(9), I(9));
              d;
          }),
          "{0: 0, 1: 1, 9: 9}");
    CHECK(M0(D(2, I(1), I(2), S("a"), T(0)), "keys"), "dict_keys([1, 'a'])");
    CHECK(M0(D(2, I(1), I(2), S("a"), T(0)), "values"), "dict_values([2, ()])");
    CHECK(M0(D(2, I(1), I(2), S("a"), T(0)), "items"), "dict_items([(1, 2), ('a', ())])");
    CHECK(ITER_ALL(CALL("reversed", D(2, I(1), I(2), S("a"), T(0)))), "['a', 1]");
    CHECK(ITER_ALL(CALL("reversed", M0(D(2, I(1), I(2), S("a"), T(0)), "items"))),
          "[('a', ()), (1, 2)]");
    CHECK(ITER_ALL(CALL("reversed", M0(D(2, I(1), I(2), S("a"), T(0)), "values"))), "[(), 2]");
    CHECK(BIN(M0(D(2, I(1), I(2), I(3), I(4)), "keys"), AND, SET(L(2, I(1), I(5)))), "{1}");
    CHECK(BIN(M0(D(2, I(1), I(2), I(3), I(4)), "keys"), OR, L(1, I(7))), "{1, 3, 7}");
    CHECK(BIN(M0(D(2, I(1), I(2), I(3), I(4)), "keys"), SUB, SET(L(1, I(1)))), "{3}");
    CHECK(BIN(M0(D(2, I(1), I(2), I(3), I(4)), "keys"), XOR, SET(L(2, I(1), I(9)))), "{9, 3}");
    CHECK(BIN(SET(L(2, I(1), I(9))), XOR, M0(D(2, I(1), I(2), I(3), I(4)), "keys")), "{3, 9}");
    CHECK(BIN(L(2, I(1), I(9)), SUB, M0(D(2, I(1), I(2), I(3), I(4)), "keys")), "{9}");
    CHECK(BIN(M0(D(2, I(1), I(2), I(3), I(4)), "items"), AND, SET(L(1, T(2, I(1), I(2))))),
          "{(1, 2)}");
    CHECK(BIN(M0(D(2, I(1), I(2), I(3), I(4)), "items"), XOR,
              M0(D(2, I(1), I(2), I(3), I(5)), "items")),
          "{(3, 4), (3, 5)}");
    CHECK(BIN(M0(D(2, I(1), I(2), I(3), I(4)), "keys"), OR, I(1)),
          "TypeError: 'int' object is not iterable");
    CHECK(BIN(M0(D(2, I(1), I(2), I(3), I(4)), "values"), OR, L(0)),
          "TypeError: unsupported operand type(s) for |: 'dict_values' and 'list'");
    CHECK(CMP(M0(D(2, I(1), I(2), I(3), I(4)), "keys"), EQ, SET(L(2, I(1), I(3)))), "True");
    CHECK(CMP(M0(D(2, I(1), I(2), I(3), I(4)), "keys"), LT, SET(L(3, I(1), I(3), I(5)))), "True");
    CHECK(CMP(M0(D(2, I(1), I(2), I(3), I(4)), "keys"), EQ, L(2, I(1), I(3))), "False");
    CHECK(BOOL(tr_contains(M0(D(2, I(1), I(2), I(3), I(4)), "items"), T(2, I(3), I(4)))), "True");
    CHECK(BOOL(tr_contains(M0(D(2, I(1), I(2), I(3), I(4)), "values"), I(4))), "True");
    CHECK(M(M0(D(2, I(1), I(2), I(3), I(4)), "keys"), "isdisjoint", L(1, I(2))), "True");
    CHECK(INT(tr_len(M0(D(2, I(1), I(2), I(3), I(4)), "items"))), "2");
    CHECK(HASH(M0(D(0), "keys")), "TypeError: unhashable type: 'dict_keys'");
    CHECK(SET(L(5, I(5), I(3), I(1), I(100), I(7))), "{1, 3, 100, 5, 7}");
    CHECK(SET(RANGE(I(20), I(0), I(-3))), "{2, 5, 8, 11, 14, 17, 20}");
    CHECK(SET(RANGE(I(0), I(200), I(13))),
          "{0, 65, 130, 195, 39, 104, 169, 13, 78, 143, 52, 117, 182, 26, 91, 156}");
    CHECK(SET(L(6, I(-1), I(-2), BIG("1000000000000000000000"), I(64), I(8), I(0))),
          "{64, 0, 8, 1000000000000000000000, -2, -1}");
    CHECK(SET(L(3, F(1.5), F(0.25), I(3))), "{0.25, 1.5, 3}");
    CHECK(SET(L(4, T(2, I(1), I(2)), T(0), TR_TRUE, I(1))), "{True, (1, 2), ()}");
    CHECK(CALL("set"), "set()");
    CHECK(CALL("frozenset"), "frozenset()");
    CHECK(CALL("frozenset", RANGE(I(10), I(0), I(-1))),
          "frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})");
    CHECK(SET(L(1, L(0))), "TypeError: unhashable type: 'list'");
    CHECK(CALL("set", I(1), I(2)), "TypeError: set expected at most 1 argument, got 2");
    CHECK(M(SET(L(0)), "remove", I(1)), "KeyError: 1");
    CHECK(M0(SET(L(0)), "pop"), "KeyError: 'pop from an empty set'");
    CHECK(({
              TrValue s = SET(RANGE(I(30)));
              for (int i = 0; i < 25; i++)
                  M(s, "discard", I(i * 2));
              for (int i = 0; i < 10; i++)
                  M(s, "add", I(i * 17));
              s;
          }),
          "{1, 3, 5, 7, 9, 11, 13, 0, 15, 136, 17, 19, 21, 23, 25, 27, 153, 29, 34, 51, 68, 85, "
          "102, 119}");
    CHECK(({
              TrValue s = SET(RANGE(I(10)));
              TrValue l = L(0);
              for (int i = 0; i < 4; i++)
                  tr_list_append(l, M0(s, "pop"));
              T(2, l, s);
          }),
          "([0, 1, 2, 3], {4, 5, 6, 7, 8, 9})");
    CHECK(BIN(SET(RANGE(I(10))), AND, SET(RANGE(I(5), I(100), I(3)))), "{8, 5}");
    CHECK(BIN(SET(RANGE(I(100), I(0), I(-7))), OR, SET(RANGE(I(5), I(20)))),
          "{65, 2, 5, 6, 7, 72, 9, 8, 10, 11, 12, 13, 79, 16, 14, 15, 17, 18, 19, 86, 23, 93, 30, "
          "100, 37, 44, 51, 58}");
    CHECK(BIN(SET(RANGE(I(100), I(0), I(-7))), SUB, SET(RANGE(I(5), I(50)))),
          "{65, 2, 100, 72, 79, 51, 86, 58, 93}");
    CHECK(BIN(SET(RANGE(I(100), I(0), I(-7))), SUB, SET(RANGE(I(5), I(6)))),
          "{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}");
    CHECK(BIN(SET(RANGE(I(100), I(0), I(-7))), XOR, SET(RANGE(I(5), I(50), I(2)))),
          "{65, 2, 5, 7, 72, 11, 13, 15, 79, 17, 16, 19, 21, 86, 25, 27, 29, 93, 31, 30, 33, 35, "
          "100, 39, 41, 43, 44, 45, 47, 49, 51, 58}");
    CHECK(M(SET(RANGE(I(100), I(0), I(-7))), "symmetric_difference", L(3, I(9), I(1000), I(2))),
          "{65, 100, 37, 1000, 72, 44, 79, 16, 51, 86, 23, 58, 93, 30}");
    CHECK(M(SET(RANGE(I(20))), "intersection", L(4, I(9), I(1000), I(2), I(3)), RANGE(I(3), I(10))),
          "{9, 3}");
    CHECK(M(SET(RANGE(I(20))), "difference", L(4, I(9), I(1000), I(2), I(3)), RANGE(I(3), I(10))),
          "{0, 1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}");
    CHECK(
        M(SET(RANGE(I(20))), "union", L(4, I(99), I(1000), I(2), I(3)), RANGE(I(50), I(40), I(-1))),
        "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 99, 1000, 41, 42, "
        "43, 44, 45, 46, 47, 48, 49, 50}");
    CHECK(({
              TrValue s = SET(RANGE(I(20)));
              DO(M(s, "intersection_update", RANGE(I(15), I(30))), s);
          }),
          "{15, 16, 17, 18, 19}");
    CHECK(({
              TrValue s = SET(RANGE(I(20)));
              DO(IBIN(s, SUB, SET(RANGE(I(0), I(20), I(2)))), s);
          }),
          "{1, 3, 5, 7, 9, 11, 13, 15, 17, 19}");
    CHECK(({
              TrValue s = SET(RANGE(I(20)));
              DO(IBIN(s, SUB, L(0)), s);
          }),
          "TypeError: unsupported operand type(s) for -=: 'set' and 'list'");
    CHECK(({
              TrValue s = SET(RANGE(I(5)));
              DO(IBIN(s, OR, SET(RANGE(I(30), I(40)))), s);
          }),
          "{0, 1, 2, 3, 4, 32, 33, 34, 35, 36, 37, 38, 39, 30, 31}");
    CHECK(({
              TrValue s = SET(RANGE(I(5)));
              DO(IBIN(s, XOR, SET(RANGE(I(3), I(8)))), s);
          }),
          "{0, 1, 2, 5, 6, 7}");
    CHECK(({
              TrValue s = SET(RANGE(I(5)));
              DO(IBIN(s, AND, SET(RANGE(I(3), I(8)))), s);
          }),
          "{3, 4}");
    CHECK(BIN(CALL("frozenset", RANGE(I(3))), OR, SET(L(1, I(9)))), "frozenset({0, 1, 2, 9})");
    CHECK(BIN(SET(L(1, I(9))), OR, CALL("frozenset", RANGE(I(3)))), "{0, 9, 2, 1}");
    CHECK(BIN(SET(L(1, I(9))), OR, L(1, I(1))),
          "TypeError: unsupported operand type(s) for |: 'set' and 'list'");
    CHECK(CMP(SET(RANGE(I(3))), LE, SET(RANGE(I(4)))), "True");
    CHECK(CMP(SET(RANGE(I(3))), LT, SET(RANGE(I(3)))), "False");
    CHECK(CMP(SET(RANGE(I(3))), EQ, CALL("frozenset", RANGE(I(3)))), "True");
    CHECK(CMP(SET(RANGE(I(3))), GT, SET(RANGE(I(2)))), "True");
    CHECK(CMP(SET(RANGE(I(3))), LE, L(0)),
          "TypeError: '<=' not supported between instances of 'set' and 'list'");
    CHECK(M(SET(RANGE(I(3))), "issubset", L(4, I(0), I(1), I(2), I(3))), "True");
    CHECK(M(SET(RANGE(I(3))), "issuperset", L(2, I(0), I(1))), "True");
    CHECK(M(SET(RANGE(I(3))), "isdisjoint", L(2, I(5), I(1))), "False");
    CHECK(M(SET(RANGE(I(3))), "isdisjoint", I(1)), "TypeError: 'int' object is not iterable");
    CHECK(HASH(CALL("frozenset", RANGE(I(3)))), "-4850097147344926394");
    CHECK(HASH(CALL("frozenset", L(0))), "133146708735736");
    CHECK(HASH(CALL("frozenset", L(3, I(-1), S("a") == 0 ? 0 : I(7), T(0)))),
          "3125680263701067220");
    CHECK(HASH(SET(L(0))), "TypeError: unhashable type: 'set'");
    CHECK(BOOL(tr_contains(SET(L(1, CALL("frozenset", L(1, I(1))))), SET(L(1, I(1))))), "True");
    CHECK(BOOL(tr_contains(SET(L(1, I(1))), L(0))), "TypeError: unhashable type: 'list'");
    CHECK(mutate_set_while_iterating(), "RuntimeError: Set changed size during iteration");
    CHECK(SET(D(3, I(9), I(0), I(1), I(0), I(17), I(0))), "{9, 1, 17}");
    CHECK(SET(M0(D(3, I(9), I(0), I(1), I(0), I(17), I(0)), "keys")), "{9, 1, 17}");
    CHECK(M0(SET(RANGE(I(7))), "copy"), "{0, 1, 2, 3, 4, 5, 6}");
    CHECK(M(SET(L(0)), "add"), "TypeError: set.add() takes exactly one argument (0 given)");
    CHECK(RANGE(I(10)), "range(0, 10)");
    CHECK(RANGE(I(1), I(10), I(2)), "range(1, 10, 2)");
    CHECK(RANGE(I(1), I(10), I(0)), "ValueError: range() arg 3 must not be zero");
    CHECK(RANGE(F(1.5)), "TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(CALL0("range"), "TypeError: range expected at least 1 argument, got 0");
    CHECK(INT(tr_len(RANGE(I(1), I(10), I(2)))), "5");
    CHECK(INT(tr_len(RANGE(I(10), I(1), I(-4)))), "3");
    CHECK(INT(tr_len(RANGE(BIG("100000000000000000000000")))),
          "OverflowError: Python int too large to convert to C ssize_t");
    CHECK(GI(RANGE(BIG("100000000000000000000000")), I(-1)), "99999999999999999999999");
    CHECK(GI(RANGE(I(5)), I(5)), "IndexError: range object index out of range");
    CHECK(GI(RANGE(I(5)), S("a")), "TypeError: range indices must be integers or slices, not str");
    CHECK(GI(RANGE(I(0), I(100), I(3)), SL(I(5), I(-5), I(2))), "range(15, 87, 6)");
    CHECK(GI(RANGE(I(0), I(100), I(3)), SL(N, N, I(-1))), "range(99, -3, -3)");
    CHECK(GI(RANGE(BIG("100000000000000000000000")), SL(I(-3), N, N)),
          "range(99999999999999999999997, 100000000000000000000000)");
    CHECK(ITER_ALL(RANGE(I(-5), I(5), I(3))), "[-5, -2, 1, 4]");
    CHECK(ITER_ALL(CALL("reversed", RANGE(I(-5), I(5), I(3)))), "[4, 1, -2, -5]");
    CHECK(ITER_ALL(CALL("reversed",
                        RANGE(BIG("1180591620717411303424"), BIG("1180591620717411303427")))),
          "[1180591620717411303426, 1180591620717411303425, 1180591620717411303424]");
    CHECK(ITER_ALL(RANGE(BIG("4611686018427387900"), BIG("4611686018427387906"), I(2))),
          "[4611686018427387900, 4611686018427387902, 4611686018427387904]");
    CHECK(BOOL(tr_contains(RANGE(I(0), I(100), I(3)), I(99))), "True");
    CHECK(BOOL(tr_contains(RANGE(I(0), I(100), I(3)), I(98))), "False");
    CHECK(BOOL(tr_contains(RANGE(I(0), I(100), I(3)), F(99.0))), "True");
    CHECK(BOOL(tr_contains(RANGE(BIG("100000000000000000000000")), BIG("99999999999999999999999"))),
          "True");
    CHECK(M(RANGE(I(0), I(100), I(3)), "index", I(99)), "33");
    CHECK(M(RANGE(I(0), I(100), I(3)), "index", I(98)), "ValueError: 98 is not in range");
    CHECK(M(RANGE(I(0), I(100), I(3)), "count", I(9)), "1");
    CHECK(CMP(RANGE(I(0), I(3), I(2)), EQ, RANGE(I(0), I(4), I(2))), "True");
    CHECK(CMP(RANGE(I(0)), EQ, RANGE(I(5), I(1))), "True");
    CHECK(CMP(RANGE(I(0)), LT, RANGE(I(5), I(1))),
          "TypeError: '<' not supported between instances of 'range' and 'range'");
    CHECK(HASH(RANGE(I(0), I(3), I(2))), "2960342552702214402");
    CHECK(CMP(HASH(RANGE(I(7), I(8), I(2))), EQ, HASH(T(3, I(1), I(7), N))), "True");
    CHECK(CMP(HASH(RANGE(I(7), I(1))), EQ, HASH(T(3, I(0), N, N))), "True");
    CHECK(tr_getattr_cstr(RANGE(I(7), I(1)), "step"), "1");
    CHECK(CALL("list", RANGE(TR_TRUE, I(4))), "[1, 2, 3]");
    CHECK(SL(I(1), I(2), N), "slice(1, 2, None)");
    CHECK(CALL("slice", I(5)), "slice(None, 5, None)");
    CHECK(CALL0("slice"), "TypeError: slice expected at least 1 argument, got 0");
    CHECK(HASH(SL(I(1), I(2), N)), "TypeError: unhashable type: 'slice'");
    CHECK(M(SL(N, N, I(-1)), "indices", I(5)), "(4, -1, -1)");
    CHECK(M(SL(I(-100), I(100), N), "indices", I(5)), "(0, 5, 1)");
    CHECK(M(SL(I(1), I(2), I(0)), "indices", I(5)), "ValueError: slice step cannot be zero");
    CHECK(M(SL(I(1), I(2), N), "indices", I(-1)), "ValueError: length should not be negative");
    CHECK(M(SL(S("a"), I(2), N), "indices", I(1)),
          "TypeError: slice indices must be integers or None or have an __index__ method");
    CHECK(CMP(SL(I(1), I(2), N), EQ, SL(I(1), I(2), N)), "True");
    CHECK(CMP(SL(I(1), I(2), N), LT, SL(I(1), I(3), N)), "True");
    CHECK(ITER_ALL(CALL("enumerate", S("ab"))), "[(0, 'a'), (1, 'b')]");
    CHECK(ITER_ALL(CALL("enumerate", S("ab"), BIG("1180591620717411303424"))),
          "[(1180591620717411303424, 'a'), (1180591620717411303425, 'b')]");
    CHECK(ITER_ALL(kw1(B("enumerate"), 1, (TrValue[]){S("ab")}, "start", I(-1))),
          "[(-1, 'a'), (0, 'b')]");
    CHECK(kw1(B("enumerate"), 1, (TrValue[]){S("ab")}, "x", I(-1)),
          "TypeError: 'x' is an invalid keyword argument for enumerate()");
    CHECK(CALL("enumerate", S("ab"), S("a")),
          "TypeError: 'str' object cannot be interpreted as an integer");
    CHECK(CALL0("enumerate"), "TypeError: enumerate() missing required argument 'iterable'");
    CHECK(CALL("enumerate", I(1)), "TypeError: 'int' object is not iterable");
    CHECK(ITER_ALL(CALL("zip", S("abc"), L(2, I(1), I(2)))), "[('a', 1), ('b', 2)]");
    CHECK(ITER_ALL(CALL0("zip")), "[]");
    CHECK(
        ITER_ALL(kw1(B("zip"), 2, (TrValue[]){S("ab"), L(3, I(1), I(2), I(3))}, "strict", TR_TRUE)),
        "ValueError: zip() argument 2 is longer than argument 1");
    CHECK(ITER_ALL(kw1(B("zip"), 3, (TrValue[]){L(3, I(1), I(2), I(3)), S("ab"), S("cd")}, "strict",
                       TR_TRUE)),
          "ValueError: zip() argument 2 is shorter than argument 1");
    CHECK(ITER_ALL(kw1(B("zip"), 3, (TrValue[]){S("ab"), S("cd"), S("e")}, "strict", TR_TRUE)),
          "ValueError: zip() argument 3 is shorter than arguments 1-2");
    CHECK(ITER_ALL(kw1(B("zip"), 2, (TrValue[]){S("ab"), S("cd")}, "strict", TR_TRUE)),
          "[('a', 'c'), ('b', 'd')]");
    CHECK(kw1(B("zip"), 1, (TrValue[]){S("ab")}, "x", TR_TRUE),
          "TypeError: 'x' is an invalid keyword argument for zip()");
    CHECK(ITER_ALL(CALL("map", B("len"), L(3, S("a"), S("bb"), T(0)))), "[1, 2, 0]");
    CHECK(ITER_ALL(CALL("map", B("pow"), L(3, I(2), I(3), I(4)), RANGE(I(5)))), "[1, 3, 16]");
    CHECK(CALL("map", B("len")), "TypeError: map() must have at least two arguments.");
    CHECK(ITER_ALL(CALL("filter", N, L(4, I(0), I(1), S(""), S("a")))), "[1, 'a']");
    CHECK(ITER_ALL(CALL("filter", B("len"), L(3, S(""), S("a"), T(0)))), "['a']");
    CHECK(CALL("filter", N), "TypeError: filter expected 2 arguments, got 1");
    CHECK(ITER_ALL(CALL("reversed", S("abc"))), "['c', 'b', 'a']");
    CHECK(ITER_ALL(CALL("reversed", T(3, I(1), I(2), I(3)))), "[3, 2, 1]");
    CHECK(CALL("reversed", I(1)), "TypeError: 'int' object is not reversible");
    CHECK(CALL("reversed", SET(L(0))), "TypeError: 'set' object is not reversible");
    CHECK(CALL0("reversed"), "TypeError: reversed expected 1 argument, got 0");
    CHECK(tr_next(tr_iter(CALL("map", B("len"), L(1, I(1))))),
          "TypeError: object of type 'int' has no len()");
    CHECK(M(B("dict"), "__class_getitem__",
            T(2, B("str"), M(B("list"), "__class_getitem__", B("int")))),
          "dict[str, list[int]]");
    CHECK(M(B("tuple"), "__class_getitem__", T(2, B("int"), TR_ELLIPSIS)), "tuple[int, ...]");
    CHECK(tr_call(M(B("list"), "__class_getitem__", B("int")), (TrValue[]){S("ab")}, 1, 0),
          "['a', 'b']");
    CHECK(CMP(M(B("set"), "__class_getitem__", B("int")), EQ,
              M(B("set"), "__class_getitem__", B("int"))),
          "True");
    CHECK(tr_getattr_cstr(M(B("frozenset"), "__class_getitem__", B("int")), "__args__"),
          "(<class 'int'>,)");
    printf("test_containers: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
