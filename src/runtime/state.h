/*
 * state.h -- the thread state: the pending exception, the exception being handled (for bare
 * `raise` and __context__), recursion depth, and hooks through which the runtime asks the
 * executing engine (VM or compiled code) about the current frame.
 */
#ifndef TR_STATE_H
#define TR_STATE_H

#include "runtime/value.h"

typedef struct TrThreadState {
    TrValue exc;          /* pending exception instance, or 0 */
    TrValue handled;      /* exception being handled by an except block, or 0 */
    int depth;            /* Python call depth */
    int recursion_limit;  /* sys.setrecursionlimit; default 1000 */
    /* Hooks installed by the engine; may be NULL (e.g. before anything runs). */
    TrValue (*frame_globals)(void); /* globals() */
    TrValue (*frame_locals)(void);  /* locals() */
    /* Runs a class body (function fn) with locals as its namespace (__build_class__). */
    TrValue (*call_with_locals)(TrValue fn, TrValue locals);
    /* Zero-argument super(): the current frame's __class__ cell value and first argument.
       Returns 0, or -1 with RuntimeError set. */
    int (*super_args)(TrValue *type, TrValue *obj);
} TrThreadState;

extern TrThreadState tr_ts;

/* Call-depth accounting around every Python-level call: raises RecursionError
   ("maximum recursion depth exceeded") past the limit. */
int tr_enter_call(void);
static inline void tr_leave_call(void) { tr_ts.depth--; }

#endif
