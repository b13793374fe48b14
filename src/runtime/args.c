/*
 * args.c -- binding the arguments of built-in functions to parameter slots, with CPython's
 * TypeError messages for every way a call can be wrong.
 */
#include "runtime/runtime.h"

#include <string.h>

int tr_no_kwargs(const char *fname, TrValue kwnames)
{
    if (tr_nkw(kwnames)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int tr_check_nargs(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max && min == 0)
        tr_raise(&tr_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == max && min == 1)
        tr_raise(&tr_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    else if (min == max)
        tr_raise(&tr_TypeError, "%s expected %zu arguments, got %zu", fname, min, nargs);
    else if (nargs < min)
        tr_raise(&tr_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
                 min == 1 ? "" : "s", nargs);
    else
        tr_raise(&tr_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
                 max == 1 ? "" : "s", nargs);
    return -1;
}

int tr_parse_args(const char *fname, const TrValue *args, size_t nargs, TrValue kwnames,
                  const char *const *names, int min, int max, int npos, int kwstart,
                  TrValue *out)
{
    for (int i = 0; i < max; i++)
        out[i] = 0;
    int maxpos = kwstart < max ? kwstart : max;
    if ((int)nargs > maxpos) {
        if (maxpos == 0)
            tr_raise(&tr_TypeError, "%s() takes no positional arguments", fname);
        else if (min == maxpos)
            tr_raise(&tr_TypeError, "%s() takes exactly %d argument%s (%zu given)", fname,
                     maxpos, maxpos == 1 ? "" : "s", nargs);
        else
            tr_raise(&tr_TypeError, "%s() takes at most %d argument%s (%zu given)", fname,
                     maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    size_t nkw = tr_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        TrValue key = tr_as_tuple(kwnames)->items[k];
        const char *kname = tr_str_utf8(key);
        int slot = -1;
        for (int i = 0; i < max; i++)
            if (strcmp(names[i], kname) == 0) {
                slot = i;
                break;
            }
        if (slot < 0 || slot < npos) {
            if (slot >= 0 && slot < npos && npos == max)
                tr_raise(&tr_TypeError, "%s() takes no keyword arguments", fname);
            else if (slot >= 0)
                tr_raise(&tr_TypeError,
                         "%s() got some positional-only arguments passed as keyword "
                         "arguments: '%s'", fname, kname);
            else
                tr_raise(&tr_TypeError, "'%s' is an invalid keyword argument for %s()", kname,
                         fname);
            return -1;
        }
        if (out[slot]) {
            tr_raise(&tr_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                     fname, kname, slot + 1);
            return -1;
        }
        out[slot] = args[nargs + k];
    }
    for (int i = 0; i < min; i++)
        if (!out[i]) {
            if (i < npos)
                tr_raise(&tr_TypeError, "%s() takes at least %d positional argument%s (%zu given)",
                         fname, min, min == 1 ? "" : "s", nargs);
            else
                tr_raise(&tr_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                         names[i], i + 1);
            return -1;
        }
    return 0;
}
