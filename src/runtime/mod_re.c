/*
 * mod_re.c -- the re module on PCRE2: module-level functions, the compiled-pattern cache,
 * re.error, the RegexFlag values, escape, and compiling a translated pattern with PCRE2.
 * Patterns go through mod_re_parse.c (Python syntax -> PCRE2 syntax) first.
 */
#include "runtime/mod_re.h"

#include <gc.h>

/* --- PCRE2 memory: from libgc, so compiled code and match data need no explicit free ------ */

static void *re_malloc(PCRE2_SIZE n, void *data) { return tr_alloc(n ? n : 1); }
static void re_free(void *p, void *data) {}

static pcre2_general_context *re_gctx;
static pcre2_compile_context *re_cctx;

static void re_contexts(void)
{
    if (re_gctx)
        return;
    re_gctx = pcre2_general_context_create(re_malloc, re_free, NULL);
    re_cctx = pcre2_compile_context_create(re_gctx);
    pcre2_set_newline(re_cctx, PCRE2_NEWLINE_LF);
    pcre2_set_bsr(re_cctx, PCRE2_BSR_UNICODE);
    /* Python str may hold lone surrogates (our UTF-8 keeps them as 3-byte sequences). */
    pcre2_set_compile_extra_options(re_cctx, PCRE2_EXTRA_ALLOW_SURROGATE_ESCAPES);
}

pcre2_match_data *tr_re_match_data(TrRePattern *p)
{
    pcre2_match_data *md = p->spare;
    if (md) {
        p->spare = NULL;
        return md;
    }
    return pcre2_match_data_create_from_pattern(p->code, re_gctx);
}

void tr_re_match_data_release(TrRePattern *p, pcre2_match_data *md)
{
    if (md)
        p->spare = md;
}

/* --- re.error ---------------------------------------------------------------------------- */

TrType tr_re_error_type = {
    .ob = {&tr_type_type}, .name = "re.error", .base = &tr_Exception,
    .flags = TR_TYPE_EXC | TR_TYPE_BASETYPE, .basicsize = sizeof(TrExc),
};

TrValue tr_re_error(TrValue msg, TrValue pattern, int64_t pos)
{
    TrValue full = msg, lineno = TR_NONE, colno = TR_NONE;
    if (pos >= 0) {
        int64_t line = 1, col = pos + 1;
        bool multiline = false;
        if (tr_is_str(pattern)) {
            TrStr *s = tr_as_str(pattern);
            int64_t last_nl = -1;
            for (int64_t k = 0; k < s->len; k++)
                if (tr_str_char(s, k) == '\n') {
                    multiline = true;
                    if (k < pos) {
                        line++;
                        last_nl = k;
                    }
                }
            col = pos - last_nl;
        } else if (pattern && tr_is_bytes(pattern)) {
            TrBytes *b = (TrBytes *)tr_obj(pattern);
            int64_t last_nl = -1;
            for (int64_t k = 0; k < b->len; k++)
                if (b->data[k] == '\n') {
                    multiline = true;
                    if (k < pos) {
                        line++;
                        last_nl = k;
                    }
                }
            col = pos - last_nl;
        }
        if (multiline)
            full = tr_str_fmt("%U at position %d (line %d, column %d)", msg, (int)pos, (int)line,
                              (int)col);
        else
            full = tr_str_fmt("%U at position %d", msg, (int)pos);
        lineno = tr_int_from_i64(line);
        colno = tr_int_from_i64(col);
    }
    TrValue exc = tr_exc_new(&tr_re_error_type, &full, 1);
    if (exc == TR_ERR)
        return TR_ERR;
    tr_setattr(exc, tr_str_intern_cstr("msg"), msg);
    tr_setattr(exc, tr_str_intern_cstr("pattern"), pattern ? pattern : TR_NONE);
    tr_setattr(exc, tr_str_intern_cstr("pos"), pos >= 0 ? tr_int_from_i64(pos) : TR_NONE);
    tr_setattr(exc, tr_str_intern_cstr("lineno"), lineno);
    tr_setattr(exc, tr_str_intern_cstr("colno"), colno);
    return tr_raise_value(exc);
}

/* --- RegexFlag: an int subclass that prints as re.IGNORECASE|re.MULTILINE ---------------- */

