/*
 * deps.c -- the modules of a program, found statically for `trident build`: the IMPORT_NAME
 * instructions (name, level, fromlist) of every code object, resolved as the source loader
 * (src/cli/loader.c) resolves them at run time -- the script's folder, then the embedded library;
 * packages, submodules named in a fromlist, relative imports -- and followed recursively.
 * Modules built into the runtime need nothing. A module that is not found is left to fail at run
 * time as it would under `trident run`; one that does not compile raises its SyntaxError when
 * imported. Also refuses eval/exec/compile, which need a compiler at run time.
 */
#include "aot/aot_internal.h"
#include "bytecode/compile.h"
#include "bytecode/marshal.h"
#include "cli/cli.h"
#include "front/parse.h"
#include "runtime/runtime.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const builtin_modules[] = {
#define MODULE(name, init) #name,
#include "runtime/modules.def"
#undef MODULE
};

/* Built-in modules that import modules of lib/ while they are made (src/runtime/mod_os.c). */
static const struct {
    const char *module, *imports;
} builtin_imports[] = {
    {"os", "posixpath"},
    {"os", "_oshelp"},
};

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(tr_alloc_atomic(n), s, n);
}

/* --- Finding a module's source ------------------------------------------------------------ */

typedef struct Where {
    const char *file, *pkgdir, *src; /* src: embedded text, or NULL: read file */
    size_t len;
} Where;

static bool is_embedded(const Build *b, const char *dir)
{
    size_t n = strlen(b->opt->stdlib_root);
    return !strncmp(dir, b->opt->stdlib_root, n) && (dir[n] == 0 || dir[n] == '/');
}

/* Looks for `tail` in one folder; a folder without __init__.py is remembered in *nsdir. */
static bool find_in(const Build *b, const char *dir, const char *tail, Where *w, char **nsdir)
{
    if (is_embedded(b, dir)) {
        char *pkg = cli_path_join(dir, tail, "/__init__.py"), *mod = cli_path_join(dir, tail, ".py");
        if ((w->src = b->opt->stdlib_source(pkg, &w->len))) {
            w->file = pkg;
            w->pkgdir = cli_path_join(dir, tail, "");
        } else if ((w->src = b->opt->stdlib_source(mod, &w->len))) {
            w->file = mod;
        }
        return w->src != NULL;
    }
    char *base = cli_path_join(dir, tail, ""), *init = cli_path_join(base, "__init__.py", "");
    if (cli_is_file(init)) {
        w->file = init;
        w->pkgdir = base;
        return true;
    }
    char *mod = cli_path_join(dir, tail, ".py");
    if (cli_is_file(mod)) {
        w->file = mod;
        return true;
    }
    if (!*nsdir && cli_is_dir(base))
        *nsdir = base;
    return false;
}

/* Programs that extend sys.path at run time mostly point it below their own folder: a top-level
   name found nowhere else is looked for there too (two levels down). */
static bool find_below(const Build *b, const char *dir, int depth, const char *tail, Where *w,
                       char **nsdir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(d))) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "__pycache__"))
            continue;
        char *sub = cli_path_join(dir, e->d_name, "");
        if (!cli_is_dir(sub) || cli_is_file(cli_path_join(sub, "__init__.py", "")))
            continue; /* a package's folder is not a path entry */
        found = find_in(b, sub, tail, w, nsdir) ||
                (depth > 1 && find_below(b, sub, depth - 1, tail, w, nsdir));
    }
    closedir(d);
    return found;
}

/* --- Compiling ---------------------------------------------------------------------------- */

static const char *read_text(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    StrBuf sb;
    sb_init(&sb);
    char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, fp)) > 0)
        sb_append(&sb, buf, k);
    fclose(fp);
    *len = sb.len;
    return sb_cstr(&sb);
}

static TrValue opt_str(const char *s) { return s ? tr_str_from_cstr(s) : TR_NONE; }

/* Compiles m from src. For the script, a SyntaxError is printed as `trident run` prints it and
   is fatal; for an imported module it is recorded, to be raised when the module is imported. */
