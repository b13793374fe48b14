/*
 * call.c -- binding the arguments of a call to the parameters of a Python function, in the
 * order and with the TypeError messages of CPython 3.11's initialize_locals (keywords first,
 * then too many positionals, then missing positionals, then missing keyword-only ones).
 */
#include "vm/frame.h"

#include "common/strbuf.h"
#include "runtime/runtime.h"

/* --- Error messages ----------------------------------------------------------------------- */

static const char *qualname_of(TrFunction *fn)
{
    return tr_str_utf8(fn->qualname ? fn->qualname : fn->name);
}

static const char *param_name(const CodeObj *co, int i)
{
    return tr_str_utf8(tr_as_tuple(co->localsplusnames)->items[i]);
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" over the unset slots of [start, end) */
static void missing_args(TrFunction *fn, Frame *f, int start, int end, const char *kind)
{
    CodeObj *co = f->co;
    int missing = 0, k = 0;
    for (int i = start; i < end; i++)
        missing += !f->lp[i];
    StrBuf sb;
    sb_init(&sb);
    for (int i = start; i < end; i++) {
        if (f->lp[i])
            continue;
        k++;
        if (k > 1)
            sb_puts(&sb, missing == 2 ? " and " : (k == missing ? ", and " : ", "));
        sb_printf(&sb, "'%s'", param_name(co, i));
    }
    tr_raise(&tr_TypeError, "%s() missing %d required %s argument%s: %s", qualname_of(fn), missing,
             kind, missing != 1 ? "s" : "", sb_cstr(&sb));
}

static void too_many_positional(TrFunction *fn, Frame *f, size_t given, int64_t defcount)
{
    CodeObj *co = f->co;
    int kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        kwonly_given += f->lp[i] != 0;
    char sig[64], kwsig[96] = "";
    bool plural;
    if (defcount) {
        plural = true;
        snprintf(sig, sizeof sig, "from %lld to %d", (long long)(co->argcount - defcount),
                 co->argcount);
    } else {
        plural = co->argcount != 1;
        snprintf(sig, sizeof sig, "%d", co->argcount);
    }
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    tr_raise(&tr_TypeError, "%s() takes %s positional argument%s but %zd%s %s given",
             qualname_of(fn), sig, plural ? "s" : "", given, kwsig,
             given == 1 && !kwonly_given ? "was" : "were");
}

/* Returns 1 after raising if some positional-only parameters were passed by keyword. */
static int posonly_as_keyword(TrFunction *fn, CodeObj *co, const TrValue *kwvals,
                              TrValue kwnames)
{
    TrTuple *kw = tr_as_tuple(kwnames);
    TrTuple *names = tr_as_tuple(co->localsplusnames);
    StrBuf sb;
    sb_init(&sb);
    int found = 0;
    for (int k = 0; k < co->posonlyargcount; k++) {
        for (int64_t j = 0; j < kw->len; j++) {
            if (kw->items[j] == names->items[k] || tr_str_eq(kw->items[j], names->items[k])) {
                if (found++)
                    sb_puts(&sb, ", ");
                sb_puts(&sb, tr_str_utf8(names->items[k]));
                break;
            }
        }
    }
    if (!found)
        return 0;
    tr_raise(&tr_TypeError,
             "%s() got some positional-only arguments passed as keyword arguments: '%s'",
             qualname_of(fn), sb_cstr(&sb));
    return 1;
}

/* Index of the parameter a keyword names, among those that accept keywords; -1 if none. */
static int find_keyword(CodeObj *co, TrValue name)
{
    TrTuple *names = tr_as_tuple(co->localsplusnames);
    int total = co->argcount + co->kwonlyargcount;
    for (int i = co->posonlyargcount; i < total; i++)
        if (names->items[i] == name)
            return i;
    for (int i = co->posonlyargcount; i < total; i++)
        if (tr_str_eq(names->items[i], name))
            return i;
    return -1;
}

/* --- Binding ------------------------------------------------------------------------------ */

static int bind_keywords(Frame *f, TrFunction *fn, const TrValue *kwvals, TrValue kwnames,
                         TrValue kwdict)
{
    CodeObj *co = f->co;
    TrTuple *kw = tr_as_tuple(kwnames);
    for (int64_t k = 0; k < kw->len; k++) {
        TrValue name = kw->items[k];
        if (TR_UNLIKELY(!tr_is_str(name))) {
            tr_raise(&tr_TypeError, "%s() keywords must be strings", qualname_of(fn));
            return -1;
        }
        int j = find_keyword(co, name);
        if (j < 0) {
            if (kwdict) {
                if (tr_dict_set(kwdict, name, kwvals[k]) < 0)
                    return -1;
                continue;
            }
            if (co->posonlyargcount && posonly_as_keyword(fn, co, kwvals, kwnames))
                return -1;
            tr_raise(&tr_TypeError, "%s() got an unexpected keyword argument '%s'",
                     qualname_of(fn), tr_str_utf8(name));
            return -1;
        }
        if (f->lp[j]) {
            tr_raise(&tr_TypeError, "%s() got multiple values for argument '%s'", qualname_of(fn),
                     tr_str_utf8(name));
            return -1;
        }
        f->lp[j] = kwvals[k];
    }
    return 0;
}

static int fill_defaults(Frame *f, TrFunction *fn, size_t nargs)
{
    CodeObj *co = f->co;
    int argc = co->argcount;
    if ((int64_t)nargs < argc) {
        TrTuple *defs = fn->defaults ? tr_as_tuple(fn->defaults) : NULL;
        int64_t defcount = defs ? defs->len : 0;
        int64_t m = argc - defcount;
        for (int64_t i = (int64_t)nargs; i < m; i++) {
            if (!f->lp[i]) {
                missing_args(fn, f, 0, (int)m, "positional");
                return -1;
            }
        }
        int64_t i = (int64_t)nargs > m ? (int64_t)nargs - m : 0;
        for (; i < defcount; i++)
            if (!f->lp[m + i])
                f->lp[m + i] = defs->items[i];
    }
    if (co->kwonlyargcount) {
        int missing = 0;
        for (int i = argc; i < argc + co->kwonlyargcount; i++) {
            if (f->lp[i])
                continue;
            TrValue v = 0;
            if (fn->kwdefaults) {
                v = tr_dict_get(fn->kwdefaults, tr_as_tuple(co->localsplusnames)->items[i]);
                if (v == TR_ERR && tr_err_occurred())
                    return -1;
            }
            if (v)
                f->lp[i] = v;
            else
                missing++;
        }
        if (missing) {
            missing_args(fn, f, argc, argc + co->kwonlyargcount, "keyword-only");
            return -1;
        }
    }
    return 0;
}

int vm_bind_args(Frame *f, TrFunction *fn, const TrValue *args, size_t nargs, TrValue kwnames)
{
    CodeObj *co = f->co;
    TrValue *lp = f->lp;
    size_t argc = (size_t)co->argcount;
    size_t nkw = tr_nkw(kwnames);
    int flags = co->flags;

    /* The common case: exactly the positional parameters, nothing else. */
    if (TR_LIKELY(nargs == argc && !nkw && !(flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
                  !co->kwonlyargcount)) {
        for (size_t i = 0; i < nargs; i++)
            lp[i] = args[i];
        return 0;
    }

    int total = co->argcount + co->kwonlyargcount;
    TrValue kwdict = 0;
    if (flags & CO_VARKEYWORDS) {
        kwdict = tr_dict_new();
        lp[total + ((flags & CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = nargs < argc ? nargs : argc;
    for (size_t i = 0; i < n; i++)
        lp[i] = args[i];
    if (flags & CO_VARARGS)
        lp[total] = nargs > n ? tr_tuple_from(args + n, (int64_t)(nargs - n)) : tr_tuple_empty();
    if (nkw && bind_keywords(f, fn, args + nargs, kwnames, kwdict) < 0)
        return -1;
    if (nargs > argc && !(flags & CO_VARARGS)) {
        too_many_positional(fn, f, nargs, fn->defaults ? tr_as_tuple(fn->defaults)->len : 0);
        return -1;
    }
    return fill_defaults(f, fn, nargs);
}

/* --- Names of callables ------------------------------------------------------------------- */

TrValue vm_func_str(TrValue callee)
{
    TrValue qual = tr_getattr_opt(callee, tr_str_intern_cstr("__qualname__"));
    if (!qual || !tr_is_str(qual)) {
        tr_err_clear();
        return tr_str(callee);
    }
    TrValue mod = tr_getattr_opt(callee, tr_str_intern_cstr("__module__"));
    if (!mod)
        tr_err_clear();
    if (mod && tr_is_str(mod) && !tr_str_eq_cstr(mod, "builtins"))
        return tr_str_fmt("%U.%U()", mod, qual);
    return tr_str_fmt("%U()", qual);
}
