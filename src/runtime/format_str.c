/*
 * format_str.c -- str.format and str.format_map: the replacement field syntax
 * {name.attr[key]!conv:spec} with nested fields in specs, {{ }}, automatic and manual
 * numbering. A transcription of CPython's unicode_format.h, so errors happen in the same
 * order with the same messages.
 */
#include "runtime/format.h"

#include "runtime/runtime.h"
#include "runtime/unicode.h"

typedef struct Sub { /* a piece of the format string */
    const TrStr *s;
    int64_t start, end;
} Sub;

typedef struct Ctx {
    const TrValue *args; /* NULL for format_map */
    size_t nargs;
    TrValue kwargs; /* dict or mapping, or 0 */
    int auto_state; /* 0 init, 1 auto, 2 manual */
    int64_t auto_next;
} Ctx;

static uint32_t ch(const Sub *x, int64_t i)
{
    return tr_str_char(x->s, i);
}
static TrValue sub_str(const Sub *x)
{
    return tr_str_sub(x->s, x->start, 1, x->end - x->start);
}

/* Decimal value of the whole piece, -1 if it is empty or has a non-digit, -2 on overflow. */
static int64_t get_integer(const Sub *x)
{
    if (x->start >= x->end)
        return -1;
    int64_t v = 0;
    for (int64_t i = x->start; i < x->end; i++) {
        int d = tr_uni_decimal(ch(x, i));
        if (d < 0)
            return -1;
        if (v > (INT64_MAX - d) / 10) {
            tr_raise(&tr_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + d;
    }
    return v;
}

static TrValue build(Sub fmt, Ctx *c, int depth);

/* --- Field lookup ----------------------------------------------------------------------- */

static TrValue first_object(Sub first, Ctx *c)
{
    int64_t idx = get_integer(&first);
    if (idx == -2)
        return TR_ERR;
    bool empty = first.start >= first.end;
    bool numeric = empty || idx != -1;
    if (c->auto_state == 0 && numeric)
        c->auto_state = empty ? 1 : 2;
    if (numeric) {
        if (c->auto_state == 2 && empty)
            return tr_raise(&tr_ValueError, "cannot switch from manual field specification to "
                                            "automatic field numbering");
        if (c->auto_state == 1 && !empty)
            return tr_raise(&tr_ValueError, "cannot switch from automatic field numbering to "
                                            "manual field specification");
    }
    if (empty)
        idx = c->auto_next++;
    if (idx == -1) {
        TrValue key = sub_str(&first);
        if (!c->kwargs)
            return tr_raise_with(&tr_KeyError, key);
        return tr_getitem(c->kwargs, key);
    }
    if (!c->args)
        return tr_raise(&tr_ValueError, "Format string contains positional fields");
    if ((size_t)idx >= c->nargs)
        return tr_raise(&tr_IndexError,
                        "Replacement index %lld out of range for positional args tuple",
                        (long long)idx);
    return c->args[idx];
}

static TrValue get_field(Sub name, Ctx *c)
{
    int64_t i = name.start;
    while (i < name.end && ch(&name, i) != '.' && ch(&name, i) != '[')
        i++;
    Sub first = {name.s, name.start, i};
    TrValue obj = first_object(first, c);
    while (obj != TR_ERR && i < name.end) {
        uint32_t k = ch(&name, i++);
        Sub part = {name.s, i, i};
        if (k == '.') {
            while (i < name.end && ch(&name, i) != '.' && ch(&name, i) != '[')
                i++;
            part.end = i;
        } else if (k == '[') {
            while (i < name.end && ch(&name, i) != ']')
                i++;
            if (i >= name.end)
                return tr_raise(&tr_ValueError, "Missing ']' in format string");
            part.end = i++;
        } else {
            return tr_raise(&tr_ValueError,
                            "Only '.' or '[' may follow ']' in format field specifier");
        }
        if (part.start == part.end)
            return tr_raise(&tr_ValueError, "Empty attribute in format string");
        if (k == '.') {
            obj = tr_getattr(obj, tr_str_intern(sub_str(&part)));
        } else {
            int64_t idx = get_integer(&part);
            if (idx == -2)
                return TR_ERR;
            obj = tr_getitem(obj, idx >= 0 ? tr_int_from_i64(idx) : sub_str(&part));
        }
    }
    return obj;
}

/* --- Parsing ---------------------------------------------------------------------------- */

/* Splits the text after '{' into field name, conversion and spec; *pos ends after the '}'. */
static int parse_field(Sub *str, Sub *name, uint32_t *conv, Sub *spec, bool *expand)
{
    uint32_t c = 0;
    *conv = 0;
    spec->s = str->s;
    spec->start = spec->end = 0;
    name->s = str->s;
    name->start = str->start;
    while (str->start < str->end) {
        c = ch(str, str->start++);
        if (c == '{') {
            tr_raise(&tr_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (str->start < str->end && ch(str, str->start) != ']')
                str->start++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    name->end = str->start - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (str->start >= str->end) {
                tr_raise(&tr_ValueError, "end of string while looking for conversion specifier");
                return -1;
            }
            *conv = ch(str, str->start++);
            if (str->start < str->end) {
                c = ch(str, str->start++);
                if (c == '}')
                    return 0;
                if (c != ':') {
                    tr_raise(&tr_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        spec->start = str->start;
        int count = 1;
        while (str->start < str->end) {
            c = ch(str, str->start++);
            if (c == '{') {
                *expand = true;
                count++;
            } else if (c == '}' && --count == 0) {
                spec->end = str->start - 1;
                return 0;
            }
        }
        tr_raise(&tr_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    if (c != '}') {
        tr_raise(&tr_ValueError, "expected '}' before end of string");
        return -1;
    }
    return 0;
}

static TrValue convert(TrValue obj, uint32_t conv)
{
    switch (conv) {
    case 'r': return tr_repr(obj);
    case 's': return tr_str(obj);
    case 'a': return tr_ascii(obj);
    default:
        if (conv > 32 && conv < 127)
            return tr_raise(&tr_ValueError, "Unknown conversion specifier %c", (int)conv);
        return tr_raise(&tr_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
    }
}

static int output_field(TrStrBuilder *b, Sub name, uint32_t conv, Sub spec, bool expand, Ctx *c,
                        int depth)
{
    TrValue obj = get_field(name, c);
    if (obj == TR_ERR)
        return -1;
    if (conv && (obj = convert(obj, conv)) == TR_ERR)
        return -1;
    TrValue specv;
    if (expand) {
        specv = build(spec, c, depth - 1);
    } else {
        specv = spec.end > spec.start ? sub_str(&spec) : tr_str_empty();
    }
    if (specv == TR_ERR)
        return -1;
    TrValue r = tr_is_ptr(obj) && tr_obj(obj)->type == &tr_str_type && tr_as_str(specv)->len == 0
                    ? obj
                    : tr_format(obj, specv);
    if (r == TR_ERR)
        return -1;
    if (!tr_is_str(r)) {
        tr_raise(&tr_TypeError, "__format__ must return a str, not %s", tr_type_name(r));
        return -1;
    }
    tr_sbuild_str(b, r);
    return 0;
}

static TrValue build(Sub fmt, Ctx *c, int depth)
{
    if (depth <= 0)
        return tr_raise(&tr_ValueError, "Max string recursion exceeded");
    TrStrBuilder b;
    tr_sbuild_init(&b);
    Sub str = fmt;
    while (str.start < str.end) {
        int64_t start = str.start;
        uint32_t k = 0;
        bool markup = false;
        while (str.start < str.end) {
            k = ch(&str, str.start++);
            if (k == '{' || k == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = str.start >= str.end;
        int64_t len = str.start - start;
        if (k == '}' && (at_end || ch(&str, str.start) != '}'))
            return tr_raise(&tr_ValueError, "Single '}' encountered in format string");
        if (at_end && k == '{')
            return tr_raise(&tr_ValueError, "Single '{' encountered in format string");
        if (!at_end) {
            if (k == ch(&str, str.start)) { /* {{ or }} */
                str.start++;
                markup = false;
            } else {
                len--;
            }
        }
        for (int64_t i = start; i < start + len; i++)
            tr_sbuild_char(&b, ch(&str, i));
        if (!markup)
            continue;
        Sub name, spec;
        uint32_t conv;
        bool expand = false;
        if (parse_field(&str, &name, &conv, &spec, &expand) < 0)
            return TR_ERR;
        if (output_field(&b, name, conv, spec, expand, c, depth) < 0)
            return TR_ERR;
    }
    return tr_sbuild_finish(&b);
}

TrValue tr_str_format(TrValue fmt, const TrValue *args, size_t nargs, TrValue kwnames)
{
    Ctx c = {args, nargs, 0, 0, 0};
    size_t nkw = tr_nkw(kwnames);
    if (nkw) {
        c.kwargs = tr_dict_new();
        for (size_t i = 0; i < nkw; i++)
            if (tr_dict_set(c.kwargs, tr_as_tuple(kwnames)->items[i], args[nargs + i]) < 0)
                return TR_ERR;
    }
    TrStr *s = tr_as_str(fmt);
    Sub all = {s, 0, s->len};
    return build(all, &c, 2);
}

TrValue tr_str_format_map(TrValue fmt, TrValue mapping)
{
    Ctx c = {NULL, 0, mapping, 0, 0};
    TrStr *s = tr_as_str(fmt);
    Sub all = {s, 0, s->len};
    return build(all, &c, 2);
}
