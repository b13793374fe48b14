/*
 * int_str.c -- int <-> text: str()/repr() in any base with CPython 3.11's digit limit, and
 * int(s, base) parsing with CPython's rules for whitespace, signs, prefixes, underscores,
 * Unicode digits and its ValueError messages.
 */
#include "runtime/int.h"

#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/str.h"
#include "runtime/unicode.h"

#include <stdio.h>
#include <string.h>

int64_t tr_int_max_str_digits = 4300;

/* --- int -> str ------------------------------------------------------------------------- */

static TrValue limit_error(void)
{
    return tr_raise(&tr_ValueError,
                    "Exceeds the limit (%lld digits) for integer string conversion; use "
                    "sys.set_int_max_str_digits() to increase the limit",
                    (long long)tr_int_max_str_digits);
}

TrValue tr_int_to_str(TrValue v, int base)
{
    if (tr_is_small(v) || v == TR_TRUE || v == TR_FALSE) {
        int64_t x = tr_is_small(v) ? tr_small_val(v) : v == TR_TRUE;
        char buf[72];
        if (base == 10) {
            int n = snprintf(buf, sizeof buf, "%lld", (long long)x);
            return tr_str_from_utf8(buf, (size_t)n);
        }
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        char *p = buf + sizeof buf;
        do {
            unsigned d = (unsigned)(u % (unsigned)base);
            *--p = (char)(d < 10 ? '0' + d : 'a' + d - 10);
            u /= (unsigned)base;
        } while (u);
        if (x < 0)
            *--p = '-';
        return tr_str_from_utf8(p, (size_t)(buf + sizeof buf - p));
    }
    mpz_t tmp;
    mp_limb_t limb;
    mpz_srcptr z = tr_int_mpz_view(v, tmp, &limb);
    int64_t lim = tr_int_max_str_digits;
    if (base == 10 && lim > 0 && (int64_t)mpz_sizeinbase(z, 10) > lim + 1)
        return limit_error(); /* sizeinbase is exact or one too big */
    char *s = mpz_get_str(NULL, base, z);
    size_t n = strlen(s);
    if (base == 10 && lim > 0 && (int64_t)(n - (s[0] == '-')) > lim)
        return limit_error();
    return tr_str_from_utf8(s, n);
}

TrValue tr_int_repr(TrValue v) { return tr_int_to_str(v, 10); }

/* --- str -> int ------------------------------------------------------------------------- */

static bool is_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* "invalid literal for int() with base 10: 'abc'": orig is the str or bytes given, whose
   repr CPython cuts at 200 characters. */
static TrValue invalid_literal(int base, TrValue orig)
{
    TrValue r = tr_repr(orig);
    if (r == TR_ERR)
        return TR_ERR;
    if (tr_as_str(r)->len > 200)
        r = tr_str_slice(r, 0, 200, 1);
    return tr_raise(&tr_ValueError, "invalid literal for int() with base %d: %U", base, r);
}

/* Parses ASCII text s[0..n). orig is what the message shows (0: make one from s). */
static TrValue parse_int(const char *s, size_t n, int base, TrValue orig)
{
    size_t i = 0;
    int given_base = base;
    bool neg = false, prefix = false, zeros_only = false;
    while (i < n && is_space((unsigned char)s[i]))
        i++;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (i + 1 < n && s[i] == '0') {
        char c = (char)(s[i + 1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            prefix = true;
            i += 2;
        }
    }
    if (base == 0) {
        zeros_only = i < n && s[i] == '0'; /* old octal literals like 010 are invalid */
        base = 10;
    }
    char *buf = tr_alloc_atomic(n + 2);
    size_t nd = 0;
    bool allow_us = prefix, last_us = false;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '_') {
            if (!allow_us || last_us)
                goto invalid;
            last_us = true;
            continue;
        }
        if (digit_value(c) >= base)
            break;
        if (zeros_only && c != '0')
            goto invalid;
        buf[nd++] = (char)c;
        allow_us = true;
        last_us = false;
    }
    if (last_us || nd == 0)
        goto invalid;
    while (i < n && is_space((unsigned char)s[i]))
        i++;
    if (i != n)
        goto invalid;
    buf[nd] = 0;
    if ((base & (base - 1)) != 0 && tr_int_max_str_digits > 0 &&
        (int64_t)nd > tr_int_max_str_digits)
        return tr_raise(&tr_ValueError,
                        "Exceeds the limit (%lld digits) for integer string conversion: value "
                        "has %lld digits; use sys.set_int_max_str_digits() to increase the limit",
                        (long long)tr_int_max_str_digits, (long long)nd);
    if (nd <= 12) {
        int64_t x = 0;
        for (size_t k = 0; k < nd; k++)
            x = x * base + digit_value((unsigned char)buf[k]);
        return tr_int_from_i64(neg ? -x : x);
    }
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, buf, base);
    if (neg)
        mpz_neg(z, z);
    return tr_int_take_mpz(z);

invalid:
    if (!orig)
        orig = tr_utf8_valid(s, n) ? tr_str_from_utf8(s, n) : tr_bytes_new(s, n);
    return invalid_literal(given_base, orig);
}

TrValue tr_int_from_str(const char *s, size_t len, int base)
{
    return parse_int(s, len, base, 0);
}

/* int(str): Unicode spaces and decimal digits are mapped to ASCII first, as CPython does. */
TrValue tr_int_from_strobj(TrValue str, int base)
{
    TrStr *s = tr_as_str(str);
    if (s->ascii) {
        size_t n;
        const char *p = tr_str_utf8_len(str, &n);
        return parse_int(p, n, base, str);
    }
    char *buf = tr_alloc_atomic((size_t)s->len + 1);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        int d;
        if (c < 127)
            buf[i] = (char)c;
        else if (tr_uni_isspace(c))
            buf[i] = ' ';
        else if ((d = tr_uni_decimal(c)) >= 0)
            buf[i] = (char)('0' + d);
        else
            buf[i] = '?';
    }
    return parse_int(buf, (size_t)s->len, base, str);
}

/* int(bytes): the message shows at most the first 200 bytes. */
TrValue tr_int_from_bytesobj(const uint8_t *p, size_t n, int base)
{
    TrValue orig = tr_bytes_new(p, n > 200 ? 200 : n);
    return parse_int((const char *)p, n, base, orig);
}

TrValue tr_int_from_literal(const char *s, size_t len)
{
    int base = 10;
    if (len >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 10;
        if (base != 10) {
            s += 2;
            len -= 2;
        }
    }
    char *buf = tr_alloc_atomic(len + 1);
    size_t nd = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] != '_')
            buf[nd++] = s[i];
    buf[nd] = 0;
    if (base == 10 && tr_int_max_str_digits > 0 && (int64_t)nd > tr_int_max_str_digits)
        return tr_raise(&tr_ValueError,
                        "Exceeds the limit (%lld digits) for integer string conversion: value "
                        "has %lld digits; use sys.set_int_max_str_digits() to increase the limit",
                        (long long)tr_int_max_str_digits, (long long)nd);
    if (nd == 0)
        return tr_small_new(0);
    mpz_t z;
    mpz_init(z);
    if (mpz_set_str(z, buf, base) < 0)
        return tr_raise(&tr_ValueError, "invalid literal for int() with base %d: '%s'", base, buf);
    return tr_int_take_mpz(z);
}