static bool compile_mod(AotMod *m, const char *src, size_t len, bool is_main)
{
    Arena arena;
    arena_init(&arena);
    Diag d = {0};
    Node *ast = parse_module(&arena, m->file, src, len, &d);
    m->co = ast ? bc_compile_module(&arena, ast, m->file, src, len, &d) : NULL;
    bool ok = true;
    if (!m->co && is_main) {
        fflush(stdout);
        diag_print(&d);
        ok = false;
    } else if (!m->co) {
        const char *why;
        TrValue t = tr_tuple_pack(7, tr_str_from_cstr(d.type ? d.type : "SyntaxError"),
                                  tr_str_from_cstr(d.msg ? d.msg : "invalid syntax"),
                                  tr_str_from_cstr(d.filename ? d.filename : m->file),
                                  tr_small_new(d.line), tr_small_new(d.col),
                                  tr_small_new(d.end_col), opt_str(d.text));
        m->kind = AOT_MOD_SYNTAX_ERROR;
        sb_init(&m->data);
        bc_marshal_value(t, &m->data, &why);
    }
    arena_free(&arena);
    return ok;
}

static AotMod *add_mod(Build *b, const char *name)
{
    if (b->nmods == b->capmods) {
        int cap = b->capmods ? b->capmods * 2 : 16;
        AotMod **n = tr_alloc(sizeof(AotMod *) * (size_t)cap);
        if (b->nmods)
            memcpy(n, b->mods, sizeof(AotMod *) * (size_t)b->nmods);
        b->mods = n;
        b->capmods = cap;
    }
    AotMod *m = tr_alloc(sizeof(AotMod));
    m->name = dup_str(name);
    b->mods[b->nmods++] = m;
    return m;
}

/* --- Following imports -------------------------------------------------------------------- */

enum { EVAL, EXEC, COMPILE, NDYN };
static const char *const dyn_names[NDYN] = {"eval", "exec", "compile"};

typedef struct Import {
    const char *name;
    int level;
    TrValue fromlist; /* tuple of str, or None */
} Import;

typedef struct Scan {
    Import *imports; /* GC memory: holds values */
    int n, cap;
    bool stored[NDYN]; /* the module defines its own eval/exec/compile */
    int line[NDYN];    /* first use of the builtin (0: none) */
} Scan;

static Import *add_import(Scan *s, const char *name)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        Import *n = tr_alloc(sizeof(Import) * (size_t)s->cap);
        if (s->n)
            memcpy(n, s->imports, sizeof(Import) * (size_t)s->n);
        s->imports = n;
    }
    Import *im = &s->imports[s->n++];
    im->name = name;
    im->level = 0;
    im->fromlist = TR_NONE;
    return im;
}

static void scan_code(CodeObj *co, int index, void *ctx)
{
    Scan *s = ctx;
    TrTuple *names = tr_as_tuple(co->names), *consts = tr_as_tuple(co->consts);
    for (int i = 0; i < co->ncode; i++) {
        int op = BC_OP(co->code[i]);
        uint32_t arg = BC_ARG(co->code[i]);
        if (op == OP_IMPORT_NAME) {
            Import *im = add_import(s, tr_str_utf8(names->items[arg]));
            /* the compiler always emits LOAD_CONST level; LOAD_CONST fromlist; IMPORT_NAME */
            if (i >= 2 && BC_OP(co->code[i - 2]) == OP_LOAD_CONST &&
                BC_OP(co->code[i - 1]) == OP_LOAD_CONST) {
                TrValue lv = consts->items[BC_ARG(co->code[i - 2])];
                im->level = tr_is_small(lv) ? (int)tr_small_val(lv) : 0;
                im->fromlist = consts->items[BC_ARG(co->code[i - 1])];
            }
            continue;
        }
        /* __import__("m") and importlib.import_module("m") with a constant name */
        if ((op == OP_LOAD_NAME || op == OP_LOAD_GLOBAL || op == OP_LOAD_METHOD ||
             op == OP_LOAD_ATTR) && i + 1 < co->ncode &&
            BC_OP(co->code[i + 1]) == OP_LOAD_CONST) {
            const char *fn = tr_str_utf8(names->items[op == OP_LOAD_GLOBAL ? arg >> 1 : arg]);
            TrValue c = consts->items[BC_ARG(co->code[i + 1])];
            bool global = op == OP_LOAD_NAME || op == OP_LOAD_GLOBAL;
            if (tr_is_str(c) && ((global && !strcmp(fn, "__import__")) ||
                                 (!global && !strcmp(fn, "import_module"))) &&
                tr_as_str(c)->len && tr_str_char(tr_as_str(c), 0) != '.')
                add_import(s, tr_str_utf8(c));
        }
        bool store = op == OP_STORE_NAME || op == OP_STORE_GLOBAL;
        bool load = op == OP_LOAD_NAME || op == OP_LOAD_GLOBAL;
        if (!store && !load)
            continue;
        const char *name = tr_str_utf8(names->items[op == OP_LOAD_GLOBAL ? arg >> 1 : arg]);
        for (int k = 0; k < NDYN; k++) {
            if (strcmp(name, dyn_names[k]) != 0)
                continue;
            if (store)
                s->stored[k] = true;
            else if (!s->line[k])
                s->line[k] = co->lines[i] > 0 ? co->lines[i] : co->firstlineno;
        }
    }
}