static const struct {
    const char *name;
    int64_t value;
} enum_flags[] = {
    {"ASCII", RE_ASCII},   {"IGNORECASE", RE_IGNORECASE}, {"LOCALE", RE_LOCALE},
    {"UNICODE", RE_UNICODE}, {"MULTILINE", RE_MULTILINE}, {"DOTALL", RE_DOTALL},
    {"VERBOSE", RE_VERBOSE}, {"TEMPLATE", RE_TEMPLATE},  {"DEBUG", RE_DEBUG},
};

/* The order the Pattern repr uses (CPython's pattern_repr). */
static const struct {
    const char *name;
    int64_t value;
} repr_flags[] = {
    {"re.TEMPLATE", RE_TEMPLATE}, {"re.IGNORECASE", RE_IGNORECASE}, {"re.LOCALE", RE_LOCALE},
    {"re.MULTILINE", RE_MULTILINE}, {"re.DOTALL", RE_DOTALL},      {"re.UNICODE", RE_UNICODE},
    {"re.VERBOSE", RE_VERBOSE},   {"re.DEBUG", RE_DEBUG},          {"re.ASCII", RE_ASCII},
};

TrValue tr_re_flags_repr(int64_t flags)
{
    StrBuf b;
    sb_init(&b);
    for (size_t k = 0; k < TR_ARRAY_LEN(repr_flags); k++)
        if (flags & repr_flags[k].value) {
            if (b.len)
                sb_putc(&b, '|');
            sb_puts(&b, repr_flags[k].name);
            flags &= ~repr_flags[k].value;
        }
    if (flags) {
        if (b.len)
            sb_putc(&b, '|');
        sb_printf(&b, "0x%llx", (unsigned long long)flags);
    }
    return tr_str_from_utf8(b.data, b.len);
}

static int64_t flag_value(TrValue v)
{
    int64_t x = 0;
    tr_int_to_i64(v, &x);
    return x;
}

static TrValue flag_repr(TrValue self)
{
    int64_t flags = flag_value(self);
    if (flags == 0)
        return tr_str_from_cstr("re.NOFLAG");
    if (flags < 0)
        return tr_int_repr(tr_int_exact(self));
    StrBuf b;
    sb_init(&b);
    for (size_t k = 0; k < TR_ARRAY_LEN(enum_flags); k++)
        if (flags & enum_flags[k].value) {
            if (b.len)
                sb_putc(&b, '|');
            sb_printf(&b, "re.%s", enum_flags[k].name);
            flags &= ~enum_flags[k].value;
        }
    if (flags) {
        if (b.len)
            sb_putc(&b, '|');
        sb_printf(&b, "0x%llx", (unsigned long long)flags);
    }
    return tr_str_from_utf8(b.data, b.len);
}

static TrValue flag_binop(TrValue a, TrValue b, int op)
{
    TrValue r = tr_int_binop(a, b, op);
    if (r == TR_ERR || r == TR_NOTIMPL)
        return r;
    int base = op >= TR_OP__COUNT ? op - TR_OP__COUNT : op;
    if ((base == TR_OP_OR || base == TR_OP_AND || base == TR_OP_XOR) && tr_is_int(a) &&
        tr_is_int(b))
        return tr_re_flag_new(flag_value(r));
    return r;
}

static TrValue flag_format(TrValue self, TrValue spec)
{
    if (tr_as_str(spec)->len == 0)
        return flag_repr(self);
    return tr_int_format(tr_int_exact(self), spec);
}

static TrValue flag_get_value(TrValue self) { return tr_int_exact(self); }
static TrValue flag_get_name(TrValue self)
{
    int64_t f = flag_value(self);
    for (size_t k = 0; k < TR_ARRAY_LEN(enum_flags); k++)
        if (f == enum_flags[k].value)
            return tr_str_from_cstr(enum_flags[k].name);
    return f == 0 ? tr_str_from_cstr("NOFLAG") : TR_NONE;
}

static const TrGetSetDef flag_getsets[] = {
    {"value", flag_get_value, NULL},
    {"name", flag_get_name, NULL},
    {NULL, NULL, NULL},
};

