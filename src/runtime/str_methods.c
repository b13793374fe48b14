/*
 * str_methods.c -- str methods that search, split, strip, pad and replace, plus the method
 * table of the str type (case and classification methods are in str_case.c). Argument
 * errors copy CPython's, which differ by method (Argument Clinic vs. older parsers).
 */
#include "runtime/str_methods.h"

#include "runtime/runtime.h"
#include "runtime/unicode.h"

#include <string.h>

#define S(v) tr_as_str(v)

/* --- Argument helpers ------------------------------------------------------------------- */

int tr_arg_index(TrValue v, int64_t *out)
{
    if (tr_is_small(v)) {
        *out = tr_small_val(v);
        return 0;
    }
    TrValue i = tr_index(v);
    if (i == TR_ERR)
        return -1;
    if (tr_int_to_i64(i, out) < 0) {
        tr_err_clear();
        tr_raise(&tr_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

int tr_arg_slice_index(TrValue v, int64_t *out)
{
    if (v == TR_NONE || !v)
        return 0;
    if (tr_is_small(v)) {
        *out = tr_small_val(v);
        return 0;
    }
    if (!tr_has_index(v)) {
        tr_raise(&tr_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    TrValue i = tr_index(v);
    if (i == TR_ERR)
        return -1;
    if (tr_int_to_i64(i, out) < 0) {
        tr_err_clear();
        *out = tr_int_sign(i) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    }
    return 0;
}

void tr_adjust_indices(int64_t *start, int64_t *end, int64_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

int tr_arg_none(const char *qualname, size_t nargs, TrValue kwnames)
{
    if (tr_nkw(kwnames)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", qualname);
        return -1;
    }
    if (nargs) {
        tr_raise(&tr_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
        return -1;
    }
    return 0;
}

int tr_arg_one(const char *qualname, size_t nargs, TrValue kwnames)
{
    if (tr_nkw(kwnames)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", qualname);
        return -1;
    }
    if (nargs != 1) {
        tr_raise(&tr_TypeError, "%s() takes exactly one argument (%zu given)", qualname, nargs);
        return -1;
    }
    return 0;
}

int tr_arg_clinic(const char *name, size_t nargs, TrValue kwnames, size_t min, size_t max)
{
    if (tr_nkw(kwnames)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min) {
        tr_raise(&tr_TypeError, "%s expected at least %zu argument%s, got %zu", name, min,
                 min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        tr_raise(&tr_TypeError, "%s expected at most %zu argument%s, got %zu", name, max,
                 max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int tr_arg_tuple(const char *name, size_t nargs, TrValue kwnames, size_t min, size_t max)
{
    if (tr_nkw(kwnames)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min) {
        tr_raise(&tr_TypeError, "%s() takes at least %zu argument%s (%zu given)", name, min,
                 min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        tr_raise(&tr_TypeError, "%s() takes at most %zu argument%s (%zu given)", name, max,
                 max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* sub[, start[, end]] of find, rfind, index, rindex, count */
static int sub_range(const char *name, TrValue self, const TrValue *args, size_t nargs, TrValue kw,
                     int64_t *start, int64_t *end)
{
    if (tr_arg_tuple(name, nargs, kw, 1, 3) < 0)
        return -1;
    if (!tr_is_str(args[0])) {
        tr_raise(&tr_TypeError, "must be str, not %s", tr_type_name(args[0]));
        return -1;
    }
    *start = 0;
    *end = INT64_MAX / 2;
    if (nargs > 1 && tr_arg_slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && tr_arg_slice_index(args[2], end) < 0)
        return -1;
    tr_adjust_indices(start, end, S(self)->len);
    return 0;
}

/* --- Searching -------------------------------------------------------------------------- */

static int64_t find_common(const char *name, TrValue self, const TrValue *args, size_t nargs,
                           TrValue kw, int dir)
{
    int64_t start, end;
    if (sub_range(name, self, args, nargs, kw, &start, &end) < 0)
        return -2;
    if (start > S(self)->len)
        return -1;
    return tr_str_find_in(S(self), S(args[0]), start, end, dir);
}

static TrValue m_find(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t r = find_common("find", self, args, nargs, kw, 1);
    return r == -2 ? TR_ERR : tr_int_from_i64(r);
}

static TrValue m_rfind(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t r = find_common("rfind", self, args, nargs, kw, -1);
    return r == -2 ? TR_ERR : tr_int_from_i64(r);
}

static TrValue m_index(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t r = find_common("index", self, args, nargs, kw, 1);
    if (r == -1)
        return tr_raise(&tr_ValueError, "substring not found");
    return r == -2 ? TR_ERR : tr_int_from_i64(r);
}

static TrValue m_rindex(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t r = find_common("rindex", self, args, nargs, kw, -1);
    if (r == -1)
        return tr_raise(&tr_ValueError, "substring not found");
    return r == -2 ? TR_ERR : tr_int_from_i64(r);
}

/* Non-overlapping occurrences of sub in s[start:end), at most max (-1: no limit). */
static int64_t count_in(const TrStr *s, const TrStr *sub, int64_t start, int64_t end, int64_t max)
{
    if (end > s->len)
        end = s->len;
    if (start > end)
        return 0;
    if (sub->len == 0) {
        int64_t n = end - start + 1;
        return max >= 0 && n > max ? max : n;
    }
    int64_t n = 0;
    while (max < 0 || n < max) {
        int64_t i = tr_str_find_in(s, sub, start, end, 1);
        if (i < 0)
            break;
        n++;
        start = i + sub->len;
    }
    return n;
}

static TrValue m_count(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t start, end;
    if (sub_range("count", self, args, nargs, kw, &start, &end) < 0)
        return TR_ERR;
    if (start > S(self)->len)
        return tr_small_new(0);
    return tr_int_from_i64(count_in(S(self), S(args[0]), start, end, -1));
}

static bool match_at(const TrStr *s, const TrStr *sub, int64_t start, int64_t end, bool suffix)
{
    if (end > s->len)
        end = s->len;
    if (end - start < sub->len || start > s->len)
        return false;
    int64_t at = suffix ? end - sub->len : start;
    for (int64_t j = 0; j < sub->len; j++)
        if (tr_str_char(s, at + j) != tr_str_char(sub, j))
            return false;
    return true;
}

static TrValue starts_ends(const char *name, TrValue self, const TrValue *args, size_t nargs,
                           TrValue kw, bool suffix)
{
    if (tr_arg_tuple(name, nargs, kw, 1, 3) < 0)
        return TR_ERR;
    int64_t start = 0, end = INT64_MAX / 2;
    if (nargs > 1 && tr_arg_slice_index(args[1], &start) < 0)
        return TR_ERR;
    if (nargs > 2 && tr_arg_slice_index(args[2], &end) < 0)
        return TR_ERR;
    tr_adjust_indices(&start, &end, S(self)->len);
    TrValue x = args[0];
    if (tr_is_tuple(x)) {
        for (int64_t i = 0; i < tr_as_tuple(x)->len; i++) {
            TrValue p = tr_as_tuple(x)->items[i];
            if (!tr_is_str(p))
                return tr_raise(&tr_TypeError, "tuple for %s must only contain str, not %s", name,
                                tr_type_name(p));
            if (match_at(S(self), S(p), start, end, suffix))
                return TR_TRUE;
        }
        return TR_FALSE;
    }
    if (!tr_is_str(x))
        return tr_raise(&tr_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                        tr_type_name(x));
    return tr_bool(match_at(S(self), S(x), start, end, suffix));
}

static TrValue m_startswith(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return starts_ends("startswith", self, args, nargs, kw, false);
}

static TrValue m_endswith(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return starts_ends("endswith", self, args, nargs, kw, true);
}

/* --- Splitting -------------------------------------------------------------------------- */

static int split_args(const char *name, const TrValue *args, size_t nargs, TrValue kw, TrValue *sep,
                      int64_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit"};
    TrValue a[2];
    if (tr_parse_args(name, args, nargs, kw, names, 0, 2, 0, 2, a) < 0)
        return -1;
    *sep = a[0] && a[0] != TR_NONE ? a[0] : 0;
    *maxsplit = -1;
    if (*sep && !tr_is_str(*sep)) {
        tr_raise(&tr_TypeError, "must be str or None, not %s", tr_type_name(*sep));
        return -1;
    }
    if (*sep && S(*sep)->len == 0) {
        tr_raise(&tr_ValueError, "empty separator");
        return -1;
    }
    if (a[1] && tr_arg_index(a[1], maxsplit) < 0)
        return -1;
    if (*maxsplit < 0)
        *maxsplit = INT64_MAX;
    return 0;
}

static TrValue sub(TrValue self, int64_t i, int64_t j)
{
    return tr_str_sub(S(self), i, 1, j - i);
}

static TrValue m_split(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrValue sep;
    int64_t max;
    if (split_args("split", args, nargs, kw, &sep, &max) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    TrValue list = tr_list_new(0);
    int64_t i = 0, n = s->len;
    if (!sep) {
        for (;;) {
            while (i < n && tr_uni_isspace(tr_str_char(s, i)))
                i++;
            if (i == n)
                break;
            if (max-- == 0) { /* the rest keeps its trailing whitespace */
                tr_list_append(list, sub(self, i, n));
                break;
            }
            int64_t j = i;
            while (j < n && !tr_uni_isspace(tr_str_char(s, j)))
                j++;
            tr_list_append(list, sub(self, i, j));
            i = j;
        }
        return list;
    }
    TrStr *sp = S(sep);
    while (max-- > 0) {
        int64_t j = tr_str_find_in(s, sp, i, n, 1);
        if (j < 0)
            break;
        tr_list_append(list, sub(self, i, j));
        i = j + sp->len;
    }
    tr_list_append(list, i == 0 && s->ob.type == &tr_str_type ? self : sub(self, i, n));
    return list;
}

static void list_reverse(TrValue list)
{
    TrList *l = tr_as_list(list);
    for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
        TrValue t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
}

static TrValue m_rsplit(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrValue sep;
    int64_t max;
    if (split_args("rsplit", args, nargs, kw, &sep, &max) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    TrValue list = tr_list_new(0);
    int64_t j = s->len;
    if (!sep) {
        for (;;) {
            while (j > 0 && tr_uni_isspace(tr_str_char(s, j - 1)))
                j--;
            if (j == 0)
                break;
            if (max-- == 0) {
                tr_list_append(list, sub(self, 0, j));
                break;
            }
            int64_t i = j;
            while (i > 0 && !tr_uni_isspace(tr_str_char(s, i - 1)))
                i--;
            tr_list_append(list, sub(self, i, j));
            j = i;
        }
    } else {
        TrStr *sp = S(sep);
        while (max-- > 0) {
            int64_t i = tr_str_find_in(s, sp, 0, j, -1);
            if (i < 0)
                break;
            tr_list_append(list, sub(self, i + sp->len, j));
            j = i;
        }
        tr_list_append(list, sub(self, 0, j));
    }
    list_reverse(list);
    return list;
}

static TrValue m_splitlines(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"keepends"};
    TrValue a[1];
    if (tr_parse_args("splitlines", args, nargs, kw, names, 0, 1, 0, 1, a) < 0)
        return TR_ERR;
    int64_t keep = 0;
    if (a[0]) {
        if (tr_is_float(a[0]))
            return tr_raise(&tr_TypeError, "'float' object cannot be interpreted as an integer");
        if (tr_arg_index(a[0], &keep) < 0)
            return TR_ERR;
    }
    TrStr *s = S(self);
    TrValue list = tr_list_new(0);
    int64_t i = 0, n = s->len;
    while (i < n) {
        int64_t j = i;
        while (j < n && !tr_uni_islinebreak(tr_str_char(s, j)))
            j++;
        int64_t eol = j;
        if (j < n) {
            if (tr_str_char(s, j) == '\r' && j + 1 < n && tr_str_char(s, j + 1) == '\n')
                j += 2;
            else
                j++;
            if (keep)
                eol = j;
        }
        tr_list_append(list, sub(self, i, eol));
        i = j;
    }
    return list;
}

static TrValue partition(const char *name, TrValue self, const TrValue *args, size_t nargs,
                         TrValue kw, int dir)
{
    if (tr_arg_one(name, nargs, kw) < 0)
        return TR_ERR;
    TrValue sep = args[0];
    if (!tr_is_str(sep))
        return tr_raise(&tr_TypeError, "must be str, not %s", tr_type_name(sep));
    if (S(sep)->len == 0)
        return tr_raise(&tr_ValueError, "empty separator");
    TrStr *s = S(self);
    int64_t i = tr_str_find_in(s, S(sep), 0, s->len, dir);
    TrValue whole = sub(self, 0, s->len), e = tr_str_empty();
    if (i < 0)
        return dir > 0 ? tr_tuple_pack(3, whole, e, e) : tr_tuple_pack(3, e, e, whole);
    return tr_tuple_pack(3, sub(self, 0, i), sep, sub(self, i + S(sep)->len, s->len));
}

static TrValue m_partition(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return partition("str.partition", self, args, nargs, kw, 1);
}

static TrValue m_rpartition(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return partition("str.rpartition", self, args, nargs, kw, -1);
}

static TrValue m_join(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_one("str.join", nargs, kw) < 0)
        return TR_ERR;
    TrType *t = tr_type_of(args[0]);
    if (!t->iter && !t->getitem)
        return tr_raise(&tr_TypeError, "can only join an iterable");
    return tr_str_join(self, args[0]);
}

/* --- Stripping -------------------------------------------------------------------------- */

static bool in_chars(const TrStr *chars, uint32_t c)
{
    for (int64_t k = 0; k < chars->len; k++)
        if (tr_str_char(chars, k) == c)
            return true;
    return false;
}

static TrValue strip(const char *name, TrValue self, const TrValue *args, size_t nargs, TrValue kw,
                     bool left, bool right)
{
    if (tr_arg_clinic(name, nargs, kw, 0, 1) < 0)
        return TR_ERR;
    TrValue chars = nargs ? args[0] : TR_NONE;
    if (chars != TR_NONE && !tr_is_str(chars))
        return tr_raise(&tr_TypeError, "%s arg must be None or str", name);
    TrStr *s = S(self);
    int64_t i = 0, j = s->len;
    if (chars == TR_NONE) {
        while (left && i < j && tr_uni_isspace(tr_str_char(s, i)))
            i++;
        while (right && j > i && tr_uni_isspace(tr_str_char(s, j - 1)))
            j--;
    } else {
        while (left && i < j && in_chars(S(chars), tr_str_char(s, i)))
            i++;
        while (right && j > i && in_chars(S(chars), tr_str_char(s, j - 1)))
            j--;
    }
    if (i == 0 && j == s->len && s->ob.type == &tr_str_type)
        return self;
    return sub(self, i, j);
}

static TrValue m_strip(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return strip("strip", self, args, nargs, kw, true, true);
}

static TrValue m_lstrip(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return strip("lstrip", self, args, nargs, kw, true, false);
}

static TrValue m_rstrip(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return strip("rstrip", self, args, nargs, kw, false, true);
}

static TrValue affix(const char *name, TrValue self, const TrValue *args, size_t nargs, TrValue kw,
                     bool suffix)
{
    char q[32];
    snprintf(q, sizeof q, "str.%s", name);
    if (tr_arg_one(q, nargs, kw) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "%s() argument must be str, not %s", name,
                        tr_type_name(args[0]));
    TrStr *s = S(self), *a = S(args[0]);
    if (a->len && match_at(s, a, 0, s->len, suffix))
        return suffix ? sub(self, 0, s->len - a->len) : sub(self, a->len, s->len);
    return sub(self, 0, s->len);
}

static TrValue m_removeprefix(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return affix("removeprefix", self, args, nargs, kw, false);
}

static TrValue m_removesuffix(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return affix("removesuffix", self, args, nargs, kw, true);
}

/* --- Padding ---------------------------------------------------------------------------- */

/* s with left and right copies of fill around it */
static TrValue pad(TrValue self, int64_t left, int64_t right, uint32_t fill)
{
    TrStr *s = S(self);
    if (left <= 0 && right <= 0)
        return sub(self, 0, s->len);
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    int kind = s->kind;
    int fk = fill < 0x100 ? 1 : fill < 0x10000 ? 2 : 4;
    if (fk > kind)
        kind = fk;
    TrValue r = tr_str_new_kind(left + s->len + right, kind);
    TrStr *rs = S(r);
    for (int64_t i = 0; i < left; i++)
        tr_str_copy_into(rs, i, S(tr_str_from_char(fill)));
    tr_str_copy_into(rs, left, s);
    for (int64_t i = 0; i < right; i++)
        tr_str_copy_into(rs, left + s->len + i, S(tr_str_from_char(fill)));
    tr_str_fix(r);
    return r;
}

static int pad_args(const char *name, const TrValue *args, size_t nargs, TrValue kw, int64_t *width,
                    uint32_t *fill)
{
    if (tr_arg_clinic(name, nargs, kw, 1, 2) < 0)
        return -1;
    if (tr_arg_index(args[0], width) < 0)
        return -1;
    if (*width < 0) /* no padding; and width - len must not overflow */
        *width = 0;
    *fill = ' ';
    if (nargs > 1) {
        if (!tr_is_str(args[1])) {
            tr_raise(&tr_TypeError, "The fill character must be a unicode character, not %s",
                     tr_type_name(args[1]));
            return -1;
        }
        if (S(args[1])->len != 1) {
            tr_raise(&tr_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = tr_str_char(S(args[1]), 0);
    }
    return 0;
}

static TrValue m_center(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t width;
    uint32_t fill;
    if (pad_args("center", args, nargs, kw, &width, &fill) < 0)
        return TR_ERR;
    int64_t marg = width - S(self)->len;
    if (marg <= 0)
        return sub(self, 0, S(self)->len);
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static TrValue m_ljust(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t width;
    uint32_t fill;
    if (pad_args("ljust", args, nargs, kw, &width, &fill) < 0)
        return TR_ERR;
    return pad(self, 0, width - S(self)->len, fill);
}

static TrValue m_rjust(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    int64_t width;
    uint32_t fill;
    if (pad_args("rjust", args, nargs, kw, &width, &fill) < 0)
        return TR_ERR;
    return pad(self, width - S(self)->len, 0, fill);
}

static TrValue m_zfill(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_one("str.zfill", nargs, kw) < 0)
        return TR_ERR;
    int64_t width;
    if (tr_arg_index(args[0], &width) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    int64_t fill = width < s->len ? 0 : width - s->len; /* no overflow for huge negatives */
    if (fill <= 0)
        return sub(self, 0, s->len);
    TrValue r = pad(self, fill, 0, '0');
    TrStr *rs = S(r);
    if (s->len && (tr_str_char(s, 0) == '+' || tr_str_char(s, 0) == '-')) {
        /* move the sign in front of the zeros */
        uint32_t sign = tr_str_char(s, 0);
        TrValue out = tr_str_new_kind(rs->len, rs->kind);
        tr_str_copy_into(S(out), 0, rs);
        TrStr *os = S(out);
        if (os->kind == 1) {
            os->data[0] = (uint8_t)sign;
            os->data[fill] = '0';
        } else if (os->kind == 2) {
            ((uint16_t *)os->data)[0] = (uint16_t)sign;
            ((uint16_t *)os->data)[fill] = '0';
        } else {
            ((uint32_t *)os->data)[0] = sign;
            ((uint32_t *)os->data)[fill] = '0';
        }
        tr_str_fix(out);
        return out;
    }
    return r;
}

static TrValue m_expandtabs(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"tabsize"};
    TrValue a[1];
    if (tr_parse_args("expandtabs", args, nargs, kw, names, 0, 1, 0, 1, a) < 0)
        return TR_ERR;
    int64_t tab = 8;
    if (a[0] && tr_arg_index(a[0], &tab) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    int64_t col = 0;
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        if (c == '\t') {
            if (tab > 0) {
                int64_t k = tab - col % tab;
                col += k;
                while (k--)
                    tr_sbuild_char(&b, ' ');
            }
        } else {
            tr_sbuild_char(&b, c);
            col++;
            if (c == '\n' || c == '\r')
                col = 0;
        }
    }
    return tr_sbuild_finish(&b);
}

/* --- replace ---------------------------------------------------------------------------- */

static TrValue m_replace(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_clinic("replace", nargs, kw, 2, 3) < 0)
        return TR_ERR;
    for (int k = 0; k < 2; k++)
        if (!tr_is_str(args[k]))
            return tr_raise(&tr_TypeError, "replace() argument %d must be str, not %s", k + 1,
                            tr_type_name(args[k]));
    int64_t max = -1;
    if (nargs > 2 && tr_arg_index(args[2], &max) < 0)
        return TR_ERR;
    TrStr *s = S(self), *old = S(args[0]);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    int64_t i = 0, n = 0;
    if (old->len == 0) {
        for (; i <= s->len; i++) {
            if (max < 0 || n < max) {
                tr_sbuild_str(&b, args[1]);
                n++;
            }
            if (i < s->len)
                tr_sbuild_char(&b, tr_str_char(s, i));
        }
        return tr_sbuild_finish(&b);
    }
    while (max < 0 || n < max) {
        int64_t j = tr_str_find_in(s, old, i, s->len, 1);
        if (j < 0)
            break;
        if (n == 0)
            tr_sbuild_init(&b);
        for (int64_t k = i; k < j; k++)
            tr_sbuild_char(&b, tr_str_char(s, k));
        tr_sbuild_str(&b, args[1]);
        i = j + old->len;
        n++;
    }
    if (n == 0)
        return sub(self, 0, s->len);
    for (int64_t k = i; k < s->len; k++)
        tr_sbuild_char(&b, tr_str_char(s, k));
    return tr_sbuild_finish(&b);
}

/* --- format ----------------------------------------------------------------------------- */

static TrValue m_format(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_str_format(self, args, nargs, kw);
}

static TrValue m_format_map(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_one("str.format_map", nargs, kw) < 0)
        return TR_ERR;
    return tr_str_format_map(self, args[0]);
}

static TrValue m___format__(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_one("str.__format__", nargs, kw) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "__format__() argument must be str, not %s",
                        tr_type_name(args[0]));
    /* str's own formatting, not tr_format: a subclass whose __format__ is this method would
       come straight back here */
    return tr_str_type.format(self, args[0]);
}

static TrValue m___getnewargs__(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_none("str.__getnewargs__", nargs, kw) < 0)
        return TR_ERR;
    return tr_tuple_pack(1, sub(self, 0, S(self)->len));
}

/* --- Slot wrappers: the dunder methods Python code calls directly ('a'.__len__()) ------- */

#define ARGS TrValue self, const TrValue *args, size_t nargs, TrValue kw
#define SLOT(name) (tr_str_type.name)

static int one_arg(const char *name, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs(name, kw) < 0)
        return -1;
    if (nargs != 1) {
        tr_raise(&tr_TypeError, "expected 1 argument, got %zu", nargs);
        return -1;
    }
    return 0;
}

static TrValue w_len(ARGS)
{
    if (tr_check_nargs("str.__len__", nargs, 0, 0) < 0 || tr_no_kwargs("__len__", kw) < 0)
        return TR_ERR;
    return tr_int_from_i64(tr_as_str(self)->len);
}

static TrValue w_getitem(ARGS)
{
    return one_arg("__getitem__", nargs, kw) < 0 ? TR_ERR : SLOT(getitem)(self, args[0]);
}

static TrValue w_contains(ARGS)
{
    if (one_arg("__contains__", nargs, kw) < 0)
        return TR_ERR;
    int r = tr_str_contains(self, args[0]);
    return r < 0 ? TR_ERR : tr_bool(r);
}

#define BINOP_WRAPPER(fn, op, reflected)                                                           \
    static TrValue fn(ARGS)                                                                        \
    {                                                                                              \
        if (one_arg(#fn, nargs, kw) < 0)                                                           \
            return TR_ERR;                                                                         \
        return reflected ? SLOT(binop)(args[0], self, op) : SLOT(binop)(self, args[0], op);        \
    }
BINOP_WRAPPER(w_add, TR_OP_ADD, false)
BINOP_WRAPPER(w_mul, TR_OP_MUL, false)
BINOP_WRAPPER(w_rmul, TR_OP_MUL, true)
BINOP_WRAPPER(w_mod, TR_OP_MOD, false)

static TrValue w_rmod(ARGS)
{
    return one_arg("__rmod__", nargs, kw) < 0 ? TR_ERR : TR_NOTIMPL;
}

#define CMP_WRAPPER(fn, op)                                                                        \
    static TrValue fn(ARGS)                                                                        \
    {                                                                                              \
        if (one_arg(#fn, nargs, kw) < 0)                                                           \
            return TR_ERR;                                                                         \
        return SLOT(richcmp)(self, args[0], op);                                                   \
    }
CMP_WRAPPER(w_eq, TR_EQ)
CMP_WRAPPER(w_ne, TR_NE)
CMP_WRAPPER(w_lt, TR_LT)
CMP_WRAPPER(w_le, TR_LE)
CMP_WRAPPER(w_gt, TR_GT)
CMP_WRAPPER(w_ge, TR_GE)

static TrValue w_hash(ARGS)
{
    if (tr_check_nargs("str.__hash__", nargs, 0, 0) < 0)
        return TR_ERR;
    return tr_int_from_i64(tr_str_hash(self));
}

static TrValue w_iter(ARGS)
{
    if (tr_check_nargs("str.__iter__", nargs, 0, 0) < 0)
        return TR_ERR;
    return SLOT(iter)(self);
}

static TrValue w_str(ARGS)
{
    if (tr_check_nargs("str.__str__", nargs, 0, 0) < 0)
        return TR_ERR;
    return SLOT(str)(self);
}

static TrValue w_repr(ARGS)
{
    if (tr_check_nargs("str.__repr__", nargs, 0, 0) < 0)
        return TR_ERR;
    return tr_str_repr(self);
}

const TrMethodDef tr_str_methods[] = {
    {"find", m_find, 0},
    {"rfind", m_rfind, 0},
    {"index", m_index, 0},
    {"rindex", m_rindex, 0},
    {"count", m_count, 0},
    {"startswith", m_startswith, 0},
    {"endswith", m_endswith, 0},
    {"split", m_split, 0},
    {"rsplit", m_rsplit, 0},
    {"splitlines", m_splitlines, 0},
    {"partition", m_partition, 0},
    {"rpartition", m_rpartition, 0},
    {"join", m_join, 0},
    {"strip", m_strip, 0},
    {"lstrip", m_lstrip, 0},
    {"rstrip", m_rstrip, 0},
    {"removeprefix", m_removeprefix, 0},
    {"removesuffix", m_removesuffix, 0},
    {"center", m_center, 0},
    {"ljust", m_ljust, 0},
    {"rjust", m_rjust, 0},
    {"zfill", m_zfill, 0},
    {"expandtabs", m_expandtabs, 0},
    {"replace", m_replace, 0},
    {"format", m_format, 0},
    {"format_map", m_format_map, 0},
    {"__format__", m___format__, 0},
    {"__getnewargs__", m___getnewargs__, 0},
    {"maketrans", tr_str_m_maketrans, TR_METH_STATIC},
#define X(name) {#name, tr_str_m_##name, 0},
    X(lower) X(upper) X(casefold) X(swapcase) X(capitalize) X(title) X(isalpha) X(isalnum)
        X(isdecimal) X(isdigit) X(isnumeric) X(isspace) X(isupper) X(islower) X(istitle)
            X(isidentifier) X(isprintable) X(isascii) X(translate) X(encode)
#undef X
                {"__len__", w_len, 0},
    {"__getitem__", w_getitem, 0},
    {"__contains__", w_contains, 0},
    {"__add__", w_add, 0},
    {"__mul__", w_mul, 0},
    {"__rmul__", w_rmul, 0},
    {"__mod__", w_mod, 0},
    {"__rmod__", w_rmod, 0},
    {"__eq__", w_eq, 0},
    {"__ne__", w_ne, 0},
    {"__lt__", w_lt, 0},
    {"__le__", w_le, 0},
    {"__gt__", w_gt, 0},
    {"__ge__", w_ge, 0},
    {"__hash__", w_hash, 0},
    {"__iter__", w_iter, 0},
    {"__str__", w_str, 0},
    {"__repr__", w_repr, 0},
    {NULL, NULL, 0},
};
