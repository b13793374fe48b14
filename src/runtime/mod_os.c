/*
 * mod_os.c -- the os module (POSIX): files and folders (listdir, mkdir, remove, rename, stat...),
 * the process (getpid, cpu_count, environment), low-level fds, and constants. The parts that are
 * easier in Python come from lib/: os.path is lib/posixpath.py, and environ, getenv, walk,
 * makedirs, scandir come from lib/_oshelp.py, imported while the module is being made.
 */
#include "runtime/mod_util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* --- Arguments ----------------------------------------------------------------------------- */

/* A path argument: str, bytes or os.PathLike, as a C string. *is_bytes tells which kind. */
static const char *path_arg(const char *fname, const char *argname, TrValue v, bool *is_bytes)
{
    bool b = false;
    if (!tr_is_str(v) && !tr_is_bytes(v)) {
        TrValue fs = tr_getattr_opt(tr_val(tr_type_of(v)), tr_str_intern_cstr("__fspath__"));
        if (!fs) {
            if (!tr_err_occurred())
                tr_raise(&tr_TypeError, "%s: %s should be string, bytes or os.PathLike, not %s",
                         fname, argname, tr_type_name(v));
            return NULL;
        }
        TrValue r = tr_call_method(v, "__fspath__", NULL, 0);
        if (r == TR_ERR)
            return NULL;
        if (!tr_is_str(r) && !tr_is_bytes(r)) {
            tr_raise(&tr_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                     tr_type_name(v), tr_type_name(r));
            return NULL;
        }
        v = r;
    }
    const char *s;
    size_t n;
    if (tr_is_bytes(v)) {
        b = true;
        s = (const char *)((TrBytes *)tr_obj(v))->data;
        n = (size_t)((TrBytes *)tr_obj(v))->len;
    } else {
        s = tr_str_utf8_len(v, &n);
    }
    if (strlen(s) != n) {
        tr_raise(&tr_ValueError, "%s: embedded null character in %s", fname, argname);
        return NULL;
    }
    if (is_bytes)
        *is_bytes = b;
    return s;
}

static TrValue os_error(TrValue filename) { return tr_io_raise_errno(errno, filename); }

/* Two-path errors ("'a' -> 'b'"): the message is built here so that str(e) is CPython's
   (the exception type has no filename2; e.filename stays None). */
static TrValue os_error2(TrValue a, TrValue b)
{
    int err = errno;
    TrValue ra = tr_repr(a), rb = tr_repr(b);
    if (ra == TR_ERR || rb == TR_ERR)
        return TR_ERR;
    TrType *t = &tr_OSError;
    switch (err) {
    case ENOENT: t = &tr_FileNotFoundError; break;
    case EEXIST: t = &tr_FileExistsError; break;
    case EISDIR: t = &tr_IsADirectoryError; break;
    case ENOTDIR: t = &tr_NotADirectoryError; break;
    case EACCES: case EPERM: t = &tr_PermissionError; break;
    }
    TrValue args[2] = {tr_small_new(err), tr_str_fmt("%s: %U -> %U", strerror(err), ra, rb)};
    TrValue exc = tr_exc_new(t, args, 2);
    if (exc == TR_ERR)
        return TR_ERR;
    return tr_raise_value(exc);
}