TrType tr_re_flag_type = {
    .ob = {&tr_type_type}, .name = "RegexFlag", .base = &tr_int_type,
    .flags = TR_TYPE_INT_SUB, .basicsize = sizeof(TrBigInt),
    .repr = flag_repr, .str = flag_repr, .binop = flag_binop, .format = flag_format,
    .getsets = flag_getsets,
};

TrValue tr_re_flag_new(int64_t flags)
{
    TrBigInt *b = TR_NEW(TrBigInt, &tr_re_flag_type);
    mpz_init_set_si(b->z, (long)flags);
    return tr_val(b);
}

/* --- Compiling --------------------------------------------------------------------------- */

static TrValue re_cache;
#define RE_MAXCACHE 512

static int get_flags(TrValue v, int64_t *out)
{
    if (!v) {
        *out = 0;
        return 0;
    }
    if (!tr_is_int(v)) {
        tr_raise(&tr_TypeError, "unsupported operand type(s) for &: '%s' and 'RegexFlag'",
                 tr_type_name(v));
        return -1;
    }
    return tr_int_to_i64(v, out);
}

static TrValue compile_uncached(TrValue pattern, int64_t flags)
{
    bool is_bytes;
    if (tr_is_str(pattern)) {
        is_bytes = false;
    } else if (tr_is_bytes(pattern) || tr_is_bytearray(pattern)) {
        is_bytes = true;
        TrBytesView v;
        tr_bytes_view(pattern, &v);
        if (!tr_is_bytes(pattern))
            pattern = tr_bytes_new(v.data, (size_t)v.len);
    } else {
        return tr_raise(&tr_TypeError, "first argument must be string or compiled pattern");
    }
    if (is_bytes) {
        if (flags & RE_UNICODE)
            return tr_raise(&tr_ValueError, "cannot use UNICODE flag with a bytes pattern");
        if ((flags & RE_LOCALE) && (flags & RE_ASCII))
            return tr_raise(&tr_ValueError, "ASCII and LOCALE flags are incompatible");
    } else {
        if (flags & RE_LOCALE)
            return tr_raise(&tr_ValueError, "cannot use LOCALE flag with a str pattern");
        if ((flags & RE_ASCII) && (flags & RE_UNICODE))
            return tr_raise(&tr_ValueError, "ASCII and UNICODE flags are incompatible");
    }
    ReTranslated tr;
    if (tr_re_translate(pattern, is_bytes, flags, &tr) < 0)
        return TR_ERR;
    flags = tr.flags;
    if (!is_bytes) {
        if ((flags & RE_ASCII) && (flags & RE_UNICODE))
            return tr_re_error(tr_str_from_cstr("bad inline flags: flags 'a', 'u' and 'L' are "
                                                "incompatible"),
                               pattern, -1);
        if (!(flags & RE_ASCII))
            flags |= RE_UNICODE;
    }
    uint32_t opts = 0;
    if (!is_bytes) {
        opts |= PCRE2_UTF | PCRE2_NO_UTF_CHECK;
        if (!(flags & RE_ASCII))
            opts |= PCRE2_UCP;
    }
    if (flags & RE_IGNORECASE)
        opts |= PCRE2_CASELESS;
    if (flags & RE_MULTILINE)
        opts |= PCRE2_MULTILINE | PCRE2_ALT_CIRCUMFLEX;
    if (flags & RE_DOTALL)
        opts |= PCRE2_DOTALL;
    re_contexts();
    int err;
    PCRE2_SIZE erroff;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)tr.out.data, tr.out.len, opts, &err, &erroff,
                                     re_cctx);
    if (!code) {
        int64_t pos = erroff <= tr.out.len ? tr.srcpos[erroff] : -1;
        if (err == 125) /* lookbehind assertion is not fixed length */
            return tr_re_error(tr_str_from_cstr("look-behind requires fixed-width pattern"),
                               pattern, -1);
        if (err == 127) /* more than two branches in a conditional */
            return tr_re_error(tr_str_from_cstr("conditional backref with more than two "
                                                "branches"),
                               pattern, pos);
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        return tr_re_error(tr_str_from_cstr((const char *)buf), pattern, pos);
    }
    TrRePattern *p = TR_NEW(TrRePattern, &tr_re_pattern_type);
    p->pattern = pattern;
    p->flags = flags;
    p->groups = tr.groups;
    p->groupindex = tr.groupindex;
    p->code = code;
    p->is_bytes = is_bytes;
    TrValue names = tr_tuple_new(tr.groups + 1);
    for (int64_t k = 0; k <= tr.groups; k++)
        tr_as_tuple(names)->items[k] = TR_NONE;
    int64_t it = 0;
    TrValue key, val;
    while (tr_dict_next(tr.groupindex, &it, &key, &val))
        tr_as_tuple(names)->items[tr_small_val(val)] = key;
    p->groupnames = names;
    return tr_val(p);
}

