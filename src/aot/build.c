/*
 * build.c -- `trident build`: finds and compiles the program's modules (deps.c), turns each code
 * object the back-end handles into machine code, writes the object file (emit.c) in a private
 * temporary folder and links it statically with libtrident_aot.a (next to the trident binary)
 * into a temporary file beside the output, renamed into place only when everything worked:
 * a failed build leaves no file behind.
 */
#include "aot/aot_internal.h"
#include "backend/backend.h"
#include "runtime/runtime.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* --- Machine code ------------------------------------------------------------------------- */

/* The symbols of one module's code objects, for the direct calls of program.h. */
typedef struct ModSyms {
    AotMod *mod;
    char (*names)[32];
    bool *failed; /* not compiled: no symbol, no direct call to it */
} ModSyms;

static const char *mod_sym(void *ctx, CodeObj *co)
{
    ModSyms *s = ctx;
    for (int c = 0; c < s->mod->ncode; c++)
        if (s->mod->codes[c] == co)
            return s->failed[c] ? NULL : s->names[c];
    return NULL;
}

static AotFunc *new_func(Build *b)
{
    if (b->nfuncs == b->capfuncs) {
        b->capfuncs = b->capfuncs ? b->capfuncs * 2 : 64;
        b->funcs = realloc(b->funcs, sizeof(AotFunc) * (size_t)b->capfuncs);
        if (!b->funcs)
            abort();
    }
    return &b->funcs[b->nfuncs];
}

/* Compiles code c of module m (speculating when env allows) as the AotFunc of symbol sym; false
   when the back-end cannot. *speculated: the code guesses. */
static bool compile_one(Build *b, int m, int c, const char *sym, bool fallback, IrEnv *env,
                        bool *speculated, const char **why)
{
    AotFunc *f = new_func(b);
    f->module = m;
    f->code = c;
    f->fallback = fallback;
    snprintf(f->sym, sizeof f->sym, "%s%s", sym, fallback ? "_f" : "");
    mc_init(&f->mc);
    *speculated = false;
    env->speculated = speculated;
    bool ok = backend_compile(b->mods[m]->codes[c], f->sym, env, &f->mc, why);
    if (ok)
        b->nfuncs++;
    else
        mc_free(&f->mc);
    return ok;
}

/* Compiles the code objects of module m with env: each one speculating, and again without
   when it guessed (its fallback). False when one that env names as the target of direct calls
   did not compile (then its callers must be compiled again without it). */
static bool compile_module(Build *b, int m, ModSyms *ms, IrEnv *env, bool report)
{
    AotMod *mod = b->mods[m];
    bool ok_env = true;
    for (int c = 0; c < mod->ncode; c++) {
        CodeObj *co = mod->codes[c];
        const char *why = "?";
        bool speculated = false;
        env->speculate = true;
        bool ok = compile_one(b, m, c, ms->names[c], false, env, &speculated, &why);
        if (ok && speculated) {
            env->speculate = false;
            env->generic = true;
            bool again;
            const char *why2;
            if (!compile_one(b, m, c, ms->names[c], true, env, &again, &why2))
                speculated = false;
            env->generic = false;
        }
        if (!ok) {
            ms->failed[c] = true;
            for (int k = 0; k < env->nfuncs; k++)
                ok_env &= env->funcs[k].code != co;
        }
        if (report && b->opt->verbose)
            fprintf(stderr, "trident build: %s:%d %s: %s%s\n",
                    m == 0 ? b->opt->script : mod->file, co->firstlineno,
                    tr_str_utf8(co->qualname),
                    !ok ? "interpreted: " : speculated ? "compiled, with a fallback" : "compiled",
                    ok ? "" : why);
    }
    return ok_env;
}

static void compile_natives(Build *b)
{
    for (int m = 0; m < b->nmods; m++) {
        AotMod *mod = b->mods[m];
        if (mod->kind != AOT_MOD_CODE)
            continue;
        Arena a;
        arena_init(&a);
        ModSyms ms = {mod, arena_alloc(&b->syms, 32 * (size_t)(mod->ncode + 1)),
                      ARENA_ARRAY(&a, bool, mod->ncode + 1)};
        for (int c = 0; c < mod->ncode; c++)
            snprintf(ms.names[c], sizeof ms.names[c], "tr_aot_m%d_c%d", m, c);
        IrEnv env;
        ir_env_module(&env, &a, mod->codes[0], mod_sym, &ms);
        ir_env_learn(&env, mod->codes[0]);
        int first = b->nfuncs;
        if (!compile_module(b, m, &ms, &env, true)) {
            /* a function named by env did not compile: again, without direct calls to it */
            while (b->nfuncs > first)
                mc_free(&b->funcs[--b->nfuncs].mc);
            ir_env_module(&env, &a, mod->codes[0], mod_sym, &ms);
            ir_env_learn(&env, mod->codes[0]);
            compile_module(b, m, &ms, &env, false);
        }
        arena_free(&a);
    }
}