static int int_arg(TrValue v, int64_t *out)
{
    if (tr_is_float(v)) {
        tr_raise(&tr_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    return tr_mod_arg_i64(v, out);
}

#define FN(name) static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kw)

/* --- Current folder and listing -------------------------------------------------------------- */

FN(os_getcwd)
{
    if (tr_check_nargs("getcwd", nargs, 0, 0) < 0)
        return TR_ERR;
    char buf[8192];
    if (!getcwd(buf, sizeof buf))
        return os_error(0);
    return tr_str_from_cstr(buf);
}

FN(os_getcwdb)
{
    if (tr_check_nargs("getcwdb", nargs, 0, 0) < 0)
        return TR_ERR;
    char buf[8192];
    if (!getcwd(buf, sizeof buf))
        return os_error(0);
    return tr_bytes_new(buf, strlen(buf));
}

FN(os_chdir)
{
    static const char *const names[] = {"path"};
    TrValue v[1];
    if (tr_parse_args("chdir", args, nargs, kw, names, 1, 1, 0, 1, v) < 0)
        return TR_ERR;
    const char *p = path_arg("chdir", "path", v[0], NULL);
    if (!p)
        return TR_ERR;
    if (chdir(p) < 0)
        return os_error(v[0]);
    return TR_NONE;
}

/* The names in a folder (without . and ..) in readdir's order, as CPython gives them. */
FN(os_listdir)
{
    static const char *const names[] = {"path"};
    TrValue v[1] = {0};
    if (tr_parse_args("listdir", args, nargs, kw, names, 0, 1, 0, 1, v) < 0)
        return TR_ERR;
    bool bytes = false;
    const char *p = ".";
    if (v[0] && v[0] != TR_NONE && !(p = path_arg("listdir", "path", v[0], &bytes)))
        return TR_ERR;
    DIR *d = opendir(p);
    if (!d)
        return os_error(v[0] && v[0] != TR_NONE ? v[0] : tr_str_from_cstr("."));
    TrValue list = tr_list_new(0);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        size_t n = strlen(e->d_name);
        tr_list_append(list, bytes ? tr_bytes_new(e->d_name, n) : tr_str_from_utf8(e->d_name, n));
    }
    closedir(d);
    return list;
}

/* _listdir_types(path): [(name, is_dir, is_file, is_symlink)] in readdir's order, for scandir and walk. */
FN(os_listdir_types)
{
    if (tr_check_nargs("_listdir_types", nargs, 1, 1) < 0)
        return TR_ERR;
    bool bytes = false;
    const char *p = path_arg("scandir", "path", args[0], &bytes);
    if (!p)
        return TR_ERR;
    DIR *d = opendir(p);
    if (!d)
        return os_error(args[0]);
    size_t cap = 16, n = 0;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap)
            names = realloc(names, (cap *= 2) * sizeof *names);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    TrValue list = tr_list_new((int64_t)n);
    size_t plen = strlen(p);
    for (size_t i = 0; i < n; i++) {
        size_t nl = strlen(names[i]);
        char *full = malloc(plen + nl + 2);
        memcpy(full, p, plen);
        size_t k = plen;
        if (k && full[k - 1] != '/')
            full[k++] = '/';
        memcpy(full + k, names[i], nl + 1);
        struct stat st, lst;
        bool is_link = lstat(full, &lst) == 0 && S_ISLNK(lst.st_mode);
        bool ok = stat(full, &st) == 0;
        TrValue name = bytes ? tr_bytes_new(names[i], nl) : tr_str_from_utf8(names[i], nl);
        tr_list_append(list, tr_tuple_pack(4, name, tr_bool(ok && S_ISDIR(st.st_mode)),
                                           tr_bool(ok && S_ISREG(st.st_mode)),
                                           tr_bool(is_link)));
        free(full);
        free(names[i]);
    }
    free(names);
    return list;
}

/* --- Creating, removing, renaming ------------------------------------------------------------ */

FN(os_mkdir)
{
    static const char *const names[] = {"path", "mode", "dir_fd"};
    TrValue v[3] = {0};
    if (tr_parse_args("mkdir", args, nargs, kw, names, 1, 3, 0, 2, v) < 0)
        return TR_ERR;
    const char *p = path_arg("mkdir", "path", v[0], NULL);
    if (!p)
        return TR_ERR;
    int64_t mode = 0777;
    if (v[1] && int_arg(v[1], &mode) < 0)
        return TR_ERR;
    if (mkdir(p, (mode_t)mode) < 0)
        return os_error(v[0]);
    return TR_NONE;
}

static TrValue path_op(const char *fname, const TrValue *args, size_t nargs, TrValue kw,
                       int (*op)(const char *))
{
    static const char *const names[] = {"path", "dir_fd"};
    TrValue v[2] = {0};
    if (tr_parse_args(fname, args, nargs, kw, names, 1, 2, 0, 1, v) < 0)
        return TR_ERR;
    const char *p = path_arg(fname, "path", v[0], NULL);
    if (!p)
        return TR_ERR;
    if (op(p) < 0)
        return os_error(v[0]);
    return TR_NONE;
}

