/*
 * str_case.c -- str methods that depend on Unicode properties: case conversion with full
 * mappings (and the final-sigma rule of lower()), the is*() predicates, translate/maketrans,
 * and encode. Properties come from unicode.c, so results match CPython 3.11's.
 */
#include "runtime/codecs.h"
#include "runtime/runtime.h"
#include "runtime/str_methods.h"
#include "runtime/unicode.h"

#define S(v) tr_as_str(v)

/* --- Case conversion -------------------------------------------------------------------- */

static void add_case(TrStrBuilder *b, uint32_t c, int which)
{
    uint32_t out[3];
    int n = tr_uni_tocase(c, which, out);
    for (int k = 0; k < n; k++)
        tr_sbuild_char(b, out[k]);
}

/* Capital sigma lowers to final sigma when it ends a word: preceded by a cased letter and not
   followed by one, skipping case-ignorable characters both ways (CPython's handle_capital_sigma).
 */
static bool final_sigma(const TrStr *s, int64_t i)
{
    int64_t j = i - 1;
    while (j >= 0 && tr_uni_is(tr_str_char(s, j), TR_UNI_CASE_IGNORABLE))
        j--;
    if (j < 0 || !tr_uni_iscased(tr_str_char(s, j)))
        return false;
    j = i + 1;
    while (j < s->len && tr_uni_is(tr_str_char(s, j), TR_UNI_CASE_IGNORABLE))
        j++;
    return j == s->len || !tr_uni_iscased(tr_str_char(s, j));
}

static void add_lower(TrStrBuilder *b, const TrStr *s, int64_t i, int which)
{
    uint32_t c = tr_str_char(s, i);
    if (c == 0x3A3) {
        tr_sbuild_char(b, final_sigma(s, i) ? 0x3C2 : 0x3C3);
        return;
    }
    add_case(b, c, which);
}

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE };

static TrValue convert(const char *qualname, TrValue self, size_t nargs, TrValue kw, int how)
{
    if (tr_arg_none(qualname, nargs, kw) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    bool prev_cased = false;
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        switch (how) {
        case CASE_LOWER: add_lower(&b, s, i, TR_CASE_LOWER); break;
        case CASE_UPPER: add_case(&b, c, TR_CASE_UPPER); break;
        case CASE_FOLD: add_case(&b, c, TR_CASE_FOLD); break;
        case CASE_SWAP:
            if (tr_uni_is(c, TR_UNI_UPPER))
                add_lower(&b, s, i, TR_CASE_LOWER);
            else if (tr_uni_is(c, TR_UNI_LOWER))
                add_case(&b, c, TR_CASE_UPPER);
            else
                tr_sbuild_char(&b, c);
            break;
        case CASE_CAPITALIZE:
            if (i == 0)
                add_case(&b, c, TR_CASE_TITLE);
            else
                add_lower(&b, s, i, TR_CASE_LOWER);
            break;
        default: /* title */
            if (prev_cased)
                add_lower(&b, s, i, TR_CASE_LOWER);
            else
                add_case(&b, c, TR_CASE_TITLE);
            prev_cased = tr_uni_iscased(c);
            break;
        }
    }
    return tr_sbuild_finish(&b);
}

