/*
 * exc.c -- the exception hierarchy (exc_types.def), raising and the pending exception, except-
 * clause matching, and printing an uncaught exception with its traceback as CPython 3.11 does.
 * Traceback entries are (filename, line, funcname) tuples added by each frame an exception
 * leaves (innermost first); source lines are read from the file when printed.
 */
#include "runtime/runtime.h"
#include "common/strbuf.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXC_OF(v) ((TrExc *)tr_obj(v))

/* --- The exception object --------------------------------------------------------------- */

static TrValue exc_attr(TrValue self, const char *name)
{
    TrExc *e = EXC_OF(self);
    return e->dict ? tr_dict_get_cstr(e->dict, name) : 0;
}

static void exc_set_attr(TrValue self, const char *name, TrValue v)
{
    TrExc *e = EXC_OF(self);
    if (!e->dict)
        e->dict = tr_dict_new();
    tr_dict_set_cstr(e->dict, name, v);
}

/* Per-class attributes CPython derives from the arguments. */
static void init_special(TrType *type, TrValue self)
{
    TrTuple *a = tr_as_tuple(EXC_OF(self)->args);
    if (tr_type_is_subtype(type, &tr_StopIteration))
        exc_set_attr(self, "value", a->len ? a->items[0] : TR_NONE);
    else if (tr_type_is_subtype(type, &tr_SystemExit))
        exc_set_attr(self, "code", a->len == 0 ? TR_NONE : a->len == 1 ? a->items[0] : tr_val(a));
    else if (tr_type_is_subtype(type, &tr_OSError)) {
        bool full = a->len >= 2 && a->len <= 5 && tr_is_int(a->items[0]);
        exc_set_attr(self, "errno", full ? a->items[0] : TR_NONE);
        exc_set_attr(self, "strerror", full ? a->items[1] : TR_NONE);
        exc_set_attr(self, "filename", full && a->len >= 3 ? a->items[2] : TR_NONE);
    } else if (tr_type_is_subtype(type, &tr_KeyError) ||
               tr_type_is_subtype(type, &tr_AttributeError) ||
               tr_type_is_subtype(type, &tr_NameError)) {
        if (!tr_type_is_subtype(type, &tr_KeyError))
            exc_set_attr(self, "name", TR_NONE);
    } else if (tr_type_is_subtype(type, &tr_ImportError)) {
        exc_set_attr(self, "name", TR_NONE);
        exc_set_attr(self, "path", TR_NONE);
    }
}

TrValue tr_exc_new(TrType *type, const TrValue *args, size_t nargs)
{
    TrExc *e = tr_obj_new(type->basicsize ? type->basicsize : sizeof(TrExc), type);
    e->args = tr_tuple_from(args, (int64_t)nargs);
    init_special(type, tr_val(e));
    return tr_val(e);
}

/* OSError(errno, ...) becomes the subclass for that errno, as in CPython. */
static TrType *oserror_subclass(const TrValue *args, size_t nargs)
{
    static const struct { int err; TrType *type; } map[] = {
        {ENOENT, &tr_FileNotFoundError}, {EEXIST, &tr_FileExistsError},
        {EISDIR, &tr_IsADirectoryError}, {ENOTDIR, &tr_NotADirectoryError},
        {EACCES, &tr_PermissionError},   {EPERM, &tr_PermissionError},
        {ETIMEDOUT, &tr_TimeoutError},
    };
    if (nargs < 2 || !tr_is_small(args[0]))
        return &tr_OSError;
    for (size_t i = 0; i < TR_ARRAY_LEN(map); i++)
        if (map[i].err == tr_small_val(args[0]))
            return map[i].type;
    return &tr_OSError;
}

static TrValue exc_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (tr_nkw(kwnames))
        return tr_raise(&tr_TypeError, "%s() takes no keyword arguments", type->name);
    if (type == &tr_OSError)
        type = oserror_subclass(args, nargs);
    return tr_exc_new(type, args, nargs);
}

