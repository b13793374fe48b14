/*
 * test_vm_call.c -- argument binding of the VM (src/vm/call.c) on hand-assembled functions:
 * each body returns a tuple of its parameters, so a call shows how arguments were bound, and
 * a bad call must raise CPython 3.11's exact TypeError text.
 */
#include "bytecode/code.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

/* def NAME(params): return (p0, p1, ...) -- kinds: argcount/posonly/kwonly/flags as given */
static TrValue make_fn(const char *name, const char *const *params, int np, int argcount,
                       int posonly, int kwonly, int flags)
{
    CodeObj *co = bc_code_new();
    co->name = co->qualname = tr_str_intern_cstr(name);
    co->filename = tr_str_from_cstr("<test>");
    co->firstlineno = 1;
    co->argcount = argcount;
    co->posonlyargcount = posonly;
    co->kwonlyargcount = kwonly;
    co->flags = flags | CO_OPTIMIZED | CO_NEWLOCALS;
    co->nlocalsplus = co->nlocals = np;
    co->stacksize = np + 1;
    co->consts = tr_tuple_pack(1, TR_NONE);
    co->names = tr_tuple_empty();
    TrValue names = tr_tuple_new(np);
    co->localspluskinds = tr_alloc_atomic((size_t)np + 1);
    for (int i = 0; i < np; i++) {
        tr_as_tuple(names)->items[i] = tr_str_intern_cstr(params[i]);
        co->localspluskinds[i] = CO_FAST_LOCAL;
    }
    co->localsplusnames = names;
    co->ncode = np + 3;
    co->code = tr_alloc_atomic(sizeof(BcWord) * (size_t)co->ncode);
    co->lines = tr_alloc_atomic(sizeof(int32_t) * (size_t)co->ncode);
    int n = 0;
    co->code[n++] = BC_MAKE(OP_RESUME, 0);
    for (int i = 0; i < np; i++)
        co->code[n++] = BC_MAKE(OP_LOAD_FAST, i);
    co->code[n++] = BC_MAKE(OP_BUILD_TUPLE, np);
    co->code[n++] = BC_MAKE(OP_RETURN_VALUE, 0);
    for (int i = 0; i < n; i++)
        co->lines[i] = 1;
    TrValue globals = tr_dict_new();
    TrValue f = tr_function_new(tr_val(co), globals, co->name, co->qualname);
    ((TrFunction *)tr_obj(f))->entry = vm_call_function;
    return f;
}

/* Calls f with positional ints and keyword ints ("name=value" strings), compares the repr of
   the result, or the exception as "TypeError: message", with want. */
static void check(TrValue f, const char *pos, const char *kws, const char *want)
{
    TrValue args[16];
    size_t n = 0, nk = 0;
    TrValue kwnames = 0;
    for (const char *p = pos; p && *p; p++)
        if (*p >= '0' && *p <= '9')
            args[n++] = tr_small_new(*p - '0');
    TrValue kwlist[8];
    if (kws && *kws) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s", kws);
        for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
            char *eq = strchr(tok, '=');
            *eq = 0;
            kwlist[nk++] = tr_str_intern_cstr(tok);
            args[n + nk - 1] = tr_small_new(atoi(eq + 1));
        }
        kwnames = tr_tuple_from(kwlist, (int64_t)nk);
    }
    TrValue r = tr_call(f, args, n, kwnames);
    const char *got;
    if (r == TR_ERR) {
        TrValue e = tr_err_fetch();
        TrValue s = tr_exc_str(e);
        static char msg[512];
        snprintf(msg, sizeof msg, "%s: %s", tr_type_name(e), tr_str_utf8(s));
        got = msg;
    } else {
        got = tr_str_utf8(tr_repr(r));
    }
    if (strcmp(got, want) != 0) {
        failures++;
        fprintf(stderr, "FAIL call(%s | %s):\n  got  %s\n  want %s\n", pos, kws ? kws : "", got,
                want);
    }
}

