/*
 * aot_internal.h -- what the parts of `trident build` share: the modules of the program (found
 * by deps.c), their machine code (build.c) and the object file made of both (emit.c).
 * Records live in GC memory: they hold code objects.
 */
#ifndef TR_AOT_INTERNAL_H
#define TR_AOT_INTERNAL_H

#include "aot/aot.h"
#include "backend/mcode.h"
#include "bytecode/code.h"
#include "common/arena.h"
#include "common/strbuf.h"

typedef struct AotMod {
    const char *name;     /* dotted; "__main__" for the script */
    const char *file;     /* __file__ (NULL for a namespace package) */
    const char *pkgdir;   /* packages: __path__[0] */
    AotModKind kind;
    CodeObj *co;          /* AOT_MOD_CODE */
    CodeObj **codes;      /* the code objects in pre-order (bc_code_walk) */
    int ncode;
    StrBuf data;          /* the bytes of AotModule.data */
} AotMod;

typedef struct AotFunc { /* one compiled code object */
    int module, code;
    bool fallback; /* the version without speculation (aot.h) */
    char sym[48];
    McCode mc;
} AotFunc;

typedef struct Build {
    const AotOptions *opt;
    const char *script_dir; /* real path of the script's folder: sys.path[0] */
    AotMod **mods;          /* [0] is __main__, then sorted by name once all are found */
    int nmods, capmods;
    AotFunc *funcs;         /* malloc()ed: no Python values */
    int nfuncs, capfuncs;
    bool dyn_error; /* eval/exec/compile met (reported once) */
    Arena syms;     /* symbol names that relocations of funcs point to */
} Build;

/* deps.c: compiles the script (printing its SyntaxError exactly as `trident run` does) and
   every module it imports, found statically, recursively. False after printing an error. */
bool aot_collect(Build *b);
/* emit.c: writes the ELF object holding the functions, the marshalled modules and the tables of
   aot.h. False after printing an error. */
bool aot_emit(Build *b, const char *path);

#endif