FN(os_remove) { return path_op("remove", args, nargs, kw, unlink); }
FN(os_unlink) { return path_op("unlink", args, nargs, kw, unlink); }
FN(os_rmdir) { return path_op("rmdir", args, nargs, kw, rmdir); }

static TrValue two_paths(const char *fname, const TrValue *args, size_t nargs, TrValue kw,
                         int (*op)(const char *, const char *))
{
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd"};
    TrValue v[4] = {0};
    if (tr_parse_args(fname, args, nargs, kw, names, 2, 4, 0, 2, v) < 0)
        return TR_ERR;
    const char *a = path_arg(fname, "src", v[0], NULL);
    if (!a)
        return TR_ERR;
    const char *b = path_arg(fname, "dst", v[1], NULL);
    if (!b)
        return TR_ERR;
    if (op(a, b) < 0)
        return os_error2(v[0], v[1]);
    return TR_NONE;
}

FN(os_rename) { return two_paths("rename", args, nargs, kw, rename); }
FN(os_replace) { return two_paths("replace", args, nargs, kw, rename); }
FN(os_link) { return two_paths("link", args, nargs, kw, link); }
FN(os_symlink) { return two_paths("symlink", args, nargs, kw, symlink); }

FN(os_chmod)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks"};
    TrValue v[4] = {0};
    if (tr_parse_args("chmod", args, nargs, kw, names, 2, 4, 0, 2, v) < 0)
        return TR_ERR;
    const char *p = path_arg("chmod", "path", v[0], NULL);
    int64_t mode;
    if (!p || int_arg(v[1], &mode) < 0)
        return TR_ERR;
    if (chmod(p, (mode_t)mode) < 0)
        return os_error(v[0]);
    return TR_NONE;
}

FN(os_access)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "effective_ids",
                                        "follow_symlinks"};
    TrValue v[5] = {0};
    if (tr_parse_args("access", args, nargs, kw, names, 2, 5, 0, 2, v) < 0)
        return TR_ERR;
    const char *p = path_arg("access", "path", v[0], NULL);
    int64_t mode;
    if (!p || int_arg(v[1], &mode) < 0)
        return TR_ERR;
    return tr_bool(access(p, (int)mode) == 0);
}

FN(os_readlink)
{
    if (tr_check_nargs("readlink", nargs, 1, 1) < 0)
        return TR_ERR;
    bool bytes;
    const char *p = path_arg("readlink", "path", args[0], &bytes);
    if (!p)
        return TR_ERR;
    char buf[4096];
    ssize_t n = readlink(p, buf, sizeof buf);
    if (n < 0)
        return os_error(args[0]);
    return bytes ? tr_bytes_new(buf, (size_t)n) : tr_str_from_utf8(buf, (size_t)n);
}

/* --- stat ------------------------------------------------------------------------------------- */

static const char *const stat_fields[] = {"st_mode",  "st_ino",   "st_dev",  "st_nlink",
                                          "st_uid",   "st_gid",   "st_size", "st_atime",
                                          "st_mtime", "st_ctime"};
#define STAT_N 10
/* Past the 10 visible items (the tuple's memory holds more): float times, then _ns times. */
enum { ST_FATIME = STAT_N, ST_FMTIME, ST_FCTIME, ST_NSA, ST_NSM, ST_NSC, ST_TOTAL };

extern TrType tr_stat_result_type;

static TrValue stat_repr(TrValue self)
{
    TrTuple *t = tr_as_tuple(self);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    tr_sbuild_ascii(&b, "os.stat_result(", 15);
    for (int i = 0; i < STAT_N; i++) {
        TrValue r = tr_repr(t->items[i]);
        if (r == TR_ERR)
            return TR_ERR;
        if (i)
            tr_sbuild_ascii(&b, ", ", 2);
        tr_sbuild_ascii(&b, stat_fields[i], strlen(stat_fields[i]));
        tr_sbuild_char(&b, '=');
        tr_sbuild_str(&b, r);
    }
    tr_sbuild_char(&b, ')');
    return tr_sbuild_finish(&b);
}

static TrValue stat_getattr(TrValue self, TrValue name)
{
    TrTuple *t = tr_as_tuple(self);
    for (int i = 0; i < STAT_N; i++)
        if (tr_str_eq_cstr(name, stat_fields[i]))
            return i >= 7 ? t->items[ST_FATIME + i - 7] : t->items[i];
    static const char *const ns[] = {"st_atime_ns", "st_mtime_ns", "st_ctime_ns"};
    for (int i = 0; i < 3; i++)
        if (tr_str_eq_cstr(name, ns[i]))
            return t->items[ST_NSA + i];
    return tr_generic_getattr(self, name);
}

