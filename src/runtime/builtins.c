/*
 * builtins.c -- the builtins module: its dict (types.def names, exc_types.def exceptions,
 * constants, and the function tables of builtins_*.c), print and input, and the small
 * one-argument builtins (len, abs, repr, hash, chr, ord, hex...). Messages are CPython 3.11's.
 */
#include "runtime/runtime.h"

#include <math.h>

/* --- Argument helpers -------------------------------------------------------------------- */

int tr_bi_one_arg(const char *fname, size_t nargs, TrValue kwnames)
{
    if (tr_nkw(kwnames)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs != 1) {
        tr_raise(&tr_TypeError, "%s() takes exactly one argument (%d given)", fname, (int)nargs);
        return -1;
    }
    return 0;
}

int tr_bi_nargs(const char *fname, size_t nargs, TrValue kwnames, size_t min, size_t max)
{
    if (tr_nkw(kwnames)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs < min) {
        tr_raise(&tr_TypeError, "%s expected %s%d argument%s, got %d", fname,
                 min == max ? "" : "at least ", (int)min, min == 1 ? "" : "s", (int)nargs);
        return -1;
    }
    if (nargs > max) {
        tr_raise(&tr_TypeError, "%s expected %s%d argument%s, got %d", fname,
                 min == max ? "" : "at most ", (int)max, max == 1 ? "" : "s", (int)nargs);
        return -1;
    }
    return 0;
}

int tr_bi_kwargs(const char *fname, const TrValue *args, size_t nargs, TrValue kwnames,
                 const char *const *names, int n, TrValue *out)
{
    size_t nkw = tr_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        TrValue key = tr_as_tuple(kwnames)->items[k];
        int i = 0;
        while (i < n && !tr_str_eq_cstr(key, names[i]))
            i++;
        if (i == n) {
            tr_raise(&tr_TypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

bool tr_bi_special(TrValue obj, const char *name, const TrValue *args, size_t nargs,
                   TrValue *out)
{
    TrValue f = tr_type_lookup(tr_type_of(obj), tr_str_intern_cstr(name));
    if (!f)
        return false;
    TrValue all[4];
    TR_ASSERT(nargs < 4);
    all[0] = obj;
    for (size_t i = 0; i < nargs; i++)
        all[i + 1] = args[i];
    *out = tr_call(f, all, nargs + 1, 0);
    return true;
}

/* --- print and input --------------------------------------------------------------------- */

static int check_sep(TrValue v, const char *what)
{
    if (v && v != TR_NONE && !tr_is_str(v)) {
        tr_raise(&tr_TypeError, "%s must be None or a string, not %s", what, tr_type_name(v));
        return -1;
    }
    return 0;
}

TrValue tr_print(TrValue file, const TrValue *items, size_t n, TrValue sep, TrValue end, bool flush)
{
    if (!file || file == TR_NONE) {
        file = tr_sys_stdout();
        if (file == TR_ERR)
            return TR_ERR;
        if (file == TR_NONE)
            return TR_NONE;
    }
    if (check_sep(sep, "sep") < 0 || check_sep(end, "end") < 0)
        return TR_ERR;
    if (sep == TR_NONE)
        sep = 0;
    if (end == TR_NONE)
        end = 0;
    static TrValue space, newline;
    if (!space) {
        space = tr_str_intern_cstr(" ");
        newline = tr_str_intern_cstr("\n");
    }
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && tr_file_write_str(file, sep ? sep : space) < 0)
            return TR_ERR;
        TrValue s = tr_str(items[i]);
        if (s == TR_ERR || tr_file_write_str(file, s) < 0)
            return TR_ERR;
    }
    if (tr_file_write_str(file, end ? end : newline) < 0)
        return TR_ERR;
    if (flush && tr_file_flush(file) < 0)
        return TR_ERR;
    return TR_NONE;
}

static const char *const print_kwnames[] = {"sep", "end", "file", "flush"};

static TrValue bi_print(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrValue o[4] = {0, 0, 0, 0};
    if (tr_bi_kwargs("print", args, nargs, kw, print_kwnames, 4, o) < 0)
        return TR_ERR;
    int flush = o[3] ? tr_truth(o[3]) : 0;
    if (flush < 0)
        return TR_ERR;
    return tr_print(o[2], args, nargs, o[0], o[1], flush);
}

static TrValue sys_stream(const char *name)
{
    TrValue f = tr_dict_get_cstr(((TrModule *)tr_obj(tr_sys_module()))->dict, name);
    if (!f && tr_err_occurred())
        return TR_ERR;
    if (!f || f == TR_NONE)
        return tr_raise(&tr_RuntimeError, "input(): lost sys.%s", name);
    return f;
}

/* Not a terminal session: CPython's fallback path (write the prompt, flush, readline). */
static TrValue bi_input(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("input", nargs, kw, 0, 1) < 0)
        return TR_ERR;
    TrValue fin = sys_stream("stdin"), fout, ferr;
    if (fin == TR_ERR || (fout = sys_stream("stdout")) == TR_ERR ||
        (ferr = sys_stream("stderr")) == TR_ERR)
        return TR_ERR;
    if (tr_file_flush(ferr) < 0)
        tr_err_clear();
    if (nargs == 1) {
        TrValue s = tr_str(args[0]);
        if (s == TR_ERR || tr_file_write_str(fout, s) < 0)
            return TR_ERR;
    }
    if (tr_file_flush(fout) < 0)
        tr_err_clear();
    TrValue line = tr_file_readline(fin);
    if (line == TR_ERR)
        return TR_ERR;
    if (!tr_is_str(line) && !tr_is_bytes(line))
        return tr_raise(&tr_TypeError, "object.readline() returned non-string");
    int64_t n = tr_len(line);
    if (n == 0)
        return tr_raise(&tr_EOFError, "EOF when reading a line");
    if (tr_is_str(line)) {
        if (tr_str_char(tr_as_str(line), n - 1) == '\n')
            return tr_str_slice(line, 0, n - 1, 1);
        return line;
    }
    TrBytes *b = (TrBytes *)tr_obj(line);
    return b->data[n - 1] == '\n' ? tr_bytes_new(b->data, (size_t)n - 1) : line;
}