bool tr_is_exc(TrValue v) { return tr_is_ptr(v) && (tr_type_of(v)->flags & TR_TYPE_EXC); }

bool tr_is_exc_type(TrValue v)
{
    return tr_is_ptr(v) && tr_type_of(v) == &tr_type_type &&
           (((TrType *)tr_obj(v))->flags & TR_TYPE_EXC);
}

TrValue tr_exc_str(TrValue exc)
{
    TrExc *e = EXC_OF(exc);
    TrTuple *a = tr_as_tuple(e->args);
    TrType *t = tr_type_of(exc);
    if (tr_type_is_subtype(t, &tr_OSError)) {
        TrValue no = exc_attr(exc, "errno"), msg = exc_attr(exc, "strerror"),
                fn = exc_attr(exc, "filename");
        if (no && no != TR_NONE && msg && msg != TR_NONE) {
            if (fn && fn != TR_NONE)
                return tr_str_fmt("[Errno %S] %S: %R", no, msg, fn);
            return tr_str_fmt("[Errno %S] %S", no, msg);
        }
    }
    if (a->len == 0)
        return tr_str_empty();
    if (a->len == 1) {
        if (tr_type_is_subtype(t, &tr_KeyError))
            return tr_repr(a->items[0]);
        return tr_str(a->items[0]);
    }
    return tr_str(e->args);
}

static TrValue exc_repr(TrValue exc)
{
    TrExc *e = EXC_OF(exc);
    TrTuple *a = tr_as_tuple(e->args);
    const char *name = tr_type_short_name(tr_type_of(exc));
    if (a->len == 1) {
        TrValue r = tr_repr(a->items[0]);
        return r == TR_ERR ? TR_ERR : tr_str_fmt("%s(%U)", name, r);
    }
    TrValue r = tr_repr(e->args);
    if (r == TR_ERR)
        return TR_ERR;
    if (a->len == 0)
        return tr_str_fmt("%s()", name);
    return tr_str_fmt("%s%U", name, r);
}

static TrValue exc_getattr(TrValue self, TrValue name)
{
    TrExc *e = EXC_OF(self);
    if (e->dict) {
        TrValue v = tr_dict_get_str(e->dict, name);
        if (v)
            return v;
    }
    return tr_generic_getattr(self, name);
}

static int exc_setattr(TrValue self, TrValue name, TrValue value)
{
    TrValue d = tr_type_lookup(tr_type_of(self), name);
    if (d && tr_type_of(d)->descr_set)
        return tr_type_of(d)->descr_set(d, self, value);
    TrExc *e = EXC_OF(self);
    if (!value) {
        if (!e->dict || !tr_dict_get_str(e->dict, name)) {
            tr_raise(&tr_AttributeError, "'%s' object has no attribute '%U'",
                     tr_type_name(self), name);
            return -1;
        }
        return tr_dict_del(e->dict, name);
    }
    if (!e->dict)
        e->dict = tr_dict_new();
    return tr_dict_set(e->dict, name, value);
}

static TrValue or_none(TrValue v) { return v ? v : TR_NONE; }
static TrValue get_args(TrValue v) { return EXC_OF(v)->args; }
static TrValue get_cause(TrValue v) { return or_none(EXC_OF(v)->cause); }
static TrValue get_context(TrValue v) { return or_none(EXC_OF(v)->context); }
static TrValue get_suppress(TrValue v) { return tr_bool(EXC_OF(v)->suppress_context); }
/* A traceback object is a view of one entry of the exception's list: tb_next goes one frame
   deeper (towards index 0, the innermost). */
typedef struct TrTraceback {
    TrObject ob;
    TrValue entries; /* the exception's traceback list */
    int64_t index;
} TrTraceback;

static TrValue traceback_at(TrValue entries, int64_t index)
{
    if (!entries || index < 0 || index >= tr_as_list(entries)->len)
        return TR_NONE;
    TrTraceback *tb = TR_NEW(TrTraceback, &tr_traceback_type);
    tb->entries = entries;
    tb->index = index;
    return tr_val(tb);
}

