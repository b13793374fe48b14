/*
 * mod_sys.c -- the sys module: argv, path, modules, the standard streams, exit, recursion
 * limit, exc_info, version/platform facts, and the struct sequences version_info, float_info,
 * int_info (tuple subclasses with named fields, printed as CPython prints them).
 * sys.modules exists before the module itself, so importing can start before sys is built.
 */
#include "runtime/runtime.h"

#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#define PY_MAJOR 3
#define PY_MINOR 11
#define PY_MICRO 2 /* the reference interpreter, /usr/bin/python3 */
#define PY_HEXVERSION ((PY_MAJOR << 24) | (PY_MINOR << 16) | (PY_MICRO << 8) | 0xf0)

/* --- Struct sequences -------------------------------------------------------------------- */

typedef struct StructSeq {
    TrType *type;
    const char *repr_name; /* before the parenthesis in repr */
    const char *const *fields;
    int nfields;
} StructSeq;

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel",
                                                  "serial"};
static const char *const float_info_fields[] = {
    "max", "max_exp", "max_10_exp", "min",   "min_exp", "min_10_exp",
    "dig", "mant_dig", "epsilon",   "radix", "rounds"};
static const char *const int_info_fields[] = {"bits_per_digit", "sizeof_digit",
                                              "default_max_str_digits",
                                              "str_digits_check_threshold"};
static const char *const impl_fields[] = {"name", "cache_tag", "version", "hexversion"};

extern TrType tr_version_info_type, tr_float_info_type, tr_int_info_type, tr_sys_impl_type;

#define SEQ(t, rname, f) {&t, rname, f, (int)TR_ARRAY_LEN(f)}
static const StructSeq seqs[] = {
    SEQ(tr_version_info_type, "sys.version_info", version_info_fields),
    SEQ(tr_float_info_type, "sys.float_info", float_info_fields),
    SEQ(tr_int_info_type, "sys.int_info", int_info_fields),
    SEQ(tr_sys_impl_type, "namespace", impl_fields),
};
#undef SEQ

static const StructSeq *seq_of(TrValue v)
{
    for (size_t i = 0; i < TR_ARRAY_LEN(seqs); i++)
        if (seqs[i].type == tr_type_of(v))
            return &seqs[i];
    TR_UNREACHABLE();
}

static TrValue structseq_repr(TrValue self)
{
    const StructSeq *s = seq_of(self);
    TrTuple *t = tr_as_tuple(self);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    tr_sbuild_ascii(&b, s->repr_name, strlen(s->repr_name));
    tr_sbuild_char(&b, '(');
    for (int i = 0; i < s->nfields; i++) {
        TrValue r = tr_repr(t->items[i]);
        if (r == TR_ERR)
            return TR_ERR;
        if (i)
            tr_sbuild_ascii(&b, ", ", 2);
        tr_sbuild_ascii(&b, s->fields[i], strlen(s->fields[i]));
        tr_sbuild_char(&b, '=');
        tr_sbuild_str(&b, r);
    }
    tr_sbuild_char(&b, ')');
    return tr_sbuild_finish(&b);
}

static TrValue structseq_getattr(TrValue self, TrValue name)
{
    const StructSeq *s = seq_of(self);
    for (int i = 0; i < s->nfields; i++)
        if (tr_str_eq_cstr(name, s->fields[i]))
            return tr_as_tuple(self)->items[i];
    return tr_generic_getattr(self, name);
}

static TrValue structseq_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_raise(&tr_TypeError, "cannot create '%s' instances", type->name);
}

#define STRUCTSEQ_TYPE(var, tname)                                                             \
    TrType var = {                                                                             \
        .ob = {&tr_type_type}, .name = tname, .base = &tr_tuple_type,                          \
        .flags = TR_TYPE_TUPLE_SUB, .repr = structseq_repr, .getattr = structseq_getattr,      \
        .new = structseq_new,                                                                  \
    }
STRUCTSEQ_TYPE(tr_version_info_type, "sys.version_info");
STRUCTSEQ_TYPE(tr_float_info_type, "sys.float_info");
STRUCTSEQ_TYPE(tr_int_info_type, "sys.int_info");
STRUCTSEQ_TYPE(tr_sys_impl_type, "types.SimpleNamespace");

static TrValue structseq_make(TrType *type, int n, const TrValue *items)
{
    TrValue t = tr_tuple_from(items, n);
    tr_obj(t)->type = type;
    return t;
}

/* --- State that exists before the module ------------------------------------------------- */

TrValue tr_mod_sys_init(void); /* modules.def */

static TrValue sys_mod, sys_dict, modules_dict, argv_list;

TrValue tr_sys_modules(void)
{
    if (!modules_dict)
        modules_dict = tr_dict_new();
    return modules_dict;
}

void tr_sys_set_argv(int argc, char **argv)
{
    TrValue list = tr_list_new(argc);
    for (int i = 0; i < argc; i++)
        tr_list_append(list, tr_str_from_cstr(argv[i]));
    if (argc == 0)
        tr_list_append(list, tr_str_empty());
    argv_list = list;
    if (sys_dict)
        tr_dict_set_cstr(sys_dict, "argv", argv_list);
}

