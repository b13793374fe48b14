/*
 * format_percent.c -- printf-style formatting: str % args and bytes % args. One engine for both
 * (bytes output is collected as code points < 256); conversions, flags, '*' widths and
 * %(key) mappings follow CPython's PyUnicode_Format / _PyBytes_FormatEx, errors included.
 */
#include "runtime/format.h"

#include "runtime/runtime.h"

#include <string.h>

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct Fmt {
    bool bytes;          /* bytes % args */
    const uint32_t *fmt; /* the format as code points */
    int64_t len, pos;
    TrValue args;           /* the right operand */
    int64_t argidx, arglen; /* arglen -1: a single non-tuple argument */
    TrValue dict;           /* args when it is a mapping, else 0 */
} Fmt;

static TrValue next_arg(Fmt *f)
{
    if (f->arglen < 0) {
        if (f->argidx == -2) {
            f->argidx = -1;
            return f->args;
        }
    } else if (f->argidx < f->arglen) {
        return tr_as_tuple(f->args)->items[f->argidx++];
    }
    return tr_raise(&tr_TypeError, "not enough arguments for format string");
}

/* --- Conversions ------------------------------------------------------------------------ */

static void put_ascii(TrStrBuilder *b, const char *s)
{
    tr_sbuild_ascii(b, s, strlen(s));
}

/* The digits of an integer argument for d i u o x X (sign kept in *neg), or TR_ERR. */
static TrValue int_text(TrValue v, char type, int64_t prec, bool *neg)
{
    TrValue iv;
    if (tr_is_int(v)) {
        iv = v;
    } else if (tr_is_float(v) && type != 'o' && type != 'x' && type != 'X') {
        iv = tr_int_from_double(tr_float_val(v));
    } else if (tr_has_index(v) && !tr_is_str(v)) {
        iv = tr_index(v);
    } else if (type == 'o' || type == 'x' || type == 'X') {
        return tr_raise(&tr_TypeError, "%%%c format: an integer is required, not %s", type,
                        tr_type_name(v));
    } else {
        return tr_raise(&tr_TypeError, "%%%c format: a real number is required, not %s", type,
                        tr_type_name(v));
    }
    if (iv == TR_ERR)
        return TR_ERR;
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    TrValue s = tr_int_to_str(iv, base);
    if (s == TR_ERR)
        return TR_ERR;
    size_t n;
    const char *t = tr_str_utf8_len(s, &n);
    *neg = t[0] == '-';
    if (*neg)
        t++, n--;
    StrBuf sb;
    sb_init(&sb);
    for (int64_t k = (int64_t)n; k < prec; k++)
        sb_putc(&sb, '0');
    for (size_t i = 0; i < n; i++)
        sb_putc(&sb, type == 'X' && t[i] >= 'a' ? (char)(t[i] - 32) : t[i]);
    return tr_str_from_utf8(sb.data ? sb.data : "", sb.len);
}

static TrValue float_text(TrValue v, char type, int64_t prec, bool alt, bool *neg)
{
    double d;
    if (tr_is_float(v)) {
        d = tr_float_val(v);
    } else if (tr_is_int(v)) {
        int overflow = 0;
        d = tr_int_to_double(v, &overflow);
        if (overflow)
            return tr_raise(&tr_OverflowError, "int too large to convert to float");
    } else {
        TrType *t = tr_type_of(v);
        if (!tr_type_lookup(t, tr_str_intern_cstr("__float__")) &&
            !tr_type_lookup(t, tr_str_intern_cstr("__index__")))
            return tr_raise(&tr_TypeError, "must be real number, not %s", tr_type_name(v));
        TrValue fv = tr_float_from(v);
        if (fv == TR_ERR) {
            if (!tr_err_matches(&tr_TypeError))
                return TR_ERR;
            tr_err_clear();
            return tr_raise(&tr_TypeError, "must be real number, not %s", tr_type_name(v));
        }
        d = tr_float_val(fv);
    }
    TrValue s = tr_double_format(d, type, prec < 0 ? 6 : (int)prec, alt);
    if (s == TR_ERR)
        return TR_ERR;
    TrStr *st = tr_as_str(s);
    *neg = st->len && tr_str_char(st, 0) == '-';
    return *neg ? tr_str_sub(st, 1, 1, st->len - 1) : s;
}

