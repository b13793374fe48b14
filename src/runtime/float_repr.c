/*
 * float_repr.c -- float <-> text: the digit generation of David Gay's dtoa (modes 0, 2, 3),
 * rebuilt on glibc's exact printf and strtod, then laid out exactly as CPython's
 * format_float_short does (repr, str, format types e f g %, '#'), plus round(x, n) and
 * parsing float('...') with CPython's accepted syntax.
 */
#include "runtime/float.h"

#include "common/strbuf.h"
#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/unicode.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- Digit generation ------------------------------------------------------------------- */

/* Increments a decimal digit string in place; returns true if it carried out of the top
   (all nines), in which case the string is "1000...". */
static bool digits_inc(char *s, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        if (s[i] != '9') {
            s[i]++;
            return false;
        }
        s[i] = '0';
    }
    s[0] = '1';
    return true;
}

static bool roundtrips(const char *digits, int n, int exp10, double d)
{
    char buf[48];
    snprintf(buf, sizeof buf, "0.%.*se%d", n, digits, exp10);
    return strtod(buf, NULL) == d;
}

/* The significant digits of |d| (finite) as dtoa produces them: mode 0 the shortest string
   that reads back as d (nearest to d among the shortest), mode 2 ndigits significant digits,
   mode 3 ndigits after the decimal point; trailing zeros removed. The value is
   0.DIGITS * 10**decpt. Returns the digit count (0 when mode 3 rounds to zero). The digits go
   to store (DTOA_STORE bytes, the caller's stack) when they fit, else to the heap. */
#define DTOA_STORE 400
static int dtoa_digits(double d, int mode, int ndigits, char *store, char **out, int *decpt)
{
    d = fabs(d);
    if (d == 0.0) {
        *out = "0";
        *decpt = 1;
        return 1;
    }
    char *buf;
    int n = 0;
    if (mode == 3) {
        size_t cap = (size_t)ndigits + 330;
        char tmpstore[DTOA_STORE];
        char *tmp = cap <= DTOA_STORE ? tmpstore : tr_alloc_atomic(cap);
        snprintf(tmp, cap, "%.*f", ndigits, d);
        buf = cap <= DTOA_STORE ? store : tr_alloc_atomic(cap);
        const char *dot = strchr(tmp, '.');
        int ipart = dot ? (int)(dot - tmp) : (int)strlen(tmp);
        for (char *p = tmp; *p; p++)
            if (*p != '.')
                buf[n++] = *p;
        int lead = 0;
        while (lead < n && buf[lead] == '0')
            lead++;
        buf += lead;
        n -= lead;
        *decpt = ipart - lead;
        if (n == 0)
            *decpt = -ndigits;
    } else {
        /* mode 0 starts at 15 digits: a double has one 15-digit decimal that reads back as it
           whenever it has a shorter one (DBL_DIG), and that one is the shorter one padded with
           zeros, which are stripped below (not for subnormals: fewer bits, so from 1 digit) */
        int prec = mode == 0 ? (d >= DBL_MIN ? 15 : 1) : (ndigits < 1 ? 1 : ndigits);
        size_t cap = (size_t)prec + 40;
        char tmpstore[DTOA_STORE];
        char *tmp = cap <= DTOA_STORE ? tmpstore : tr_alloc_atomic(cap);
        buf = cap <= DTOA_STORE ? store : tr_alloc_atomic(cap);
        for (;;) {
            snprintf(tmp, cap, "%.*e", prec - 1, d);
            n = 0;
            char *p = tmp;
            for (; *p != 'e'; p++)
                if (*p != '.')
                    buf[n++] = *p;
            int e = atoi(p + 1);
            *decpt = e + 1;
            if (mode != 0 || prec >= 17 || roundtrips(buf, n, *decpt, d))
                break;
            /* d may be a power of two, whose lower neighbour is nearer: the next decimal up
               can round-trip although the nearest one does not */
            char up[24];
            memcpy(up, buf, (size_t)n);
            int updec = *decpt;
            if (digits_inc(up, n))
                updec++;
            if (roundtrips(up, n, updec, d)) {
                memcpy(buf, up, (size_t)n);
                *decpt = updec;
                break;
            }
            prec++;
        }
    }
    while (n > 0 && buf[n - 1] == '0')
        n--;
    buf[n] = 0;
    *out = buf;
    return n;
}