TrValue tr_sys_module(void) { return sys_mod ? sys_mod : tr_mod_sys_init(); }

/* sys.<name>, or the C stream itself before the module exists. */
static TrValue std_stream(const char *name, int fd)
{
    static TrValue keys[3];
    if (!sys_dict)
        return tr_io_std(fd);
    if (!keys[fd])
        keys[fd] = tr_str_intern_cstr(name);
    TrValue f = tr_dict_get_str(sys_dict, keys[fd]);
    if (!f && tr_err_occurred())
        return TR_ERR;
    if (!f)
        return tr_raise(&tr_RuntimeError, "lost sys.%s", name);
    return f;
}

TrValue tr_sys_stdout(void) { return std_stream("stdout", 1); }
TrValue tr_sys_stderr(void) { return std_stream("stderr", 2); }

/* "sys.exc_info() takes no arguments (1 given)" */
static int no_args(const char *name, size_t nargs, TrValue kw)
{
    if (nargs || tr_nkw(kw)) {
        tr_raise(&tr_TypeError, "sys.%s() takes no arguments (%d given)", name,
                 (int)(nargs + tr_nkw(kw)));
        return -1;
    }
    return 0;
}

/* --- Functions --------------------------------------------------------------------------- */

static TrValue sys_exit(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("exit", nargs, kw, 0, 1) < 0)
        return TR_ERR;
    if (nargs == 0)
        return tr_raise_value(tr_val(&tr_SystemExit));
    TrValue exc = tr_exc_new(&tr_SystemExit, args, 1);
    return exc == TR_ERR ? TR_ERR : tr_raise_value(exc);
}

static TrValue sys_getrecursionlimit(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args("getrecursionlimit", nargs, kw) < 0)
        return TR_ERR;
    return tr_small_new(tr_ts.recursion_limit);
}

static TrValue sys_setrecursionlimit(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("setrecursionlimit", nargs, kw) < 0)
        return TR_ERR;
    if (tr_is_float(args[0]))
        return tr_raise(&tr_TypeError, "'float' object cannot be interpreted as an integer");
    TrValue v = tr_index(args[0]);
    int64_t n;
    if (v == TR_ERR)
        return TR_ERR;
    if (!tr_is_small(v) || (n = tr_small_val(v)) > INT_MAX || n < INT_MIN)
        return tr_raise(&tr_OverflowError, "Python int too large to convert to C int");
    if (n < 1)
        return tr_raise(&tr_ValueError, "recursion limit must be greater or equal than 1");
    if (tr_ts.depth >= n)
        return tr_raise(&tr_RecursionError,
                        "cannot set the recursion limit to %d at the recursion depth %d: the "
                        "limit is too low", (int)n, tr_ts.depth);
    tr_ts.recursion_limit = (int)n;
    return TR_NONE;
}

static TrValue sys_intern(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_one_arg("intern", nargs, kw) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "intern() argument must be str, not %s",
                        tr_type_name(args[0]));
    if (tr_type_of(args[0]) != &tr_str_type)
        return tr_raise(&tr_TypeError, "can't intern %s", tr_type_name(args[0]));
    return tr_str_intern(args[0]);
}

static TrValue sys_exc_info(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args("exc_info", nargs, kw) < 0)
        return TR_ERR;
    TrValue h = tr_ts.handled;
    if (!h || h == TR_NONE)
        return tr_tuple_pack(3, TR_NONE, TR_NONE, TR_NONE);
    return tr_tuple_pack(3, tr_val(tr_type_of(h)), h, TR_NONE);
}

static TrValue sys_exception(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (no_args("exception", nargs, kw) < 0)
        return TR_ERR;
    return tr_ts.handled ? tr_ts.handled : TR_NONE;
}

static TrValue sys_get_int_max_str_digits(TrValue self, const TrValue *args, size_t nargs,
                                          TrValue kw)
{
    if (no_args("get_int_max_str_digits", nargs, kw) < 0)
        return TR_ERR;
    return tr_int_from_i64(tr_int_max_str_digits);
}

static TrValue sys_set_int_max_str_digits(TrValue self, const TrValue *args, size_t nargs,
                                          TrValue kw)
{
    static const char *const names[] = {"maxdigits"};
    TrValue v = 0;
    int64_t n;
    if (tr_parse_args("set_int_max_str_digits", args, nargs, kw, names, 1, 1, 0, 1, &v) < 0 ||
        tr_index_i64(v, &n) < 0)
        return TR_ERR;
    if (n != 0 && n < 640)
        return tr_raise(&tr_ValueError, "maxdigits must be 0 or larger than 640");
    tr_int_max_str_digits = n;
    return TR_NONE;
}

static TrValue sys_getdefaultencoding(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return no_args("getdefaultencoding", nargs, kw) < 0 ? TR_ERR : tr_str_from_cstr("utf-8");
}

static TrValue sys_getfilesystemencoding(TrValue self, const TrValue *args, size_t nargs,
                                         TrValue kw)
{
    return no_args("getfilesystemencoding", nargs, kw) < 0 ? TR_ERR : tr_str_from_cstr("utf-8");
}

