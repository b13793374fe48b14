/*
 * bytes_methods.c -- methods of bytes and bytearray. Each works on a read-only view of self
 * and builds its result with the type of self (bytes.upper() -> bytes, bytearray.upper() ->
 * bytearray); the mutating bytearray methods come last. Character classes are ASCII only.
 */
#include "runtime/bytes_impl.h"

#include "runtime/codecs.h"
#include "runtime/runtime.h"
#include "runtime/str_methods.h"

#include <ctype.h>
#include <string.h>

#define ARGS TrValue self, const TrValue *args, size_t nargs, TrValue kw

static TrBytesView view(TrValue v)
{
    TrBytesView x;
    tr_bytes_view(v, &x);
    return x;
}

static TrValue like(TrValue self, const uint8_t *d, int64_t n)
{
    return tr_bytes_like(self, d, n);
}

static int need_bytes(TrValue v, TrBytesView *out)
{
    if (tr_bytes_view(v, out))
        return 0;
    tr_raise(&tr_TypeError, "a bytes-like object is required, not '%s'", tr_type_name(v));
    return -1;
}

static int64_t find_in(TrBytesView s, const uint8_t *sub, int64_t m, int64_t start, int64_t end,
                       int dir)
{
    if (end > s.len)
        end = s.len;
    if (start < 0)
        start = 0;
    if (end - start < m)
        return -1;
    if (dir > 0) {
        if (m == 0)
            return start;
        const uint8_t *p = memmem(s.data + start, (size_t)(end - start), sub, (size_t)m);
        return p ? p - s.data : -1;
    }
    for (int64_t i = end - m; i >= start; i--)
        if (memcmp(s.data + i, sub, (size_t)m) == 0)
            return i;
    return -1;
}

/* --- Searching -------------------------------------------------------------------------- */

/* sub (bytes-like or int) [, start [, end]] */
static int sub_args(const char *name, TrValue self, const TrValue *args, size_t nargs, TrValue kw,
                    uint8_t *one, TrBytesView *sub, int64_t *start, int64_t *end)
{
    if (tr_arg_tuple(name, nargs, kw, 1, 3) < 0)
        return -1;
    if (!tr_bytes_view(args[0], sub)) {
        if (!tr_has_index(args[0])) {
            tr_raise(&tr_TypeError, "argument should be integer or bytes-like object, not '%s'",
                     tr_type_name(args[0]));
            return -1;
        }
        int c;
        if (tr_byte_value(args[0], &c) < 0)
            return -1;
        *one = (uint8_t)c;
        sub->data = one;
        sub->len = 1;
    }
    *start = 0;
    *end = INT64_MAX / 2;
    if (nargs > 1 && tr_arg_slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && tr_arg_slice_index(args[2], end) < 0)
        return -1;
    tr_adjust_indices(start, end, view(self).len);
    return 0;
}

static int64_t find_common(const char *name, ARGS, int dir)
{
    uint8_t one;
    TrBytesView sub;
    int64_t start, end;
    if (sub_args(name, self, args, nargs, kw, &one, &sub, &start, &end) < 0)
        return -2;
    if (start > view(self).len)
        return -1;
    return find_in(view(self), sub.data, sub.len, start, end, dir);
}

static TrValue m_find(ARGS)
{
    int64_t r = find_common("find", self, args, nargs, kw, 1);
    return r == -2 ? TR_ERR : tr_int_from_i64(r);
}

static TrValue m_rfind(ARGS)
{
    int64_t r = find_common("rfind", self, args, nargs, kw, -1);
    return r == -2 ? TR_ERR : tr_int_from_i64(r);
}

static TrValue m_index(ARGS)
{
    int64_t r = find_common("index", self, args, nargs, kw, 1);
    if (r == -1)
        return tr_raise(&tr_ValueError, "subsection not found");
    return r == -2 ? TR_ERR : tr_int_from_i64(r);
}

static TrValue m_rindex(ARGS)
{
    int64_t r = find_common("rindex", self, args, nargs, kw, -1);
    if (r == -1)
        return tr_raise(&tr_ValueError, "subsection not found");
    return r == -2 ? TR_ERR : tr_int_from_i64(r);
}

static TrValue m_count(ARGS)
{
    uint8_t one;
    TrBytesView sub, s = view(self);
    int64_t start, end;
    if (sub_args("count", self, args, nargs, kw, &one, &sub, &start, &end) < 0)
        return TR_ERR;
    if (end > s.len)
        end = s.len;
    if (start > end)
        return tr_small_new(0);
    if (sub.len == 0)
        return tr_int_from_i64(end - start + 1);
    int64_t n = 0;
    for (;;) {
        int64_t i = find_in(s, sub.data, sub.len, start, end, 1);
        if (i < 0)
            break;
        n++;
        start = i + sub.len;
    }
    return tr_int_from_i64(n);
}