static TrValue stat_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_raise(&tr_TypeError, "cannot create 'os.stat_result' instances");
}

TrType tr_stat_result_type = {
    .ob = {&tr_type_type}, .name = "stat_result", .base = &tr_tuple_type,
    .flags = TR_TYPE_TUPLE_SUB, .repr = stat_repr, .getattr = stat_getattr, .new = stat_new,
};

static TrValue ts_ns(struct timespec ts)
{
    return tr_int_add(tr_int_mul(tr_int_from_i64(ts.tv_sec), tr_int_from_i64(1000000000)),
                      tr_int_from_i64(ts.tv_nsec));
}

static TrValue stat_make(const struct stat *st)
{
    TrValue items[ST_TOTAL] = {
        tr_int_from_i64(st->st_mode),     tr_int_from_u64(st->st_ino),
        tr_int_from_u64(st->st_dev),      tr_int_from_i64((int64_t)st->st_nlink),
        tr_int_from_i64(st->st_uid),      tr_int_from_i64(st->st_gid),
        tr_int_from_i64(st->st_size),     tr_int_from_i64(st->st_atim.tv_sec),
        tr_int_from_i64(st->st_mtim.tv_sec), tr_int_from_i64(st->st_ctim.tv_sec),
        tr_float_new(st->st_atim.tv_sec + st->st_atim.tv_nsec * 1e-9),
        tr_float_new(st->st_mtim.tv_sec + st->st_mtim.tv_nsec * 1e-9),
        tr_float_new(st->st_ctim.tv_sec + st->st_ctim.tv_nsec * 1e-9),
        ts_ns(st->st_atim), ts_ns(st->st_mtim), ts_ns(st->st_ctim),
    };
    TrValue t = tr_tuple_from(items, ST_TOTAL);
    tr_as_tuple(t)->len = STAT_N;
    tr_obj(t)->type = &tr_stat_result_type;
    return t;
}

static TrValue do_stat(const char *fname, const TrValue *args, size_t nargs, TrValue kw,
                       bool follow)
{
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks"};
    TrValue v[3] = {0};
    if (tr_parse_args(fname, args, nargs, kw, names, 1, 3, 0, 1, v) < 0)
        return TR_ERR;
    if (v[2]) {
        int t = tr_truth(v[2]);
        if (t < 0)
            return TR_ERR;
        follow = follow && t;
    }
    struct stat st;
    int r;
    if (tr_is_int(v[0]) && v[0] != TR_TRUE && v[0] != TR_FALSE) {
        int64_t fd;
        if (tr_int_to_i64(v[0], &fd) < 0)
            return TR_ERR;
        r = fstat((int)fd, &st);
    } else {
        const char *p = path_arg(fname, "path", v[0], NULL);
        if (!p)
            return TR_ERR;
        r = follow ? stat(p, &st) : lstat(p, &st);
    }
    if (r < 0)
        return os_error(v[0]);
    return stat_make(&st);
}

FN(os_stat) { return do_stat("stat", args, nargs, kw, true); }
FN(os_lstat) { return do_stat("lstat", args, nargs, kw, false); }

/* _kind(path) -> 0 missing, 1 file, 2 folder, 3 other; 4|kind when path is a symlink. Lets
   os.path.exists/isfile/isdir/islink answer without raising and catching. */
FN(os_kind)
{
    if (tr_check_nargs("_kind", nargs, 1, 1) < 0)
        return TR_ERR;
    TrValue v = args[0];
    struct stat st;
    if (tr_is_int(v) && v != TR_TRUE && v != TR_FALSE) {
        int64_t fd;
        if (tr_int_to_i64(v, &fd) < 0) {
            tr_err_clear();
            return tr_small_new(0);
        }
        if (fstat((int)fd, &st) < 0)
            return tr_small_new(0);
    } else {
        const char *p = path_arg("stat", "path", v, NULL);
        if (!p) {
            if (tr_err_matches(&tr_ValueError)) {
                tr_err_clear();
                return tr_small_new(0);
            }
            return TR_ERR;
        }
        int link = lstat(p, &st) == 0 && S_ISLNK(st.st_mode) ? 4 : 0;
        if (stat(p, &st) < 0)
            return tr_small_new(link);
        return tr_small_new(link | (S_ISREG(st.st_mode) ? 1 : S_ISDIR(st.st_mode) ? 2 : 3));
    }
    return tr_small_new(S_ISREG(st.st_mode) ? 1 : S_ISDIR(st.st_mode) ? 2 : 3);
}

