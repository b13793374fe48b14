/*
 * aot.h -- `trident build`: the driver's entry point, and the tables it writes into the object
 * file (.data, filled through ABS64 relocations) that an executable's start-up (src/aot/exe)
 * reads. The struct layouts are the contract between the two: build.c writes them byte by byte.
 */
#ifndef TR_AOT_H
#define TR_AOT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* --- Tables in the executable ------------------------------------------------------------- */

typedef enum {
    AOT_MOD_CODE,         /* data: the marshalled code-object tree (bc_marshal) */
    AOT_MOD_SYNTAX_ERROR, /* data: a marshalled tuple (type, msg, file, line, col, end_col,
                             text): importing the module raises that SyntaxError */
    AOT_MOD_NAMESPACE,    /* no data: a folder without __init__.py, pkgdir is its path */
} AotModKind;

/* Module 0 is __main__; the others are sorted by name (the import hook searches them). */
typedef struct AotModule {
    const char *name;     /* dotted name (of the program: the script's name without .py) */
    const uint8_t *data;  /* by kind */
    uint64_t size;
    const char *filename; /* __file__ and the code's filename; NULL for namespace packages */
    const char *pkgdir;   /* packages: __path__[0]; NULL for plain modules */
    uint32_t kind;        /* AotModKind */
    uint32_t ncode;       /* code objects in the tree (pre-order indexes 0..ncode-1) */
} AotModule;

/* Machine code for the code object of pre-order index `code` (bc_code_walk) in module
   `module`; sorted by module, then code. */
typedef struct AotNative {
    uint32_t module, code; /* code | AOT_NATIVE_FALLBACK: the fallback of that code object */
    void *fn; /* TrValue fn(Frame *f): see src/backend/backend.h */
} AotNative;

#define AOT_NATIVE_FALLBACK 0x80000000u

enum { /* the offsets build.c writes at */
    AOT_MODULE_SIZE = 48, AOT_MODULE_NAME = 0, AOT_MODULE_DATA = 8, AOT_MODULE_DATASIZE = 16,
    AOT_MODULE_FILENAME = 24, AOT_MODULE_PKGDIR = 32, AOT_MODULE_KIND = 40, AOT_MODULE_NCODE = 44,
    AOT_NATIVE_SIZE = 16, AOT_NATIVE_MODULE = 0, AOT_NATIVE_CODE = 4, AOT_NATIVE_FN = 8,
};
_Static_assert(sizeof(AotModule) == AOT_MODULE_SIZE && offsetof(AotModule, ncode) == 44,
               "AotModule layout");
_Static_assert(sizeof(AotNative) == AOT_NATIVE_SIZE && offsetof(AotNative, fn) == 8,
               "AotNative layout");

extern const AotModule trident_aot_modules[];
extern const uint32_t trident_aot_nmodules;
extern const AotNative trident_aot_natives[];
extern const uint32_t trident_aot_nnatives;
extern const char *const trident_aot_script_dir; /* sys.path[0]: the script's real folder */

/* --- The driver --------------------------------------------------------------------------- */

typedef struct AotOptions {
    const char *script; /* as given on the command line */
    const char *output;
    bool verbose;       /* -v: which code objects were compiled, and why the others were not */
    /* The embedded library: the text of a "<stdlib>/..." path, or NULL (supplied by the cli,
       which links the library's sources). */
    const char *(*stdlib_source)(const char *path, size_t *len);
    const char *stdlib_root; /* "<stdlib>" */
} AotOptions;

/* Builds the executable. Returns the exit status: 0, or 1 after printing the error (a
   SyntaxError of the script exactly as `trident run` prints it). */
int aot_build(const AotOptions *opt);

#endif
