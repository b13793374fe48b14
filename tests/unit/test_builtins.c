/*
 * test_builtins.c -- the builtins module, file objects and sys, called as Python code would
 * call them (through the builtins dict and tr_call); results and error messages are compared
 * with what CPython 3.11 prints.
 */
#include "runtime/runtime.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;

/* repr of a result, or "Type: message" for an exception (which is cleared). */
static const char *show(TrValue v)
{
    if (v == TR_ERR) {
        TrValue e = tr_err_fetch();
        if (!e)
            return "<TR_ERR without exception>";
        return tr_str_utf8(tr_str_fmt("%s: %S", tr_type_name(e), tr_exc_str(e)));
    }
    TrValue r = tr_repr(v);
    if (r == TR_ERR) {
        tr_err_clear();
        return "<repr failed>";
    }
    return tr_str_utf8(r);
}

static void check(int line, TrValue v, const char *want)
{
    const char *got = show(v);
    if (strcmp(got, want) != 0) {
        printf("test_builtins.c:%d: got   %s\n                   want  %s\n", line, got, want);
        failures++;
    }
}
#define CHECK(v, want) check(__LINE__, (v), (want))

static TrValue B(const char *name) { return tr_dict_get_cstr(tr_builtins(), name); }
static TrValue I(int64_t x) { return tr_int_from_i64(x); }
static TrValue S(const char *s) { return tr_str_from_cstr(s); }
static TrValue L(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    TrValue list = tr_list_new(n);
    for (int i = 0; i < n; i++)
        tr_list_append(list, va_arg(ap, TrValue));
    va_end(ap);
    return list;
}
static TrValue T(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    TrValue t = tr_tuple_new(n);
    for (int i = 0; i < n; i++)
        tr_as_tuple(t)->items[i] = va_arg(ap, TrValue);
    va_end(ap);
    return t;
}
static TrValue TY(TrType *t) { return tr_val(t); }

/* f(args...) with no keywords: CALL("len", x) */
static TrValue call(const char *name, int n, const TrValue *args)
{
    return tr_call(B(name), args, (size_t)n, 0);
}
#define CALL(name, ...)                                                                        \
    call(name, (int)(sizeof((TrValue[]){__VA_ARGS__}) / sizeof(TrValue)),                      \
         (TrValue[]){__VA_ARGS__})
#define CALL0(name) call(name, 0, NULL)
/* f(pos..., kw=value): kwnames is a tuple, values follow the positional ones */
static TrValue callkw(TrValue f, int npos, int nkw, const TrValue *args, const char *const *kws)
{
    TrValue names = tr_tuple_new(nkw);
    for (int i = 0; i < nkw; i++)
        tr_as_tuple(names)->items[i] = tr_str_intern_cstr(kws[i]);
    return tr_call(f, args, (size_t)npos, nkw ? names : 0);
}