/* --- Process and environment ------------------------------------------------------------------ */

FN(os_getpid) { return tr_check_nargs("getpid", nargs, 0, 0) < 0 ? TR_ERR : tr_int_from_i64(getpid()); }
FN(os_getppid)
{
    return tr_check_nargs("getppid", nargs, 0, 0) < 0 ? TR_ERR : tr_int_from_i64(getppid());
}
FN(os_getuid) { return tr_check_nargs("getuid", nargs, 0, 0) < 0 ? TR_ERR : tr_int_from_i64(getuid()); }

FN(os_cpu_count)
{
    if (tr_check_nargs("cpu_count", nargs, 0, 0) < 0)
        return TR_ERR;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? TR_NONE : tr_int_from_i64(n);
}

/* The process environment at start-up, as a dict of str (what os.environ wraps). */
FN(os_environ_dict)
{
    TrValue d = tr_dict_new();
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        TrValue k = tr_str_from_utf8(*e, (size_t)(eq - *e));
        if (!tr_dict_get(d, k))
            tr_dict_set(d, k, tr_str_from_cstr(eq + 1));
    }
    return d;
}

static const char *env_arg(const char *fname, TrValue v)
{
    if (!tr_is_str(v) && !tr_is_bytes(v)) {
        tr_raise(&tr_TypeError, "str expected, not %s", tr_type_name(v));
        return NULL;
    }
    return path_arg(fname, "name", v, NULL);
}

FN(os_putenv)
{
    if (tr_check_nargs("putenv", nargs, 2, 2) < 0)
        return TR_ERR;
    const char *k = env_arg("putenv", args[0]), *v = k ? env_arg("putenv", args[1]) : NULL;
    if (!v)
        return TR_ERR;
    if (!*k || strchr(k, '='))
        return tr_raise(&tr_ValueError, "illegal environment variable name");
    if (setenv(k, v, 1) < 0)
        return os_error(0);
    return TR_NONE;
}

FN(os_unsetenv)
{
    if (tr_check_nargs("unsetenv", nargs, 1, 1) < 0)
        return TR_ERR;
    const char *k = env_arg("unsetenv", args[0]);
    if (!k)
        return TR_ERR;
    if (!*k || strchr(k, '='))
        return tr_raise(&tr_ValueError, "illegal environment variable name");
    unsetenv(k);
    return TR_NONE;
}

FN(os_system)
{
    static const char *const names[] = {"command"};
    TrValue v[1];
    if (tr_parse_args("system", args, nargs, kw, names, 1, 1, 0, 1, v) < 0)
        return TR_ERR;
    const char *c = path_arg("system", "command", v[0], NULL);
    if (!c)
        return TR_ERR;
    tr_io_flush_std();
    fflush(NULL);
    return tr_int_from_i64(system(c));
}

FN(os_strerror)
{
    int64_t code;
    if (tr_check_nargs("strerror", nargs, 1, 1) < 0 || int_arg(args[0], &code) < 0)
        return TR_ERR;
    return tr_str_from_cstr(strerror((int)code));
}

FN(os_urandom)
{
    int64_t n;
    if (tr_check_nargs("urandom", nargs, 1, 1) < 0 || int_arg(args[0], &n) < 0)
        return TR_ERR;
    if (n < 0)
        return tr_raise(&tr_ValueError, "negative argument not allowed");
    unsigned char *buf = tr_alloc_atomic((size_t)n + 1);
    FILE *f = fopen("/dev/urandom", "rb");
    if (!f)
        return os_error(0);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    if (got != (size_t)n)
        return tr_io_raise_errno(EIO, 0);
    return tr_bytes_new(buf, (size_t)n);
}