int main(int argc, char **argv)
{
    tr_runtime_init(argc, argv);
    vm_init();
    tr_type_ready(&bc_code_type);

    static const char *const ab[] = {"a", "b"};
    TrValue f = make_fn("f", ab, 2, 2, 0, 0, 0);
    check(f, "12", NULL, "(1, 2)");
    check(f, "1", "b=2", "(1, 2)");
    check(f, "", "b=2 a=1", "(1, 2)");
    check(f, "", NULL, "TypeError: f() missing 2 required positional arguments: 'a' and 'b'");
    check(f, "1", NULL, "TypeError: f() missing 1 required positional argument: 'b'");
    check(f, "123", NULL, "TypeError: f() takes 2 positional arguments but 3 were given");
    check(f, "1", "b=2 c=3", "TypeError: f() got an unexpected keyword argument 'c'");
    check(f, "1", "a=2", "TypeError: f() got multiple values for argument 'a'");

    /* def g(a, b=1, *, k, m=2) */
    static const char *const g_p[] = {"a", "b", "k", "m"};
    TrValue g = make_fn("g", g_p, 4, 2, 0, 2, 0);
    TrFunction *gf = (TrFunction *)tr_obj(g);
    gf->defaults = tr_tuple_pack(1, tr_small_new(1));
    gf->kwdefaults = tr_dict_new();
    tr_dict_set_cstr(gf->kwdefaults, "m", tr_small_new(2));
    check(g, "5", "k=7", "(5, 1, 7, 2)");
    check(g, "", NULL, "TypeError: g() missing 1 required positional argument: 'a'");
    check(g, "1", NULL, "TypeError: g() missing 1 required keyword-only argument: 'k'");
    check(g, "123", NULL, "TypeError: g() takes from 1 to 2 positional arguments but 3 were given");
    check(g, "123", "k=1",
          "TypeError: g() takes from 1 to 2 positional arguments but 3 positional arguments (and "
          "1 keyword-only argument) were given");
    check(g, "123", "k=1 m=2",
          "TypeError: g() takes from 1 to 2 positional arguments but 3 positional arguments (and "
          "2 keyword-only arguments) were given");

    /* def p(a, b, /, c) */
    static const char *const abc[] = {"a", "b", "c"};
    TrValue p = make_fn("p", abc, 3, 3, 2, 0, 0);
    check(p, "12", "c=3", "(1, 2, 3)");
    check(p, "", "a=1 b=2 c=3",
          "TypeError: p() got some positional-only arguments passed as keyword arguments: 'a, b'");
    check(p, "1", "b=2 c=3",
          "TypeError: p() got some positional-only arguments passed as keyword arguments: 'b'");

    /* def v(a, *args, k, **kw) */
    static const char *const v_p[] = {"a", "k", "args", "kw"};
    TrValue v = make_fn("v", v_p, 4, 1, 0, 1, CO_VARARGS | CO_VARKEYWORDS);
    check(v, "123", "k=4 z=5", "(1, 4, (2, 3), {'z': 5})");
    check(v, "1", NULL, "TypeError: v() missing 1 required keyword-only argument: 'k'");
    check(v, "", NULL, "TypeError: v() missing 1 required positional argument: 'a'");

    /* def z() and def q(a, b, c, d) */
    TrValue z = make_fn("z", NULL, 0, 0, 0, 0, 0);
    check(z, "1", NULL, "TypeError: z() takes 0 positional arguments but 1 was given");
    check(z, "12", NULL, "TypeError: z() takes 0 positional arguments but 2 were given");
    static const char *const abcd[] = {"a", "b", "c", "d"};
    TrValue q = make_fn("q", abcd, 4, 4, 0, 0, 0);
    check(q, "", "b=1",
          "TypeError: q() missing 3 required positional arguments: 'a', 'c', and 'd'");

    /* def h(a, /, b, **kw): a posonly name may go to **kw */
    static const char *const h_p[] = {"a", "b", "kw"};
    TrValue h = make_fn("h", h_p, 3, 2, 1, 0, CO_VARKEYWORDS);
    check(h, "12", "a=3", "(1, 2, {'a': 3})");

    if (failures)
        fprintf(stderr, "test_vm_call: %d failure(s)\n", failures);
    return failures ? 1 : 0;
}