TrValue tr_re_compile(TrValue pattern, int64_t flags)
{
    if (tr_isinstance_exact(pattern, &tr_re_pattern_type)) {
        if (flags)
            return tr_raise(&tr_ValueError, "cannot process flags argument with a compiled "
                                            "pattern");
        return pattern;
    }
    if (!re_cache)
        re_cache = tr_dict_new();
    TrValue key = 0;
    if (tr_is_str(pattern) || tr_is_bytes(pattern)) {
        key = tr_tuple_pack(3, tr_val(tr_type_of(pattern)), pattern, tr_int_from_i64(flags));
        TrValue hit = tr_dict_get(re_cache, key);
        if (hit)
            return hit;
        if (tr_err_occurred())
            return TR_ERR;
    }
    TrValue p = compile_uncached(pattern, flags);
    if (p == TR_ERR || !key)
        return p;
    if (tr_as_dict(re_cache)->used >= RE_MAXCACHE)
        re_cache = tr_dict_new();
    tr_dict_set(re_cache, key, p);
    return p;
}

/* --- Module functions -------------------------------------------------------------------- */

static TrValue call_pattern(TrValue p, const char *meth, const TrValue *args, size_t n)
{
    if (p == TR_ERR)
        return TR_ERR;
    return tr_call_method(p, meth, args, n);
}

static TrValue re_compile_fn(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"pattern", "flags"};
    TrValue a[2];
    int64_t flags;
    if (tr_parse_args("compile", args, nargs, kw, names, 1, 2, 0, 2, a) < 0 ||
        get_flags(a[1], &flags) < 0)
        return TR_ERR;
    return tr_re_compile(a[0], flags);
}

/* match/search/fullmatch/findall/finditer(pattern, string, flags=0) */
static TrValue re_string_op(const char *fname, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"pattern", "string", "flags"};
    TrValue a[3];
    int64_t flags;
    if (tr_parse_args(fname, args, nargs, kw, names, 2, 3, 0, 3, a) < 0 ||
        get_flags(a[2], &flags) < 0)
        return TR_ERR;
    return call_pattern(tr_re_compile(a[0], flags), fname, &a[1], 1);
}

static TrValue re_match_fn(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return re_string_op("match", a, n, kw);
}
static TrValue re_search_fn(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return re_string_op("search", a, n, kw);
}
static TrValue re_fullmatch_fn(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return re_string_op("fullmatch", a, n, kw);
}
static TrValue re_findall_fn(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return re_string_op("findall", a, n, kw);
}
static TrValue re_finditer_fn(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return re_string_op("finditer", a, n, kw);
}

static TrValue re_sub_common(const char *fname, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"pattern", "repl", "string", "count", "flags"};
    TrValue a[5];
    int64_t flags;
    if (tr_parse_args(fname, args, nargs, kw, names, 3, 5, 0, 5, a) < 0 ||
        get_flags(a[4], &flags) < 0)
        return TR_ERR;
    TrValue margs[3] = {a[1], a[2], a[3] ? a[3] : tr_small_new(0)};
    return call_pattern(tr_re_compile(a[0], flags), fname, margs, 3);
}

static TrValue re_sub_fn(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return re_sub_common("sub", a, n, kw);
}
static TrValue re_subn_fn(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return re_sub_common("subn", a, n, kw);
}

static TrValue re_split_fn(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"pattern", "string", "maxsplit", "flags"};
    TrValue a[4];
    int64_t flags;
    if (tr_parse_args("split", args, nargs, kw, names, 2, 4, 0, 4, a) < 0 ||
        get_flags(a[3], &flags) < 0)
        return TR_ERR;
    TrValue margs[2] = {a[1], a[2] ? a[2] : tr_small_new(0)};
    return call_pattern(tr_re_compile(a[0], flags), "split", margs, 2);
}