FN(os_fspath)
{
    static const char *const names[] = {"path"};
    TrValue v[1];
    if (tr_parse_args("fspath", args, nargs, kw, names, 1, 1, 0, 1, v) < 0)
        return TR_ERR;
    if (tr_is_str(v[0]) || tr_is_bytes(v[0]))
        return v[0];
    TrValue fs = tr_getattr_opt(tr_val(tr_type_of(v[0])), tr_str_intern_cstr("__fspath__"));
    if (!fs) {
        if (tr_err_occurred())
            return TR_ERR;
        return tr_raise(&tr_TypeError, "expected str, bytes or os.PathLike object, not %s",
                        tr_type_name(v[0]));
    }
    TrValue r = tr_call_method(v[0], "__fspath__", NULL, 0);
    if (r != TR_ERR && !tr_is_str(r) && !tr_is_bytes(r))
        return tr_raise(&tr_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                        tr_type_name(v[0]), tr_type_name(r));
    return r;
}

/* --- File descriptors ------------------------------------------------------------------------- */

FN(os_open)
{
    static const char *const names[] = {"path", "flags", "mode", "dir_fd"};
    TrValue v[4] = {0};
    if (tr_parse_args("open", args, nargs, kw, names, 2, 4, 0, 3, v) < 0)
        return TR_ERR;
    const char *p = path_arg("open", "path", v[0], NULL);
    int64_t flags, mode = 0777;
    if (!p || int_arg(v[1], &flags) < 0 || (v[2] && int_arg(v[2], &mode) < 0))
        return TR_ERR;
    int fd = open(p, (int)flags | O_CLOEXEC, (mode_t)mode);
    if (fd < 0)
        return os_error(v[0]);
    return tr_int_from_i64(fd);
}

FN(os_close)
{
    int64_t fd;
    if (tr_check_nargs("close", nargs, 1, 1) < 0 || int_arg(args[0], &fd) < 0)
        return TR_ERR;
    if (close((int)fd) < 0)
        return os_error(0);
    return TR_NONE;
}

FN(os_read)
{
    int64_t fd, n;
    if (tr_check_nargs("read", nargs, 2, 2) < 0 || int_arg(args[0], &fd) < 0 ||
        int_arg(args[1], &n) < 0)
        return TR_ERR;
    if (n < 0)
        return tr_raise(&tr_ValueError, "negative length");
    char *buf = tr_alloc_atomic((size_t)n + 1);
    ssize_t got = read((int)fd, buf, (size_t)n);
    if (got < 0)
        return os_error(0);
    return tr_bytes_new(buf, (size_t)got);
}

FN(os_write)
{
    int64_t fd;
    if (tr_check_nargs("write", nargs, 2, 2) < 0 || int_arg(args[0], &fd) < 0)
        return TR_ERR;
    if (!tr_is_bytes(args[1]))
        return tr_raise(&tr_TypeError, "a bytes-like object is required, not '%s'",
                        tr_type_name(args[1]));
    if ((int)fd == 1 || (int)fd == 2)
        tr_io_flush_std();
    TrBytes *b = (TrBytes *)tr_obj(args[1]);
    ssize_t n = write((int)fd, b->data, (size_t)b->len);
    if (n < 0)
        return os_error(0);
    return tr_int_from_i64(n);
}

FN(os_isatty)
{
    int64_t fd;
    if (tr_check_nargs("isatty", nargs, 1, 1) < 0 || int_arg(args[0], &fd) < 0)
        return TR_ERR;
    return tr_bool(isatty((int)fd));
}

FN(os_exit)
{
    int64_t code;
    if (tr_check_nargs("_exit", nargs, 1, 1) < 0 || int_arg(args[0], &code) < 0)
        return TR_ERR;
    _exit((int)code);
}