#define TB(v) ((TrTraceback *)tr_obj(v))
static TrValue tb_entry(TrValue v, int field)
{
    return tr_as_tuple(tr_as_list(TB(v)->entries)->items[TB(v)->index])->items[field];
}
static TrValue tb_lineno(TrValue v) { return tb_entry(v, 1); }
static TrValue tb_next(TrValue v) { return traceback_at(TB(v)->entries, TB(v)->index - 1); }
static TrValue tb_frame(TrValue v) { return TR_NONE; }

static const TrGetSetDef traceback_getsets[] = {
    {"tb_lineno", tb_lineno, NULL},
    {"tb_next", tb_next, NULL},
    {"tb_frame", tb_frame, NULL},
    {NULL, NULL, NULL},
};

TrType tr_traceback_type = {
    .ob = {&tr_type_type}, .name = "traceback", .basicsize = sizeof(TrTraceback),
    .getsets = traceback_getsets,
};

static TrValue get_traceback(TrValue v)
{
    TrValue l = EXC_OF(v)->traceback;
    return l ? traceback_at(l, tr_as_list(l)->len - 1) : TR_NONE;
}

static int set_args(TrValue v, TrValue x)
{
    TrValue t = x ? tr_tuple_from_iter(x) : TR_ERR;
    if (t == TR_ERR)
        return -1;
    EXC_OF(v)->args = t;
    return 0;
}
static int set_cause(TrValue v, TrValue x)
{
    if (x && x != TR_NONE && !tr_is_exc(x)) {
        tr_raise(&tr_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    EXC_OF(v)->cause = x == TR_NONE ? 0 : x;
    EXC_OF(v)->suppress_context = true;
    return 0;
}
static int set_context(TrValue v, TrValue x)
{
    EXC_OF(v)->context = x == TR_NONE ? 0 : x;
    return 0;
}
static int set_suppress(TrValue v, TrValue x)
{
    int t = tr_truth(x);
    if (t < 0)
        return -1;
    EXC_OF(v)->suppress_context = t;
    return 0;
}

static const TrGetSetDef exc_getsets[] = {
    {"args", get_args, set_args},
    {"__cause__", get_cause, set_cause},
    {"__context__", get_context, set_context},
    {"__suppress_context__", get_suppress, set_suppress},
    {"__traceback__", get_traceback, NULL},
    {NULL, NULL, NULL},
};

static TrValue exc_with_traceback(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("with_traceback", nargs, 1, 1) < 0)
        return TR_ERR;
    return self;
}

static TrValue exc_add_note(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("add_note", nargs, 1, 1) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "note must be a str, not '%s'", tr_type_name(args[0]));
    TrValue notes = exc_attr(self, "__notes__");
    if (!notes) {
        notes = tr_list_new(1);
        exc_set_attr(self, "__notes__", notes);
    }
    if (tr_list_append(notes, args[0]) < 0)
        return TR_ERR;
    return TR_NONE;
}

static const TrMethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, 0},
    {"add_note", exc_add_note, 0},
    {NULL, NULL, 0},
};

#define tr_object tr_object_type
#define EXC(N, B)                                                                              \
    TrType tr_##N = {                                                                          \
        .ob = {&tr_type_type}, .name = #N, .base = &tr_##B,                                   \
        .flags = TR_TYPE_EXC | TR_TYPE_BASETYPE, .basicsize = sizeof(TrExc),                  \
    };
#include "runtime/exc_types.def"
#undef EXC
#undef tr_object

void tr_exc_init(void)
{
    tr_BaseException.repr = exc_repr;
    tr_BaseException.str = tr_exc_str;
    tr_BaseException.new = exc_new;
    tr_BaseException.getattr = exc_getattr;
    tr_BaseException.setattr = exc_setattr;
    tr_BaseException.getsets = exc_getsets;
    tr_BaseException.methods = exc_methods;
    tr_type_ready(&tr_traceback_type);
#define EXC(name, base) tr_type_ready(&tr_##name);
#include "runtime/exc_types.def"
#undef EXC
}