/* --- One-argument builtins --------------------------------------------------------------- */

static TrValue bi_len(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("len", nargs, kw) < 0)
        return TR_ERR;
    int64_t n = tr_len(args[0]);
    return n < 0 ? TR_ERR : tr_int_from_i64(n);
}
TrValue tr_bi_len(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
    __attribute__((alias("bi_len")));

static TrValue bi_abs(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("abs", nargs, kw) < 0)
        return TR_ERR;
    TrValue v = args[0];
    TrType *t = tr_type_of(v);
    if (t == &tr_int_type || t == &tr_bool_type)
        return tr_int_abs(v);
    if (t == &tr_float_type)
        return tr_float_new(fabs(tr_float_val(v)));
    if (t == &tr_complex_type) {
        TrComplex *c = (TrComplex *)tr_obj(v);
        double r = hypot(c->re, c->im);
        if (isinf(r) && isfinite(c->re) && isfinite(c->im))
            return tr_raise(&tr_OverflowError, "absolute value too large");
        return tr_float_new(r);
    }
    TrValue r;
    if (tr_bi_special(v, "__abs__", NULL, 0, &r))
        return r;
    if (tr_is_int(v))
        return tr_int_abs(v);
    return tr_raise(&tr_TypeError, "bad operand type for abs(): '%s'", t->name);
}

static TrValue bi_repr(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_bi_one_arg("repr", nargs, kw) < 0 ? TR_ERR : tr_repr(args[0]);
}

static TrValue bi_ascii(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_bi_one_arg("ascii", nargs, kw) < 0 ? TR_ERR : tr_ascii(args[0]);
}

static TrValue bi_format(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("format", nargs, kw, 1, 2) < 0)
        return TR_ERR;
    TrValue spec = nargs > 1 ? args[1] : tr_str_empty();
    if (!tr_is_str(spec))
        return tr_raise(&tr_TypeError, "format() argument 2 must be str, not %s",
                        tr_type_name(spec));
    return tr_format(args[0], spec);
}

static TrValue bi_hash(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("hash", nargs, kw) < 0)
        return TR_ERR;
    int64_t h = tr_hash(args[0]);
    return h == -1 ? TR_ERR : tr_int_from_i64(h);
}

/* Stable per object: the address of a heap object, or the tagged word of an inline int or
   float (whose low tag bits keep it distinct from every address). */
static TrValue bi_id(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("id", nargs, kw) < 0)
        return TR_ERR;
    return tr_int_from_u64((uint64_t)args[0]);
}

static TrValue bi_callable(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("callable", nargs, kw) < 0)
        return TR_ERR;
    return tr_bool(tr_callable(args[0]));
}