static AotMod *ensure(Build *b, const char *name);

/* `from pkg import *`: __all__ may name submodules; take every submodule of the folder. */
static void import_all_submodules(Build *b, AotMod *pkg)
{
    if (is_embedded(b, pkg->pkgdir))
        return;
    DIR *d = opendir(pkg->pkgdir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        char *sub = cli_path_join(pkg->pkgdir, e->d_name, "");
        if (n > 3 && !strcmp(e->d_name + n - 3, ".py") && strcmp(e->d_name, "__init__.py")) {
            e->d_name[n - 3] = 0;
            ensure(b, tr_str_utf8(tr_str_fmt("%s.%s", pkg->name, e->d_name)));
        } else if (e->d_name[0] != '.' && cli_is_file(cli_path_join(sub, "__init__.py", ""))) {
            ensure(b, tr_str_utf8(tr_str_fmt("%s.%s", pkg->name, e->d_name)));
        }
    }
    closedir(d);
}

/* The package a relative import in m starts from, or NULL when m has none. */
static const char *package_of(const AotMod *m)
{
    if (m->pkgdir)
        return m->name;
    if (!strcmp(m->name, "__main__"))
        return NULL;
    const char *dot = strrchr(m->name, '.');
    return dot ? tr_str_utf8(tr_str_from_utf8(m->name, (size_t)(dot - m->name))) : NULL;
}

static void follow(Build *b, AotMod *m, const Import *im)
{
    const char *target = im->name;
    if (im->level > 0) {
        const char *pkg = package_of(m);
        if (!pkg)
            return; /* "attempted relative import with no known parent package" at run time */
        size_t len = strlen(pkg);
        for (int up = 1; up < im->level; up++) {
            while (len > 0 && pkg[len - 1] != '.')
                len--;
            if (len == 0)
                return; /* beyond the top-level package: an ImportError at run time */
            len--;
        }
        target = im->name[0] ? tr_str_utf8(tr_str_fmt("%s.%s", tr_str_utf8(
                                   tr_str_from_utf8(pkg, len)), im->name))
                             : tr_str_utf8(tr_str_from_utf8(pkg, len));
    }
    AotMod *t = ensure(b, target);
    if (!t || !t->pkgdir || !tr_is_tuple(im->fromlist))
        return;
    TrTuple *fl = tr_as_tuple(im->fromlist);
    for (int64_t i = 0; i < fl->len; i++) {
        const char *item = tr_str_utf8(fl->items[i]);
        if (!strcmp(item, "*"))
            import_all_submodules(b, t);
        else
            ensure(b, tr_str_utf8(tr_str_fmt("%s.%s", target, item)));
    }
}

static bool is_builtin(const char *name)
{
    for (size_t i = 0; i < TR_ARRAY_LEN(builtin_modules); i++)
        if (!strcmp(builtin_modules[i], name))
            return true;
    return false;
}

static void scan_mod(Build *b, AotMod *m);

/* The record of module `name`, found, compiled and followed on first use; NULL when the runtime
   provides it or it is nowhere to be found. */