/* Bytes of a %s/%b argument in bytes formatting, as a str of code points < 256. */
static TrValue bytes_arg(TrValue v)
{
    const uint8_t *data = NULL;
    int64_t n = 0;
    if (tr_is_bytes(v)) {
        data = ((TrBytes *)tr_obj(v))->data;
        n = ((TrBytes *)tr_obj(v))->len;
    } else if (tr_isinstance(v, &tr_bytearray_type)) {
        data = ((TrByteArray *)tr_obj(v))->data;
        n = ((TrByteArray *)tr_obj(v))->len;
    } else {
        TrValue m = tr_getattr_opt(v, tr_str_intern_cstr("__bytes__"));
        if (!m && tr_err_occurred())
            return TR_ERR;
        if (!m || tr_is_str(v))
            return tr_raise(&tr_TypeError,
                            "%%b requires a bytes-like object, or an object that implements "
                            "__bytes__, not '%s'",
                            tr_type_name(v));
        TrValue r = tr_call0(m);
        if (r == TR_ERR)
            return TR_ERR;
        if (!tr_is_bytes(r))
            return tr_raise(&tr_TypeError, "__bytes__ returned non-bytes (type %s)",
                            tr_type_name(r));
        return bytes_arg(r);
    }
    uint32_t *cps = tr_alloc_atomic(sizeof(uint32_t) * (size_t)(n + 1));
    for (int64_t i = 0; i < n; i++)
        cps[i] = data[i];
    return tr_str_from_codepoints(cps, n);
}

static TrValue char_arg(Fmt *f, TrValue v)
{
    if (f->bytes) {
        if (tr_is_bytes(v) && ((TrBytes *)tr_obj(v))->len == 1)
            return tr_str_from_char(((TrBytes *)tr_obj(v))->data[0]);
        if (tr_isinstance(v, &tr_bytearray_type) && ((TrByteArray *)tr_obj(v))->len == 1)
            return tr_str_from_char(((TrByteArray *)tr_obj(v))->data[0]);
        if (!tr_is_int(v) && !(tr_has_index(v) && !tr_is_float(v)))
            return tr_raise(&tr_TypeError,
                            "%%c requires an integer in range(256) or a single byte");
        TrValue iv = tr_index(v);
        int64_t x;
        if (iv == TR_ERR)
            return TR_ERR;
        if (tr_int_to_i64(iv, &x) < 0 || x < 0 || x > 255) {
            tr_err_clear();
            return tr_raise(&tr_OverflowError, "%%c arg not in range(256)");
        }
        return tr_str_from_char((uint32_t)x);
    }
    if (tr_is_str(v)) {
        if (tr_as_str(v)->len != 1)
            return tr_raise(&tr_TypeError, "%%c requires int or char");
        return tr_str_from_char(tr_str_char(tr_as_str(v), 0));
    }
    if (!tr_is_int(v) && !(tr_has_index(v) && !tr_is_float(v)))
        return tr_raise(&tr_TypeError, "%%c requires int or char");
    TrValue iv = tr_index(v);
    int64_t x;
    if (iv == TR_ERR)
        return TR_ERR;
    if (tr_int_to_i64(iv, &x) < 0 || x < 0 || x > 0x10FFFF) {
        tr_err_clear();
        return tr_raise(&tr_OverflowError, "%%c arg not in range(0x110000)");
    }
    return tr_str_from_char((uint32_t)x);
}

/* --- The engine ------------------------------------------------------------------------- */

static int star_arg(Fmt *f, int64_t *out)
{
    TrValue v = next_arg(f);
    if (v == TR_ERR)
        return -1;
    if (!tr_is_int(v)) {
        tr_raise(&tr_TypeError, "* wants int");
        return -1;
    }
    if (tr_int_to_i64(v, out) < 0 || *out > 0x7fffffff || *out < -0x7fffffff) {
        tr_err_clear();
        tr_raise(&tr_ValueError, "width too big");
        return -1;
    }
    return 0;
}

static int read_number(Fmt *f, int64_t *out, const char *what)
{
    int64_t v = 0;
    while (f->pos < f->len && f->fmt[f->pos] >= '0' && f->fmt[f->pos] <= '9') {
        v = v * 10 + (f->fmt[f->pos++] - '0');
        if (v > 0x7fffffff) {
            tr_raise(&tr_ValueError, "%s too big", what);
            return -1;
        }
    }
    *out = v;
    return 0;
}