static const TrMethodDef os_functions[] = {
    {"getcwd", os_getcwd, 0},       {"getcwdb", os_getcwdb, 0},   {"chdir", os_chdir, 0},
    {"listdir", os_listdir, 0},     {"mkdir", os_mkdir, 0},       {"remove", os_remove, 0},
    {"unlink", os_unlink, 0},       {"rmdir", os_rmdir, 0},       {"rename", os_rename, 0},
    {"replace", os_replace, 0},     {"link", os_link, 0},         {"symlink", os_symlink, 0},
    {"chmod", os_chmod, 0},         {"access", os_access, 0},     {"readlink", os_readlink, 0},
    {"stat", os_stat, 0},           {"lstat", os_lstat, 0},       {"getpid", os_getpid, 0},
    {"getppid", os_getppid, 0},     {"getuid", os_getuid, 0},     {"cpu_count", os_cpu_count, 0},
    {"putenv", os_putenv, 0},       {"unsetenv", os_unsetenv, 0}, {"system", os_system, 0},
    {"strerror", os_strerror, 0},   {"urandom", os_urandom, 0},   {"fspath", os_fspath, 0},
    {"open", os_open, 0},           {"close", os_close, 0},       {"read", os_read, 0},
    {"write", os_write, 0},         {"isatty", os_isatty, 0},     {"_exit", os_exit, 0},
    {"_environ_dict", os_environ_dict, 0},
    {"_listdir_types", os_listdir_types, 0},
    {"_kind", os_kind, 0},
    {NULL, NULL, 0},
};

static void add_int(TrValue m, const char *name, int64_t v)
{
    tr_module_add(m, name, tr_int_from_i64(v));
}

static void add_str(TrValue m, const char *name, const char *v)
{
    tr_module_add(m, name, tr_str_from_cstr(v));
}

/* Imports lib module `name` (os is already in sys.modules, for its `import os`). */
static TrValue import_lib(const char *name)
{
    return tr_import(tr_str_from_cstr(name), 0, 0, 0);
}

TrValue tr_mod_os_init(void)
{
    TrValue m = tr_module_new(tr_str_intern_cstr("os"));
    tr_module_add_functions(m, os_functions);
    tr_mod_set_type_module(&tr_stat_result_type, "os");
    tr_module_add(m, "stat_result", tr_val(&tr_stat_result_type));
    tr_module_add(m, "error", tr_val(&tr_OSError));
    add_str(m, "name", "posix");
    add_str(m, "sep", "/");
    add_str(m, "pathsep", ":");
    add_str(m, "linesep", "\n");
    add_str(m, "curdir", ".");
    add_str(m, "pardir", "..");
    add_str(m, "extsep", ".");
    add_str(m, "defpath", "/bin:/usr/bin");
    add_str(m, "devnull", "/dev/null");
    tr_module_add(m, "altsep", TR_NONE);
    add_int(m, "F_OK", F_OK);
    add_int(m, "R_OK", R_OK);
    add_int(m, "W_OK", W_OK);
    add_int(m, "X_OK", X_OK);
    add_int(m, "O_RDONLY", O_RDONLY);
    add_int(m, "O_WRONLY", O_WRONLY);
    add_int(m, "O_RDWR", O_RDWR);
    add_int(m, "O_APPEND", O_APPEND);
    add_int(m, "O_CREAT", O_CREAT);
    add_int(m, "O_EXCL", O_EXCL);
    add_int(m, "O_TRUNC", O_TRUNC);
    add_int(m, "SEEK_SET", SEEK_SET);
    add_int(m, "SEEK_CUR", SEEK_CUR);
    add_int(m, "SEEK_END", SEEK_END);

    TrValue modules = tr_sys_modules();
    TrValue name = tr_str_intern_cstr("os");
    tr_dict_set(modules, name, m);
    TrValue path = import_lib("posixpath");
    if (path == TR_ERR) {
        tr_dict_del(modules, name);
        return TR_ERR;
    }
    tr_module_add(m, "path", path);
    tr_dict_set_cstr(modules, "os.path", path);
    TrValue help = import_lib("_oshelp");
    if (help == TR_ERR) {
        tr_dict_del(modules, name);
        return TR_ERR;
    }
    static const char *const from_help[] = {"environ", "getenv", "walk", "makedirs",
                                            "removedirs", "scandir", "DirEntry", "fsencode",
                                            "fsdecode", "PathLike", "get_exec_path"};
    for (size_t i = 0; i < TR_ARRAY_LEN(from_help); i++) {
        TrValue v = tr_getattr_cstr(help, from_help[i]);
        if (v == TR_ERR) {
            tr_dict_del(modules, name);
            return TR_ERR;
        }
        tr_module_add(m, from_help[i], v);
    }
    return m;
}
