/*
 * exc.h -- exceptions: the built-in hierarchy (exc_types.def), raising, the pending exception
 * of the thread state, tracebacks, and printing an uncaught exception as CPython does.
 * Convention: a failing runtime function calls tr_raise (which returns TR_ERR) and returns
 * TR_ERR, or -1 from int functions; callers pass it up unchanged.
 */
#ifndef TR_EXC_H
#define TR_EXC_H

#include "runtime/object.h"

#include <stdarg.h>

typedef struct TrExc {
    TrObject ob;
    TrValue args;      /* tuple */
    TrValue traceback; /* list of (filename, lineno, funcname) tuples in the order the
                          frames were unwound (innermost first), or 0 */
    TrValue cause, context; /* or 0 */
    bool suppress_context;
    TrValue dict;      /* extra attributes (errno, filename, value, code...), or 0 */
    TrValue suggestion; /* a close name for "Did you mean: 'x'?" when printed, or 0 */
} TrExc;

#define EXC(name, base) extern TrType tr_##name;
#include "runtime/exc_types.def"
#undef EXC

extern TrType tr_traceback_type; /* exc.__traceback__: tb_lineno, tb_next */

void tr_exc_init(void);

/* Raising. fmt understands %s (C string), %d %i %u %ld %lld %zd %x %c, %% and for TrValues
   %R (repr), %S (str), %T (type name), %U (a str, inserted as is). Returns TR_ERR. */
TrValue tr_raise(TrType *type, const char *fmt, ...);
TrValue tr_vraise(TrType *type, const char *fmt, va_list ap);
TrValue tr_raise_value(TrValue exc);   /* an instance, or a class to instantiate */
TrValue tr_raise_with(TrType *type, TrValue arg); /* type(arg), e.g. KeyError(key) */
TrValue tr_raise_oserror(TrType *type, int err, TrValue filename); /* [Errno n] msg: 'f' */
TrValue tr_raise_stop_iteration(TrValue value);
/* AttributeError carrying .name and .obj, so that printing it can suggest a close name. */
TrValue tr_raise_attr_error(TrValue obj, TrValue name, const char *fmt, ...);

/* The pending exception (set by tr_raise, taken by handlers). */
static inline bool tr_err_occurred(void);
TrValue tr_err_fetch(void);           /* takes it, leaving none pending */
void tr_err_restore(TrValue exc);     /* sets it pending */
void tr_err_clear(void);
bool tr_err_matches(TrType *type);    /* pending exception is an instance of type */
bool tr_exc_matches(TrValue exc, TrValue type_or_tuple); /* except clause test */

TrValue tr_exc_new(TrType *type, const TrValue *args, size_t nargs); /* instance */
bool tr_is_exc(TrValue v);
bool tr_is_exc_type(TrValue v);
void tr_exc_add_frame(TrValue exc, TrValue filename, int line, TrValue funcname);
TrValue tr_exc_str(TrValue exc); /* str(exc): KeyError shows repr of its key */
/* The name closest to `name` among the keys of the given dicts, searched one dict at a time
   in order, by CPython 3.11's rules for "Did you mean" (weighted edit distance); or 0. */
TrValue tr_exc_suggest(TrValue name, const TrValue *dicts, int ndicts);

/* Prints "Traceback (most recent call last):", frames with their source lines, the chain of
   causes/contexts and "Type: message" to stderr, as CPython does. */
void tr_exc_print(TrValue exc);
/* The uncaught-exception exit: SystemExit gives its code; others print and give 1. */
int tr_exc_handle_uncaught(TrValue exc);

#include "runtime/state.h"
static inline bool tr_err_occurred(void) { return tr_ts.exc != 0; }

#endif
