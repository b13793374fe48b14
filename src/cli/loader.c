/*
 * loader.c -- import of source modules (the runtime's tr_import_file_hook): finds name.py or
 * name/__init__.py along sys.path (or the parent package's __path__), where the entry
 * CLI_STDLIB_ROOT stands for the library compiled into the binary; compiles the source and runs
 * it as the module's body. The cli is the layer allowed to use front-end, compiler and VM.
 */
#include "cli/cli.h"
#include "cli/stdlib_data.h"
#include "bytecode/compile.h"
#include "front/parse.h"
#include "runtime/runtime.h"
#include "common/strbuf.h"
#include "vm/run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct Found {
    char *file;      /* __file__ (and the code's filename) */
    const char *src; /* the embedded text, or NULL: read file */
    size_t len;
    char *pkgdir;    /* packages: __path__[0]; NULL for plain modules */
} Found;

/* --- The embedded library ---------------------------------------------------------------- */

static const CliEmbeddedFile *embedded(const char *rel)
{
    size_t lo = 0, hi = cli_stdlib_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(cli_stdlib_files[mid].path, rel);
        if (c == 0)
            return &cli_stdlib_files[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *cli_stdlib_source(const char *path, size_t *len)
{
    size_t n = strlen(CLI_STDLIB_ROOT);
    if (strncmp(path, CLI_STDLIB_ROOT, n) != 0 || path[n] != '/')
        return NULL;
    const CliEmbeddedFile *e = embedded(path + n + 1);
    if (!e)
        return NULL;
    if (len)
        *len = e->len;
    return e->src;
}

/* --- Finding ----------------------------------------------------------------------------- */

char *cli_path_join(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *s = tr_alloc_atomic(la + lb + lc + 2);
    memcpy(s, a, la);
    size_t n = la;
    if (la && a[la - 1] != '/')
        s[n++] = '/';
    memcpy(s + n, b, lb);
    memcpy(s + n + lb, c, lc + 1);
    return s;
}

bool cli_is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

bool cli_is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool embedded_entry(const char *dir, const char **rel)
{
    size_t n = strlen(CLI_STDLIB_ROOT);
    if (strncmp(dir, CLI_STDLIB_ROOT, n) != 0 || (dir[n] != 0 && dir[n] != '/'))
        return false;
    *rel = dir[n] ? dir + n + 1 : "";
    return true;
}

/* Looks for `tail` in one path entry. A folder without __init__.py is remembered in *nsdir:
   it becomes a namespace package when no entry has a real module. */
static bool find_in(const char *dir, const char *tail, Found *f, char **nsdir)
{
    const char *rel;
    if (embedded_entry(dir, &rel)) {
        char *pkg = cli_path_join(rel, tail, "/__init__.py"), *mod = cli_path_join(rel, tail, ".py");
        const CliEmbeddedFile *e;
        if ((e = embedded(pkg))) {
            f->pkgdir = cli_path_join(dir, tail, "");
            f->file = cli_path_join(dir, pkg + strlen(rel) + (rel[0] != 0), "");
        } else if ((e = embedded(mod))) {
            f->file = cli_path_join(dir, mod + strlen(rel) + (rel[0] != 0), "");
        } else {
            return false;
        }
        f->src = e->src;
        f->len = e->len;
        return true;
    }
    char cwd[4096];
    if (!dir[0]) /* '' is the current folder; __file__ is absolute, as python3 makes it */
        dir = getcwd(cwd, sizeof cwd) ? cwd : ".";
    char *base = cli_path_join(dir, tail, "");
    char *init = cli_path_join(base, "__init__.py", "");
    if (cli_is_file(init)) {
        f->file = init;
        f->pkgdir = base;
        return true;
    }
    char *mod = cli_path_join(dir, tail, ".py");
    if (cli_is_file(mod)) {
        f->file = mod;
        return true;
    }
    if (!*nsdir && cli_is_dir(base))
        *nsdir = base;
    return false;
}

/* --- Running ----------------------------------------------------------------------------- */

static TrValue raise_syntax_error(const Diag *d, const char *file)
{
    return vm_raise_syntax_error(d->type, d->msg, d->filename ? d->filename : file, d->line,
                                 d->col, d->end_col, d->text);
}

/* The text of a source file (GC memory), or NULL with OSError set. */
static const char *read_source(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        tr_raise_oserror(&tr_OSError, errno, tr_str_from_cstr(path));
        return NULL;
    }
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

CodeObj *cli_compile_module_exc(const char *file, const char *src, size_t len)
{
    Arena arena;
    arena_init(&arena);
    Diag d = {0};
    Node *ast = parse_module(&arena, file, src, len, &d);
    CodeObj *co = ast ? bc_compile_module(&arena, ast, file, src, len, &d) : NULL;
    if (!co)
        raise_syntax_error(&d, file);
    arena_free(&arena);
    return co;
}

static TrValue exec_found(TrValue name, const Found *f)
{
    const char *src = f->src;
    size_t len = f->len;
    if (!src && !(src = read_source(f->file, &len)))
        return TR_ERR;
    CodeObj *co = cli_compile_module_exc(f->file, src, len);
    if (!co)
        return TR_ERR;
    return vm_exec_module(name, co, f->file, f->pkgdir);
}

/* tr_import_file_hook: name is absolute; its parent package, if any, is already imported. */
static TrValue import_file(TrValue name)
{
    const char *full = tr_str_utf8(name);
    const char *tail = strrchr(full, '.');
    TrValue path;
    if (tail) {
        TrValue parent = tr_dict_get(tr_sys_modules(), tr_str_slice(name, 0,
                                     (int64_t)(tail - full), 1));
        if (!parent)
            return 0;
        path = tr_getattr_cstr(parent, "__path__");
        tail++;
    } else {
        path = tr_getattr_cstr(tr_sys_module(), "path");
        tail = full;
    }
    if (path == TR_ERR)
        return TR_ERR;
    TrValue it = tr_iter(path);
    if (it == TR_ERR)
        return TR_ERR;
    char *nsdir = NULL;
    for (;;) {
        TrValue entry = tr_next(it);
        if (entry == TR_ERR)
            return TR_ERR;
        if (entry == TR_STOP)
            break;
        if (!tr_is_str(entry))
            continue;
        Found f = {0};
        if (find_in(tr_str_utf8(entry), tail, &f, &nsdir))
            return exec_found(name, &f);
    }
    return nsdir ? vm_namespace_module(name, nsdir) : 0;
}

void cli_loader_install(void)
{
    tr_import_file_hook = import_file;
    TrValue path = tr_getattr_cstr(tr_sys_module(), "path");
    if (path == TR_ERR || !tr_is_list(path)) {
        tr_err_clear();
        return;
    }
    tr_list_append(path, tr_str_from_cstr(CLI_STDLIB_ROOT));
}
