/*
 * format.c -- the format() mini-language: parsing a spec with CPython's errors, and laying out
 * ints, floats and strs (sign, '#' prefix, zero padding, ',' and '_' grouping, fill and
 * alignment). Float digits come from tr_double_format (float.c); this adds everything around
 * them. str.format's field syntax is in format_str.c, '%' formatting in format_percent.c.
 */
#include "runtime/format.h"

#include "runtime/runtime.h"
#include "runtime/unicode.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --- Spec parsing ----------------------------------------------------------------------- */

static bool is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Reads decimal digits at *pos; returns how many, or -1 on overflow (ValueError raised). */
static int64_t get_integer(const TrStr *s, int64_t *pos, int64_t *out)
{
    int64_t n = 0, v = 0;
    while (*pos < s->len) {
        int d = tr_uni_decimal(tr_str_char(s, *pos));
        if (d < 0)
            break;
        if (v > (INT64_MAX - d) / 10) {
            tr_raise(&tr_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
        (*pos)++;
        n++;
    }
    *out = v;
    return n;
}

static TrValue bad_grouping(char sep, char type)
{
    if (type > ' ' && type < 127)
        return tr_raise(&tr_ValueError, "Cannot specify '%c' with '%c'.", sep, type);
    return tr_raise(&tr_ValueError, "Cannot specify '%c' with '\\x%x'.", sep, (unsigned)type);
}

int tr_format_spec_parse_for(TrValue spec, TrFormatSpec *f, char default_type,
                             const char *type_name)
{
    TrStr *s = tr_as_str(spec);
    int64_t pos = 0, end = s->len;
    bool fill_given = false;
    f->fill = ' ';
    f->align = 0;
    f->sign = 0;
    f->alt = f->zero = f->no_neg_zero = false;
    f->width = -1;
    f->grouping = 0;
    f->prec = -1;
    f->type = default_type;
#define AT(i) tr_str_char(s, (i))
    if (end - pos >= 2 && is_align(AT(pos + 1))) {
        f->fill = AT(pos);
        f->align = (char)AT(pos + 1);
        fill_given = true;
        pos += 2;
    } else if (end - pos >= 1 && is_align(AT(pos))) {
        f->align = (char)AT(pos);
        pos++;
    }
    if (pos < end && (AT(pos) == '+' || AT(pos) == '-' || AT(pos) == ' '))
        f->sign = (char)AT(pos++);
    if (pos < end && AT(pos) == 'z') {
        f->no_neg_zero = true;
        pos++;
    }
    if (pos < end && AT(pos) == '#') {
        f->alt = true;
        pos++;
    }
    if (!fill_given && pos < end && AT(pos) == '0') {
        f->fill = '0';
        f->zero = true; /* numbers then default to '=' alignment */
        pos++;
    }
    int64_t n = get_integer(s, &pos, &f->width);
    if (n < 0)
        return -1;
    if (n == 0)
        f->width = -1;
    if (pos < end && AT(pos) == ',') {
        f->grouping = ',';
        pos++;
    }
    if (pos < end && AT(pos) == '_') {
        if (f->grouping) {
            tr_raise(&tr_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->grouping = '_';
        pos++;
    }
    if (pos < end && AT(pos) == ',' && f->grouping == '_') {
        tr_raise(&tr_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (pos < end && AT(pos) == '.') {
        pos++;
        n = get_integer(s, &pos, &f->prec);
        if (n < 0)
            return -1;
        if (n == 0) {
            tr_raise(&tr_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        if (type_name)
            tr_raise(&tr_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                     tr_str_sub(s, 0, 1, s->len), type_name);
        else
            tr_raise(&tr_ValueError, "Invalid format specifier");
        return -1;
    }
    if (end - pos == 1) {
        uint32_t t = AT(pos);
        f->type = t < 128 ? (char)t : 127; /* any non-ASCII type is unknown anyway */
    }
#undef AT
    if (f->grouping) {
        switch (f->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case 0: break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (f->grouping == '_')
                break;
            /* fall through */
        default: bad_grouping(f->grouping, f->type); return -1;
        }
    }
    return 0;
}

int tr_format_spec_parse(TrValue spec, TrFormatSpec *out)
{
    return tr_format_spec_parse_for(spec, out, 0, NULL);
}

static TrValue unknown_code(char type, const char *type_name)
{
    if (type > ' ' && type < 127)
        return tr_raise(&tr_ValueError, "Unknown format code '%c' for object of type '%s'", type,
                        type_name);
    return tr_raise(&tr_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                    (unsigned)(unsigned char)type, type_name);
}

/* --- Padding ---------------------------------------------------------------------------- */

static void put_fill(TrStrBuilder *b, uint32_t fill, int64_t n)
{
    tr_sbuild_fill(b, fill, n);
}

TrValue tr_format_pad(TrValue s, const TrFormatSpec *spec, char default_align)
{
    int64_t len = tr_as_str(s)->len;
    if (spec->width <= len)
        return s;
    char align = spec->align ? spec->align : default_align;
    int64_t total = spec->width - len, left;
    left = align == '>' ? total : align == '^' ? total / 2 : 0;
    TrStrBuilder b;
    tr_sbuild_init(&b);
    put_fill(&b, spec->fill, left);
    tr_sbuild_str(&b, s);
    put_fill(&b, spec->fill, total - left);
    return tr_sbuild_finish(&b);
}

TrValue tr_format_str(TrValue s, const TrFormatSpec *spec)
{
    if (spec->type != 's' && spec->type != 0)
        return unknown_code(spec->type, "str");
    if (spec->sign == ' ')
        return tr_raise(&tr_ValueError, "Space not allowed in string format specifier");
    if (spec->sign)
        return tr_raise(&tr_ValueError, "Sign not allowed in string format specifier");
    if (spec->no_neg_zero)
        return tr_raise(&tr_ValueError,
                        "Negative zero coercion (z) not allowed in string format specifier");
    if (spec->alt)
        return tr_raise(&tr_ValueError,
                        "Alternate form (#) not allowed in string format specifier");
    if (spec->align == '=')
        return tr_raise(&tr_ValueError, "'=' alignment not allowed in string format specifier");
    TrStr *st = tr_as_str(s);
    if (spec->prec >= 0 && spec->prec < st->len)
        s = tr_str_sub(st, 0, 1, spec->prec);
    else if (st->ob.type != &tr_str_type)
        s = tr_str_sub(st, 0, 1, st->len);
    return tr_format_pad(s, spec, '<');
}

/* --- Numbers ---------------------------------------------------------------------------- */

/* Writes digits[0..n) grouped by sep every `group` digits, left-padded with zeros (and
   separators) to at least min_width characters: CPython's InsertThousandsGrouping. */
static void put_grouped(TrStrBuilder *b, const char *digits, int64_t n, char sep, int group,
                        int64_t min_width)
{
    /* built right to left into a scratch buffer */
    int64_t cap = (n + (min_width > 0 ? min_width : 0)) * 2 + 8;
    char *out = tr_alloc_atomic((size_t)cap);
    int64_t w = cap, remaining = n;
    bool use_sep = false;
    for (;;) {
        int64_t m = remaining > min_width ? remaining : min_width;
        if (m < 1)
            m = 1;
        int64_t l = group < m ? group : m;
        int64_t zeros = l - remaining > 0 ? l - remaining : 0;
        int64_t chars = remaining < l ? remaining : l;
        if (chars < 0)
            chars = 0;
        if (use_sep)
            out[--w] = sep;
        for (int64_t k = 0; k < chars; k++)
            out[--w] = digits[remaining - 1 - k];
        for (int64_t k = 0; k < zeros; k++)
            out[--w] = '0';
        use_sep = true;
        remaining -= chars;
        min_width -= group;
        if (remaining <= 0 && min_width <= 0)
            break;
        min_width -= 1;
    }
    tr_sbuild_ascii(b, out + w, (size_t)(cap - w));
}

/* Lays out a formatted number: [lpad][sign][prefix][spad][digits, grouped][rest][rpad].
   digits are ASCII; rest (decimal point, fraction, exponent, '%') follows them. */
static TrValue layout_number(const TrFormatSpec *spec, bool negative, const char *prefix,
                             const char *digits, int64_t ndigits, const char *rest, int64_t nrest,
                             char group_sep, int group)
{
    char sign = negative ? '-' : spec->sign == '+' ? '+' : spec->sign == ' ' ? ' ' : 0;
    char align = spec->align ? spec->align : spec->zero ? '=' : '>';
    int64_t nprefix = (int64_t)strlen(prefix), nsign = sign ? 1 : 0;
    int64_t nonpad = nsign + nprefix + nrest;
    TrStrBuilder g; /* the digits, grouped */
    tr_sbuild_init(&g);
    if (group_sep && ndigits > 0) { /* inf and nan have no digits to group */
        int64_t min_width = 0;
        if (spec->fill == '0' && align == '=' && spec->width > nonpad)
            min_width = spec->width - nonpad;
        put_grouped(&g, digits, ndigits, group_sep, group, min_width);
    } else {
        tr_sbuild_ascii(&g, digits, (size_t)ndigits);
    }
    int64_t total = nonpad + g.len;
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (spec->width > total) {
        int64_t pad = spec->width - total;
        switch (align) {
        case '<': rpad = pad; break;
        case '^':
            lpad = pad / 2;
            rpad = pad - lpad;
            break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    TrStrBuilder b;
    tr_sbuild_init(&b);
    put_fill(&b, spec->fill, lpad);
    if (sign)
        tr_sbuild_char(&b, (uint32_t)sign);
    tr_sbuild_ascii(&b, prefix, (size_t)nprefix);
    put_fill(&b, spec->fill, spad);
    tr_sbuild_builder(&b, &g);
    tr_sbuild_ascii(&b, rest, (size_t)nrest);
    put_fill(&b, spec->fill, rpad);
    return tr_sbuild_finish(&b);
}

TrValue tr_format_int(TrValue v, const TrFormatSpec *spec)
{
    char type = spec->type ? spec->type : 'd';
    switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        int overflow = 0;
        double d = tr_int_to_double(v, &overflow);
        if (overflow)
            return tr_raise(&tr_OverflowError, "int too large to convert to float");
        return tr_format_float(d, spec);
    }
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n': break;
    default: return unknown_code(type, tr_type_name(v));
    }
    if (spec->prec >= 0)
        return tr_raise(&tr_ValueError, "Precision not allowed in integer format specifier");
    if (spec->no_neg_zero)
        return tr_raise(&tr_ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
    if (type == 'c') {
        if (spec->sign)
            return tr_raise(&tr_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (spec->alt)
            return tr_raise(&tr_ValueError,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t x;
        if (tr_int_to_i64(v, &x) < 0 || x < 0 || x > 0x10FFFF) {
            tr_err_clear();
            return tr_raise(&tr_OverflowError, "%%c arg not in range(0x110000)");
        }
        TrValue ch = tr_str_from_char((uint32_t)x);
        TrFormatSpec s2 = *spec;
        if (!s2.align)
            s2.align = s2.zero ? '=' : '>';
        if (s2.align == '=') /* a char has no sign to pad after */
            s2.align = '>';
        return tr_format_pad(ch, &s2, '>');
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    TrValue ds = tr_int_to_str(v, base);
    if (ds == TR_ERR)
        return TR_ERR;
    size_t n;
    const char *txt = tr_str_utf8_len(ds, &n);
    bool neg = txt[0] == '-';
    if (neg)
        txt++, n--;
    char *digits = tr_alloc_atomic(n + 1);
    memcpy(digits, txt, n + 1);
    if (type == 'X')
        for (size_t i = 0; i < n; i++)
            if (digits[i] >= 'a' && digits[i] <= 'f')
                digits[i] = (char)(digits[i] - 32);
    const char *prefix = "";
    if (spec->alt)
        prefix = type == 'b'   ? "0b"
                 : type == 'o' ? "0o"
                 : type == 'x' ? "0x"
                 : type == 'X' ? "0X"
                               : "";
    int group = base == 10 ? 3 : 4;
    return layout_number(spec, neg, prefix, digits, (int64_t)n, "", 0,
                         type == 'n' ? 0 : spec->grouping, group);
}

/* Strips trailing zeros of the fraction in a plain or exponent form (g-style), keeping the
   point when keep_point. Returns the new text. */
static char *strip_zeros(const char *s, bool keep_point)
{
    size_t n = strlen(s);
    char *out = tr_alloc_atomic(n + 3);
    const char *e = strchr(s, 'e');
    size_t mant = e ? (size_t)(e - s) : n;
    memcpy(out, s, mant);
    size_t m = mant;
    if (memchr(s, '.', mant)) {
        while (m > 0 && out[m - 1] == '0')
            m--;
        if (m > 0 && out[m - 1] == '.' && !keep_point)
            m--;
    }
    memcpy(out + m, s + mant, n - mant + 1);
    return out;
}

/* format(d, '.Np') with no type: 'g'-like, but at least one digit after the point and
   exponent form once the integer part needs more than N-1 digits (CPython's ADD_DOT_0). */
static const char *float_no_type(double d, int64_t prec, bool alt)
{
    if (!isfinite(d))
        return tr_str_utf8(tr_double_format(d, 'g', (int)prec, alt));
    if (prec < 1)
        prec = 1;
    const char *e = tr_str_utf8(tr_double_format(d, 'e', (int)prec - 1, alt));
    int decpt = atoi(strchr(e, 'e') + 1) + 1;
    if (decpt <= -4 || decpt > prec - 1)
        return alt ? e : strip_zeros(e, false);
    const char *f = tr_str_utf8(tr_double_format(d, 'f', (int)(prec - decpt), true));
    char *r = alt ? (char *)f : strip_zeros(f, true);
    size_t n = strlen(r);
    if (r[n - 1] == '.') {
        char *x = tr_alloc_atomic(n + 2);
        memcpy(x, r, n);
        x[n] = '0';
        x[n + 1] = 0;
        r = x;
    }
    return r;
}

TrValue tr_format_float(double d, const TrFormatSpec *spec)
{
    char type = spec->type;
    switch (type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
    case 'n': break;
    default: return unknown_code(type, "float");
    }
    int64_t prec = spec->prec;
    if (prec > 0x7fffffff)
        return tr_raise(&tr_ValueError, "precision too big");
    bool pct = type == '%';
    const char *txt;
    if (pct)
        txt = tr_str_utf8(tr_double_format(d * 100, 'f', prec < 0 ? 6 : (int)prec, spec->alt));
    else if (type == 0 && prec < 0)
        txt = tr_str_utf8(tr_double_format(d, 'r', -1, spec->alt));
    else if (type == 0)
        txt = float_no_type(d, prec, spec->alt);
    else
        txt = tr_str_utf8(
            tr_double_format(d, type == 'n' ? 'g' : type, prec < 0 ? 6 : (int)prec, spec->alt));
    if (!txt)
        return TR_ERR;
    bool neg = txt[0] == '-';
    if (neg)
        txt++;
    if (neg && spec->no_neg_zero) { /* negative zero after rounding loses its sign */
        bool zero = true;
        for (const char *p = txt; *p && *p != 'e' && *p != 'E'; p++)
            if (*p >= '1' && *p <= '9')
                zero = false;
        if (zero && isfinite(d))
            neg = false;
    }
    size_t n = strlen(txt), nd = 0;
    while (nd < n && txt[nd] >= '0' && txt[nd] <= '9')
        nd++;
    char *rest = tr_alloc_atomic(n - nd + 2);
    memcpy(rest, txt + nd, n - nd);
    size_t nrest = n - nd;
    if (pct)
        rest[nrest++] = '%';
    rest[nrest] = 0;
    return layout_number(spec, neg, "", txt, (int64_t)nd, rest, (int64_t)nrest,
                         type == 'n' ? 0 : spec->grouping, 3);
}

/* --- Whole __format__ implementations for the number types ------------------------------ */

TrValue tr_int_format_spec(TrValue v, TrValue spec)
{
    if (tr_as_str(spec)->len == 0)
        return tr_str(v);
    TrFormatSpec f;
    if (tr_format_spec_parse_for(spec, &f, 'd', tr_type_name(v)) < 0)
        return TR_ERR;
    return tr_format_int(v, &f);
}

TrValue tr_float_format_spec(double d, TrValue spec)
{
    TrFormatSpec f;
    if (tr_as_str(spec)->len == 0)
        return tr_double_format(d, 'r', -1, false);
    if (tr_format_spec_parse_for(spec, &f, 0, "float") < 0)
        return TR_ERR;
    return tr_format_float(d, &f);
}

TrValue tr_str_format_spec(TrValue s, TrValue spec)
{
    TrFormatSpec f;
    if (tr_as_str(spec)->len == 0)
        return tr_obj(s)->type == &tr_str_type ? s
                                               : tr_str_sub(tr_as_str(s), 0, 1, tr_as_str(s)->len);
    if (tr_format_spec_parse_for(spec, &f, 's', "str") < 0)
        return TR_ERR;
    return tr_format_str(s, &f);
}