static TrValue bi_chr(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("chr", nargs, kw) < 0)
        return TR_ERR;
    TrValue v = tr_index(args[0]);
    if (v == TR_ERR)
        return TR_ERR;
    int64_t c = 0;
    if (!tr_is_small(v) || (c = tr_small_val(v)) < INT32_MIN || c > INT32_MAX)
        return tr_raise(&tr_OverflowError, "Python int too large to convert to C int");
    if (c < 0 || c >= 0x110000)
        return tr_raise(&tr_ValueError, "chr() arg not in range(0x110000)");
    return tr_str_from_char((uint32_t)c);
}

static TrValue bi_ord(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("ord", nargs, kw) < 0)
        return TR_ERR;
    TrValue v = args[0];
    int64_t len;
    if (tr_is_str(v)) {
        if ((len = tr_as_str(v)->len) == 1)
            return tr_small_new(tr_str_char(tr_as_str(v), 0));
    } else if (tr_is_ptr(v) && tr_obj(v)->type == &tr_bytes_type) {
        if ((len = ((TrBytes *)tr_obj(v))->len) == 1)
            return tr_small_new(((TrBytes *)tr_obj(v))->data[0]);
    } else if (tr_is_ptr(v) && tr_obj(v)->type == &tr_bytearray_type) {
        if ((len = ((TrByteArray *)tr_obj(v))->len) == 1)
            return tr_small_new(((TrByteArray *)tr_obj(v))->data[0]);
    } else {
        return tr_raise(&tr_TypeError, "ord() expected string of length 1, but %s found",
                        tr_type_name(v));
    }
    return tr_raise(&tr_TypeError, "ord() expected a character, but string of length %lld found",
                    (long long)len);
}

/* hex/oct/bin: the digits of tr_int_to_str with the prefix put after the sign. */
static TrValue int_with_prefix(const char *fname, const TrValue *args, size_t nargs,
                               TrValue kw, int base, const char *prefix)
{
    if (tr_bi_one_arg(fname, nargs, kw) < 0)
        return TR_ERR;
    TrValue v = tr_index(args[0]);
    if (v == TR_ERR)
        return TR_ERR;
    TrValue digits = tr_int_to_str(v, base);
    if (digits == TR_ERR)
        return TR_ERR;
    const char *d = tr_str_utf8(digits);
    bool neg = d[0] == '-';
    return tr_str_fmt("%s%s%s", neg ? "-" : "", prefix, d + neg);
}

static TrValue bi_hex(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return int_with_prefix("hex", args, nargs, kw, 16, "0x");
}

static TrValue bi_oct(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return int_with_prefix("oct", args, nargs, kw, 8, "0o");
}

static TrValue bi_bin(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return int_with_prefix("bin", args, nargs, kw, 2, "0b");
}

/* --- exit, quit, __import__ -------------------------------------------------------------- */

/* exit and quit are site.Quitter instances in CPython: callable, with a hint as repr. */
typedef struct TrQuitter {
    TrObject ob;
    const char *name;
} TrQuitter;

static TrValue quitter_repr(TrValue v)
{
    return tr_str_fmt("Use %s() or Ctrl-D (i.e. EOF) to exit", ((TrQuitter *)tr_obj(v))->name);
}

static TrValue quitter_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kw)
{
    TrValue code = nargs ? args[0] : TR_NONE;
    size_t nkw = tr_nkw(kw);
    for (size_t k = 0; k < nkw; k++) {
        TrValue name = tr_as_tuple(kw)->items[k];
        if (!tr_str_eq_cstr(name, "code"))
            return tr_raise(&tr_TypeError,
                            "Quitter.__call__() got an unexpected keyword argument '%U'", name);
        if (nargs)
            return tr_raise(&tr_TypeError,
                            "Quitter.__call__() got multiple values for argument 'code'");
        code = args[nargs + k];
    }
    if (nargs > 1)
        return tr_raise(&tr_TypeError, "Quitter.__call__() takes from 1 to 2 positional "
                                       "arguments but %d were given", (int)nargs + 1);
    TrValue exc = tr_exc_new(&tr_SystemExit, &code, 1);
    return exc == TR_ERR ? TR_ERR : tr_raise_value(exc);
}

TrType tr_quitter_type = {
    .ob = {&tr_type_type}, .name = "Quitter", .basicsize = sizeof(TrQuitter),
    .repr = quitter_repr, .call = quitter_call,
};

static TrQuitter exit_obj = {{&tr_quitter_type}, "exit"};
static TrQuitter quit_obj = {{&tr_quitter_type}, "quit"};