static AotMod *ensure(Build *b, const char *name)
{
    for (int i = 1; i < b->nmods; i++)
        if (!strcmp(b->mods[i]->name, name))
            return b->mods[i];
    const char *dot = strrchr(name, '.'), *tail = dot ? dot + 1 : name;
    Where w = {0};
    char *nsdir = NULL;
    bool found = false;
    if (dot) {
        AotMod *parent = ensure(b, tr_str_utf8(tr_str_from_utf8(name, (size_t)(dot - name))));
        if (!parent || !parent->pkgdir)
            return NULL;
        found = find_in(b, parent->pkgdir, tail, &w, &nsdir);
    } else {
        if (is_builtin(name)) {
            for (size_t i = 0; i < TR_ARRAY_LEN(builtin_imports); i++)
                if (!strcmp(builtin_imports[i].module, name))
                    ensure(b, builtin_imports[i].imports);
            return NULL;
        }
        found = find_in(b, b->script_dir, tail, &w, &nsdir) ||
                find_in(b, b->opt->stdlib_root, tail, &w, &nsdir) ||
                (!nsdir && find_below(b, b->script_dir, 2, tail, &w, &nsdir));
    }
    if (!found && !nsdir)
        return NULL;
    AotMod *m = add_mod(b, name);
    if (!found) {
        m->kind = AOT_MOD_NAMESPACE;
        m->pkgdir = nsdir;
        return m;
    }
    m->file = w.file;
    m->pkgdir = w.pkgdir;
    m->kind = AOT_MOD_CODE;
    const char *src = w.src ? w.src : read_text(w.file, &w.len);
    if (!src) { /* unreadable: fails at run time as under `trident run` */
        b->nmods--;
        return NULL;
    }
    compile_mod(m, src, w.len, false);
    if (m->co)
        scan_mod(b, m);
    return m;
}

static void note_code(CodeObj *co, int index, void *ctx)
{
    AotMod *m = ctx;
    m->codes[index] = co;
}

static int count_code(CodeObj *co)
{
    int n = 1;
    TrTuple *t = tr_as_tuple(co->consts);
    for (int64_t i = 0; i < t->len; i++)
        if (bc_is_code(t->items[i]))
            n += count_code(bc_as_code(t->items[i]));
    return n;
}

static void scan_mod(Build *b, AotMod *m)
{
    m->ncode = count_code(m->co);
    m->codes = tr_alloc(sizeof(CodeObj *) * (size_t)m->ncode);
    bc_code_walk(m->co, note_code, m);
    Scan s = {0};
    bc_code_walk(m->co, scan_code, &s);
    for (int k = 0; k < NDYN; k++)
        if (s.line[k] && !s.stored[k] && !b->dyn_error) {
            fprintf(stderr, "trident build: %s:%d: %s() of code made at run time cannot be "
                            "compiled ahead of time\n",
                    m == b->mods[0] ? b->opt->script : m->file, s.line[k], dyn_names[k]);
            b->dyn_error = true;
        }
    for (int i = 0; i < s.n; i++)
        follow(b, m, &s.imports[i]);
}

/* --- The program -------------------------------------------------------------------------- */

static int by_name(const void *x, const void *y)
{
    return strcmp((*(AotMod *const *)x)->name, (*(AotMod *const *)y)->name);
}

bool aot_collect(Build *b)
{
    const char *script = b->opt->script;
    size_t len;
    const char *src = read_text(script, &len);
    if (!src) {
        fprintf(stderr, "trident build: can't open file '%s': [Errno %d] %s\n", script, errno,
                strerror(errno));
        return false;
    }
    /* names as `trident run` gives them: __file__ absolute (cwd joined, not normalized), the
       script's real folder first on sys.path */
    char cwd[PATH_MAX], real[PATH_MAX];
    const char *file = script;
    if (script[0] != '/' && getcwd(cwd, sizeof cwd))
        file = cli_path_join(strcmp(cwd, "/") ? cwd : "", script, "");
    char *dir = dup_str(script), *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = 0;
    else
        dir = ".";
    b->script_dir = dup_str(realpath(dir, real) ? real : dir);
    AotMod *main = add_mod(b, "__main__");
    main->file = file;
    main->kind = AOT_MOD_CODE;
    if (!compile_mod(main, src, len, true))
        return false;
    scan_mod(b, main);
    if (b->dyn_error)
        return false;
    qsort(b->mods + 1, (size_t)(b->nmods - 1), sizeof(AotMod *), by_name);
    for (int i = 0; i < b->nmods; i++) {
        AotMod *m = b->mods[i];
        const char *why = NULL;
        if (m->kind != AOT_MOD_CODE)
            continue;
        sb_init(&m->data);
        if (!bc_marshal(m->co, &m->data, &why)) {
            fprintf(stderr, "trident build: %s: %s\n", m->file, why);
            return false;
        }
    }
    return true;
}
