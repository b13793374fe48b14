/*
 * test_marshal.c -- bc_marshal/bc_unmarshal round trips (src/bytecode/marshal.c): compiled
 * modules come back with the same dis text and the same fields; constants keep their exact
 * type and bits; marshalling the copy gives the same bytes; bad data is a ValueError, never a
 * crash; bc_code_walk visits code objects in pre-order.
 */
#include "bytecode/compile.h"
#include "bytecode/dis.h"
#include "bytecode/marshal.h"
#include "front/parse.h"
#include "runtime/runtime.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

static CodeObj *compile(const char *src)
{
    Diag d = {0};
    Node *mod = parse_module(&arena, "/tmp/t.py", src, strlen(src), &d);
    CodeObj *co = mod ? bc_compile_module(&arena, mod, "/tmp/t.py", src, strlen(src), &d) : NULL;
    if (!co)
        printf("compile error: %s (line %d)\n", d.msg ? d.msg : "?", d.line);
    return co;
}

static char *dis_text(const CodeObj *co)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    bc_dis(co, f);
    fclose(f);
    /* code objects show their address: blank it out */
    for (char *p = buf; (p = strstr(p, " at 0x")); p += 6)
        for (char *q = p + 6; *q && *q != ','; q++)
            *q = '-';
    return buf;
}

static bool same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

/* Same type and same value, recursively; code objects field by field. */
/* Field by field: the structs' padding bytes are not part of the value. */
static bool same_exctab(const CodeObj *x, const CodeObj *y)
{
    for (int k = 0; k < x->nexctab; k++) {
        const ExcEntry *a = &x->exctab[k], *b = &y->exctab[k];
        if (a->start != b->start || a->end != b->end || a->handler != b->handler ||
            a->depth != b->depth || a->lasti != b->lasti)
            return false;
    }
    return true;
}

static bool same(TrValue a, TrValue b)
{
    if (a == b)
        return true;
    TrType *t = tr_type_of(a);
    if (t != tr_type_of(b))
        return false;
    if (t == &tr_int_type)
        return tr_int_cmp(a, b) == 0;
    if (t == &tr_float_type)
        return same_bits(tr_float_val(a), tr_float_val(b));
    if (t == &tr_complex_type) {
        TrComplex *x = (TrComplex *)tr_obj(a), *y = (TrComplex *)tr_obj(b);
        return same_bits(x->re, y->re) && same_bits(x->im, y->im);
    }
    if (t == &tr_str_type)
        return tr_str_eq(a, b) && tr_as_str(a)->kind == tr_as_str(b)->kind &&
               tr_as_str(a)->interned == tr_as_str(b)->interned;
    if (t == &tr_bytes_type) {
        TrBytes *x = (TrBytes *)tr_obj(a), *y = (TrBytes *)tr_obj(b);
        return x->len == y->len && memcmp(x->data, y->data, (size_t)x->len) == 0;
    }
    if (t == &tr_tuple_type) {
        TrTuple *x = tr_as_tuple(a), *y = tr_as_tuple(b);
        if (x->len != y->len)
            return false;
        for (int64_t i = 0; i < x->len; i++)
            if (!same(x->items[i], y->items[i]))
                return false;
        return true;
    }
    if (t == &tr_frozenset_type) { /* same items in the same iteration order */
        int64_t p = 0, q = 0;
        TrValue k, l;
        while (tr_set_next(a, &p, &k))
            if (!tr_set_next(b, &q, &l) || !same(k, l))
                return false;
        return !tr_set_next(b, &q, &l);
    }
    if (t == &bc_code_type) {
        CodeObj *x = bc_as_code(a), *y = bc_as_code(b);
        return same(x->name, y->name) && same(x->qualname, y->qualname) &&
               same(x->filename, y->filename) && x->firstlineno == y->firstlineno &&
               x->argcount == y->argcount && x->posonlyargcount == y->posonlyargcount &&
               x->kwonlyargcount == y->kwonlyargcount && x->flags == y->flags &&
               x->nlocalsplus == y->nlocalsplus && x->nlocals == y->nlocals &&
               x->ncells == y->ncells && x->nfrees == y->nfrees && x->stacksize == y->stacksize &&
               x->ncode == y->ncode && x->nexctab == y->nexctab &&
               !memcmp(x->code, y->code, sizeof(BcWord) * (size_t)x->ncode) &&
               !memcmp(x->lines, y->lines, sizeof(int32_t) * (size_t)x->ncode) &&
               !memcmp(x->localspluskinds, y->localspluskinds, (size_t)x->nlocalsplus) &&
               same_exctab(x, y) &&
               same(x->consts, y->consts) && same(x->names, y->names) &&
               same(x->localsplusnames, y->localsplusnames) && !y->native && !y->cache;
    }
    return false;
}