/* Parses and formats one directive; f->pos is just after the '%'. */
static int one(Fmt *f, TrStrBuilder *out)
{
    if (f->pos < f->len && f->fmt[f->pos] == '%') {
        f->pos++;
        tr_sbuild_char(out, '%');
        return 0;
    }
    TrValue arg = 0; /* from %(key) */
    if (f->pos < f->len && f->fmt[f->pos] == '(') {
        if (!f->dict) {
            tr_raise(&tr_TypeError, "format requires a mapping");
            return -1;
        }
        int64_t start = ++f->pos, depth = 1;
        while (f->pos < f->len && depth > 0) {
            if (f->fmt[f->pos] == ')')
                depth--;
            else if (f->fmt[f->pos] == '(')
                depth++;
            f->pos++;
        }
        if (depth > 0) {
            tr_raise(&tr_ValueError, "incomplete format key");
            return -1;
        }
        int64_t klen = f->pos - 1 - start;
        TrValue key;
        if (f->bytes) {
            uint8_t *kb = tr_alloc_atomic((size_t)klen + 1);
            for (int64_t i = 0; i < klen; i++)
                kb[i] = (uint8_t)f->fmt[start + i];
            key = tr_bytes_new(kb, (size_t)klen);
        } else {
            key = tr_str_from_codepoints(f->fmt + start, klen);
        }
        arg = tr_getitem(f->dict, key);
        if (arg == TR_ERR)
            return -1;
        f->arglen = -1;
        f->argidx = -2;
    }
    int flags = 0;
    for (; f->pos < f->len; f->pos++) {
        uint32_t c = f->fmt[f->pos];
        int fl = c == '-'   ? F_LJUST
                 : c == '+' ? F_SIGN
                 : c == ' ' ? F_BLANK
                 : c == '#' ? F_ALT
                 : c == '0' ? F_ZERO
                            : 0;
        if (!fl)
            break;
        flags |= fl;
    }
    int64_t width = -1, prec = -1;
    if (f->pos < f->len && f->fmt[f->pos] == '*') {
        f->pos++;
        if (star_arg(f, &width) < 0)
            return -1;
        if (width < 0) {
            flags |= F_LJUST;
            width = -width;
        }
    } else if (read_number(f, &width, "width") < 0) {
        return -1;
    }
    if (f->pos < f->len && f->fmt[f->pos] == '.') {
        f->pos++;
        if (f->pos < f->len && f->fmt[f->pos] == '*') {
            f->pos++;
            if (star_arg(f, &prec) < 0)
                return -1;
            if (prec < 0)
                prec = 0;
        } else if (read_number(f, &prec, "precision") < 0) {
            return -1;
        }
    }
    while (f->pos < f->len &&
           (f->fmt[f->pos] == 'h' || f->fmt[f->pos] == 'l' || f->fmt[f->pos] == 'L'))
        f->pos++;
    if (f->pos >= f->len) {
        tr_raise(&tr_ValueError, "incomplete format");
        return -1;
    }
    uint32_t c = f->fmt[f->pos++];
    TrValue v = arg ? arg : next_arg(f);
    if (v == TR_ERR)
        return -1;
    TrValue text;
    bool numeric = false, neg = false;
    const char *prefix = "";
    switch (c) {
    case 's':
    case 'r':
    case 'a':
    case 'b':
        if (f->bytes && (c == 's' || c == 'b'))
            text = bytes_arg(v);
        else if (c == 'b') {
            goto unsupported;
        } else if (c == 's')
            text = tr_str(v);
        else
            text = c == 'r' && !f->bytes ? tr_repr(v) : tr_ascii(v);
        if (text != TR_ERR && prec >= 0 && prec < tr_as_str(text)->len)
            text = tr_str_sub(tr_as_str(text), 0, 1, prec);
        break;
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        numeric = true;
        text = int_text(v, c == 'i' || c == 'u' ? 'd' : (char)c, prec, &neg);
        if (flags & F_ALT)
            prefix = c == 'o' ? "0o" : c == 'x' ? "0x" : c == 'X' ? "0X" : "";
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        numeric = true;
        text = float_text(v, (char)c, prec, flags & F_ALT, &neg);
        break;
    case 'c': text = char_arg(f, v); break;
    default:
    unsupported:
        tr_raise(&tr_ValueError, "unsupported format character '%c' (0x%x) at index %lld",
                 (c >= 32 && c <= 126) ? (int)c : '?', (unsigned)c, (long long)(f->pos - 1));
        return -1;
    }
    if (text == TR_ERR)
        return -1;
    int64_t len = tr_as_str(text)->len;
    char sign = 0;
    if (numeric)
        sign = neg ? '-' : (flags & F_SIGN) ? '+' : (flags & F_BLANK) ? ' ' : 0;
    int64_t body = len + (sign ? 1 : 0) + (int64_t)strlen(prefix);
    int64_t pad = width > body ? width - body : 0;
    bool zero = numeric && (flags & F_ZERO) && !(flags & F_LJUST);
    if (!(flags & F_LJUST) && !zero)
        while (pad > 0)
            tr_sbuild_char(out, ' '), pad--;
    if (sign)
        tr_sbuild_char(out, (uint32_t)sign);
    put_ascii(out, prefix);
    if (zero)
        while (pad > 0)
            tr_sbuild_char(out, '0'), pad--;
    tr_sbuild_str(out, text);
    while (pad > 0)
        tr_sbuild_char(out, ' '), pad--;
    return 0;
}