/* --- Files -------------------------------------------------------------------------------- */

/* libtrident_aot.a beside the running trident binary, or NULL after printing why not. */
static char *runtime_archive(void)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n < 0) {
        fprintf(stderr, "trident build: cannot find the trident binary: %s\n", strerror(errno));
        return NULL;
    }
    self[n] = 0;
    static char lib[PATH_MAX + 32];
    snprintf(lib, sizeof lib, "%s/libtrident_aot.a", dirname(self));
    if (access(lib, R_OK) != 0) {
        fprintf(stderr, "trident build: cannot read '%s': %s\n", lib, strerror(errno));
        return NULL;
    }
    return lib;
}

/* Runs argv (a link), its output kept in log; true when it exits 0. */
static bool run(char *const argv[], const char *log)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    pid_t pid;
    int err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err) {
        fprintf(stderr, "trident build: cannot run '%s': %s\n", argv[0], strerror(err));
        return false;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void show_log(const char *log)
{
    FILE *f = fopen(log, "r");
    if (!f)
        return;
    char line[1024];
    for (int n = 0; n < 20 && fgets(line, sizeof line, f); n++)
        fprintf(stderr, "  %s", line);
    fclose(f);
}

static bool link_exe(const char *obj, const char *lib, const char *out, const char *log)
{
    const char *cc = getenv("TRIDENT_CC");
    char *const argv[] = {(char *)(cc && *cc ? cc : "cc"), "-static", "-o", (char *)out,
                          (char *)obj, (char *)lib, "-lgc", "-lgmp", "-lpcre2-8", "-lm", NULL};
    if (run(argv, log))
        return true;
    fprintf(stderr, "trident build: linking failed:\n");
    show_log(log);
    return false;
}

/* A new empty file beside out (same folder: the final rename stays atomic); NULL after
   printing python3-style "cannot write" when that folder is not writable. */
static char *temp_beside(const char *out)
{
    const char *slash = strrchr(out, '/');
    size_t n = strlen(out) + 32;
    char *tmp = malloc(n);
    if (slash) /* dir/.name.XXXXXX */
        snprintf(tmp, n, "%.*s/.%s.XXXXXX", (int)(slash - out), out, slash + 1);
    else
        snprintf(tmp, n, ".%s.XXXXXX", out);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "trident build: cannot write '%s': %s\n", out, strerror(errno));
        free(tmp);
        return NULL;
    }
    close(fd);
    return tmp;
}

/* --- The driver --------------------------------------------------------------------------- */

int aot_build(const AotOptions *opt)
{
    Build b = {.opt = opt};
    arena_init(&b.syms);
    if (!aot_collect(&b)) {
        arena_free(&b.syms);
        return 1;
    }
    struct stat st;
    if (stat(opt->output, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "trident build: cannot write '%s': %s\n", opt->output, strerror(EISDIR));
        return 1;
    }
    compile_natives(&b);
    char *lib = runtime_archive(), *out_tmp = lib ? temp_beside(opt->output) : NULL;
    const char *tmpdir = getenv("TMPDIR");
    char dir[PATH_MAX], obj[PATH_MAX + 16], log[PATH_MAX + 16];
    snprintf(dir, sizeof dir, "%s/trident-build.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    bool ok = out_tmp != NULL;
    bool have_dir = ok && mkdtemp(dir) != NULL;
    if (ok && !have_dir) {
        fprintf(stderr, "trident build: cannot make a temporary folder: %s\n", strerror(errno));
        ok = false;
    }
    snprintf(obj, sizeof obj, "%s/prog.o", dir);
    snprintf(log, sizeof log, "%s/link.log", dir);
    ok = ok && aot_emit(&b, obj) && link_exe(obj, lib, out_tmp, log);
    mode_t mask = umask(0);
    umask(mask);
    if (ok && chmod(out_tmp, 0777 & ~mask) != 0) /* mkstemp made it private */
        ok = false;
    if (ok && rename(out_tmp, opt->output) != 0) {
        fprintf(stderr, "trident build: cannot write '%s': %s\n", opt->output, strerror(errno));
        ok = false;
    }
    if (!ok && out_tmp)
        unlink(out_tmp);
    if (have_dir) {
        unlink(obj);
        unlink(log);
        rmdir(dir);
    }
    free(out_tmp);
    for (int i = 0; i < b.nfuncs; i++)
        mc_free(&b.funcs[i].mc);
    free(b.funcs);
    arena_free(&b.syms);
    return ok ? 0 : 1;
}