static TrValue starts_ends(const char *name, ARGS, bool suffix)
{
    if (tr_arg_tuple(name, nargs, kw, 1, 3) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    int64_t start = 0, end = INT64_MAX / 2;
    if (nargs > 1 && tr_arg_slice_index(args[1], &start) < 0)
        return TR_ERR;
    if (nargs > 2 && tr_arg_slice_index(args[2], &end) < 0)
        return TR_ERR;
    tr_adjust_indices(&start, &end, s.len);
    bool tuple = tr_is_tuple(args[0]);
    int64_t n = tuple ? tr_as_tuple(args[0])->len : 1;
    for (int64_t k = 0; k < n; k++) {
        TrValue p = tuple ? tr_as_tuple(args[0])->items[k] : args[0];
        TrBytesView x;
        if (!tr_bytes_view(p, &x)) {
            if (tuple)
                return tr_raise(&tr_TypeError, "a bytes-like object is required, not '%s'",
                                tr_type_name(p));
            return tr_raise(&tr_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                            name, tr_type_name(p));
        }
        if (start > s.len || end - start < x.len)
            continue;
        int64_t at = suffix ? end - x.len : start;
        if (memcmp(s.data + at, x.data, (size_t)x.len) == 0)
            return TR_TRUE;
    }
    return TR_FALSE;
}

static TrValue m_startswith(ARGS)
{
    return starts_ends("startswith", self, args, nargs, kw, false);
}
static TrValue m_endswith(ARGS)
{
    return starts_ends("endswith", self, args, nargs, kw, true);
}

/* --- Splitting and joining -------------------------------------------------------------- */

static bool is_space(uint8_t c)
{
    return c == ' ' || (c >= 9 && c <= 13);
}

static TrValue split_common(const char *name, ARGS, bool right)
{
    static const char *const names[] = {"sep", "maxsplit"};
    TrValue a[2];
    if (tr_parse_args(name, args, nargs, kw, names, 0, 2, 0, 2, a) < 0)
        return TR_ERR;
    int64_t max = -1;
    if (a[1] && tr_arg_index(a[1], &max) < 0)
        return TR_ERR;
    if (max < 0)
        max = INT64_MAX;
    TrBytesView sep = {NULL, 0};
    if (a[0] && a[0] != TR_NONE) {
        if (need_bytes(a[0], &sep) < 0)
            return TR_ERR;
        if (sep.len == 0)
            return tr_raise(&tr_ValueError, "empty separator");
    }
    TrBytesView s = view(self);
    TrValue list = tr_list_new(0);
    if (!right) {
        int64_t i = 0;
        if (!sep.data) {
            for (;;) {
                while (i < s.len && is_space(s.data[i]))
                    i++;
                if (i == s.len)
                    break;
                int64_t j = i;
                if (max-- == 0) {
                    tr_list_append(list, like(self, s.data + i, s.len - i));
                    break;
                }
                while (j < s.len && !is_space(s.data[j]))
                    j++;
                tr_list_append(list, like(self, s.data + i, j - i));
                i = j;
            }
            return list;
        }
        while (max-- > 0) {
            int64_t j = find_in(s, sep.data, sep.len, i, s.len, 1);
            if (j < 0)
                break;
            tr_list_append(list, like(self, s.data + i, j - i));
            i = j + sep.len;
        }
        tr_list_append(list, like(self, s.data + i, s.len - i));
        return list;
    }
    int64_t j = s.len;
    if (!sep.data) {
        for (;;) {
            while (j > 0 && is_space(s.data[j - 1]))
                j--;
            if (j == 0)
                break;
            int64_t i = j;
            if (max-- == 0) {
                tr_list_append(list, like(self, s.data, j));
                break;
            }
            while (i > 0 && !is_space(s.data[i - 1]))
                i--;
            tr_list_append(list, like(self, s.data + i, j - i));
            j = i;
        }
    } else {
        while (max-- > 0) {
            int64_t i = find_in(s, sep.data, sep.len, 0, j, -1);
            if (i < 0)
                break;
            tr_list_append(list, like(self, s.data + i + sep.len, j - i - sep.len));
            j = i;
        }
        tr_list_append(list, like(self, s.data, j));
    }
    TrList *l = tr_as_list(list);
    for (int64_t x = 0, y = l->len - 1; x < y; x++, y--) {
        TrValue t = l->items[x];
        l->items[x] = l->items[y];
        l->items[y] = t;
    }
    return list;
}

static TrValue m_split(ARGS)
{
    return split_common("split", self, args, nargs, kw, false);
}
static TrValue m_rsplit(ARGS)
{
    return split_common("rsplit", self, args, nargs, kw, true);
}

static TrValue m_splitlines(ARGS)
{
    static const char *const names[] = {"keepends"};
    TrValue a[1];
    if (tr_parse_args("splitlines", args, nargs, kw, names, 0, 1, 0, 1, a) < 0)
        return TR_ERR;
    int keep = 0;
    if (a[0] && (keep = tr_truth(a[0])) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    TrValue list = tr_list_new(0);
    int64_t i = 0;
    while (i < s.len) {
        int64_t j = i;
        while (j < s.len && s.data[j] != '\n' && s.data[j] != '\r')
            j++;
        int64_t eol = j;
        if (j < s.len) {
            j += s.data[j] == '\r' && j + 1 < s.len && s.data[j + 1] == '\n' ? 2 : 1;
            if (keep)
                eol = j;
        }
        tr_list_append(list, like(self, s.data + i, eol - i));
        i = j;
    }
    return list;
}

static TrValue partition(const char *name, ARGS, int dir)
{
    if (tr_arg_one(name, nargs, kw) < 0)
        return TR_ERR;
    TrBytesView sep, s = view(self);
    if (need_bytes(args[0], &sep) < 0)
        return TR_ERR;
    if (sep.len == 0)
        return tr_raise(&tr_ValueError, "empty separator");
    int64_t i = find_in(s, sep.data, sep.len, 0, s.len, dir);
    TrValue e = like(self, NULL, 0);
    if (i < 0) {
        TrValue whole = like(self, s.data, s.len);
        return dir > 0 ? tr_tuple_pack(3, whole, e, like(self, NULL, 0))
                       : tr_tuple_pack(3, e, like(self, NULL, 0), whole);
    }
    return tr_tuple_pack(3, like(self, s.data, i), like(self, sep.data, sep.len),
                         like(self, s.data + i + sep.len, s.len - i - sep.len));
}

static TrValue m_partition(ARGS)
{
    return partition("bytes.partition", self, args, nargs, kw, 1);
}
static TrValue m_rpartition(ARGS)
{
    return partition("bytes.rpartition", self, args, nargs, kw, -1);
}

static TrValue m_join(ARGS)
{
    if (tr_arg_one("bytes.join", nargs, kw) < 0)
        return TR_ERR;
    TrValue items = tr_list_from_iter(args[0]);
    if (items == TR_ERR)
        return TR_ERR;
    TrList *l = tr_as_list(items);
    TrBytesView sep = view(self);
    StrBuf sb;
    sb_init(&sb);
    for (int64_t i = 0; i < l->len; i++) {
        TrBytesView x;
        if (!tr_bytes_view(l->items[i], &x))
            return tr_raise(&tr_TypeError,
                            "sequence item %lld: expected a bytes-like object, %s found",
                            (long long)i, tr_type_name(l->items[i]));
        if (i)
            sb_append(&sb, (const char *)sep.data, (size_t)sep.len);
        sb_append(&sb, (const char *)x.data, (size_t)x.len);
    }
    return like(self, (const uint8_t *)sb.data, (int64_t)sb.len);
}

/* --- Stripping, padding, replacing ------------------------------------------------------ */

static TrValue strip(const char *name, ARGS, bool left, bool right)
{
    if (tr_arg_clinic(name, nargs, kw, 0, 1) < 0)
        return TR_ERR;
    TrBytesView s = view(self), chars = {NULL, 0};
    if (nargs && args[0] != TR_NONE && need_bytes(args[0], &chars) < 0)
        return TR_ERR;
    int64_t i = 0, j = s.len;
#define STRIPPED(c) (chars.data ? memchr(chars.data, (c), (size_t)chars.len) != NULL : is_space(c))
    while (left && i < j && STRIPPED(s.data[i]))
        i++;
    while (right && j > i && STRIPPED(s.data[j - 1]))
        j--;
#undef STRIPPED
    return like(self, s.data + i, j - i);
}

static TrValue m_strip(ARGS)
{
    return strip("strip", self, args, nargs, kw, true, true);
}
static TrValue m_lstrip(ARGS)
{
    return strip("lstrip", self, args, nargs, kw, true, false);
}
static TrValue m_rstrip(ARGS)
{
    return strip("rstrip", self, args, nargs, kw, false, true);
}

static TrValue affix(const char *name, ARGS, bool suffix)
{
    if (tr_arg_one(name, nargs, kw) < 0)
        return TR_ERR;
    TrBytesView s = view(self), a;
    if (need_bytes(args[0], &a) < 0)
        return TR_ERR;
    if (a.len <= s.len &&
        memcmp(suffix ? s.data + s.len - a.len : s.data, a.data, (size_t)a.len) == 0)
        return suffix ? like(self, s.data, s.len - a.len)
                      : like(self, s.data + a.len, s.len - a.len);
    return like(self, s.data, s.len);
}

static TrValue m_removeprefix(ARGS)
{
    return affix("bytes.removeprefix", self, args, nargs, kw, false);
}
static TrValue m_removesuffix(ARGS)
{
    return affix("bytes.removesuffix", self, args, nargs, kw, true);
}

static TrValue pad(const char *name, ARGS, int how)
{
    if (tr_arg_clinic(name, nargs, kw, 1, 2) < 0)
        return TR_ERR;
    int64_t width;
    if (tr_arg_index(args[0], &width) < 0)
        return TR_ERR;
    uint8_t fill = ' ';
    if (nargs > 1) {
        TrBytesView f;
        if (!tr_bytes_view(args[1], &f) || f.len != 1)
            return tr_raise(&tr_TypeError,
                            "%s() argument 2 must be a byte string of length 1, not %s", name,
                            tr_type_name(args[1]));
        fill = f.data[0];
    }
    TrBytesView s = view(self);
    if (width <= s.len)
        return like(self, s.data, s.len);
    int64_t marg = width - s.len;
    int64_t left = how < 0 ? 0 : how > 0 ? marg : marg / 2 + (marg & width & 1);
    uint8_t *buf = tr_alloc_atomic((size_t)width + 1);
    memset(buf, fill, (size_t)width);
    memcpy(buf + left, s.data, (size_t)s.len);
    return like(self, buf, width);
}

static TrValue m_center(ARGS)
{
    return pad("center", self, args, nargs, kw, 0);
}
static TrValue m_ljust(ARGS)
{
    return pad("ljust", self, args, nargs, kw, -1);
}
static TrValue m_rjust(ARGS)
{
    return pad("rjust", self, args, nargs, kw, 1);
}

static TrValue m_zfill(ARGS)
{
    if (tr_arg_one("bytes.zfill", nargs, kw) < 0)
        return TR_ERR;
    int64_t width;
    if (tr_arg_index(args[0], &width) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    if (width <= s.len)
        return like(self, s.data, s.len);
    uint8_t *buf = tr_alloc_atomic((size_t)width + 1);
    int64_t fill = width - s.len;
    memset(buf, '0', (size_t)fill);
    memcpy(buf + fill, s.data, (size_t)s.len);
    if (s.len && (s.data[0] == '+' || s.data[0] == '-')) {
        buf[0] = s.data[0];
        buf[fill] = '0';
    }
    return like(self, buf, width);
}

static TrValue m_replace(ARGS)
{
    if (tr_arg_clinic("replace", nargs, kw, 2, 3) < 0)
        return TR_ERR;
    TrBytesView s = view(self), old, new;
    if (need_bytes(args[0], &old) < 0 || need_bytes(args[1], &new) < 0)
        return TR_ERR;
    int64_t max = -1;
    if (nargs > 2 && tr_arg_index(args[2], &max) < 0)
        return TR_ERR;
    StrBuf sb;
    sb_init(&sb);
    int64_t i = 0, n = 0;
    if (old.len == 0) {
        for (; i <= s.len; i++) {
            if (max < 0 || n < max) {
                sb_append(&sb, (const char *)new.data, (size_t) new.len);
                n++;
            }
            if (i < s.len)
                sb_putc(&sb, (char)s.data[i]);
        }
        return like(self, (const uint8_t *)sb.data, (int64_t)sb.len);
    }
    while (max < 0 || n < max) {
        int64_t j = find_in(s, old.data, old.len, i, s.len, 1);
        if (j < 0)
            break;
        sb_append(&sb, (const char *)s.data + i, (size_t)(j - i));
        sb_append(&sb, (const char *)new.data, (size_t) new.len);
        i = j + old.len;
        n++;
    }
    sb_append(&sb, (const char *)s.data + i, (size_t)(s.len - i));
    return like(self, (const uint8_t *)(sb.data ? sb.data : ""), (int64_t)sb.len);
}

static TrValue m_expandtabs(ARGS)
{
    static const char *const names[] = {"tabsize"};
    TrValue a[1];
    if (tr_parse_args("expandtabs", args, nargs, kw, names, 0, 1, 0, 1, a) < 0)
        return TR_ERR;
    int64_t tab = 8, col = 0;
    if (a[0] && tr_arg_index(a[0], &tab) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    StrBuf sb;
    sb_init(&sb);
    for (int64_t i = 0; i < s.len; i++) {
        uint8_t c = s.data[i];
        if (c == '\t') {
            if (tab > 0)
                for (int64_t k = tab - col % tab; k > 0; k--, col++)
                    sb_putc(&sb, ' ');
        } else {
            sb_putc(&sb, (char)c);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
    }
    return like(self, (const uint8_t *)(sb.data ? sb.data : ""), (int64_t)sb.len);
}

/* --- Case and classes (ASCII) ----------------------------------------------------------- */

enum { C_UPPER, C_LOWER, C_SWAP, C_CAP, C_TITLE };

static TrValue convert(const char *qualname, ARGS, int how)
{
    if (tr_arg_none(qualname, nargs, kw) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    uint8_t *buf = tr_alloc_atomic((size_t)s.len + 1);
    bool prev = false;
    for (int64_t i = 0; i < s.len; i++) {
        int c = s.data[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        switch (how) {
        case C_UPPER: c = lo ? c - 32 : c; break;
        case C_LOWER: c = up ? c + 32 : c; break;
        case C_SWAP: c = lo ? c - 32 : up ? c + 32 : c; break;
        case C_CAP: c = i == 0 ? (lo ? c - 32 : c) : (up ? c + 32 : c); break;
        default:
            c = prev ? (up ? c + 32 : c) : (lo ? c - 32 : c);
            prev = up || lo;
            break;
        }
        buf[i] = (uint8_t)c;
    }
    return like(self, buf, s.len);
}

static TrValue m_upper(ARGS)
{
    return convert("bytes.upper", self, args, nargs, kw, C_UPPER);
}
static TrValue m_lower(ARGS)
{
    return convert("bytes.lower", self, args, nargs, kw, C_LOWER);
}
static TrValue m_swapcase(ARGS)
{
    return convert("bytes.swapcase", self, args, nargs, kw, C_SWAP);
}
static TrValue m_capitalize(ARGS)
{
    return convert("bytes.capitalize", self, args, nargs, kw, C_CAP);
}
static TrValue m_title(ARGS)
{
    return convert("bytes.title", self, args, nargs, kw, C_TITLE);
}

static TrValue all_of(const char *qualname, ARGS, int (*pred)(int))
{
    if (tr_arg_none(qualname, nargs, kw) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    if (s.len == 0)
        return TR_FALSE;
    for (int64_t i = 0; i < s.len; i++)
        if (s.data[i] >= 128 || !pred(s.data[i]))
            return TR_FALSE;
    return TR_TRUE;
}

static int c_space(int c)
{
    return is_space((uint8_t)c);
}
static TrValue m_isdigit(ARGS)
{
    return all_of("bytes.isdigit", self, args, nargs, kw, isdigit);
}
static TrValue m_isalpha(ARGS)
{
    return all_of("bytes.isalpha", self, args, nargs, kw, isalpha);
}
static TrValue m_isalnum(ARGS)
{
    return all_of("bytes.isalnum", self, args, nargs, kw, isalnum);
}
static TrValue m_isspace(ARGS)
{
    return all_of("bytes.isspace", self, args, nargs, kw, c_space);
}

static TrValue cased(const char *qualname, ARGS, bool upper)
{
    if (tr_arg_none(qualname, nargs, kw) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    bool any = false;
    for (int64_t i = 0; i < s.len; i++) {
        int c = s.data[i];
        if (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z'))
            return TR_FALSE;
        if (upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z'))
            any = true;
    }
    return tr_bool(any);
}

static TrValue m_isupper(ARGS)
{
    return cased("bytes.isupper", self, args, nargs, kw, true);
}
static TrValue m_islower(ARGS)
{
    return cased("bytes.islower", self, args, nargs, kw, false);
}

static TrValue m_istitle(ARGS)
{
    if (tr_arg_none("bytes.istitle", nargs, kw) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    bool any = false, prev = false;
    for (int64_t i = 0; i < s.len; i++) {
        int c = s.data[i];
        if (c >= 'A' && c <= 'Z') {
            if (prev)
                return TR_FALSE;
            prev = any = true;
        } else if (c >= 'a' && c <= 'z') {
            if (!prev)
                return TR_FALSE;
            prev = any = true;
        } else {
            prev = false;
        }
    }
    return tr_bool(any);
}

static TrValue m_isascii(ARGS)
{
    if (tr_arg_none("bytes.isascii", nargs, kw) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    for (int64_t i = 0; i < s.len; i++)
        if (s.data[i] >= 128)
            return TR_FALSE;
    return TR_TRUE;
}

/* --- Conversions ------------------------------------------------------------------------ */

static TrValue m_decode(ARGS)
{
    static const char *const names[] = {"encoding", "errors"};
    TrValue a[2];
    if (tr_parse_args("decode", args, nargs, kw, names, 0, 2, 0, 2, a) < 0)
        return TR_ERR;
    for (int i = 0; i < 2; i++)
        if (a[i] && !tr_is_str(a[i]))
            return tr_raise(&tr_TypeError, "decode() argument '%s' must be str, not %s", names[i],
                            tr_type_name(a[i]));
    TrBytesView s = view(self);
    return tr_decode(s.data, (size_t)s.len, a[0] ? tr_str_utf8(a[0]) : NULL,
                     a[1] ? tr_str_utf8(a[1]) : NULL);
}

static TrValue m_hex(ARGS)
{
    static const char *const names[] = {"sep", "bytes_per_sep"};
    TrValue a[2];
    if (tr_parse_args("hex", args, nargs, kw, names, 0, 2, 0, 2, a) < 0)
        return TR_ERR;
    uint32_t sep = 0;
    int64_t per = 1;
    if (a[0]) {
        TrBytesView sv;
        if (tr_is_str(a[0]) && tr_as_str(a[0])->len == 1)
            sep = tr_str_char(tr_as_str(a[0]), 0);
        else if (tr_bytes_view(a[0], &sv) && sv.len == 1)
            sep = sv.data[0];
        else
            return tr_raise(&tr_ValueError, "sep must be length 1.");
        if (sep >= 128)
            return tr_raise(&tr_ValueError, "sep must be ASCII.");
    }
    if (a[1] && tr_arg_index(a[1], &per) < 0)
        return TR_ERR;
    TrBytesView s = view(self);
    StrBuf sb;
    sb_init(&sb);
    int64_t group = per < 0 ? -per : per;
    for (int64_t i = 0; i < s.len; i++) {
        if (sep && group && i > 0) {
            /* positive: groups counted from the right; negative: from the left */
            bool cut = per > 0 ? (s.len - i) % group == 0 : i % group == 0;
            if (cut)
                sb_putc(&sb, (char)sep);
        }
        sb_printf(&sb, "%02x", s.data[i]);
    }
    return tr_str_from_utf8(sb.data ? sb.data : "", sb.len);
}

static int hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static TrValue m_fromhex(TrValue cls, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_one("fromhex", nargs, kw) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "fromhex() argument must be str, not %s",
                        tr_type_name(args[0]));
    TrStr *s = tr_as_str(args[0]);
    uint8_t *buf = tr_alloc_atomic((size_t)s->len / 2 + 1);
    int64_t n = 0;
    for (int64_t i = 0; i < s->len;) {
        uint32_t c = tr_str_char(s, i);
        if (c == ' ' || (c >= 9 && c <= 13)) {
            i++;
            continue;
        }
        int hi = hexval(c);
        if (hi < 0)
            return tr_raise(&tr_ValueError,
                            "non-hexadecimal number found in fromhex() arg at position %lld",
                            (long long)i);
        int lo = i + 1 < s->len ? hexval(tr_str_char(s, i + 1)) : -1;
        if (lo < 0)
            return tr_raise(&tr_ValueError,
                            "non-hexadecimal number found in fromhex() arg at position %lld",
                            (long long)i + 1);
        buf[n++] = (uint8_t)(hi * 16 + lo);
        i += 2;
    }
    TrType *t = (TrType *)tr_obj(cls);
    if (tr_type_is_subtype(t, &tr_bytearray_type))
        return tr_bytearray_new(buf, (size_t)n);
    return tr_bytes_new(buf, (size_t)n);
}

static TrValue m_translate(ARGS)
{
    static const char *const names[] = {"table", "delete"};
    TrValue a[2];
    if (tr_parse_args("translate", args, nargs, kw, names, 1, 2, 1, 2, a) < 0)
        return TR_ERR;
    TrBytesView s = view(self), table = {NULL, 0}, del = {NULL, 0};
    if (a[0] != TR_NONE) {
        if (need_bytes(a[0], &table) < 0)
            return TR_ERR;
        if (table.len != 256)
            return tr_raise(&tr_ValueError, "translation table must be 256 characters long");
    }
    if (a[1] && need_bytes(a[1], &del) < 0)
        return TR_ERR;
    uint8_t *buf = tr_alloc_atomic((size_t)s.len + 1);
    int64_t n = 0;
    for (int64_t i = 0; i < s.len; i++) {
        uint8_t c = s.data[i];
        if (del.len && memchr(del.data, c, (size_t)del.len))
            continue;
        buf[n++] = table.data ? table.data[c] : c;
    }
    return like(self, buf, n);
}

static TrValue m_maketrans(TrValue unused, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_clinic("maketrans", nargs, kw, 2, 2) < 0)
        return TR_ERR;
    TrBytesView f, t;
    if (need_bytes(args[0], &f) < 0 || need_bytes(args[1], &t) < 0)
        return TR_ERR;
    if (f.len != t.len)
        return tr_raise(&tr_ValueError, "maketrans arguments must have same length");
    uint8_t table[256];
    for (int i = 0; i < 256; i++)
        table[i] = (uint8_t)i;
    for (int64_t i = 0; i < f.len; i++)
        table[f.data[i]] = t.data[i];
    return tr_bytes_new(table, 256);
}

static TrValue m___getnewargs__(ARGS)
{
    TrBytesView s = view(self);
    return tr_tuple_pack(1, tr_bytes_new(s.data, (size_t)s.len));
}

/* --- bytearray mutation ----------------------------------------------------------------- */

#define BA(v) ((TrByteArray *)tr_obj(v))

static TrValue m_append(ARGS)
{
    if (tr_arg_one("bytearray.append", nargs, kw) < 0)
        return TR_ERR;
    int c;
    if (tr_byte_value(args[0], &c) < 0)
        return TR_ERR;
    TrByteArray *a = BA(self);
    tr_bytearray_reserve(a, a->len + 1);
    a->data[a->len++] = (uint8_t)c;
    a->data[a->len] = 0;
    return TR_NONE;
}

static TrValue m_extend(ARGS)
{
    if (tr_arg_one("bytearray.extend", nargs, kw) < 0)
        return TR_ERR;
    TrValue src = args[0];
    TrBytesView v;
    TrValue tmp;
    if (tr_bytes_view(src, &v)) {
        tmp = tr_bytes_new(v.data, (size_t)v.len); /* src may be self */
    } else {
        TrType *t = tr_type_of(src);
        if (tr_is_str(src) || (!t->iter && !t->getitem))
            return tr_raise(&tr_TypeError,
                            tr_is_str(src) ? "expected iterable of integers; got: 'str'"
                                           : "can't extend bytearray with %s",
                            t->name);
        TrValue ba = tr_call1(tr_val(&tr_bytearray_type), src);
        if (ba == TR_ERR)
            return TR_ERR;
        tmp = ba;
    }
    tr_bytes_view(tmp, &v);
    TrByteArray *a = BA(self);
    tr_bytearray_reserve(a, a->len + v.len);
    memcpy(a->data + a->len, v.data, (size_t)v.len);
    a->len += v.len;
    a->data[a->len] = 0;
    return TR_NONE;
}

static TrValue m_pop(ARGS)
{
    if (tr_arg_clinic("pop", nargs, kw, 0, 1) < 0)
        return TR_ERR;
    TrByteArray *a = BA(self);
    int64_t i = -1;
    if (nargs && tr_arg_index(args[0], &i) < 0)
        return TR_ERR;
    if (a->len == 0)
        return tr_raise(&tr_IndexError, "pop from empty bytearray");
    if (i < 0)
        i += a->len;
    if (i < 0 || i >= a->len)
        return tr_raise(&tr_IndexError, "pop index out of range");
    uint8_t c = a->data[i];
    memmove(a->data + i, a->data + i + 1, (size_t)(a->len - i - 1));
    a->len--;
    a->data[a->len] = 0;
    return tr_small_new(c);
}

static TrValue m_insert(ARGS)
{
    if (tr_arg_clinic("insert", nargs, kw, 2, 2) < 0)
        return TR_ERR;
    TrByteArray *a = BA(self);
    int64_t i;
    int c;
    if (tr_arg_index(args[0], &i) < 0 || tr_byte_value(args[1], &c) < 0)
        return TR_ERR;
    if (i < 0) {
        i += a->len;
        if (i < 0)
            i = 0;
    }
    if (i > a->len)
        i = a->len;
    tr_bytearray_reserve(a, a->len + 1);
    memmove(a->data + i + 1, a->data + i, (size_t)(a->len - i));
    a->data[i] = (uint8_t)c;
    a->len++;
    a->data[a->len] = 0;
    return TR_NONE;
}

static TrValue m_remove(ARGS)
{
    if (tr_arg_one("bytearray.remove", nargs, kw) < 0)
        return TR_ERR;
    int c;
    if (tr_byte_value(args[0], &c) < 0)
        return TR_ERR;
    TrByteArray *a = BA(self);
    uint8_t *p = a->len ? memchr(a->data, c, (size_t)a->len) : NULL;
    if (!p)
        return tr_raise(&tr_ValueError, "value not found in bytearray");
    int64_t i = p - a->data;
    memmove(a->data + i, a->data + i + 1, (size_t)(a->len - i - 1));
    a->len--;
    a->data[a->len] = 0;
    return TR_NONE;
}

static TrValue m_clear(ARGS)
{
    if (tr_arg_none("bytearray.clear", nargs, kw) < 0)
        return TR_ERR;
    BA(self)->len = 0;
    BA(self)->data[0] = 0;
    return TR_NONE;
}

static TrValue m_copy(ARGS)
{
    if (tr_arg_none("bytearray.copy", nargs, kw) < 0)
        return TR_ERR;
    return tr_bytearray_new(BA(self)->data, (size_t)BA(self)->len);
}

static TrValue m_reverse(ARGS)
{
    if (tr_arg_none("bytearray.reverse", nargs, kw) < 0)
        return TR_ERR;
    TrByteArray *a = BA(self);
    for (int64_t i = 0, j = a->len - 1; i < j; i++, j--) {
        uint8_t t = a->data[i];
        a->data[i] = a->data[j];
        a->data[j] = t;
    }
    return TR_NONE;
}

/* --- Tables ----------------------------------------------------------------------------- */

#define COMMON_METHODS                                                                             \
    {"find", m_find, 0}, {"rfind", m_rfind, 0}, {"index", m_index, 0}, {"rindex", m_rindex, 0},    \
        {"count", m_count, 0}, {"startswith", m_startswith, 0}, {"endswith", m_endswith, 0},       \
        {"split", m_split, 0}, {"rsplit", m_rsplit, 0}, {"splitlines", m_splitlines, 0},           \
        {"partition", m_partition, 0}, {"rpartition", m_rpartition, 0}, {"join", m_join, 0},       \
        {"strip", m_strip, 0}, {"lstrip", m_lstrip, 0}, {"rstrip", m_rstrip, 0},                   \
        {"removeprefix", m_removeprefix, 0}, {"removesuffix", m_removesuffix, 0},                  \
        {"center", m_center, 0}, {"ljust", m_ljust, 0}, {"rjust", m_rjust, 0},                     \
        {"zfill", m_zfill, 0}, {"replace", m_replace, 0}, {"expandtabs", m_expandtabs, 0},         \
        {"upper", m_upper, 0}, {"lower", m_lower, 0}, {"swapcase", m_swapcase, 0},                 \
        {"capitalize", m_capitalize, 0}, {"title", m_title, 0}, {"isdigit", m_isdigit, 0},         \
        {"isalpha", m_isalpha, 0}, {"isalnum", m_isalnum, 0}, {"isspace", m_isspace, 0},           \
        {"isupper", m_isupper, 0}, {"islower", m_islower, 0}, {"istitle", m_istitle, 0},           \
        {"isascii", m_isascii, 0}, {"decode", m_decode, 0}, {"hex", m_hex, 0},                     \
        {"fromhex", m_fromhex, TR_METH_CLASS}, {"translate", m_translate, 0},                      \
    {                                                                                              \
        "maketrans", m_maketrans, TR_METH_STATIC                                                   \
    }

const TrMethodDef tr_bytes_methods[] = {
    COMMON_METHODS,
    {"__getnewargs__", m___getnewargs__, 0},
    {NULL, NULL, 0},
};

const TrMethodDef tr_bytearray_methods[] = {
    COMMON_METHODS,        {"append", m_append, 0}, {"extend", m_extend, 0},
    {"pop", m_pop, 0},     {"insert", m_insert, 0}, {"remove", m_remove, 0},
    {"clear", m_clear, 0}, {"copy", m_copy, 0},     {"reverse", m_reverse, 0},
    {NULL, NULL, 0},
};
