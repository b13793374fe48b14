/*
 * test_str.c -- str, bytes and formatting checked through the runtime's protocols, without
 * the VM. Each CASE names a Python expression and computes it with C calls; test_str.py
 * evaluates the same expressions with CPython; its output is test_str.expected, which this
 * program's output must equal line for line (regenerate: python3.11 test_str.py > ...expected).
 */
#include "runtime/runtime.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static FILE *out;

static TrValue S(const char *s)
{
    return tr_str_from_cstr(s);
}

static void show(const char *label, TrValue v)
{
    if (v == TR_ERR) {
        TrValue e = tr_err_fetch();
        TrValue m = tr_exc_str(e);
        fprintf(out, "%s !! %s: %s\n", label, tr_type_name(e), m == TR_ERR ? "?" : tr_str_utf8(m));
        return;
    }
    TrValue r = tr_repr(v);
    fprintf(out, "%s -> %s\n", label, r == TR_ERR ? "<repr error>" : tr_str_utf8(r));
}

/* obj.name(args...) */
static TrValue call(TrValue obj, const char *name, int n, ...)
{
    TrValue args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, TrValue);
    va_end(ap);
    TrValue m = tr_getattr_cstr(obj, name);
    if (m == TR_ERR)
        return TR_ERR;
    return tr_call(m, args, (size_t)n, 0);
}

static TrValue I(int64_t x)
{
    return tr_int_from_i64(x);
}
static TrValue B(const char *s)
{
    return tr_bytes_new(s, strlen(s));
}

int main(int argc, char **argv)
{
    tr_runtime_init(argc, argv);
    char *got;
    size_t got_len;
    out = open_memstream(&got, &got_len);
#define CASE(label, expr) show(label, expr)
#include "test_str_cases.h"
    fclose(out);

    /* the expected file sits next to this source */
    char path[512];
    snprintf(path, sizeof path, "%s", __FILE__);
    char *slash = strrchr(path, '/');
    snprintf(slash ? slash + 1 : path, sizeof path - (size_t)(slash ? slash + 1 - path : 0),
             "test_str.expected");
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("cannot open %s\n", path);
        return 1;
    }
    static char want[1 << 20];
    size_t want_len = fread(want, 1, sizeof want - 1, f);
    fclose(f);
    want[want_len] = 0;
    int bad = 0, line = 1;
    const char *g = got, *w = want;
    while (*g || *w) {
        const char *ge = strchr(g, '\n'), *we = strchr(w, '\n');
        size_t gl = ge ? (size_t)(ge - g) : strlen(g), wl = we ? (size_t)(we - w) : strlen(w);
        if (gl != wl || memcmp(g, w, gl) != 0) {
            printf("line %d\n  want: %.*s\n  got:  %.*s\n", line, (int)wl, w, (int)gl, g);
            bad++;
        }
        g += gl + (ge ? 1 : 0);
        w += wl + (we ? 1 : 0);
        line++;
    }
    printf("%d lines, %d differ\n", line - 1, bad);
    return bad != 0;
}