static const TrMethodDef sys_methods[] = {
    {"exit", sys_exit, 0},
    {"getrecursionlimit", sys_getrecursionlimit, 0},
    {"setrecursionlimit", sys_setrecursionlimit, 0},
    {"intern", sys_intern, 0},
    {"exc_info", sys_exc_info, 0},
    {"exception", sys_exception, 0},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0},
    {"getdefaultencoding", sys_getdefaultencoding, 0},
    {"getfilesystemencoding", sys_getfilesystemencoding, 0},
    {NULL, NULL, 0},
};

/* --- The module -------------------------------------------------------------------------- */

static TrValue make_version_info(void)
{
    TrValue v[] = {tr_small_new(PY_MAJOR), tr_small_new(PY_MINOR), tr_small_new(PY_MICRO),
                   tr_str_from_cstr("final"), tr_small_new(0)};
    return structseq_make(&tr_version_info_type, 5, v);
}

static TrValue make_float_info(void)
{
    TrValue v[] = {tr_float_new(DBL_MAX),     tr_small_new(DBL_MAX_EXP),
                   tr_small_new(DBL_MAX_10_EXP), tr_float_new(DBL_MIN),
                   tr_small_new(DBL_MIN_EXP), tr_small_new(DBL_MIN_10_EXP),
                   tr_small_new(DBL_DIG),     tr_small_new(DBL_MANT_DIG),
                   tr_float_new(DBL_EPSILON), tr_small_new(FLT_RADIX),
                   tr_small_new(1)};
    return structseq_make(&tr_float_info_type, 11, v);
}

static TrValue make_int_info(void)
{
    /* CPython's digit layout: programs print these, so report its values, not GMP's. */
    TrValue v[] = {tr_small_new(30), tr_small_new(4), tr_small_new(4300), tr_small_new(640)};
    return structseq_make(&tr_int_info_type, 4, v);
}

static TrValue executable_path(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? tr_str_from_utf8(buf, (size_t)n) : tr_str_empty();
}

#define VERSION_STRING "3.11.2 (main, trident) [GCC " __VERSION__ "]"

TrValue tr_mod_sys_init(void)
{
    if (sys_mod)
        return sys_mod;
    TrValue m = tr_module_new(tr_str_intern_cstr("sys"));
    sys_mod = m;
    sys_dict = ((TrModule *)tr_obj(m))->dict;
    tr_module_add_functions(m, sys_methods);
    if (!argv_list)
        tr_sys_set_argv(0, NULL);
    tr_module_add(m, "argv", argv_list);
    tr_module_add(m, "path", tr_list_new(0)); /* the engine puts the script's folder first */
    tr_module_add(m, "modules", tr_sys_modules());
    const char *names[] = {"stdin", "stdout", "stderr"};
    const char *dunders[] = {"__stdin__", "__stdout__", "__stderr__"};
    for (int fd = 0; fd < 3; fd++) {
        tr_module_add(m, names[fd], tr_io_std(fd));
        tr_module_add(m, dunders[fd], tr_io_std(fd));
    }
    TrValue vi = make_version_info();
    tr_module_add(m, "version_info", vi);
    tr_module_add(m, "version", tr_str_from_cstr(VERSION_STRING));
    tr_module_add(m, "hexversion", tr_small_new(PY_HEXVERSION));
    tr_module_add(m, "api_version", tr_small_new(1013));
    TrValue impl[] = {tr_str_from_cstr("trident"), TR_NONE, vi, tr_small_new(PY_HEXVERSION)};
    tr_module_add(m, "implementation", structseq_make(&tr_sys_impl_type, 4, impl));
    tr_module_add(m, "platform", tr_str_from_cstr("linux"));
    uint16_t one = 1;
    tr_module_add(m, "byteorder", tr_str_from_cstr(*(uint8_t *)&one ? "little" : "big"));
    tr_module_add(m, "maxsize", tr_int_from_i64(INT64_MAX));
    tr_module_add(m, "maxunicode", tr_small_new(0x10FFFF));
    tr_module_add(m, "float_info", make_float_info());
    tr_module_add(m, "int_info", make_int_info());
    tr_module_add(m, "float_repr_style", tr_str_from_cstr("short"));
    tr_module_add(m, "executable", executable_path());
    tr_module_add(m, "prefix", tr_str_from_cstr("/usr"));
    tr_module_add(m, "exec_prefix", tr_str_from_cstr("/usr"));
    tr_module_add(m, "base_prefix", tr_str_from_cstr("/usr"));
    tr_module_add(m, "dont_write_bytecode", TR_TRUE);
    TrValue bnames[] = {tr_str_from_cstr("builtins"),
#define MODULE(name, init) tr_str_from_cstr(#name),
#include "runtime/modules.def"
#undef MODULE
    };
    tr_module_add(m, "builtin_module_names", tr_tuple_from(bnames, TR_ARRAY_LEN(bnames)));
    tr_dict_set_cstr(tr_sys_modules(), "sys", m);
    return m;
}
