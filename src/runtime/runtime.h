/*
 * runtime.h -- start-up of the runtime library and the headers its users need most.
 * tr_runtime_init must run once before any other tr_ function (GC, types, builtins, sys).
 */
#ifndef TR_RUNTIME_H
#define TR_RUNTIME_H

#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/class.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/func.h"
#include "runtime/int.h"
#include "runtime/io.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/object.h"
#include "runtime/set.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

void tr_runtime_init(int argc, char **argv); /* argv as sys.argv */
void tr_runtime_fini(void);                  /* flushes stdout/stderr */

#endif
