/* cmd_run.c -- `trident run prog.py [args]`: compile the program and run it in the VM as
   module __main__; an uncaught exception prints its traceback and gives exit status 1. */
#include "cli/cli.h"
#include "runtime/runtime.h"
#include "vm/run.h"
#include "vm/vm.h"

#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void set_sys_path(const char *filename)
{
    TrValue path = tr_getattr_cstr(tr_sys_module(), "path");
    if (path == TR_ERR || !tr_is_list(path)) {
        tr_err_clear();
        return;
    }
    char *copy = strdup(filename), resolved[PATH_MAX];
    const char *dir = "";
    if (filename[0] != '<') /* python3 puts the script's real folder first */
        dir = realpath(dirname(copy), resolved) ? resolved : "";
    TrList *l = tr_as_list(path);
    tr_list_append(path, TR_NONE);
    for (int64_t i = l->len - 1; i > 0; i--)
        l->items[i] = l->items[i - 1];
    l->items[0] = tr_str_from_cstr(dir);
    free(copy);
}

void cli_init_main_globals(TrValue globals) { vm_init_main_globals(globals); }

int cli_run_source(const char *filename, const char *src, size_t len, int argc, char **argv)
{
    Arena arena;
    arena_init(&arena);
    CodeObj *co = cli_compile(&arena, filename, src, len);
    if (!co) {
        arena_free(&arena);
        return CLI_ERROR;
    }
    tr_sys_set_argv(argc, argv);
    set_sys_path(filename);
    /* python3 -c has no __file__; stdin has '<stdin>' */
    TrValue mod = vm_main_module_new(strcmp(filename, "<string>") ? filename : NULL);
    int status = vm_run_main(co, mod);
    arena_free(&arena);
    return status;
}

int cli_cmd_run(int argc, char **argv)
{
    size_t len;
    char *src = cli_read_file(argv[0], &len);
    if (!src)
        return CLI_USAGE;
    /* python3 (3.9+) names the script by an absolute path (cwd joined, not normalized) in
       __file__ and tracebacks; sys.argv[0] stays as typed */
    const char *filename = argv[0];
    char cwd[PATH_MAX];
    if (filename[0] != '/' && getcwd(cwd, sizeof cwd)) {
        size_t n = strlen(cwd) + strlen(filename) + 2;
        char *abs = malloc(n);
        snprintf(abs, n, "%s/%s", strcmp(cwd, "/") ? cwd : "", filename);
        filename = abs;
    }
    return cli_run_source(filename, src, len, argc, argv);
}