static TrValue re_purge_fn(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs("purge", kw) < 0 || tr_check_nargs("purge", nargs, 0, 0) < 0)
        return TR_ERR;
    re_cache = tr_dict_new();
    return TR_NONE;
}

static bool escape_special(uint32_t c)
{
    return c < 128 && c && strchr("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", (int)c);
}

static TrValue re_escape_fn(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"pattern"};
    TrValue a[1];
    if (tr_parse_args("escape", args, nargs, kw, names, 1, 1, 0, 1, a) < 0)
        return TR_ERR;
    if (tr_is_str(a[0])) {
        TrStr *s = tr_as_str(a[0]);
        TrStrBuilder b;
        tr_sbuild_init(&b);
        for (int64_t k = 0; k < s->len; k++) {
            uint32_t c = tr_str_char(s, k);
            if (escape_special(c))
                tr_sbuild_char(&b, '\\');
            tr_sbuild_char(&b, c);
        }
        return tr_sbuild_finish(&b);
    }
    TrBytesView v;
    if (!tr_bytes_view(a[0], &v))
        return tr_raise(&tr_TypeError, "expected str or bytes-like object, got '%s'",
                        tr_type_name(a[0]));
    StrBuf b;
    sb_init(&b);
    for (int64_t k = 0; k < v.len; k++) {
        if (escape_special(v.data[k]))
            sb_putc(&b, '\\');
        sb_putc(&b, (char)v.data[k]);
    }
    return tr_bytes_new(b.data, b.len);
}

static const TrMethodDef re_functions[] = {
    {"compile", re_compile_fn, 0},
    {"match", re_match_fn, 0},
    {"search", re_search_fn, 0},
    {"fullmatch", re_fullmatch_fn, 0},
    {"findall", re_findall_fn, 0},
    {"finditer", re_finditer_fn, 0},
    {"sub", re_sub_fn, 0},
    {"subn", re_subn_fn, 0},
    {"split", re_split_fn, 0},
    {"escape", re_escape_fn, 0},
    {"purge", re_purge_fn, 0},
    {NULL, NULL, 0},
};

TrValue tr_mod_re_init(void)
{
    tr_type_ready(&tr_re_error_type);
    tr_type_ready(&tr_re_flag_type);
    tr_type_ready(&tr_re_pattern_type);
    tr_type_ready(&tr_re_match_type);
    tr_type_ready(&tr_re_scanner_iter_type);
    TrValue mod_name = tr_str_intern_cstr("re");
    TrType *mine[] = {&tr_re_error_type, &tr_re_flag_type, &tr_re_pattern_type, &tr_re_match_type};
    for (size_t k = 0; k < TR_ARRAY_LEN(mine); k++)
        tr_dict_set_cstr(mine[k]->dict, "__module__", mod_name);
    TrValue m = tr_module_new(mod_name);
    tr_module_add_functions(m, re_functions);
    tr_module_add(m, "error", tr_val(&tr_re_error_type));
    tr_module_add(m, "Pattern", tr_val(&tr_re_pattern_type));
    tr_module_add(m, "Match", tr_val(&tr_re_match_type));
    tr_module_add(m, "RegexFlag", tr_val(&tr_re_flag_type));
    static const struct {
        const char *name;
        int64_t value;
    } consts[] = {
        {"A", RE_ASCII},         {"ASCII", RE_ASCII},     {"I", RE_IGNORECASE},
        {"IGNORECASE", RE_IGNORECASE}, {"L", RE_LOCALE},  {"LOCALE", RE_LOCALE},
        {"M", RE_MULTILINE},     {"MULTILINE", RE_MULTILINE}, {"S", RE_DOTALL},
        {"DOTALL", RE_DOTALL},   {"U", RE_UNICODE},       {"UNICODE", RE_UNICODE},
        {"X", RE_VERBOSE},       {"VERBOSE", RE_VERBOSE}, {"T", RE_TEMPLATE},
        {"TEMPLATE", RE_TEMPLATE}, {"DEBUG", RE_DEBUG},   {"NOFLAG", 0},
    };
    for (size_t k = 0; k < TR_ARRAY_LEN(consts); k++)
        tr_module_add(m, consts[k].name, tr_re_flag_new(consts[k].value));
    return m;
}