static TrValue bi_import(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    TrValue a[5] = {0, 0, 0, 0, 0};
    if (tr_parse_args("__import__", args, nargs, kw, names, 1, 5, 0, 5, a) < 0)
        return TR_ERR;
    if (!tr_is_str(a[0]))
        return tr_raise(&tr_TypeError, "__import__() argument 1 must be str, not %s",
                        tr_type_name(a[0]));
    int64_t level = 0;
    if (a[4] && tr_index_i64(a[4], &level) < 0)
        return TR_ERR;
    if (level < 0)
        return tr_raise(&tr_ValueError, "level must be >= 0");
    if (tr_as_str(a[0])->len == 0 && level == 0)
        return tr_raise(&tr_ValueError, "Empty module name");
    TrValue globals = a[1] && a[1] != TR_NONE ? a[1] : 0;
    TrValue fromlist = a[3] && a[3] != TR_NONE ? a[3] : 0;
    return tr_import(a[0], globals, fromlist, (int)level);
}

/* eval/exec/compile of run-time strings need the compiler at run time, which AOT-built
   programs will not carry: until the interpreter offers them, they are a clear error. */
static TrValue bi_no_runtime_code(const char *fname)
{
    return tr_raise(&tr_NotImplementedError,
                    "%s() of run-time strings is not supported by trident yet", fname);
}
static TrValue bi_eval(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return bi_no_runtime_code("eval");
}
static TrValue bi_exec(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return bi_no_runtime_code("exec");
}
static TrValue bi_compile(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return bi_no_runtime_code("compile");
}

const TrMethodDef tr_builtins_core_methods[] = {
    {"eval", bi_eval, 0},         {"exec", bi_exec, 0},     {"compile", bi_compile, 0},
    {"print", bi_print, 0},       {"input", bi_input, 0},   {"len", bi_len, 0},
    {"abs", bi_abs, 0},           {"repr", bi_repr, 0},     {"ascii", bi_ascii, 0},
    {"format", bi_format, 0},     {"hash", bi_hash, 0},     {"id", bi_id, 0},
    {"callable", bi_callable, 0}, {"chr", bi_chr, 0},       {"ord", bi_ord, 0},
    {"hex", bi_hex, 0},           {"oct", bi_oct, 0},       {"bin", bi_bin, 0},
    {"__import__", bi_import, 0}, {"open", tr_io_open_builtin, 0},
    {NULL, NULL, 0},
};

/* --- The module -------------------------------------------------------------------------- */

#define TYPE(var, name) extern TrType var;
#include "runtime/types.def"
#undef TYPE

static const struct {
    const char *name;
    TrType *type;
} named_types[] = {
#define TYPE(var, name) {name, &var},
#include "runtime/types.def"
#undef TYPE
#define EXC(name, base) {#name, &tr_##name},
#include "runtime/exc_types.def"
#undef EXC
};

static TrValue builtins_mod;

TrValue tr_builtins_module(void)
{
    if (builtins_mod)
        return builtins_mod;
    TrValue m = tr_module_new(tr_str_intern_cstr("builtins"));
    builtins_mod = m;
    for (size_t i = 0; i < TR_ARRAY_LEN(named_types); i++)
        if (named_types[i].name)
            tr_module_add(m, named_types[i].name, tr_val(named_types[i].type));
    tr_module_add(m, "None", TR_NONE);
    tr_module_add(m, "True", TR_TRUE);
    tr_module_add(m, "False", TR_FALSE);
    tr_module_add(m, "Ellipsis", TR_ELLIPSIS);
    tr_module_add(m, "NotImplemented", TR_NOTIMPL);
    tr_module_add(m, "__debug__", TR_TRUE);
    tr_module_add(m, "__doc__", tr_str_from_cstr(
        "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' "
        "object; Ellipsis represents `...' in slices."));
    tr_module_add(m, "__package__", tr_str_empty());
    tr_module_add(m, "exit", tr_val(&exit_obj));
    tr_module_add(m, "quit", tr_val(&quit_obj));
    tr_module_add_functions(m, tr_builtins_core_methods);
    tr_module_add_functions(m, tr_builtins_seq_methods);
    tr_module_add_functions(m, tr_builtins_attr_methods);
    tr_module_add_functions(m, tr_builtins_num_methods);
    tr_module_add_functions(m, tr_builtins_class_methods); /* __build_class__: class.c */
    tr_dict_set_cstr(tr_sys_modules(), "builtins", m);
    return m;
}

TrValue tr_builtins(void) { return ((TrModule *)tr_obj(tr_builtins_module()))->dict; }
