/* source.c -- reading a program and taking it through the front-end and bytecode compiler,
   reporting errors the way python3 does. Shared by every command. */
#include "cli/cli.h"
#include "bytecode/compile.h"
#include "front/parse.h"

#include <errno.h>
#include <gc/gc.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *cli_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    int err = errno;
    if (f) {
        size_t cap = 1 << 16, n = 0, k;
        char *buf = GC_MALLOC_ATOMIC(cap + 1);
        while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
            n += k;
            if (n == cap) {
                cap *= 2;
                buf = GC_REALLOC(buf, cap + 1);
            }
        }
        bool bad = ferror(f);
        err = errno;
        fclose(f);
        if (!bad) {
            buf[n] = 0;
            *len = n;
            return buf;
        }
        if (err == 0)
            err = EIO;
    }
    char abs[PATH_MAX];
    const char *shown = path;
    if (path[0] != '/' && getcwd(abs, sizeof abs) && strlen(abs) + strlen(path) + 2 < sizeof abs) {
        strcat(abs, "/");
        strcat(abs, path);
        shown = abs;
    }
    fprintf(stderr, "trident: can't open file '%s': [Errno %d] %s\n", shown, err, strerror(err));
    return NULL;
}

Node *cli_parse(Arena *a, const char *filename, const char *src, size_t len)
{
    Diag d = {0};
    Node *mod = parse_module(a, filename, src, len, &d);
    if (!mod) {
        fflush(stdout);
        diag_print(&d);
    }
    return mod;
}

CodeObj *cli_compile(Arena *a, const char *filename, const char *src, size_t len)
{
    Node *mod = cli_parse(a, filename, src, len);
    if (!mod)
        return NULL;
    Diag d = {0};
    CodeObj *co = bc_compile_module(a, mod, filename, src, len, &d);
    if (!co) {
        fflush(stdout);
        diag_print(&d);
    }
    return co;
}