/* --- Raising ---------------------------------------------------------------------------- */

/* Makes exc pending; like CPython, an exception raised while another is being handled gets
   that one as its __context__ (unless that would form a cycle). */
static TrValue set_pending(TrValue exc)
{
    TrValue handled = tr_ts.handled;
    if (handled && handled != exc && handled != TR_NONE) {
        TrExc *e = EXC_OF(exc);
        /* break a cycle: exc must not appear in handled's context chain */
        for (TrValue c = handled; c; c = EXC_OF(c)->context)
            if (EXC_OF(c)->context == exc) {
                EXC_OF(c)->context = 0;
                break;
            }
        e->context = handled;
    }
    tr_ts.exc = exc;
    return TR_ERR;
}

TrValue tr_vraise(TrType *type, const char *fmt, va_list ap)
{
    TrValue msg = tr_str_vfmt(fmt, ap);
    if (msg == TR_ERR)
        return TR_ERR;
    return set_pending(tr_exc_new(type, &msg, 1));
}

TrValue tr_raise(TrType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tr_vraise(type, fmt, ap);
    va_end(ap);
    return TR_ERR;
}

TrValue tr_raise_with(TrType *type, TrValue arg) { return set_pending(tr_exc_new(type, &arg, 1)); }

TrValue tr_raise_value(TrValue v)
{
    if (tr_is_exc_type(v)) {
        TrValue e = tr_call0(v);
        if (e == TR_ERR)
            return TR_ERR;
        if (!tr_is_exc(e))
            return tr_raise(&tr_TypeError,
                            "calling %R should have returned an instance of BaseException, "
                            "not %s", v, tr_type_name(e));
        v = e;
    } else if (!tr_is_exc(v)) {
        return tr_raise(&tr_TypeError, "exceptions must derive from BaseException");
    }
    return set_pending(v);
}

TrValue tr_raise_oserror(TrType *type, int err, TrValue filename)
{
    TrValue args[3] = {tr_small_new(err), tr_str_from_cstr(strerror(err)), filename};
    return set_pending(tr_exc_new(type, args, filename ? 3 : 2));
}

TrValue tr_raise_stop_iteration(TrValue value)
{
    if (!value || value == TR_NONE)
        return set_pending(tr_exc_new(&tr_StopIteration, NULL, 0));
    return set_pending(tr_exc_new(&tr_StopIteration, &value, 1));
}

TrValue tr_err_fetch(void)
{
    TrValue e = tr_ts.exc;
    tr_ts.exc = 0;
    return e;
}

void tr_err_restore(TrValue exc) { tr_ts.exc = exc; }
void tr_err_clear(void) { tr_ts.exc = 0; }

bool tr_err_matches(TrType *type)
{
    return tr_ts.exc && tr_type_is_subtype(tr_type_of(tr_ts.exc), type);
}

bool tr_exc_matches(TrValue exc, TrValue type_or_tuple)
{
    if (tr_is_tuple(type_or_tuple)) {
        TrTuple *t = tr_as_tuple(type_or_tuple);
        for (int64_t i = 0; i < t->len; i++)
            if (tr_exc_matches(exc, t->items[i]))
                return true;
        return false;
    }
    if (!tr_is_exc_type(type_or_tuple))
        return false;
    return tr_type_is_subtype(tr_type_of(exc), (TrType *)tr_obj(type_or_tuple));
}

void tr_exc_add_frame(TrValue exc, TrValue filename, int line, TrValue funcname)
{
    TrExc *e = EXC_OF(exc);
    if (!e->traceback)
        e->traceback = tr_list_new(4);
    tr_list_append(e->traceback, tr_tuple_pack(3, filename, tr_small_new(line), funcname));
}

