/*
 * test_compile_code.c -- what `dis` does not show of the code objects bc_compile_module makes:
 * flags, argument counts, localsplus names and kinds (arg cells, frees), qualnames, stack
 * sizes, exception-table depths, CPython offsets with EXTENDED_ARG, and compile-time errors.
 * The expected values are CPython 3.11's (co_flags, co_stacksize, ... of the same source).
 */
#include "bytecode/compile.h"
#include "front/parse.h"
#include "runtime/runtime.h"

#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                                 \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static Arena arena;
static Diag diag;

static CodeObj *compile(const char *src)
{
    memset(&diag, 0, sizeof diag);
    Node *mod = parse_module(&arena, "t.py", src, strlen(src), &diag);
    if (!mod)
        return NULL;
    return bc_compile_module(&arena, mod, "t.py", src, strlen(src), &diag);
}

/* the n-th code object among co's constants */
static CodeObj *child(CodeObj *co, int n)
{
    TrTuple *t = tr_as_tuple(co->consts);
    for (int64_t i = 0; i < t->len; i++)
        if (bc_is_code(t->items[i]) && n-- == 0)
            return bc_as_code(t->items[i]);
    return NULL;
}

static const char *lpname(CodeObj *co, int i)
{
    return tr_str_utf8(tr_as_tuple(co->localsplusnames)->items[i]);
}

static void test_function_shape(void)
{
    CodeObj *m = compile("def f(a, b, /, c=1, *args, d, **kw):\n"
                         "    def g():\n"
                         "        return a + e\n"
                         "    e = 2\n"
                         "    return g\n");
    CHECK(m);
    if (!m)
        return;
    CodeObj *f = child(m, 0);
    CHECK(f && f->argcount == 3 && f->posonlyargcount == 2 && f->kwonlyargcount == 1);
    /* CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_VARKEYWORDS */
    CHECK(f->flags == 0xF);
    /* co_varnames ('a','b','c','d','args','kw','g') + cell 'e'; 'a' is an arg cell */
    CHECK(f->nlocals == 7 && f->nlocalsplus == 8 && f->nfrees == 0 && f->ncells == 2);
    CHECK(strcmp(lpname(f, 4), "args") == 0 && strcmp(lpname(f, 7), "e") == 0);
    CHECK(f->localspluskinds[0] == (CO_FAST_LOCAL | CO_FAST_CELL));
    CHECK(f->localspluskinds[7] == CO_FAST_CELL);
    CodeObj *g = child(f, 0);
    CHECK(g && g->nfrees == 2 && g->localspluskinds[0] == CO_FAST_FREE);
    CHECK(g->flags == 0x13); /* CO_OPTIMIZED | CO_NEWLOCALS | CO_NESTED */
    CHECK(tr_str_eq_cstr(g->qualname, "f.<locals>.g"));
    CHECK(g->stacksize == 2);
}

static void test_generator_and_class(void)
{
    CodeObj *m = compile("class C:\n"
                         "    def m(self):\n"
                         "        yield super().m()\n"
                         "async def co():\n"
                         "    await x\n");
    CHECK(m);
    if (!m)
        return;
    CodeObj *c = child(m, 0);
    CHECK(c && c->flags == 0 && c->ncells == 1 && tr_str_eq_cstr(c->qualname, "C"));
    CodeObj *meth = child(c, 0);
    CHECK(meth && (meth->flags & CO_GENERATOR) && meth->nfrees == 1);
    CHECK(tr_str_eq_cstr(meth->qualname, "C.m"));
    CodeObj *co = child(m, 1);
    CHECK(co && (co->flags & CO_COROUTINE) && !(co->flags & CO_GENERATOR));
    CHECK(BC_OP(co->code[0]) == OP_RETURN_GENERATOR);
}