static void round_trip(const char *src)
{
    CodeObj *co = compile(src);
    CHECK(co);
    if (!co)
        return;
    StrBuf a, b;
    sb_init(&a);
    sb_init(&b);
    const char *why = NULL;
    CHECK(bc_marshal(co, &a, &why));
    CodeObj *back = bc_unmarshal((const uint8_t *)a.data, a.len);
    CHECK(back);
    if (!back) {
        tr_err_clear();
        return;
    }
    CHECK(same(tr_val(co), tr_val(back)));
    char *d1 = dis_text(co), *d2 = dis_text(back);
    CHECK(strcmp(d1, d2) == 0);
    free(d1);
    free(d2);
    CHECK(bc_marshal(back, &b, &why));
    CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
    /* every truncation is rejected with ValueError */
    for (size_t n = 0; n < a.len; n += 1 + a.len / 64) {
        CHECK(!bc_unmarshal((const uint8_t *)a.data, n));
        CHECK(tr_err_occurred());
        tr_err_clear();
    }
}

static const char *const sources[] = {
    "x = None, True, False, ...\n"
    "i = 1, -1, 0, 2**61 - 1, -2**61, 2**61, 2**200, -3**150\n"
    "f = 1.5, -0.0, 0.0, 1e308, 5e-324, float('inf'), 1e300 * 1e10\n"
    "c = 1j, -0j, 2.5 + 3j\n"
    "s = 'ascii', 'caf\\xe9', '\\u20ac uro', '\\U0001F600 smile', ''\n"
    "b = b'', b'\\x00\\xff bytes'\n"
    "t = ((1, (2, 'x')), ())\n"
    "if x in {1, 'a', 2.5, None}: pass\n"
    "for y in {'p', 'q', 'r', 's'}: print(y)\n",
    "import sys\n"
    "def f(a, b=2, *args, c, d=4, **kw):\n"
    "    def g():\n"
    "        nonlocal a\n"
    "        a += 1\n"
    "        return lambda: a + b\n"
    "    try:\n"
    "        return [x * 2 for x in args if x]\n"
    "    except (ValueError, TypeError) as e:\n"
    "        raise RuntimeError('bad') from e\n"
    "    finally:\n"
    "        print('done')\n"
    "class C(object):\n"
    "    'doc'\n"
    "    z: int = 3\n"
    "    def m(self):\n"
    "        yield from range(3)\n"
    "    async def n(self):\n"
    "        return {k: v for k, v in kw.items()}\n"
    "with open('f') as fh:\n"
    "    match fh:\n"
    "        case [1, 2, *rest]: pass\n"
    "        case {'k': v}: pass\n"
    "        case C(z=3): pass\n",
};

/* --- bc_code_walk ------------------------------------------------------------------------- */

typedef struct Names {
    char buf[256];
    int last;
} Names;

static void collect(CodeObj *co, int index, void *ctx)
{
    Names *n = ctx;
    CHECK(index == n->last + 1);
    n->last = index;
    strcat(n->buf, tr_str_utf8(co->name));
    strcat(n->buf, " ");
}

static void test_walk(void)
{
    CodeObj *co = compile("def a():\n"
                          "    def b(): pass\n"
                          "    def c(): pass\n"
                          "class D:\n"
                          "    def e(self): return [x for x in self]\n"
                          "f = lambda: 0\n");
    CHECK(co);
    if (!co)
        return;
    Names n = {.last = -1};
    int count = bc_code_walk(co, collect, &n);
    CHECK(count == 8);
    CHECK(strcmp(n.buf, "<module> a b c D e <listcomp> <lambda> ") == 0 ||
          printf("walk order: %s\n", n.buf) < 0);
}

static void test_values(void)
{
    StrBuf sb;
    sb_init(&sb);
    const char *why;
    TrValue nan = tr_float_new(-NAN);
    TrValue t = tr_tuple_pack(3, nan, tr_str_intern_cstr("name"), tr_str_intern_cstr("name"));
    CHECK(bc_marshal_value(t, &sb, &why));
    TrValue back = bc_unmarshal_value((const uint8_t *)sb.data, sb.len);
    CHECK(back != TR_ERR && same(t, back));
    /* a str written twice is read as one object, and interned names stay interned */
    CHECK(back != TR_ERR && tr_as_tuple(back)->items[1] == tr_as_tuple(back)->items[2]);
    /* values the compiler never emits are refused, not mangled */
    sb_init(&sb);
    CHECK(!bc_marshal_value(tr_list_new(0), &sb, &why) && why);
    /* garbage: wrong magic, bad tag, trailing bytes */
    const char *bad[] = {"XXXX", "TRM1?", "TRM1NN", "TRM1(\xff\xff\xff\xff\x0f"};
    for (size_t i = 0; i < TR_ARRAY_LEN(bad); i++) {
        CHECK(bc_unmarshal_value((const uint8_t *)bad[i], strlen(bad[i])) == TR_ERR);
        tr_err_clear();
    }
    CHECK(!bc_unmarshal((const uint8_t *)"TRM1N", 5)); /* a value, but not code */
    tr_err_clear();
}

int main(void)
{
    tr_runtime_init(0, NULL);
    tr_type_ready(&bc_code_type);
    arena_init(&arena);
    for (size_t i = 0; i < TR_ARRAY_LEN(sources); i++)
        round_trip(sources[i]);
    test_walk();
    test_values();
    arena_free(&arena);
    return failures != 0;
}
