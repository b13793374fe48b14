/*
 * containers_util.c -- helpers private to the container files: index conversion with CPython's
 * messages, argument-count errors, default iterator repr (see containers_util.h).
 */
#include "runtime/containers_util.h"

#include <stdio.h>

TrValue cu_name(TrValue *slot, const char *name)
{
    if (!*slot)
        *slot = tr_str_intern_cstr(name);
    return *slot;
}

bool cu_has_index(TrValue v)
{
    static TrValue index_name;
    if (tr_is_small(v) || tr_is_int(v))
        return true;
    return tr_type_lookup(tr_type_of(v), cu_name(&index_name, "__index__")) != 0;
}

int cu_as_ssize(TrValue v, TrType *errtype, int64_t *out)
{
    if (tr_is_small(v)) {
        *out = tr_small_val(v);
        return 0;
    }
    TrValue i = tr_index(v);
    if (!i)
        return -1;
    if (tr_is_small(i)) {
        *out = tr_small_val(i);
        return 0;
    }
    if (tr_int_to_i64(i, out) < 0) {
        tr_err_clear();
        tr_raise(errtype, "cannot fit '%s' into an index-sized integer", tr_type_name(v));
        return -1;
    }
    return 0;
}

int cu_as_ssize_clamp(TrValue v, int64_t *out)
{
    if (tr_is_small(v)) {
        *out = tr_small_val(v);
        return 0;
    }
    if (!cu_has_index(v)) {
        tr_raise(&tr_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    TrValue i = tr_index(v);
    if (!i)
        return -1;
    if (tr_is_small(i)) {
        *out = tr_small_val(i);
        return 0;
    }
    if (tr_int_to_i64(i, out) < 0) {
        tr_err_clear();
        *out = tr_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    return 0;
}

int cu_no_kwargs(const char *qualname, TrValue kwnames)
{
    if (tr_nkw(kwnames) == 0)
        return 0;
    tr_raise(&tr_TypeError, "%s() takes no keyword arguments", qualname);
    return -1;
}

int cu_exactly_one(const char *qualname, size_t nargs)
{
    if (nargs == 1)
        return 0;
    tr_raise(&tr_TypeError, "%s() takes exactly one argument (%zd given)", qualname,
             (ssize_t)nargs);
    return -1;
}

int cu_no_args(const char *qualname, size_t nargs)
{
    if (nargs == 0)
        return 0;
    tr_raise(&tr_TypeError, "%s() takes no arguments (%zd given)", qualname, (ssize_t)nargs);
    return -1;
}

int cu_nargs(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max)
        tr_raise(&tr_TypeError, "%s expected %zd argument%s, got %zd", name, (ssize_t)min,
                 min == 1 ? "" : "s", (ssize_t)nargs);
    else if (nargs < min)
        tr_raise(&tr_TypeError, "%s expected at least %zd argument%s, got %zd", name, (ssize_t)min,
                 min == 1 ? "" : "s", (ssize_t)nargs);
    else
        tr_raise(&tr_TypeError, "%s expected at most %zd argument%s, got %zd", name, (ssize_t)max,
                 max == 1 ? "" : "s", (ssize_t)nargs);
    return -1;
}

TrValue cu_default_repr(TrValue self)
{
    char buf[200];
    snprintf(buf, sizeof buf, "<%s object at %p>", tr_type_name(self), (void *)tr_obj(self));
    return tr_str_from_cstr(buf);
}

TrValue cu_iter_self(TrValue self)
{
    return self;
}

int cu_repr_items(TrStrBuilder *b, const TrValue *items, int64_t n)
{
    for (int64_t i = 0; i < n; i++) {
        if (i > 0)
            tr_sbuild_ascii(b, ", ", 2);
        TrValue r = tr_repr(items[i]);
        if (!r)
            return -1;
        tr_sbuild_str(b, r);
    }
    return 0;
}