/* --- Suggestions ------------------------------------------------------------------------ */

enum { MOVE_COST = 2, CASE_COST = 1, MAX_STRING = 40, MAX_CANDIDATES = 750 };

static size_t sub_cost(char a, char b)
{
    if (a == b)
        return 0;
    return tolower((unsigned char)a) == tolower((unsigned char)b) ? CASE_COST : MOVE_COST;
}

/* Edit distance where a case change costs less than another substitution; gives up (returns
   max_cost + 1) as soon as the distance must exceed max_cost. Compares UTF-8 bytes. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    while (na && nb && *a == *b)
        a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (!na || !nb)
        return (na + nb) * MOVE_COST;
    if (na > MAX_STRING || nb > MAX_STRING)
        return max_cost + 1;
    if (na > nb) {
        const char *t = a; a = b; b = t;
        size_t n = na; na = nb; nb = n;
    }
    if ((nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t row[MAX_STRING];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = j * MOVE_COST, minimum = (size_t)-1;
        result = diag;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = diag + sub_cost(b[j], a[i]);
            diag = row[i];
            size_t insert_delete = (result < diag ? result : diag) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

static int cmp_str_values(const void *x, const void *y)
{
    return tr_str_cmp(*(const TrValue *)x, *(const TrValue *)y);
}

/* The closest of the str items of names (a dict's keys or a list), or 0. */
static TrValue suggest_in(TrValue name, TrValue names)
{
    int64_t count = tr_is_dict(names) ? tr_as_dict(names)->used : tr_as_list(names)->len;
    if (count > MAX_CANDIDATES)
        return 0;
    TrValue *keys = tr_alloc(sizeof(TrValue) * (size_t)(count + 1));
    int64_t n = 0, pos = 0;
    TrValue k, v;
    if (tr_is_dict(names)) {
        while (tr_dict_next(names, &pos, &k, &v))
            if (tr_is_str(k))
                keys[n++] = k;
    } else {
        for (int64_t i = 0; i < count; i++)
            if (tr_is_str(tr_as_list(names)->items[i]))
                keys[n++] = tr_as_list(names)->items[i];
    }
    qsort(keys, (size_t)n, sizeof(TrValue), cmp_str_values); /* ties go to the first, sorted */
    size_t nlen;
    const char *s = tr_str_utf8_len(name, &nlen);
    TrValue best = 0;
    size_t best_dist = 0;
    for (int64_t i = 0; i < n; i++) {
        if (tr_str_eq(keys[i], name))
            continue;
        size_t klen;
        const char *ks = tr_str_utf8_len(keys[i], &klen);
        size_t max_dist = (nlen + klen + 3) * MOVE_COST / 6;
        if (best && best_dist - 1 < max_dist)
            max_dist = best_dist - 1;
        size_t dist = edit_distance(s, nlen, ks, klen, max_dist);
        if (dist > max_dist)
            continue;
        if (!best || dist < best_dist) {
            best = keys[i];
            best_dist = dist;
        }
    }
    return best;
}

TrValue tr_exc_suggest(TrValue name, const TrValue *dicts, int ndicts)
{
    for (int i = 0; i < ndicts; i++) {
        if (!dicts[i] || !tr_is_dict(dicts[i]))
            continue;
        TrValue s = suggest_in(name, dicts[i]);
        if (s)
            return s;
    }
    return 0;
}

TrValue tr_raise_attr_error(TrValue obj, TrValue name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tr_vraise(&tr_AttributeError, fmt, ap);
    va_end(ap);
    TrValue exc = tr_ts.exc;
    if (exc) {
        exc_set_attr(exc, "name", name);
        exc_set_attr(exc, "obj", obj);
    }
    return TR_ERR;
}

/* "Did you mean" for an AttributeError that carries its object: the closest of dir(obj),
   computed only when the error is printed (hasattr and friends never pay for it). */
