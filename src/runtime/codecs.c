/*
 * codecs.c -- utf-8, ascii and latin-1 codecs with CPython's error handlers and messages
 * ("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"). Decoding builds
 * code points with the str builder; encoding writes into a StrBuf then copies into a bytes.
 */
#include "runtime/codecs.h"

#include "common/strbuf.h"
#include "runtime/runtime.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1 };

/* Normalizes like CPython's codec lookup: case-insensitive, '-' and ' ' count as '_'. */
static int lookup_encoding(const char *enc, const char **name)
{
    char norm[32];
    size_t n = 0;
    for (const char *p = enc; *p && n < sizeof norm - 1; p++)
        norm[n++] = (*p == '-' || *p == ' ') ? '_' : (char)tolower((unsigned char)*p);
    norm[n] = 0;
    static const struct {
        const char *alias;
        int id;
    } aliases[] = {
        {"utf_8", ENC_UTF8},        {"utf8", ENC_UTF8},         {"u8", ENC_UTF8},
        {"utf", ENC_UTF8},          {"cp65001", ENC_UTF8},      {"ascii", ENC_ASCII},
        {"us_ascii", ENC_ASCII},    {"646", ENC_ASCII},         {"latin_1", ENC_LATIN1},
        {"latin1", ENC_LATIN1},     {"latin", ENC_LATIN1},      {"l1", ENC_LATIN1},
        {"iso_8859_1", ENC_LATIN1}, {"iso8859_1", ENC_LATIN1},  {"8859", ENC_LATIN1},
        {"cp819", ENC_LATIN1},      {"iso_ir_100", ENC_LATIN1},
    };
    static const char *const names[] = {"utf-8", "ascii", "latin-1"};
    for (size_t i = 0; i < TR_ARRAY_LEN(aliases); i++)
        if (strcmp(norm, aliases[i].alias) == 0) {
            *name = names[aliases[i].id];
            return aliases[i].id;
        }
    tr_raise(&tr_LookupError, "unknown encoding: %s", enc);
    return -1;
}

static bool known_handler(const char *errors)
{
    static const char *const h[] = {"strict",           "ignore",          "replace",
                                    "backslashreplace", "surrogateescape", "xmlcharrefreplace",
                                    "surrogatepass"};
    for (size_t i = 0; i < TR_ARRAY_LEN(h); i++)
        if (strcmp(errors, h[i]) == 0)
            return true;
    return false;
}

/* --- Decoding --------------------------------------------------------------------------- */

static TrValue decode_error(const char *enc, const uint8_t *data, size_t start, size_t len,
                            const char *reason)
{
    if (len == 1)
        return tr_raise(&tr_UnicodeDecodeError,
                        "'%s' codec can't decode byte 0x%02x in position %zd: %s", enc,
                        (unsigned)data[start], start, reason);
    return tr_raise(&tr_UnicodeDecodeError, "'%s' codec can't decode bytes in position %zd-%zd: %s",
                    enc, start, start + len - 1, reason);
}

/* Handles bytes data[start, start+len) that failed; returns false (exception set) for strict. */
static bool decode_handle(TrStrBuilder *b, const char *enc, const char *errors, const uint8_t *data,
                          size_t start, size_t len, const char *reason)
{
    if (strcmp(errors, "strict") == 0) {
        decode_error(enc, data, start, len, reason);
        return false;
    }
    if (strcmp(errors, "ignore") == 0)
        return true;
    if (strcmp(errors, "replace") == 0) {
        tr_sbuild_char(b, 0xFFFD);
        return true;
    }
    if (strcmp(errors, "backslashreplace") == 0) {
        for (size_t i = start; i < start + len; i++) {
            char buf[8];
            int k = snprintf(buf, sizeof buf, "\\x%02x", data[i]);
            tr_sbuild_ascii(b, buf, (size_t)k);
        }
        return true;
    }
    if (strcmp(errors, "surrogateescape") == 0) {
        for (size_t i = start; i < start + len; i++) {
            if (data[i] < 128) {
                decode_error(enc, data, start, len, reason);
                return false;
            }
            tr_sbuild_char(b, 0xDC00 + data[i]);
        }
        return true;
    }
    if (!known_handler(errors))
        tr_raise(&tr_LookupError, "unknown error handler name '%s'", errors);
    else
        decode_error(enc, data, start, len, reason);
    return false;
}

/* Bytes of the invalid UTF-8 prefix at data[i] (CPython's maximal subpart) and the reason. */
static size_t utf8_bad(const uint8_t *d, size_t n, size_t i, const char **reason)
{
    unsigned c = d[i];
    if (c < 0xC2 || c > 0xF4) {
        *reason = "invalid start byte";
        return 1;
    }
    size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (size_t k = 1; k < need; k++) {
        if (i + k >= n) {
            *reason = "unexpected end of data";
            return k;
        }
        unsigned x = d[i + k];
        bool ok = (x & 0xC0) == 0x80;
        if (k == 1) {
            if (c == 0xE0 && x < 0xA0)
                ok = false;
            if (c == 0xED && x >= 0xA0)
                ok = false;
            if (c == 0xF0 && x < 0x90)
                ok = false;
            if (c == 0xF4 && x >= 0x90)
                ok = false;
        }
        if (!ok) {
            *reason = "invalid continuation byte";
            return k;
        }
    }
    *reason = NULL;
    return need;
}