static TrValue run(Fmt *f)
{
    TrStrBuilder out;
    tr_sbuild_init(&out);
    if (tr_is_tuple(f->args)) {
        f->arglen = tr_as_tuple(f->args)->len;
        f->argidx = 0;
    } else {
        f->arglen = -1;
        f->argidx = -2;
    }
    TrType *t = tr_type_of(f->args);
    f->dict = 0;
    if (t->getitem && !tr_is_tuple(f->args) &&
        !(f->bytes ? tr_is_bytes(f->args) : tr_is_str(f->args)))
        f->dict = f->args;
    while (f->pos < f->len) {
        uint32_t c = f->fmt[f->pos++];
        if (c != '%') {
            tr_sbuild_char(&out, c);
            continue;
        }
        if (one(f, &out) < 0)
            return TR_ERR;
    }
    if (f->argidx < f->arglen && !f->dict)
        return tr_raise(&tr_TypeError, "not all arguments converted during %s formatting",
                        f->bytes ? "bytes" : "string");
    return tr_sbuild_finish(&out);
}

TrValue tr_str_percent(TrValue fmt, TrValue args)
{
    TrStr *s = tr_as_str(fmt);
    uint32_t *cps = tr_alloc_atomic(sizeof(uint32_t) * (size_t)(s->len + 1));
    for (int64_t i = 0; i < s->len; i++)
        cps[i] = tr_str_char(s, i);
    Fmt f = {.bytes = false, .fmt = cps, .len = s->len, .args = args};
    return run(&f);
}

TrValue tr_bytes_percent(TrValue fmt, TrValue args)
{
    const uint8_t *data;
    int64_t n;
    if (tr_is_bytes(fmt)) {
        data = ((TrBytes *)tr_obj(fmt))->data;
        n = ((TrBytes *)tr_obj(fmt))->len;
    } else {
        data = ((TrByteArray *)tr_obj(fmt))->data;
        n = ((TrByteArray *)tr_obj(fmt))->len;
    }
    uint32_t *cps = tr_alloc_atomic(sizeof(uint32_t) * (size_t)(n + 1));
    for (int64_t i = 0; i < n; i++)
        cps[i] = data[i];
    Fmt f = {.bytes = true, .fmt = cps, .len = n, .args = args};
    TrValue r = run(&f);
    if (r == TR_ERR)
        return TR_ERR;
    TrStr *rs = tr_as_str(r);
    uint8_t *out = tr_alloc_atomic((size_t)rs->len + 1);
    for (int64_t i = 0; i < rs->len; i++) {
        uint32_t c = tr_str_char(rs, i);
        out[i] = (uint8_t)(c < 256 ? c : '?'); /* %r/%a give ASCII; keeps bytes intact */
    }
    return tr_bytes_new(out, (size_t)rs->len);
}