static TrValue attr_suggestion(TrValue exc)
{
    TrValue name = exc_attr(exc, "name"), obj = exc_attr(exc, "obj");
    TrValue dir = tr_dict_get_cstr(tr_builtins(), "dir");
    if (!name || !obj || !tr_is_str(name) || !dir)
        return 0;
    TrValue names = tr_call1(dir, obj);
    if (names == TR_ERR || !tr_is_list(names)) {
        tr_err_clear();
        return 0;
    }
    return suggest_in(name, names);
}

/* --- Printing --------------------------------------------------------------------------- */

/* The text of line n of a file, without surrounding whitespace; NULL when unreadable. The last
   file read is cached: a traceback mostly shows lines of one file. */
static char *source_line(const char *filename, int n)
{
    static char *cached_name, *cached_text;
    static size_t cached_len;
    if (!cached_name || strcmp(cached_name, filename) != 0) {
        FILE *f = fopen(filename, "rb");
        if (!f)
            return NULL;
        StrBuf sb;
        sb_init(&sb);
        char buf[65536];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, f)) > 0)
            sb_append(&sb, buf, k);
        fclose(f);
        cached_name = tr_alloc_atomic(strlen(filename) + 1);
        strcpy(cached_name, filename);
        cached_text = (char *)sb_cstr(&sb);
        cached_len = sb.len;
    }
    const char *p = cached_text, *end = cached_text + cached_len;
    for (int i = 1; i < n && p < end; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    if (p >= end)
        return NULL;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e)
        e = end;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    char *s = tr_alloc_atomic((size_t)(e - p) + 1);
    memcpy(s, p, (size_t)(e - p));
    s[e - p] = 0;
    return s;
}

static void print_frame(FILE *out, TrValue entry)
{
    TrTuple *t = tr_as_tuple(entry);
    const char *file = tr_str_utf8(t->items[0]);
    int line = (int)tr_small_val(t->items[1]);
    fprintf(out, "  File \"%s\", line %d, in %s\n", file, line, tr_str_utf8(t->items[2]));
    char *src = source_line(file, line);
    if (src && *src)
        fprintf(out, "    %s\n", src);
}

static void print_traceback(FILE *out, TrValue tb)
{
    TrList *l = tr_as_list(tb);
    fputs("Traceback (most recent call last):\n", out);
    TrValue last = 0;
    int64_t repeat = 0;
    /* outermost first; like CPython (sys.tracebacklimit 1000) only the innermost 1000 */
    for (int64_t i = l->len > 1000 ? 999 : l->len - 1; i >= 0; i--) {
        TrValue e = l->items[i];
        if (last && tr_eq(e, last) == 1) {
            if (++repeat >= 3)
                continue;
        } else {
            if (repeat >= 3)
                fprintf(out, "  [Previous line repeated %lld more time%s]\n",
                        (long long)(repeat - 2), repeat - 2 == 1 ? "" : "s");
            repeat = 0;
            last = e;
        }
        print_frame(out, e);
    }
    if (repeat >= 3)
        fprintf(out, "  [Previous line repeated %lld more time%s]\n", (long long)(repeat - 2),
                repeat - 2 == 1 ? "" : "s");
}

/* A SyntaxError (e.g. raised by an import) shows where it is, as CPython prints it: file and
   line, the source text, carets under the offending range. */