TrValue tr_decode(const uint8_t *data, size_t n, const char *encoding, const char *errors)
{
    const char *enc = "utf-8";
    int id = encoding ? lookup_encoding(encoding, &enc) : ENC_UTF8;
    if (id < 0)
        return TR_ERR;
    if (!errors)
        errors = "strict";
    if (id == ENC_UTF8 && tr_utf8_valid((const char *)data, n))
        return tr_str_from_utf8((const char *)data, n);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    for (size_t i = 0; i < n;) {
        unsigned c = data[i];
        if (c < 0x80 || id == ENC_LATIN1) {
            tr_sbuild_char(&b, c);
            i++;
        } else if (id == ENC_ASCII) {
            if (!decode_handle(&b, enc, errors, data, i, 1, "ordinal not in range(128)"))
                return TR_ERR;
            i++;
        } else {
            const char *reason;
            size_t k = utf8_bad(data, n, i, &reason);
            if (!reason) {
                uint32_t cp;
                tr_utf8_decode(data + i, &cp);
                tr_sbuild_char(&b, cp);
            } else if (!decode_handle(&b, enc, errors, data, i, k, reason)) {
                return TR_ERR;
            }
            i += k;
        }
    }
    return tr_sbuild_finish(&b);
}

/* --- Encoding --------------------------------------------------------------------------- */

static TrValue encode_error(const char *enc, TrStr *s, int64_t start, int64_t end,
                            const char *reason)
{
    if (end - start == 1) {
        uint32_t c = tr_str_char(s, start);
        char esc[16];
        if (c <= 0xFF)
            snprintf(esc, sizeof esc, "\\x%02x", c);
        else if (c <= 0xFFFF)
            snprintf(esc, sizeof esc, "\\u%04x", c);
        else
            snprintf(esc, sizeof esc, "\\U%08x", c);
        return tr_raise(&tr_UnicodeEncodeError,
                        "'%s' codec can't encode character '%s' in position %lld: %s", enc, esc,
                        (long long)start, reason);
    }
    return tr_raise(&tr_UnicodeEncodeError,
                    "'%s' codec can't encode characters in position %lld-%lld: %s", enc,
                    (long long)start, (long long)end - 1, reason);
}

static void put_utf8(StrBuf *sb, uint32_t c)
{
    sb_utf8(sb, c);
}

TrValue tr_encode(TrValue str, const char *encoding, const char *errors)
{
    const char *enc = "utf-8";
    int id = encoding ? lookup_encoding(encoding, &enc) : ENC_UTF8;
    if (id < 0)
        return TR_ERR;
    if (!errors)
        errors = "strict";
    TrStr *s = tr_as_str(str);
    if (s->ascii)
        return tr_bytes_new(s->data, (size_t)s->len);
    uint32_t limit = id == ENC_ASCII ? 0x80 : id == ENC_LATIN1 ? 0x100 : 0x110000;
    const char *reason = id == ENC_ASCII    ? "ordinal not in range(128)"
                         : id == ENC_LATIN1 ? "ordinal not in range(256)"
                                            : "surrogates not allowed";
    StrBuf sb;
    sb_init(&sb);
    for (int64_t i = 0; i < s->len;) {
        uint32_t c = tr_str_char(s, i);
        bool bad = id == ENC_UTF8 ? (c >= 0xD800 && c < 0xE000) : c >= limit;
        if (!bad) {
            if (id == ENC_UTF8)
                put_utf8(&sb, c);
            else
                sb_putc(&sb, (char)c);
            i++;
            continue;
        }
        int64_t end = i + 1;
        while (end < s->len) {
            uint32_t d = tr_str_char(s, end);
            if (id == ENC_UTF8 ? !(d >= 0xD800 && d < 0xE000) : d < limit)
                break;
            end++;
        }
        if (strcmp(errors, "ignore") == 0) {
        } else if (strcmp(errors, "replace") == 0) {
            for (int64_t k = i; k < end; k++)
                sb_putc(&sb, '?');
        } else if (strcmp(errors, "backslashreplace") == 0) {
            for (int64_t k = i; k < end; k++) {
                uint32_t d = tr_str_char(s, k);
                if (d <= 0xFF)
                    sb_printf(&sb, "\\x%02x", d);
                else if (d <= 0xFFFF)
                    sb_printf(&sb, "\\u%04x", d);
                else
                    sb_printf(&sb, "\\U%08x", d);
            }
        } else if (strcmp(errors, "xmlcharrefreplace") == 0) {
            for (int64_t k = i; k < end; k++)
                sb_printf(&sb, "&#%u;", tr_str_char(s, k));
        } else if (strcmp(errors, "surrogateescape") == 0) {
            for (int64_t k = i; k < end; k++) {
                uint32_t d = tr_str_char(s, k);
                if (d < 0xDC80 || d > 0xDCFF)
                    return encode_error(enc, s, k, k + 1, reason);
                sb_putc(&sb, (char)(d - 0xDC00));
            }
        } else if (strcmp(errors, "surrogatepass") == 0 && id == ENC_UTF8) {
            for (int64_t k = i; k < end; k++)
                put_utf8(&sb, tr_str_char(s, k));
        } else if (strcmp(errors, "strict") == 0 || known_handler(errors)) {
            return encode_error(enc, s, i, end, reason);
        } else {
            return tr_raise(&tr_LookupError, "unknown error handler name '%s'", errors);
        }
        i = end;
    }
    return tr_bytes_new(sb.data ? sb.data : "", sb.len);
}