/* --- Layout (CPython's format_float_short) ----------------------------------------------- */

enum { DTSF_SIGN = 1, DTSF_ADD_DOT_0 = 2, DTSF_ALT = 4 };

/* code: 'e' 'f' 'g' 'r' (lower case; upper selects 'E', "INF", "NAN"). Appends to sb. */
static void format_short(StrBuf *sb, double d, char code, int precision, int flags, bool upper)
{
    int mode;
    switch (code) {
    case 'e': mode = 2; precision++; break;
    case 'f': mode = 3; break;
    case 'g': mode = 2; if (precision == 0) precision = 1; break;
    default: mode = 0; break;
    }
    bool neg = signbit(d) != 0;
    if (isnan(d) || isinf(d)) {
        if (isnan(d))
            neg = false;
        if (neg)
            sb_putc(sb, '-');
        else if (flags & DTSF_SIGN)
            sb_putc(sb, '+');
        sb_puts(sb, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        return;
    }
    char *digits, store[DTOA_STORE];
    int decpt;
    int ndig = dtoa_digits(d, mode, precision, store, &digits, &decpt);
    bool add_dot_0 = flags & DTSF_ADD_DOT_0, alt = flags & DTSF_ALT, use_exp = false;
    int vend = ndig, exp = 0;
    switch (code) {
    case 'e': use_exp = true; vend = precision; break;
    case 'f': vend = decpt + precision; break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = true;
        if (alt)
            vend = precision;
        break;
    default:
        if (decpt <= -4 || decpt > 16)
            use_exp = true;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vend = vend > decpt ? vend : decpt + 1;
    else
        vend = vend > decpt ? vend : decpt;

    if (neg)
        sb_putc(sb, '-');
    else if (flags & DTSF_SIGN)
        sb_putc(sb, '+');
    size_t start = sb->len;
    if (decpt <= 0) {
        for (int i = 0; i < decpt - vstart; i++)
            sb_putc(sb, '0');
        sb_putc(sb, '.');
        for (int i = 0; i < -decpt; i++)
            sb_putc(sb, '0');
    } else {
        for (int i = 0; i < -vstart; i++)
            sb_putc(sb, '0');
    }
    if (0 < decpt && decpt <= ndig) {
        sb_append(sb, digits, (size_t)decpt);
        sb_putc(sb, '.');
        sb_append(sb, digits + decpt, (size_t)(ndig - decpt));
    } else {
        sb_append(sb, digits, (size_t)ndig);
    }
    if (ndig < decpt) {
        for (int i = 0; i < decpt - ndig; i++)
            sb_putc(sb, '0');
        sb_putc(sb, '.');
        for (int i = 0; i < vend - decpt; i++)
            sb_putc(sb, '0');
    } else {
        for (int i = 0; i < vend - ndig; i++)
            sb_putc(sb, '0');
    }
    if (sb->len > start && sb->data[sb->len - 1] == '.' && !alt)
        sb->len--;
    if (use_exp)
        sb_printf(sb, "%c%+.02d", upper ? 'E' : 'e', exp);
}

int tr_double_repr(double d, char *buf)
{
    StrBuf sb;
    sb_init(&sb);
    format_short(&sb, d, 'r', 0, DTSF_ADD_DOT_0, false);
    memcpy(buf, sb.data, sb.len);
    buf[sb.len] = 0;
    return (int)sb.len;
}

TrValue tr_float_repr(TrValue v)
{
    double d;
    tr_float_get(v, &d);
    char buf[40];
    int n = tr_double_repr(d, buf);
    return tr_str_from_utf8(buf, (size_t)n);
}

/* repr of the parts of a complex: no ".0" added, optional sign (CPython's complex_repr). */
void tr_double_append(StrBuf *sb, double d, bool sign)
{
    format_short(sb, d, 'r', 0, sign ? DTSF_SIGN : 0, false);
}

/* CPython's PyOS_double_to_string: code e E f F g G r, flags as booleans. */
TrValue tr_double_to_string(double d, char code, int prec, bool alt, bool add_dot_0, bool sign)
{
    StrBuf sb;
    sb_init(&sb);
    bool upper = code == 'E' || code == 'F' || code == 'G';
    int flags = (alt ? DTSF_ALT : 0) | (add_dot_0 ? DTSF_ADD_DOT_0 : 0) | (sign ? DTSF_SIGN : 0);
    format_short(&sb, d, (char)(upper ? code + 32 : code), code == 'r' ? 0 : prec, flags, upper);
    return tr_str_from_utf8(sb.data ? sb.data : "", sb.len);
}

/* format()'s float presentation (CPython's format_float_internal, minus padding/sign). */
TrValue tr_double_format(double d, char type, int prec, bool alt)
{
    StrBuf sb;
    sb_init(&sb);
    int flags = alt ? DTSF_ALT : 0;
    bool pct = false;
    if (type == 0 || type == 'r') {
        flags |= DTSF_ADD_DOT_0;
        type = prec < 0 ? 'r' : 'g';
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        d *= 100;
        pct = true;
    }
    if (prec < 0)
        prec = 6;
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char code = (char)(upper ? type + 32 : type);
    format_short(&sb, d, code, code == 'r' ? 0 : prec, flags, upper);
    if (pct)
        sb_putc(&sb, '%');
    return tr_str_from_utf8(sb.data ? sb.data : "", sb.len);
}

/* --- round() ---------------------------------------------------------------------------- */

/* round(x, n) for finite x: correctly rounded to n decimal places (ties to even on the exact
   binary value), via exact decimal digits and a correctly rounded read-back. */
static TrValue double_round(double x, int n)
{
    char *buf;
    size_t cap;
    if (n >= 0) {
        cap = (size_t)n + 340;
        buf = tr_alloc_atomic(cap);
        snprintf(buf, cap, "%.*f", n, x);
    } else {
        /* round half even of x / 10**-n, exactly */
        mpq_t q;
        mpz_t p, i, r;
        mpq_init(q);
        mpz_init(p);
        mpz_init(i);
        mpz_init(r);
        mpq_set_d(q, x);
        mpz_ui_pow_ui(p, 10, (unsigned long)-n);
        mpz_mul(p, p, mpq_denref(q));
        mpz_fdiv_qr(i, r, mpq_numref(q), p);
        mpz_mul_2exp(r, r, 1);
        int c = mpz_cmp(r, p);
        if (c > 0 || (c == 0 && mpz_odd_p(i)))
            mpz_add_ui(i, i, 1);
        char *digits = mpz_get_str(NULL, 10, i);
        cap = strlen(digits) + 32;
        buf = tr_alloc_atomic(cap);
        snprintf(buf, cap, "%se%d", digits, -n);
        if (mpz_sgn(i) == 0 && signbit(x))
            buf[0] = '-', snprintf(buf + 1, cap - 1, "0");
    }
    double r = strtod(buf, NULL);
    if (isinf(r))
        return tr_raise(&tr_OverflowError, "rounded value too large to represent");
    return tr_float_new(r);
}

TrValue tr_float_round(double x, TrValue ndigits)
{
    if (!ndigits || ndigits == TR_NONE) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0); /* halfway: to even */
        return tr_int_from_double(r);
    }
    TrValue ni = tr_index(ndigits);
    if (ni == TR_ERR)
        return TR_ERR;
    int64_t n;
    if (tr_int_to_i64(ni, &n) < 0) {
        tr_err_clear();
        n = tr_int_sign(ni) < 0 ? INT64_MIN : INT64_MAX;
    }
    if (!isfinite(x))
        return tr_float_new(x);
    const int ndigits_max = (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int ndigits_min = -(int)((DBL_MAX_EXP + 1) * 0.30103);
    if (n > ndigits_max)
        return tr_float_new(x);
    if (n < ndigits_min)
        return tr_float_new(0.0 * x);
    return double_round(x, (int)n);
}

/* --- float(str) ------------------------------------------------------------------------- */

static bool ascii_space(char c) { return c == ' ' || (c >= 9 && c <= 13); }

static bool match_word(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

/* Validates a float literal without surrounding spaces (CPython's grammar: digits with single
   underscores between them, optional point and exponent; or inf/infinity/nan) and returns the
   text strtod should read, or NULL. */
static char *clean_float_text(const char *s, size_t n)
{
    size_t i = 0;
    char *out = tr_alloc_atomic(n + 2);
    size_t k = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        out[k++] = s[i++];
    if (match_word(s + i, n - i, "inf") || match_word(s + i, n - i, "infinity") ||
        match_word(s + i, n - i, "nan")) {
        memcpy(out + k, s + i, n - i);
        out[k + n - i] = 0;
        return out;
    }
    /* digitpart ["." [digitpart]] | "." digitpart, then [exponent] */
    int ndig = 0;
    for (int part = 0; part < 3; part++) {
        if (part == 1) {
            if (i < n && s[i] == '.')
                out[k++] = s[i++];
            else
                continue;
        }
        if (part == 2) {
            if (ndig == 0)
                return NULL;
            if (i < n && (s[i] == 'e' || s[i] == 'E')) {
                out[k++] = s[i++];
                if (i < n && (s[i] == '+' || s[i] == '-'))
                    out[k++] = s[i++];
                if (!(i < n && s[i] >= '0' && s[i] <= '9'))
                    return NULL;
            } else {
                break;
            }
        }
        bool prev_digit = false;
        while (i < n) {
            if (s[i] >= '0' && s[i] <= '9') {
                out[k++] = s[i++];
                prev_digit = true;
                if (part < 2)
                    ndig++;
            } else if (s[i] == '_' && prev_digit && i + 1 < n && s[i + 1] >= '0' &&
                       s[i + 1] <= '9') {
                i++;
                prev_digit = false;
            } else {
                break;
            }
        }
    }
    if (i != n || ndig == 0)
        return NULL;
    out[k] = 0;
    return out;
}

/* Parses ASCII text; orig (a str or bytes) is shown in the error message. */
static TrValue parse_float(const char *s, size_t n, TrValue orig)
{
    while (n > 0 && ascii_space(*s))
        s++, n--;
    while (n > 0 && ascii_space(s[n - 1]))
        n--;
    char *t = clean_float_text(s, n);
    if (!t) {
        TrValue r = tr_repr(orig);
        if (r == TR_ERR)
            return TR_ERR;
        return tr_raise(&tr_ValueError, "could not convert string to float: %U", r);
    }
    return tr_float_new(strtod(t, NULL));
}

TrValue tr_float_from_str(const char *s, size_t len)
{
    TrValue orig = tr_utf8_valid(s, len) ? tr_str_from_utf8(s, len) : tr_bytes_new(s, len);
    return parse_float(s, len, orig);
}

TrValue tr_float_from_strobj(TrValue str)
{
    TrStr *s = tr_as_str(str);
    if (s->ascii) {
        size_t n;
        const char *p = tr_str_utf8_len(str, &n);
        return parse_float(p, n, str);
    }
    char *buf = tr_alloc_atomic((size_t)s->len + 1);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        int dv;
        if (c < 127)
            buf[i] = (char)c;
        else if (tr_uni_isspace(c))
            buf[i] = ' ';
        else if ((dv = tr_uni_decimal(c)) >= 0)
            buf[i] = (char)('0' + dv);
        else
            buf[i] = '?';
    }
    return parse_float(buf, (size_t)s->len, str);
}

TrValue tr_float_from_bytesobj(const uint8_t *p, size_t n)
{
    return parse_float((const char *)p, n, tr_bytes_new(p, n));
}