static void test_core(void)
{
    CHECK(CALL("len", L(3, I(1), I(2), I(3))), "3");
    CHECK(CALL("len", I(1)), "TypeError: object of type 'int' has no len()");
    CHECK(CALL0("len"), "TypeError: len() takes exactly one argument (0 given)");
    CHECK(CALL("abs", I(-5)), "5");
    CHECK(CALL("abs", TR_TRUE), "1");
    CHECK(CALL("abs", tr_float_new(-2.5)), "2.5");
    CHECK(CALL("abs", S("a")), "TypeError: bad operand type for abs(): 'str'");
    CHECK(CALL("abs", TR_NONE), "TypeError: bad operand type for abs(): 'NoneType'");
    CHECK(CALL("hex", I(255)), "'0xff'");
    CHECK(CALL("hex", I(-255)), "'-0xff'");
    CHECK(CALL("oct", I(-8)), "'-0o10'");
    CHECK(CALL("bin", I(0)), "'0b0'");
    CHECK(CALL("bin", I(-5)), "'-0b101'");
    CHECK(CALL("hex", TR_TRUE), "'0x1'");
    CHECK(CALL("hex", tr_float_new(1.5)),
          "TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(CALL("chr", I(65)), "'A'");
    CHECK(CALL("chr", I(-1)), "ValueError: chr() arg not in range(0x110000)");
    CHECK(CALL("chr", I(0x110000)), "ValueError: chr() arg not in range(0x110000)");
    CHECK(CALL("chr", S("a")), "TypeError: 'str' object cannot be interpreted as an integer");
    CHECK(CALL("ord", S("A")), "65");
    CHECK(CALL("ord", S("ab")),
          "TypeError: ord() expected a character, but string of length 2 found");
    CHECK(CALL("ord", I(1)), "TypeError: ord() expected string of length 1, but int found");
    CHECK(CALL("ord", tr_bytes_new("z", 1)), "122");
    CHECK(CALL("repr", S("x")), "\"'x'\"");
    CHECK(CALL("hash", L(0)), "TypeError: unhashable type: 'list'");
    CHECK(CALL("hash", I(7)), "7");
    CHECK(CALL("callable", B("len")), "True");
    CHECK(CALL("callable", I(1)), "False");
    CHECK(CALL("format", I(5)), "'5'");
    CHECK(CALL("format", I(1), I(2)), "TypeError: format() argument 2 must be str, not int");
    CHECK(CALL0("format"), "TypeError: format expected at least 1 argument, got 0");
    TrValue x = L(0);
    CHECK(tr_richcmp(CALL("id", x), CALL("id", x), TR_EQ), "True");
    CHECK(tr_call(B("exit"), (TrValue[]){I(3)}, 1, 0), "SystemExit: 3");
    CHECK(CALL("repr", B("quit")), "'Use quit() or Ctrl-D (i.e. EOF) to exit'");
    CHECK(CALL("repr", B("print")), "'<built-in function print>'");
    CHECK(CALL("__import__", S("sys")), "<module 'sys' (built-in)>");
    CHECK(CALL("__import__", S("nonexist")), "ModuleNotFoundError: No module named 'nonexist'");
    CHECK(tr_dict_get_cstr(tr_builtins(), "__name__"), "'builtins'");
    CHECK(tr_dict_get_cstr(tr_builtins(), "ValueError"), "<class 'ValueError'>");
    CHECK(tr_dict_get_cstr(tr_builtins(), "list"), "<class 'list'>");
    CHECK(tr_dict_get_cstr(tr_builtins(), "Ellipsis"), "Ellipsis");
}

static void test_seq(void)
{
    static const char *const key[] = {"key"}, *const dflt[] = {"default"};
    static const char *const rev[] = {"reverse"}, *const start[] = {"start"};
    CHECK(CALL("min", I(3), I(1), I(2)), "1");
    CHECK(CALL("max", L(3, I(3), I(7), I(2))), "7");
    CHECK(CALL("max", L(0)), "ValueError: max() arg is an empty sequence");
    CHECK(CALL0("max"), "TypeError: max expected at least 1 argument, got 0");
    CHECK(CALL("min", I(1)), "TypeError: 'int' object is not iterable");
    CHECK(callkw(B("max"), 1, 1, (TrValue[]){L(0), I(7)}, dflt), "7");
    CHECK(callkw(B("max"), 2, 1, (TrValue[]){I(1), I(2), I(7)}, dflt),
          "TypeError: Cannot specify a default for max() with multiple positional arguments");
    CHECK(callkw(B("max"), 2, 1, (TrValue[]){S("aaa"), S("b"), B("len")}, key), "'aaa'");
    CHECK(callkw(B("min"), 2, 1, (TrValue[]){I(1), I(2), I(7)}, (const char *[]){"kk"}),
          "TypeError: 'kk' is an invalid keyword argument for min()");
    /* equal items: max keeps the first */
    CHECK(callkw(B("max"), 2, 1, (TrValue[]){S("ab"), S("cd"), B("len")}, key), "'ab'");
    CHECK(CALL("max", L(2, I(1), S("a"))),
          "TypeError: '>' not supported between instances of 'str' and 'int'");
    CHECK(CALL("sum", L(3, I(1), I(2), I(3))), "6");
    CHECK(CALL("sum", L(2, I(1), tr_float_new(2.5))), "3.5");
    CHECK(CALL("sum", L(2, I(TR_SMALL_MAX), I(TR_SMALL_MAX))), "4611686018427387902");
    CHECK(CALL("sum", L(2, I(INT64_MAX), I(INT64_MAX))), "18446744073709551614");
    CHECK(CALL("sum", L(2, L(1, I(1)), L(1, I(2))), L(0)), "[1, 2]");
    CHECK(CALL("sum", L(1, S("a")), S("")),
          "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    CHECK(CALL0("sum"), "TypeError: sum() takes at least 1 positional argument (0 given)");
    CHECK(callkw(B("sum"), 1, 1, (TrValue[]){L(1, I(1)), I(10)}, start), "11");
    CHECK(CALL("sum", L(1, I(1)), I(2), I(3)),
          "TypeError: sum() takes at most 2 arguments (3 given)");
    CHECK(CALL("sum", L(3, tr_float_new(0.1), tr_float_new(0.2), tr_float_new(0.3))),
          "0.6000000000000001");
    CHECK(CALL("sorted", L(3, I(3), I(1), I(2))), "[1, 2, 3]");
    CHECK(callkw(B("sorted"), 1, 1, (TrValue[]){L(3, I(3), I(1), I(2)), TR_TRUE}, rev),
          "[3, 2, 1]");
    CHECK(callkw(B("sorted"), 1, 1, (TrValue[]){L(1, I(1)), S("a")}, rev),
          "TypeError: 'str' object cannot be interpreted as an integer");
    CHECK(CALL0("sorted"), "TypeError: sorted expected 1 argument, got 0");
    CHECK(callkw(B("sorted"), 1, 1, (TrValue[]){L(0), I(1)}, (const char *[]){"foo"}),
          "TypeError: 'foo' is an invalid keyword argument for sort()");
    CHECK(CALL("any", L(2, I(0), I(3))), "True");
    CHECK(CALL("any", L(0)), "False");
    CHECK(CALL("all", L(2, I(1), I(0))), "False");
    CHECK(CALL("all", L(0)), "True");
    CHECK(CALL("all", I(1)), "TypeError: 'int' object is not iterable");
    CHECK(CALL("next", CALL("iter", L(1, I(4)))), "4");
    CHECK(CALL("next", CALL("iter", L(0)), S("d")), "'d'");
    CHECK(CALL("next", CALL("iter", L(0))), "StopIteration: ");
    CHECK(CALL("next", I(1)), "TypeError: 'int' object is not an iterator");
    CHECK(CALL0("iter"), "TypeError: iter expected at least 1 argument, got 0");
    CHECK(CALL("iter", I(1), I(2)), "TypeError: iter(v, w): v must be callable");
    TrValue pop = tr_getattr_cstr(L(4, I(1), I(2), I(3), I(4)), "pop");
    TrValue ci = CALL("iter", pop, I(2));
    CHECK(CALL("list", ci), "[4, 3]");
    CHECK(CALL("next", ci, S("done")), "'done'");
}

static void test_num_attr(void)
{
    static const char *const nd[] = {"ndigits"};
    CHECK(CALL("round", I(1250), I(-2)), "1200");
    CHECK(CALL("round", I(1350), I(-2)), "1400");
    CHECK(CALL("round", tr_float_new(2.5)), "2");
    CHECK(CALL("round", tr_float_new(2.675), I(2)), "2.67");
    CHECK(callkw(B("round"), 1, 1, (TrValue[]){tr_float_new(2.5), TR_NONE}, nd), "2");
    CHECK(CALL("round", S("a")), "TypeError: type str doesn't define __round__ method");
    CHECK(CALL0("round"), "TypeError: round() missing required argument 'number' (pos 1)");
    CHECK(CALL("divmod", I(7), I(-2)), "(-4, -1)");
    CHECK(CALL("divmod", I(1), I(0)), "ZeroDivisionError: integer division or modulo by zero");
    CHECK(CALL("divmod", tr_float_new(-7.5), I(2)), "(-4.0, 0.5)");
    CHECK(CALL("divmod", S("a"), I(1)),
          "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'");
    CHECK(CALL("divmod", I(1)), "TypeError: divmod expected 2 arguments, got 1");
    CHECK(CALL("pow", I(2), I(10)), "1024");
    CHECK(CALL("pow", I(2), I(3), I(5)), "3");
    CHECK(CALL("pow", I(2), I(-1), I(5)), "3");
    CHECK(CALL("pow", tr_float_new(2.0), I(2), I(3)),
          "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    CHECK(CALL("pow", S("a"), I(2), I(3)),
          "TypeError: unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'");
    CHECK(CALL("pow", S("a"), I(2)),
          "TypeError: unsupported operand type(s) for ** or pow(): 'str' and 'int'");
    CHECK(CALL("getattr", I(1), S("x"), I(5)), "5");
    CHECK(CALL("getattr", I(1), S("x")), "AttributeError: 'int' object has no attribute 'x'");
    CHECK(CALL("getattr", I(1), I(2)), "TypeError: attribute name must be string, not 'int'");
    CHECK(CALL("getattr", I(1)), "TypeError: getattr expected at least 2 arguments, got 1");
    CHECK(CALL("hasattr", L(0), S("append")), "True");
    CHECK(CALL("hasattr", L(0), S("nope")), "False");
    CHECK(CALL("setattr", I(1), S("x"), I(3)),
          "AttributeError: 'int' object has no attribute 'x'");
    CHECK(CALL("vars", I(1)), "TypeError: vars() argument must have __dict__ attribute");
    CHECK(CALL("isinstance", I(1), TY(&tr_int_type)), "True");
    CHECK(CALL("isinstance", TR_TRUE, T(2, TY(&tr_str_type), T(1, TY(&tr_int_type)))), "True");
    CHECK(CALL("isinstance", I(1), T(2, TY(&tr_int_type), I(1))), "True");
    CHECK(CALL("isinstance", I(1), T(2, TY(&tr_str_type), I(1))),
          "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    CHECK(CALL("isinstance", TY(&tr_int_type), TY(&tr_type_type)), "True");
    CHECK(CALL("issubclass", TY(&tr_bool_type), TY(&tr_int_type)), "True");
    CHECK(CALL("issubclass", TY(&tr_int_type), TY(&tr_bool_type)), "False");
    CHECK(CALL("issubclass", I(1), TY(&tr_int_type)),
          "TypeError: issubclass() arg 1 must be a class");
    CHECK(CALL("issubclass", TY(&tr_int_type), I(1)),
          "TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union");
    TrValue d = CALL("dir", TY(&tr_list_type));
    CHECK(CALL("isinstance", d, TY(&tr_list_type)), "True");
    CHECK(tr_bool(tr_contains(d, S("append")) == 1), "True");
}

/* --- Files --------------------------------------------------------------------------- */

static char path[64];

static TrValue M(TrValue obj, const char *name, int n, const TrValue *args)
{
    return tr_call_method(obj, name, args, (size_t)n);
}

static void write_raw(const char *data, size_t n)
{
    FILE *fp = fopen(path, "wb");
    fwrite(data, 1, n, fp);
    fclose(fp);
}

static void test_files(void)
{
    static const char *const pkw[] = {"sep", "end", "file"};
    TrValue p = S(path);
    TrValue f = CALL("open", p, S("w"));
    CHECK(f, tr_str_utf8(tr_str_fmt("<_io.TextIOWrapper name=%R mode='w' encoding='UTF-8'>", p)));
    CHECK(callkw(B("print"), 2, 3, (TrValue[]){I(1), S("h\xc3\xa9"), S("-"), S("!\n"), f}, pkw),
          "None");
    CHECK(M(f, "write", 1, (TrValue[]){S("x\xc3\xa9\n")}), "3");
    CHECK(M(f, "write", 1, (TrValue[]){tr_bytes_new("x", 1)}),
          "TypeError: write() argument must be str, not bytes");
    CHECK(M(f, "read", 0, NULL), "io.UnsupportedOperation: not readable");
    CHECK(M(f, "close", 0, NULL), "None");
    CHECK(tr_getattr_cstr(f, "closed"), "True");
    CHECK(M(f, "write", 1, (TrValue[]){S("x")}), "ValueError: I/O operation on closed file.");
    f = CALL("open", p);
    CHECK(M(f, "readline", 0, NULL), "'1-h\xc3\xa9!\\n'");
    CHECK(M(f, "read", 1, (TrValue[]){I(2)}), "'x\xc3\xa9'");
    CHECK(M(f, "read", 0, NULL), "'\\n'");
    CHECK(M(f, "read", 0, NULL), "''");
    M(f, "close", 0, NULL);

    write_raw("a\r\nb\rc\nd", 8);
    CHECK(M(CALL("open", p), "read", 0, NULL), "'a\\nb\\nc\\nd'");
    CHECK(M(CALL("open", p), "readlines", 0, NULL), "['a\\n', 'b\\n', 'c\\n', 'd']");
    CHECK(CALL("list", CALL("open", p, S("rb"))), "[b'a\\r\\n', b'b\\rc\\n', b'd']");
    static const char *const nl[] = {"newline"};
    CHECK(M(callkw(B("open"), 1, 1, (TrValue[]){p, S("")}, nl), "readlines", 0, NULL),
          "['a\\r\\n', 'b\\r', 'c\\n', 'd']");
    CHECK(CALL("list", CALL("open", p)), "['a\\n', 'b\\n', 'c\\n', 'd']");
    write_raw("ab\xc3(", 4);
    CHECK(M(CALL("open", p), "read", 0, NULL),
          "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 2: invalid "
          "continuation byte");

    f = CALL("open", p, S("w+"));
    M(f, "write", 1, (TrValue[]){S("abc\ndef\n")});
    CHECK(M(f, "seek", 1, (TrValue[]){I(0)}), "0");
    CHECK(M(f, "readline", 0, NULL), "'abc\\n'");
    CHECK(M(f, "tell", 0, NULL), "4");
    M(f, "close", 0, NULL);
    CHECK(M(CALL("open", p, S("rb")), "read", 0, NULL), "b'abc\\ndef\\n'");

    CHECK(CALL("open", S("/nonexistent/x")),
          "FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/x'");
    CHECK(CALL("open", S("/tmp")), "IsADirectoryError: [Errno 21] Is a directory: '/tmp'");
    CHECK(CALL("open", p, S("q")), "ValueError: invalid mode: 'q'");
    CHECK(CALL("open", p, S("rw")),
          "ValueError: must have exactly one of create/read/write/append mode");
    CHECK(CALL("open", p, S("tb")), "ValueError: can't have text and binary mode at once");
    CHECK(CALL("open", p, I(1)), "TypeError: open() argument 'mode' must be str, not int");
    CHECK(CALL("open", p, S("x")),
          tr_str_utf8(tr_str_fmt("FileExistsError: [Errno 17] File exists: %R", p)));
    f = CALL("open", p, S("r+b"));
    CHECK(tr_getattr_cstr(f, "mode"), "'rb+'");
    CHECK(f, tr_str_utf8(tr_str_fmt("<_io.BufferedRandom name=%R>", p)));
    CHECK(M(f, "write", 1, (TrValue[]){S("x")}),
          "TypeError: a bytes-like object is required, not 'str'");
    M(f, "close", 0, NULL);
    unlink(path);
}

static void test_sys(void)
{
    TrValue sys = tr_sys_module();
    CHECK(tr_getattr_cstr(sys, "version_info"),
          "sys.version_info(major=3, minor=11, micro=2, releaselevel='final', serial=0)");
    CHECK(tr_getattr_cstr(tr_getattr_cstr(sys, "version_info"), "minor"), "11");
    CHECK(tr_getitem(tr_getattr_cstr(sys, "version_info"), I(0)), "3");
    CHECK(tr_richcmp(tr_getattr_cstr(sys, "version_info"), T(2, I(3), I(10)), TR_GT), "True");
    CHECK(tr_getattr_cstr(tr_getattr_cstr(sys, "version_info"), "foo"),
          "AttributeError: 'sys.version_info' object has no attribute 'foo'");
    CHECK(tr_getattr_cstr(sys, "float_info"),
          "sys.float_info(max=1.7976931348623157e+308, max_exp=1024, max_10_exp=308, "
          "min=2.2250738585072014e-308, min_exp=-1021, min_10_exp=-307, dig=15, mant_dig=53, "
          "epsilon=2.220446049250313e-16, radix=2, rounds=1)");
    CHECK(tr_getattr_cstr(sys, "maxsize"), "9223372036854775807");
    CHECK(tr_getattr_cstr(sys, "stdout"),
          "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    CHECK(tr_getattr_cstr(tr_getattr_cstr(sys, "stdout"), "buffer"),
          "<_io.BufferedWriter name='<stdout>'>");
    CHECK(tr_call_method(sys, "exit", (TrValue[]){I(3)}, 1), "SystemExit: 3");
    CHECK(tr_call_method(sys, "setrecursionlimit", (TrValue[]){I(0)}, 1),
          "ValueError: recursion limit must be greater or equal than 1");
    CHECK(tr_call_method(sys, "setrecursionlimit", (TrValue[]){I(500)}, 1), "None");
    CHECK(tr_call_method(sys, "getrecursionlimit", NULL, 0), "500");
    CHECK(tr_call_method(sys, "exc_info", NULL, 0), "(None, None, None)");
    CHECK(tr_call_method(sys, "intern", (TrValue[]){I(1)}, 1),
          "TypeError: intern() argument must be str, not int");
    CHECK(tr_getattr_cstr(sys, "platform"), "'linux'");
    CHECK(tr_dict_get_cstr(tr_sys_modules(), "sys"), "<module 'sys' (built-in)>");
}

int main(int argc, char **argv)
{
    tr_runtime_init(argc, argv);
    snprintf(path, sizeof path, "/tmp/trident_test_builtins_%d.txt", (int)getpid());
    test_core();
    test_seq();
    test_num_attr();
    test_files();
    test_sys();
    tr_io_flush_std();
    if (failures)
        printf("test_builtins: %d failures\n", failures);
    return failures != 0;
}
