/*
 * str_methods.h -- what the str method files share: argument helpers with CPython's messages,
 * and the methods str_case.c defines for the table in str_methods.c.
 */
#ifndef TR_STR_METHODS_H
#define TR_STR_METHODS_H

#include "runtime/object.h"

/* int argument via __index__ ("'str' object cannot be interpreted as an integer") */
int tr_arg_index(TrValue v, int64_t *out);
/* start/end of find and friends: None leaves *out alone; big ints clamp */
int tr_arg_slice_index(TrValue v, int64_t *out);
/* CPython's ADJUST_INDICES for [start:end] against len */
void tr_adjust_indices(int64_t *start, int64_t *end, int64_t len);
/* "str.upper() takes no arguments (1 given)" */
int tr_arg_none(const char *qualname, size_t nargs, TrValue kwnames);
/* "str.zfill() takes exactly one argument (0 given)" */
int tr_arg_one(const char *qualname, size_t nargs, TrValue kwnames);
/* Argument Clinic style: "center expected at least 1 argument, got 0" */
int tr_arg_clinic(const char *name, size_t nargs, TrValue kwnames, size_t min, size_t max);
/* PyArg_ParseTuple style: "find() takes at least 1 argument (0 given)" */
int tr_arg_tuple(const char *name, size_t nargs, TrValue kwnames, size_t min, size_t max);

#define STR_CASE_METHODS(X)                                                                        \
    X(lower)                                                                                       \
    X(upper)                                                                                       \
    X(casefold) X(swapcase) X(capitalize) X(title) X(isalpha) X(isalnum) X(isdecimal) X(isdigit)   \
        X(isnumeric) X(isspace) X(isupper) X(islower) X(istitle) X(isidentifier) X(isprintable)    \
            X(isascii) X(translate) X(maketrans) X(encode)
#define X(name) TrValue tr_str_m_##name(TrValue, const TrValue *, size_t, TrValue);
STR_CASE_METHODS(X)
#undef X

#endif
