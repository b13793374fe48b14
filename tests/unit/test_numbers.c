/*
 * test_numbers.c -- drives int/float/complex/math operations from a line protocol so that
 * tests/unit/test_numbers.py can compare every result with CPython's. Each input line is a
 * command and operands; each output line is repr(result) or "Type: message".
 *   values: i:<decimal>  f:<C hex float|inf|-inf|nan>  c:<re>,<im>  b:T|b:F  s:<hex utf8>  n:
 * Without arguments it checks tests/unit/test_numbers.cases ("command<TAB>expected" lines made
 * by `test_numbers.py --cases`); with "-" it answers commands from stdin.
 *   commands: bin <op> A B | cmp <op> A B | un <op> A | repr A | str A | hash A
 *             call <int|float|complex|bool> ARGS... | meth <name> A ARGS... | fmt A <hex spec>
 *             divmod A B | pow3 A B M | math <name> ARGS... | kw <type|name> A k=V...
 */
#include "common/strbuf.h"
#include "runtime/runtime.h"
#include "runtime/mod_math.h"
#include "runtime/number.h"


#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static TrValue from_hex_utf8(const char *h)
{
    size_t n = strlen(h) / 2;
    char *buf = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned x;
        sscanf(h + 2 * i, "%2x", &x);
        buf[i] = (char)x;
    }
    TrValue s = tr_str_from_utf8(buf, n);
    free(buf);
    return s;
}

static double parse_d(const char *s)
{
    if (!strcmp(s, "nan"))
        return NAN;
    if (!strcmp(s, "-nan"))
        return -NAN;
    return strtod(s, NULL);
}

static TrValue math_mod;

static TrValue value(const char *tok)
{
    switch (tok[0]) {
    case 'i': {
        int64_t lim = tr_int_max_str_digits;
        tr_int_max_str_digits = 0;
        TrValue r = tr_int_from_str(tok + 2, strlen(tok + 2), 10);
        tr_int_max_str_digits = lim;
        return r;
    }
    case 'f': return tr_float_new(parse_d(tok + 2));
    case 'c': {
        char buf[128];
        snprintf(buf, sizeof buf, "%s", tok + 2);
        char *comma = strchr(buf, ',');
        *comma = 0;
        return tr_complex_new(parse_d(buf), parse_d(comma + 1));
    }
    case 'b': return tok[2] == 'T' ? TR_TRUE : TR_FALSE;
    case 's': return from_hex_utf8(tok + 2);
    case 'n': return TR_NONE;
    case 'y': { /* bytes from hex */
        size_t n = strlen(tok + 2) / 2;
        static char buf[1 << 16];
        for (size_t i = 0; i < n; i++) {
            unsigned x;
            sscanf(tok + 2 + 2 * i, "%2x", &x);
            buf[i] = (char)x;
        }
        return tr_bytes_new(buf, n);
    }
    default: fprintf(stderr, "bad value %s\n", tok); exit(2);
    }
}

static TrValue type_named(const char *n)
{
    if (!strcmp(n, "int")) return tr_val(&tr_int_type);
    if (!strcmp(n, "float")) return tr_val(&tr_float_type);
    if (!strcmp(n, "complex")) return tr_val(&tr_complex_type);
    if (!strcmp(n, "bool")) return tr_val(&tr_bool_type);
    return tr_getattr_cstr(math_mod, n);
}