TrValue tr_str_m_lower(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrStr *s = S(self);
    if (s->ascii) { /* fast path: bytes in place */
        if (tr_arg_none("str.lower", nargs, kw) < 0)
            return TR_ERR;
        TrValue r = tr_str_new_kind(s->len, 1);
        for (int64_t i = 0; i < s->len; i++) {
            uint8_t c = s->data[i];
            S(r)->data[i] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
        return r;
    }
    return convert("str.lower", self, nargs, kw, CASE_LOWER);
}

TrValue tr_str_m_upper(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrStr *s = S(self);
    if (s->ascii) {
        if (tr_arg_none("str.upper", nargs, kw) < 0)
            return TR_ERR;
        TrValue r = tr_str_new_kind(s->len, 1);
        for (int64_t i = 0; i < s->len; i++) {
            uint8_t c = s->data[i];
            S(r)->data[i] = c >= 'a' && c <= 'z' ? c - 32 : c;
        }
        return r;
    }
    return convert("str.upper", self, nargs, kw, CASE_UPPER);
}

TrValue tr_str_m_casefold(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return convert("str.casefold", self, nargs, kw, CASE_FOLD);
}

TrValue tr_str_m_swapcase(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return convert("str.swapcase", self, nargs, kw, CASE_SWAP);
}

TrValue tr_str_m_capitalize(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return convert("str.capitalize", self, nargs, kw, CASE_CAPITALIZE);
}

TrValue tr_str_m_title(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return convert("str.title", self, nargs, kw, CASE_TITLE);
}

/* --- Predicates ------------------------------------------------------------------------- */

/* True when s is non-empty and every code point has one of the flags in mask. */
static TrValue all_have(const char *qualname, TrValue self, size_t nargs, TrValue kw, unsigned mask)
{
    if (tr_arg_none(qualname, nargs, kw) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    if (s->len == 0)
        return TR_FALSE;
    for (int64_t i = 0; i < s->len; i++)
        if (!(tr_uni_flags(tr_str_char(s, i)) & mask))
            return TR_FALSE;
    return TR_TRUE;
}

TrValue tr_str_m_isalpha(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return all_have("str.isalpha", self, nargs, kw, TR_UNI_ALPHA);
}

TrValue tr_str_m_isalnum(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return all_have("str.isalnum", self, nargs, kw,
                    TR_UNI_ALPHA | TR_UNI_DECIMAL | TR_UNI_DIGIT | TR_UNI_NUMERIC);
}

TrValue tr_str_m_isdecimal(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return all_have("str.isdecimal", self, nargs, kw, TR_UNI_DECIMAL);
}

TrValue tr_str_m_isdigit(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return all_have("str.isdigit", self, nargs, kw, TR_UNI_DIGIT);
}

TrValue tr_str_m_isnumeric(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return all_have("str.isnumeric", self, nargs, kw, TR_UNI_NUMERIC);
}

TrValue tr_str_m_isspace(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return all_have("str.isspace", self, nargs, kw, TR_UNI_SPACE);
}

TrValue tr_str_m_isupper(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_none("str.isupper", nargs, kw) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    bool cased = false;
    for (int64_t i = 0; i < s->len; i++) {
        unsigned f = tr_uni_flags(tr_str_char(s, i));
        if (f & (TR_UNI_LOWER | TR_UNI_TITLE))
            return TR_FALSE;
        if (f & TR_UNI_UPPER)
            cased = true;
    }
    return tr_bool(cased);
}

TrValue tr_str_m_islower(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_none("str.islower", nargs, kw) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    bool cased = false;
    for (int64_t i = 0; i < s->len; i++) {
        unsigned f = tr_uni_flags(tr_str_char(s, i));
        if (f & (TR_UNI_UPPER | TR_UNI_TITLE))
            return TR_FALSE;
        if (f & TR_UNI_LOWER)
            cased = true;
    }
    return tr_bool(cased);
}

TrValue tr_str_m_istitle(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_none("str.istitle", nargs, kw) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    bool cased = false, prev = false;
    for (int64_t i = 0; i < s->len; i++) {
        unsigned f = tr_uni_flags(tr_str_char(s, i));
        if (f & (TR_UNI_UPPER | TR_UNI_TITLE)) {
            if (prev)
                return TR_FALSE;
            prev = cased = true;
        } else if (f & TR_UNI_LOWER) {
            if (!prev)
                return TR_FALSE;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return tr_bool(cased);
}

TrValue tr_str_m_isidentifier(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_none("str.isidentifier", nargs, kw) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    if (s->len == 0 || !tr_uni_is(tr_str_char(s, 0), TR_UNI_XID_START))
        return TR_FALSE;
    for (int64_t i = 1; i < s->len; i++)
        if (!tr_uni_is(tr_str_char(s, i), TR_UNI_XID_CONTINUE))
            return TR_FALSE;
    return TR_TRUE;
}

TrValue tr_str_m_isprintable(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_none("str.isprintable", nargs, kw) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    for (int64_t i = 0; i < s->len; i++)
        if (!tr_uni_is(tr_str_char(s, i), TR_UNI_PRINTABLE))
            return TR_FALSE;
    return TR_TRUE;
}

TrValue tr_str_m_isascii(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_none("str.isascii", nargs, kw) < 0)
        return TR_ERR;
    TrStr *s = S(self);
    for (int64_t i = 0; i < s->len; i++)
        if (tr_str_char(s, i) >= 128)
            return TR_FALSE;
    return TR_TRUE;
}

/* --- translate / maketrans -------------------------------------------------------------- */

TrValue tr_str_m_translate(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_one("str.translate", nargs, kw) < 0)
        return TR_ERR;
    TrValue table = args[0];
    TrStr *s = S(self);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        TrValue r = tr_getitem(table, tr_small_new(c));
        if (r == TR_ERR) {
            if (!tr_err_matches(&tr_LookupError))
                return TR_ERR;
            tr_err_clear();
            tr_sbuild_char(&b, c);
            continue;
        }
        if (r == TR_NONE)
            continue;
        if (tr_is_str(r)) {
            tr_sbuild_str(&b, r);
        } else if (tr_is_int(r)) {
            int64_t x;
            if (tr_int_to_i64(r, &x) < 0 || x < 0 || x > 0x10FFFF) {
                tr_err_clear();
                return tr_raise(&tr_ValueError, "character mapping must be in range(0x110000)");
            }
            tr_sbuild_char(&b, (uint32_t)x);
        } else {
            return tr_raise(&tr_TypeError, "character mapping must return integer, None or str");
        }
    }
    return tr_sbuild_finish(&b);
}

TrValue tr_str_m_maketrans(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_arg_clinic("maketrans", nargs, kw, 1, 3) < 0)
        return TR_ERR;
    TrValue d = tr_dict_new();
    if (nargs == 1) {
        TrValue x = args[0];
        if (!tr_is_dict(x))
            return tr_raise(&tr_TypeError,
                            "if you give only one argument to maketrans it must be a dict");
        int64_t pos = 0;
        TrValue k, v;
        while (tr_dict_next(x, &pos, &k, &v)) {
            if (tr_is_str(k)) {
                if (S(k)->len != 1)
                    return tr_raise(&tr_ValueError,
                                    "string keys in translate table must be of length 1");
                k = tr_small_new(tr_str_char(S(k), 0));
            } else if (!tr_is_int(k)) {
                return tr_raise(&tr_TypeError,
                                "keys in translate table must be strings or integers");
            }
            if (tr_dict_set(d, k, v) < 0)
                return TR_ERR;
        }
        return d;
    }
    for (size_t i = 0; i < nargs; i++)
        if (!tr_is_str(args[i]))
            return tr_raise(&tr_TypeError, "maketrans() argument %zu must be str, not %s", i + 1,
                            tr_type_name(args[i]));
    TrStr *x = S(args[0]), *y = S(args[1]);
    if (x->len != y->len)
        return tr_raise(&tr_ValueError, "the first two maketrans arguments must have equal length");
    for (int64_t i = 0; i < x->len; i++)
        if (tr_dict_set(d, tr_small_new(tr_str_char(x, i)), tr_small_new(tr_str_char(y, i))) < 0)
            return TR_ERR;
    if (nargs == 3) {
        TrStr *z = S(args[2]);
        for (int64_t i = 0; i < z->len; i++)
            if (tr_dict_set(d, tr_small_new(tr_str_char(z, i)), TR_NONE) < 0)
                return TR_ERR;
    }
    return d;
}

/* --- encode ----------------------------------------------------------------------------- */

TrValue tr_str_m_encode(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"encoding", "errors"};
    TrValue a[2];
    if (tr_parse_args("encode", args, nargs, kw, names, 0, 2, 0, 2, a) < 0)
        return TR_ERR;
    for (int i = 0; i < 2; i++)
        if (a[i] && !tr_is_str(a[i]))
            return tr_raise(&tr_TypeError, "encode() argument '%s' must be str, not %s", names[i],
                            tr_type_name(a[i]));
    return tr_encode(self, a[0] ? tr_str_utf8(a[0]) : NULL, a[1] ? tr_str_utf8(a[1]) : NULL);
}