static void test_exception_table(void)
{
    CodeObj *m = compile("try:\n"
                         "    f()\n"
                         "except E as e:\n"
                         "    g(e)\n"
                         "with a as b:\n"
                         "    pass\n");
    CHECK(m && m->nexctab == 7); /* as CPython: 7 ranges */
    if (!m || m->nexctab != 7)
        return;
    CHECK(m->exctab[0].depth == 0 && !m->exctab[0].lasti);
    CHECK(m->exctab[1].depth == 1 && m->exctab[1].lasti);
    /* with: the exit function stays under the handler */
    CHECK(m->exctab[4].depth == 1 && m->exctab[4].lasti);
    CHECK(BC_OP(m->code[m->exctab[0].handler]) == OP_PUSH_EXC_INFO);
}

static void test_offsets(void)
{
    /* 300 constants: LOAD_CONST 256.. needs one EXTENDED_ARG in CPython's encoding */
    char src[8192];
    size_t n = 0;
    n += (size_t)snprintf(src + n, sizeof src - n, "x = [");
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(src + n, sizeof src - n, "a%d + %d, ", i, i + 1000);
    snprintf(src + n, sizeof src - n, "]\n");
    CodeObj *m = compile(src);
    CHECK(m);
    if (!m)
        return;
    /* RESUME, BUILD_LIST, then per item LOAD_NAME, LOAD_CONST, BINARY_OP(+1 cache), LIST_APPEND */
    CHECK(bc_offset(m, 0) == 0 && bc_offset(m, 1) == 2);
    int i = 0;
    while (i < m->ncode && !(BC_OP(m->code[i]) == OP_LOAD_CONST && BC_ARG(m->code[i]) > 255))
        i++;
    CHECK(i < m->ncode);
    if (i < m->ncode)
        CHECK(bc_offset(m, i) == bc_offset(m, i - 1) + 4); /* EXTENDED_ARG, then the op */
}

static void test_errors(void)
{
    static const struct {
        const char *src, *msg;
        int line;
    } cases[] = {
        {"x = 1\nreturn x\n", "'return' outside function", 2},
        {"break\n", "'break' outside loop", 1},
        {"for x in y:\n    pass\ncontinue\n", "'continue' not properly in loop", 3},
        {"yield 1\n", "'yield' outside function", 1},
        {"await x\n", "'await' outside function", 1},
        {"def f():\n    await x\n", "'await' outside async function", 2},
        {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1},
        {"def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2},
        {"def f(a):\n    global a\n", "name 'a' is parameter and global", 2},
        {"def f():\n    a\n    global a\n", "name 'a' is used prior to global declaration", 3},
        {"def f():\n    a = 1\n    global a\n",
         "name 'a' is assigned to before global declaration", 3},
        {"def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1},
        {"async def f():\n    yield 1\n    return 2\n",
         "'return' with value in async generator", 3},
        {"a, *b, *c = d\n", "multiple starred expressions in assignment", 1},
        {"f(a=1, a=2)\n", "keyword argument repeated: a", 1},
        {"[i for i in (j := [1])]\n",
         "assignment expression cannot be used in a comprehension iterable expression", 1},
        {"match x:\n    case a:\n        pass\n    case b:\n        pass\n",
         "name capture 'a' makes remaining patterns unreachable", 2},
    };
    for (size_t i = 0; i < TR_ARRAY_LEN(cases); i++) {
        CodeObj *co = compile(cases[i].src);
        bool ok = !co && diag.msg && strcmp(diag.msg, cases[i].msg) == 0 &&
                  diag.line == cases[i].line;
        if (!ok) {
            printf("FAIL error case %zu: got '%s' line %d\n", i, diag.msg ? diag.msg : "(none)",
                   diag.line);
            failures++;
        }
    }
}

int main(void)
{
    tr_runtime_init(0, NULL);
    tr_type_ready(&bc_code_type);
    arena_init(&arena);
    test_function_shape();
    test_generator_and_class();
    test_exception_table();
    test_offsets();
    test_errors();
    arena_free(&arena);
    if (failures)
        printf("%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