static TrValue run(char **tok, int n)
{
    const char *cmd = tok[0];
    TrValue v[16];
    if (!strcmp(cmd, "bin"))
        return tr_binop(value(tok[2]), value(tok[3]), atoi(tok[1]));
    if (!strcmp(cmd, "cmp"))
        return tr_richcmp(value(tok[2]), value(tok[3]), atoi(tok[1]));
    if (!strcmp(cmd, "un"))
        return tr_unop(value(tok[2]), atoi(tok[1]));
    if (!strcmp(cmd, "repr"))
        return tr_repr(value(tok[1]));
    if (!strcmp(cmd, "str"))
        return tr_str(value(tok[1]));
    if (!strcmp(cmd, "hash")) {
        int64_t h = tr_hash(value(tok[1]));
        return h == -1 ? TR_ERR : tr_int_from_i64(h);
    }
    if (!strcmp(cmd, "call") || !strcmp(cmd, "math")) {
        for (int i = 2; i < n; i++)
            v[i - 2] = value(tok[i]);
        TrValue f = type_named(tok[1]);
        if (f == TR_ERR)
            return f;
        return tr_call(f, v, (size_t)(n - 2), 0);
    }
    if (!strcmp(cmd, "kw")) { /* kw FUNC nposargs ARGS... then name=value pairs */
        int npos = atoi(tok[2]);
        int nkw = n - 3 - npos;
        TrValue names = tr_tuple_new(nkw);
        for (int i = 0; i < npos; i++)
            v[i] = value(tok[3 + i]);
        for (int i = 0; i < nkw; i++) {
            char *t = tok[3 + npos + i], *eq = strchr(t, '=');
            *eq = 0;
            tr_as_tuple(names)->items[i] = tr_str_intern_cstr(t);
            v[npos + i] = value(eq + 1);
        }
        TrValue f = type_named(tok[1]);
        return tr_call(f, v, (size_t)npos, nkw ? names : 0);
    }
    if (!strcmp(cmd, "meth")) {
        for (int i = 3; i < n; i++)
            v[i - 3] = value(tok[i]);
        return tr_call_method(value(tok[2]), tok[1], v, (size_t)(n - 3));
    }
    if (!strcmp(cmd, "tmeth")) { /* class method: tmeth TYPE NAME ARGS */
        for (int i = 3; i < n; i++)
            v[i - 3] = value(tok[i]);
        return tr_call_method(type_named(tok[1]), tok[2], v, (size_t)(n - 3));
    }
    if (!strcmp(cmd, "fmt"))
        return tr_format(value(tok[1]), value(tok[2]));
    if (!strcmp(cmd, "divmod"))
        return tr_number_divmod(value(tok[1]), value(tok[2]));
    if (!strcmp(cmd, "pow3"))
        return tr_number_pow3(value(tok[1]), value(tok[2]), value(tok[3]));
    if (!strcmp(cmd, "round"))
        return tr_call_method(value(tok[1]), "__round__", n > 2 ? (TrValue[]){value(tok[2])} : NULL,
                              n > 2 ? 1 : 0);
    fprintf(stderr, "bad command %s\n", cmd);
    exit(2);
}

/* Runs one protocol line; writes the result line (without newline) into *out. */
static void run_line(char *line, StrBuf *out)
{
    char *tok[32];
    int n = 0;
    for (char *p = strtok(line, " \n"); p && n < 32; p = strtok(NULL, " \n"))
        tok[n++] = p;
    if (!n)
        return;
    TrValue r = run(tok, n);
    if (r == TR_ERR) {
        TrValue e = tr_err_fetch();
        TrValue s = tr_exc_str(e);
        sb_printf(out, "%s: %s", tr_type_name(e), s == TR_ERR ? "?" : tr_str_utf8(s));
    } else if (r == TR_NOTIMPL) {
        sb_puts(out, "NotImplemented");
    } else {
        TrValue s = tr_repr(r);
        if (s == TR_ERR) {
            TrValue e = tr_err_fetch();
            sb_printf(out, "<repr failed %s: %s>", tr_type_name(e), tr_str_utf8(tr_exc_str(e)));
        } else {
            sb_puts(out, tr_str_utf8(s));
        }
    }
}

int main(int argc, char **argv)
{
    tr_runtime_init(argc, argv);
    math_mod = tr_mod_math_init();
    static char line[1 << 16];
    bool interactive = argc > 1 && !strcmp(argv[1], "-");
    FILE *in = interactive ? stdin : fopen("tests/unit/test_numbers.cases", "r");
    if (!in) {
        fprintf(stderr, "test_numbers: cannot open tests/unit/test_numbers.cases\n");
        return 1;
    }
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, in)) {
        char *want = NULL;
        if (!interactive) { /* "command<TAB>expected" */
            char *tab = strchr(line, '\t');
            if (!tab)
                continue;
            *tab = 0;
            want = tab + 1;
            want[strcspn(want, "\n")] = 0;
        }
        static char cmd[1 << 16];
        memcpy(cmd, line, strlen(line) + 1);
        StrBuf out;
        sb_init(&out);
        run_line(line, &out);
        if (interactive) {
            printf("%s\n", sb_cstr(&out));
            fflush(stdout);
            continue;
        }
        cases++;
        if (strcmp(sb_cstr(&out), want) != 0 && bad++ < 20)
            printf("MISMATCH %.200s\n   want %.300s\n   got  %.300s\n", cmd, want, sb_cstr(&out));
    }
    if (!interactive)
        printf("%d cases, %d mismatches\n", cases, bad);
    return bad != 0;
}