static void print_syntax_location(FILE *out, TrValue exc)
{
    TrValue fn = exc_attr(exc, "filename"), ln = exc_attr(exc, "lineno");
    if (!fn || !tr_is_str(fn) || !ln || !tr_is_small(ln))
        return;
    fprintf(out, "  File \"%s\", line %lld\n", tr_str_utf8(fn), (long long)tr_small_val(ln));
    TrValue text = exc_attr(exc, "text"), off = exc_attr(exc, "offset");
    TrValue end = exc_attr(exc, "end_offset");
    if (!text || !tr_is_str(text))
        return;
    const char *s = tr_str_utf8(text);
    int skip = 0;
    while (s[skip] == ' ' || s[skip] == '\t' || s[skip] == '\f')
        skip++;
    size_t n = strlen(s + skip);
    while (n && (s[skip + n - 1] == '\n' || s[skip + n - 1] == '\r'))
        n--;
    fprintf(out, "    %.*s\n", (int)n, s + skip);
    if (!off || !tr_is_small(off) || tr_small_val(off) < 1)
        return;
    int64_t col = tr_small_val(off) - 1 - skip, width = 1;
    if (end && tr_is_small(end) && tr_small_val(end) > tr_small_val(off))
        width = tr_small_val(end) - tr_small_val(off);
    fprintf(out, "    %*s", (int)(col > 0 ? col : 0), "");
    while (width-- > 0)
        fputc('^', out);
    fputc('\n', out);
}

static void print_one(FILE *out, TrValue exc)
{
    TrExc *e = EXC_OF(exc);
    if (e->traceback && tr_as_list(e->traceback)->len)
        print_traceback(out, e->traceback);
    TrType *t = tr_type_of(exc);
    if (tr_type_is_subtype(t, &tr_SyntaxError))
        print_syntax_location(out, exc);
    TrValue mod = (t->flags & TR_TYPE_HEAP) ? tr_dict_get_cstr(t->dict, "__module__") : 0;
    if (mod && mod != TR_ERR && tr_is_str(mod) && !tr_str_eq_cstr(mod, "builtins") &&
        !tr_str_eq_cstr(mod, "__main__"))
        fprintf(out, "%s.", tr_str_utf8(mod));
    fputs(t->name, out);
    TrValue s = tr_str(exc);
    if (s == TR_ERR) {
        tr_err_clear();
        fputs(": <exception str() failed>\n", out);
        return;
    }
    if (tr_as_str(s)->len)
        fprintf(out, ": %s", tr_str_utf8(s));
    TrValue hint = EXC_OF(exc)->suggestion;
    if (!hint && tr_type_is_subtype(t, &tr_AttributeError))
        hint = attr_suggestion(exc);
    if (hint)
        fprintf(out, ". Did you mean: '%s'?", tr_str_utf8(hint));
    fputc('\n', out);
    TrValue notes = exc_attr(exc, "__notes__");
    if (notes && tr_is_list(notes))
        for (int64_t i = 0; i < tr_as_list(notes)->len; i++) {
            TrValue n = tr_str(tr_as_list(notes)->items[i]);
            if (n != TR_ERR)
                fprintf(out, "%s\n", tr_str_utf8(n));
        }
}

static void print_chain(FILE *out, TrValue exc, int depth)
{
    TrExc *e = EXC_OF(exc);
    if (depth < 100) {
        if (e->cause) {
            print_chain(out, e->cause, depth + 1);
            fputs("\nThe above exception was the direct cause of the following exception:\n\n",
                  out);
        } else if (e->context && !e->suppress_context) {
            print_chain(out, e->context, depth + 1);
            fputs("\nDuring handling of the above exception, another exception occurred:\n\n",
                  out);
        }
    }
    print_one(out, exc);
}

void tr_exc_print(TrValue exc)
{
    tr_io_flush_std();
    print_chain(stderr, exc, 0);
    fflush(stderr);
}

int tr_exc_handle_uncaught(TrValue exc)
{
    if (tr_isinstance(exc, &tr_SystemExit)) {
        TrValue code = exc_attr(exc, "code");
        if (!code || code == TR_NONE)
            return 0;
        if (tr_is_int(code)) {
            int64_t c = 0;
            if (tr_int_to_i64(code, &c) < 0) {
                tr_err_clear();
                c = -1;
            }
            return (int)(c & 0xFF);
        }
        tr_io_flush_std();
        TrValue s = tr_str(code);
        if (s != TR_ERR)
            fprintf(stderr, "%s\n", tr_str_utf8(s));
        return 1;
    }
    tr_exc_print(exc);
    return 1;
}
